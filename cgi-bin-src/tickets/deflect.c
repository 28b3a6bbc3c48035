/*
 * Deflection while filing (issue 12, item 2): while someone fills in a
 * service's form, knowledge base articles that may answer the question
 * are offered, and every filing is recorded (ticket_deflections): the
 * articles shown, which of them were opened, "my question is answered",
 * and the ticket raised after all.  GET /tickets/deflection shows the
 * figure per service for agents and administrators.
 *
 * With JavaScript, htdocs/js/tickets-deflect.js asks the kb worker for
 * suggestions (/kb/suggest, over HTTP: workers never link each other's
 * code) as the subject and description are typed, and reports the
 * articles it showed (POST /tickets/deflect/shown), which makes the filing
 * and gives its links through GET /tickets/deflect/<id>/open/<article>:
 * an opening is recorded whether the link opens in the same tab or a new
 * one.  The form then carries the filing's id (field "deflection") and
 * "suggested=script", so its submit raises the ticket at once.
 *
 * Without it, the first submit of a valid form comes back with the
 * articles (tk_deflect_offer, called by raise.c).  For that this file
 * reads the knowledge base's tables itself, with the kb worker's rule of
 * who may read what (published, and the article's audience against
 * kb.read.customer, kb.read.partner and kb.read.internal: KB_READABLE
 * below, the same test as cgi-bin-src/kb/audience.c), ranked like the kb
 * worker's FULLTEXT fallback (any word; a title match three times one in
 * the text), with the subject counted again.  That, rather than an nginx SSI include of /kb/suggest's
 * fragment, because the filing must know the ids it showed and the links
 * must come through here to record an opening.  The page holds every
 * value of the form in hidden fields (a multiple choice as one field per
 * option chosen), so "raise it anyway" sends the same form again, with
 * the filing's id.  Files are not carried over: the first submit held
 * them in memory only, and their fields ask for them again, naming the
 * file chosen.  Keeping them would mean writing files for filings that
 * may never become tickets, and a sweeper for those left behind.
 * "My question is answered" (POST /tickets/deflect/<id>/answered) records
 * it and raises nothing.
 *
 * The filings are statistics like the knowledge base's search log, not
 * business data, so they write no audit rows.
 */
#include <stdlib.h>
#include <string.h>

#include "tickets.h"

#define SUGGEST_MAX	5	/* articles offered at once, as /kb/suggest */
#define CANDIDATES	20	/* texts ranked: an article may match in several languages */
#define QUERY_MAX_BYTES	1000	/* of the subject and description searched */
#define SHOWN_MAX	50	/* articles recorded for one filing */
#define ID_MAX_DIGITS	18

/*
 * The kb worker's visibility test for an article aliased a (and its
 * status): binds kb.read.customer, kb.read.partner, kb.read.internal.
 */
#define KB_READABLE \
	" a.status = 'published' AND (a.audience = 'public' OR (a.audience = 'customer' AND ?)" \
	" OR (a.audience = 'partner' AND ?) OR (a.audience = 'internal' AND ?))"
#define KB_READABLE_BINDS(req) \
	pt_int(pt_can((req), "kb.read.customer")), pt_int(pt_can((req), "kb.read.partner")), \
	pt_int(pt_can((req), "kb.read.internal"))

#define NOW "UTC_TIMESTAMP(6)"

enum deflect_sql {
	SQL_SUGGEST,
	SQL_READABLE,
	SQL_SERVICE,
	SQL_INSERT,
	SQL_LOCK,
	SQL_ARTICLE,
	SQL_COUNT,
	SQL_LOAD,
	SQL_ARTICLES,
	SQL_OPEN,
	SQL_SHOWN,
	SQL_ANSWERED,
	SQL_RAISED,
	SQL_RAISED_NEW,
	SQL_STATS,
	SQL__MAX
};

static const struct pt_sql sql[SQL__MAX] = {
	/*
	 * Binds: q (subject and description), audience x3, subject x2, q,
	 * lang.  The subject weighs more: it says what it is about, a long
	 * description has many words that match anything.
	 */
	[SQL_SUGGEST] = { "tk_deflect_suggest",
	    "SELECT a.id, t.lang, t.title, t.summary"
	    " FROM kb_article_texts t JOIN kb_articles a ON a.id = t.article_id"
	    " WHERE MATCH(t.title, t.summary, t.body_text) AGAINST (?) AND" KB_READABLE
	    " ORDER BY 3 * MATCH(t.title) AGAINST (?) + MATCH(t.title, t.summary, t.body_text)"
	    "   AGAINST (?) + MATCH(t.title, t.summary, t.body_text) AGAINST (?) DESC,"
	    " t.lang = ? DESC, a.id LIMIT " TK_XSTR(CANDIDATES) },
	/* The articles of a JSON list the reader may read.  Binds: list, audience x3. */
	[SQL_READABLE] = { "tk_deflect_readable",
	    "SELECT a.id FROM JSON_TABLE(?, '$[*]' COLUMNS (pos FOR ORDINALITY, id BIGINT PATH '$')) j"
	    " JOIN kb_articles a ON a.id = j.id WHERE" KB_READABLE " ORDER BY j.pos" },
	/* A service the reader's organisation may use.  Binds: org, slug. */
	[SQL_SERVICE] = { "tk_deflect_service",
	    "SELECT s.id FROM ticket_services s JOIN ticket_categories c ON c.id = s.category_id"
	    PT_TICKET_AUDIENCE_JOIN
	    " WHERE s.slug = ? AND s.active = 1 AND c.active = 1 AND" PT_TICKET_AUDIENCE_SQL },
	[SQL_INSERT] = { "tk_deflect_insert",
	    "INSERT INTO ticket_deflections (user_id, org_id, service_id, via, created_at, updated_at)"
	    " VALUES (?, ?, ?, ?, " NOW ", " NOW ")" },
	/* One's own filing, not raised yet (binds: id, user, service). */
	[SQL_LOCK] = { "tk_deflect_lock",
	    "SELECT id, shown_count FROM ticket_deflections"
	    " WHERE id = ? AND user_id = ? AND service_id = ? AND ticket_id IS NULL FOR UPDATE" },
	[SQL_ARTICLE] = { "tk_deflect_article",
	    "INSERT IGNORE INTO ticket_deflection_articles (deflection_id, article_id, position, shown_at)"
	    " VALUES (?, ?, ?, " NOW ")" },
	[SQL_COUNT] = { "tk_deflect_count",
	    "UPDATE ticket_deflections SET shown_count = ?, updated_at = " NOW " WHERE id = ?" },
	/* Binds: lang, id, user. */
	[SQL_LOAD] = { "tk_deflect_load",
	    "SELECT d.id, d.ticket_id, d.answered_at IS NOT NULL, s.slug,"
	    " COALESCE(st.name, se.name, s.slug), tk.number"
	    " FROM ticket_deflections d JOIN ticket_services s ON s.id = d.service_id"
	    " LEFT JOIN ticket_service_texts st ON st.service_id = s.id AND st.lang = ?"
	    " LEFT JOIN ticket_service_texts se ON se.service_id = s.id AND se.lang = 'en'"
	    " LEFT JOIN tickets tk ON tk.id = d.ticket_id"
	    " WHERE d.id = ? AND d.user_id = ?" },
	/* The texts of a filing's articles the reader may read.  Binds: id, audience x3, lang. */
	[SQL_ARTICLES] = { "tk_deflect_articles",
	    "SELECT x.article_id, t.lang, t.title, t.summary"
	    " FROM ticket_deflection_articles x JOIN kb_articles a ON a.id = x.article_id"
	    " JOIN kb_article_texts t ON t.article_id = a.id"
	    " WHERE x.deflection_id = ? AND" KB_READABLE
	    " ORDER BY x.position, t.lang = ? DESC, t.lang = 'en' DESC, t.lang" },
	/* The first opening of an article of one's own filing.  Binds: id, article, user. */
	[SQL_OPEN] = { "tk_deflect_open",
	    "UPDATE ticket_deflection_articles x JOIN ticket_deflections d ON d.id = x.deflection_id"
	    " SET x.opened_at = " NOW ", d.opened_count = d.opened_count + 1, d.updated_at = " NOW
	    " WHERE x.deflection_id = ? AND x.article_id = ? AND d.user_id = ? AND x.opened_at IS NULL" },
	[SQL_SHOWN] = { "tk_deflect_shown",
	    "SELECT 1 FROM ticket_deflection_articles x JOIN ticket_deflections d ON d.id = x.deflection_id"
	    " WHERE x.deflection_id = ? AND x.article_id = ? AND d.user_id = ?" },
	[SQL_ANSWERED] = { "tk_deflect_answered",
	    "UPDATE ticket_deflections SET answered_at = COALESCE(answered_at, " NOW "),"
	    " updated_at = " NOW " WHERE id = ? AND user_id = ?" },
	/* Binds: ticket, id, user. */
	[SQL_RAISED] = { "tk_deflect_raised",
	    "UPDATE ticket_deflections SET ticket_id = ?,"
	    " updated_at = " NOW " WHERE id = ? AND user_id = ? AND ticket_id IS NULL" },
	/* A filing that showed nothing (binds: user, org, service, via, ticket). */
	[SQL_RAISED_NEW] = { "tk_deflect_raised_new",
	    "INSERT INTO ticket_deflections (user_id, org_id, service_id, via, ticket_id, created_at,"
	    " updated_at) VALUES (?, ?, ?, ?, ?, " NOW ", " NOW ")" },
	/* The figure per service since days ago (binds: lang, days), from the view. */
	[SQL_STATS] = { "tk_deflect_stats",
	    "SELECT s.slug, COALESCE(st.name, se.name, s.slug), SUM(v.filings), SUM(v.with_suggestions),"
	    " SUM(v.opened), SUM(v.answered), SUM(v.raised), SUM(v.deflected)"
	    " FROM ticket_deflection_daily v JOIN ticket_services s ON s.id = v.service_id"
	    " LEFT JOIN ticket_service_texts st ON st.service_id = s.id AND st.lang = ?"
	    " LEFT JOIN ticket_service_texts se ON se.service_id = s.id AND se.lang = 'en'"
	    " WHERE v.day >= UTC_DATE() - INTERVAL ? DAY"
	    " GROUP BY s.id, s.slug, st.name, se.name ORDER BY SUM(v.filings) DESC, s.slug" },
};

enum { G_ID, G_LANG, G_TITLE, G_SUMMARY };			/* SQL_SUGGEST, SQL_ARTICLES */
enum { L_ID, L_TICKET, L_ANSWERED, L_SLUG, L_SERVICE, L_NUMBER };	/* SQL_LOAD */

/* The id in s (1..18 digits), else 0. */
static long long
id_of(const char *s)
{
	if (s == NULL || strlen(s) > ID_MAX_DIGITS || !pt_valid(PT_V_ID, s, strlen(s)))
		return 0;
	return strtoll(s, NULL, 10);
}

/* The link that records an opening of article of filing id. */
static const char *
open_href(struct pt_req *req, long long id, const char *article)
{
	return pt_printf(req, "/tickets/deflect/%lld/open/%s", id, article);
}

/*
 * <articles><article id href lang title summary/></articles> under parent:
 * of rows (SQL_SUGGEST or SQL_ARTICLES, ordered best or first shown
 * first), each article once, at most max.  The ids go to ids when not NULL.
 */
static size_t
articles_node(struct pt_req *req, xmlNodePtr parent, const struct pt_rows *rows, long long filing,
    size_t max, long long *ids)
{
	xmlNodePtr as = pt_node(parent, "articles", NULL);
	size_t i, j, n = 0;

	for (i = 0; i < rows->nrows && n < max; i++) {
		const char *id = pt_cell(rows, i, G_ID);
		xmlNodePtr a;

		for (j = 0; j < i && strcmp(pt_cell(rows, j, G_ID), id) != 0; j++)
			;
		if (j < i)
			continue;	/* its best text is listed already */
		a = pt_node(as, "article", NULL);
		pt_attr(a, "id", id);
		pt_attr(a, "href", open_href(req, filing, id));
		pt_attr(a, "lang", pt_cell(rows, i, G_LANG));
		pt_attr(a, "title", pt_cell(rows, i, G_TITLE));
		pt_attr(a, "summary", pt_cell(rows, i, G_SUMMARY));
		if (ids != NULL)
			ids[n] = strtoll(id, NULL, 10);
		n++;
	}
	return n;
}

/* What is searched: the subject and the start of the description, cut on a character. */
static const char *
query_of(struct pt_req *req, const char *subject, const char *body)
{
	const char *q = pt_printf(req, "%s %s", subject, body);
	size_t n;

	if (q == NULL || strlen(q) <= QUERY_MAX_BYTES)
		return q;
	n = QUERY_MAX_BYTES;
	while (n > 0 && ((unsigned char)q[n] & 0xc0) == 0x80)
		n--;
	return pt_arena_strndup(req->arena, q, n);
}

/* Record articles ids[0..n-1] as shown by filing id, which had shown of them. */
static int
record_shown(struct pt_req *req, long long id, long long shown, const long long *ids, size_t n)
{
	unsigned long long added;
	size_t i;
	int rc;

	for (i = 0; i < n && shown < SHOWN_MAX; i++) {
		if ((rc = pt_db_exec(req, &sql[SQL_ARTICLE], PT_BINDS(pt_int(id), pt_int(ids[i]),
		    pt_int(shown)), &added)) != PT_OK)
			return rc;
		shown += (long long)added;
	}
	return pt_db_exec(req, &sql[SQL_COUNT], PT_BINDS(pt_int(shown), pt_int(id)), NULL);
}

/* A new filing of the session's user for service; its id into *id. */
static int
filing_create(struct pt_req *req, long long service_id, const char *via, long long *id)
{
	const struct pt_user *u = req->session.user;
	int rc;

	if ((rc = pt_db_exec(req, &sql[SQL_INSERT], PT_BINDS(pt_int(u->id), pt_int(u->org_id),
	    pt_int(service_id), pt_str(via)), NULL)) != PT_OK)
		return rc;
	*id = (long long)pt_db_insert_id();
	return PT_OK;
}

/*
 * The user's filing id for service, not raised yet: PT_OK with *shown, or
 * PT_ENOTFOUND.  Locked when called inside a transaction.
 */
static int
filing_lock(struct pt_req *req, long long id, long long service_id, long long *shown)
{
	struct pt_rows rows;
	int rc;

	if ((rc = pt_db_query(req, &sql[SQL_LOCK], &rows, PT_BINDS(pt_int(id),
	    pt_int(req->session.user->id), pt_int(service_id)))) != PT_OK)
		return rc;
	if (rows.nrows != 1)
		return PT_ENOTFOUND;
	*shown = pt_cell_int(&rows, 0, 1);
	return PT_OK;
}

/* 1 if the form says its script offered suggestions as it was typed. */
static int
suggested_by_script(struct pt_req *req)
{
	const char *v = pt_form(req, "suggested");

	return v != NULL && strcmp(v, "script") == 0;
}

int
tk_deflect_offer(struct pt_req *req, long long service_id, const char *slug,
    const char *service_name, const struct tk_form *form, const char *subject, const char *body,
    long long *filing)
{
	long long id = id_of(pt_form(req, "deflection")), shown, ids[SUGGEST_MAX];
	struct pt_rows rows;
	const char *q;
	xmlNodePtr p, f, sv;
	size_t i, n;
	int rc;

	*filing = 0;
	if (id > 0) {
		/* "Raise it anyway", or a submit after the script's suggestions. */
		if ((rc = filing_lock(req, id, service_id, &shown)) == PT_OK) {
			*filing = id;
			return 0;
		}
		if (rc != PT_ENOTFOUND)
			return rc;
	}
	if (suggested_by_script(req))
		return 0;
	if ((q = query_of(req, subject, body)) == NULL)
		return PT_ENOMEM;
	if ((rc = pt_db_query(req, &sql[SQL_SUGGEST], &rows, PT_BINDS(pt_str(q),
	    KB_READABLE_BINDS(req), pt_str(subject), pt_str(subject), pt_str(q),
	    pt_str(req->lang)))) != PT_OK)
		return rc;
	if (rows.nrows == 0)
		return 0;	/* nothing to offer: raised at once */

	p = pt_node(req->page, "deflect", NULL);
	pt_attr(p, "state", "offer");
	if ((rc = pt_db_begin(req)) != PT_OK)
		return rc;
	if ((rc = filing_create(req, service_id, "form", &id)) != PT_OK)
		goto fail;
	n = articles_node(req, p, &rows, id, SUGGEST_MAX, ids);
	if ((rc = record_shown(req, id, 0, ids, n)) != PT_OK || (rc = pt_db_commit(req)) != PT_OK)
		goto fail;

	pt_attr_int(p, "id", id);
	pt_attr(p, "action", pt_printf(req, "/tickets/new/%s", slug));
	pt_attr(p, "answered-action", pt_printf(req, "/tickets/deflect/%lld/answered", id));
	sv = pt_node(p, "service", service_name);
	pt_attr(sv, "slug", slug);
	tk_fields_node(req, p, form);
	/* The files chosen, to be chosen again. */
	for (i = 0; i < form->n; i++)
		if (form->f[i].file.n == 1)
			pt_attr(pt_node(p, "chosen", form->f[i].file.f[0].up->filename), "field",
			    form->f[i].param);
	f = pt_node(req->page, "form", NULL);
	pt_attr(f, "name", "ticket");
	pt_attr(pt_node(f, "field", subject), "name", "subject");
	pt_attr(pt_node(f, "field", body), "name", "description");
	tk_fields_echo(f, form);
	pt_attr(pt_node(f, "field", pt_printf(req, "%lld", id)), "name", "deflection");
	req->view = "deflect";
	return 200;
fail:
	pt_db_rollback(req);
	return rc;
}

int
tk_deflect_raised(struct pt_req *req, long long filing, long long service_id, long long ticket_id)
{
	const struct pt_user *u = req->session.user;
	unsigned long long n = 0;
	int rc;

	if (filing > 0) {
		if ((rc = pt_db_exec(req, &sql[SQL_RAISED], PT_BINDS(pt_int(ticket_id), pt_int(filing),
		    pt_int(u->id)), &n)) != PT_OK)
			return rc;
		if (n == 1)
			return PT_OK;
	}
	/* No suggestion was shown (or the filing went meanwhile): a filing raised at once. */
	return pt_db_exec(req, &sql[SQL_RAISED_NEW], PT_BINDS(pt_int(u->id), pt_int(u->org_id),
	    pt_int(service_id), pt_str(suggested_by_script(req) ? "script" : "form"),
	    pt_int(ticket_id)), NULL);
}

/*
 * POST /tickets/deflect/shown (the form's script): service (slug), article
 * (up to SUGGEST_MAX ids) and deflection (the filing's id, once it has
 * one).  Answers <deflection id shown/> (200, for ?format=xml or Accept:
 * application/xml), else 303 back to the form.  Articles the reader may
 * not read are left out.
 */
static int
shown_post(struct pt_req *req)
{
	const char *slug = pt_form(req, "service"), *json = "[";
	long long id = id_of(pt_form(req, "deflection")), service_id, shown = 0;
	long long ids[SUGGEST_MAX];
	struct pt_rows svc, ok;
	xmlNodePtr d;
	size_t i, n = 0;
	int rc;

	for (i = 0; i < req->form.n; i++) {
		long long a;

		if (strcmp(req->form.v[i].name, "article") != 0)
			continue;
		if ((a = id_of(req->form.v[i].value)) == 0 || n == SUGGEST_MAX)
			return pt_error_page(req, 400, NULL);
		if ((json = pt_printf(req, "%s%s%lld", json, n > 0 ? "," : "", a)) == NULL)
			return PT_ENOMEM;
		n++;
	}
	if (n == 0 || slug == NULL || strlen(slug) > 60)
		return pt_error_page(req, 400, NULL);
	if ((json = pt_printf(req, "%s]", json)) == NULL)
		return PT_ENOMEM;
	if ((rc = pt_db_query(req, &sql[SQL_SERVICE], &svc, PT_BINDS(pt_int(
	    req->session.user->org_id), pt_str(slug)))) != PT_OK ||
	    (rc = pt_db_query(req, &sql[SQL_READABLE], &ok, PT_BINDS(pt_str(json),
	    KB_READABLE_BINDS(req)))) != PT_OK)
		return rc;
	if (svc.nrows != 1)
		return pt_error_page(req, 404, NULL);
	service_id = pt_cell_int(&svc, 0, 0);
	for (i = 0, n = 0; i < ok.nrows && n < SUGGEST_MAX; i++)
		ids[n++] = pt_cell_int(&ok, i, 0);

	if ((rc = pt_db_begin(req)) != PT_OK)
		return rc;
	rc = id > 0 ? filing_lock(req, id, service_id, &shown) : PT_ENOTFOUND;
	/* A filing that is not this form's (another service, raised): a new one. */
	if (rc == PT_ENOTFOUND)
		rc = filing_create(req, service_id, "script", &id);
	if (rc != PT_OK || (rc = record_shown(req, id, shown, ids, n)) != PT_OK ||
	    (rc = pt_db_commit(req)) != PT_OK) {
		pt_db_rollback(req);
		return rc;
	}
	if (!req->want_xml)
		return pt_redirect(req, pt_printf(req, "/tickets/new/%s", slug));
	d = pt_node(req->page, "deflection", NULL);
	pt_attr_int(d, "id", id);
	pt_attr(d, "href-prefix", pt_printf(req, "/tickets/deflect/%lld/open/", id));
	pt_attr(d, "answered-action", pt_printf(req, "/tickets/deflect/%lld/answered", id));
	req->view = "deflect";
	return 200;
}

/*
 * GET /tickets/deflect/<id>/open/<article>: record that the filing's
 * article was opened (the first time counts), then 303 to the article,
 * whose page applies its own access rule.  Only an article the filing
 * showed, of one's own filing; anything else 404.
 */
static int
open_article(struct pt_req *req)
{
	long long id = id_of(req->caps[1]), article = id_of(req->caps[2]);
	struct pt_rows rows;
	unsigned long long n = 0;
	int rc;

	if (id == 0 || article == 0)
		return pt_error_page(req, 404, NULL);
	if ((rc = pt_db_exec(req, &sql[SQL_OPEN], PT_BINDS(pt_int(id), pt_int(article),
	    pt_int(req->session.user->id)), &n)) != PT_OK)
		return rc;
	if (n == 0) {
		if ((rc = pt_db_query(req, &sql[SQL_SHOWN], &rows, PT_BINDS(pt_int(id),
		    pt_int(article), pt_int(req->session.user->id)))) != PT_OK)
			return rc;
		if (rows.nrows != 1)
			return pt_error_page(req, 404, NULL);
	}
	return pt_redirect(req, pt_printf(req, "/kb/articles/%lld", article));
}

/* POST /tickets/deflect/<id>/answered: "my question is answered"; nothing is raised. */
static int
answered_post(struct pt_req *req)
{
	long long id = id_of(req->caps[1]);
	unsigned long long n = 0;
	int rc;

	if (id == 0)
		return pt_error_page(req, 404, NULL);
	if ((rc = pt_db_exec(req, &sql[SQL_ANSWERED], PT_BINDS(pt_int(id),
	    pt_int(req->session.user->id)), &n)) != PT_OK)
		return rc;
	if (n == 0)
		return pt_error_page(req, 404, NULL);
	return pt_redirect(req, pt_printf(req, "/tickets/deflect/%lld?done=answered", id));
}

/* GET /tickets/deflect/<id>: one's own filing, its articles, and what came of it. */
static int
filing_page(struct pt_req *req)
{
	long long id = id_of(req->caps[1]);
	struct pt_rows f, rows;
	xmlNodePtr p, sv;
	int rc;

	if (id == 0)
		return pt_error_page(req, 404, NULL);
	if ((rc = pt_db_query(req, &sql[SQL_LOAD], &f, PT_BINDS(pt_str(req->lang), pt_int(id),
	    pt_int(req->session.user->id)))) != PT_OK)
		return rc;
	if (f.nrows != 1)
		return pt_error_page(req, 404, NULL);
	if ((rc = pt_db_query(req, &sql[SQL_ARTICLES], &rows, PT_BINDS(pt_int(id),
	    KB_READABLE_BINDS(req), pt_str(req->lang)))) != PT_OK)
		return rc;
	p = pt_node(req->page, "deflect", NULL);
	pt_attr_int(p, "id", id);
	pt_attr(p, "state", pt_cell(&f, 0, L_TICKET) != NULL ? "raised" :
	    pt_cell_int(&f, 0, L_ANSWERED) ? "answered" : "filing");
	pt_attr(p, "action", pt_printf(req, "/tickets/new/%s", pt_cell(&f, 0, L_SLUG)));
	pt_attr(p, "answered-action", pt_printf(req, "/tickets/deflect/%lld/answered", id));
	if (pt_cell(&f, 0, L_NUMBER) != NULL)
		pt_attr(p, "ticket", pt_cell(&f, 0, L_NUMBER));
	sv = pt_node(p, "service", pt_cell(&f, 0, L_SERVICE));
	pt_attr(sv, "slug", pt_cell(&f, 0, L_SLUG));
	articles_node(req, p, &rows, id, SHOWN_MAX, NULL);
	if (pt_query(req, "done") != NULL && strcmp(pt_query(req, "done"), "answered") == 0)
		pt_message(req, "success", "tickets.deflect.done.answered", NULL);
	req->view = "deflect";
	return 200;
}

/* The periods the figures may cover, in days, and the one shown first. */
static const char *const periods[] = { "7", "30", "90", "365" };
#define PERIOD_DEFAULT "30"

const char *
tk_period(struct pt_req *req)
{
	const char *d = pt_query(req, "days");

	return pt_one_of(d, periods, PT_NELEM(periods)) ? d : PERIOD_DEFAULT;
}

void
tk_periods_node(xmlNodePtr parent, const char *current)
{
	xmlNodePtr ps = pt_node(parent, "periods", NULL);
	size_t i;

	pt_attr(ps, "current", current);
	for (i = 0; i < PT_NELEM(periods); i++)
		pt_attr(pt_node(ps, "period", NULL), "days", periods[i]);
}

/* The figures are for agents, and for managers and administrators (the dashboard's readers). */
int
tk_may_see_figures(const struct pt_req *req)
{
	return pt_can(req, "tickets.work") || pt_can(req, "admin.dashboard");
}

/*
 * GET /tickets/deflection?days=: per service, the filings of the period,
 * how many were shown articles, opened one, said it was answered, raised
 * a ticket, and were deflected (shown articles, no ticket), from the view
 * ticket_deflection_daily (migration 0029), which the dashboard reads too.
 */
static int
stats_page(struct pt_req *req)
{
	static const char *const cols[] = { "filings", "with-suggestions", "opened", "answered",
	    "raised", "deflected" };
	long long total[PT_NELEM(cols)] = { 0 };
	const char *days = tk_period(req);
	struct pt_rows rows;
	xmlNodePtr p, t;
	size_t i, c;
	int rc;

	if (!tk_may_see_figures(req))
		return pt_error_page(req, 403, NULL);
	if ((rc = pt_db_query(req, &sql[SQL_STATS], &rows, PT_BINDS(pt_str(req->lang),
	    pt_int(strtoll(days, NULL, 10))))) != PT_OK)
		return rc;
	p = pt_node(req->page, "deflection-figures", NULL);
	tk_periods_node(p, days);
	for (i = 0; i < rows.nrows; i++) {
		xmlNodePtr s = pt_node(p, "service", pt_cell(&rows, i, 1));

		pt_attr(s, "slug", pt_cell(&rows, i, 0));
		for (c = 0; c < PT_NELEM(cols); c++) {
			pt_attr(s, cols[c], pt_cell(&rows, i, 2 + c));
			total[c] += pt_cell_int(&rows, i, 2 + c);
		}
	}
	t = pt_node(p, "total", NULL);
	for (c = 0; c < PT_NELEM(cols); c++)
		pt_attr_int(t, cols[c], total[c]);
	req->view = "deflection";
	return 200;
}

#define FILING "/tickets/deflect/(\\d{1,18})"
#define CREATE "tickets.create"

static const struct pt_route routes[] = {
	{ PT_POST, "/tickets/deflect/shown",	shown_post,	PT_R_LOGIN, CREATE },
	{ PT_GET,  FILING,			filing_page,	PT_R_LOGIN, CREATE },
	{ PT_GET,  FILING "/open/(\\d{1,18})",	open_article,	PT_R_LOGIN, CREATE },
	{ PT_POST, FILING "/answered",		answered_post,	PT_R_LOGIN, CREATE },
	{ PT_GET,  "/tickets/deflection",	stats_page,	PT_R_LOGIN, NULL },
};

static const char *const views[] = { "deflect", "deflection" };

const struct pt_group tk_deflect_group = PT_GROUP(routes, sql, views);
