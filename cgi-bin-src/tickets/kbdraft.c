/*
 * "Turn this answer into a knowledge base draft" (tickets.work).
 *
 *   GET  /tickets/<number>/kb-draft?message=<id>   the form, filled from the answer
 *   POST /tickets/<number>/kb-draft                 the draft
 *
 * The form starts with the ticket's subject as title, the answer as the
 * body (Markdown source: what the agent wrote is plain text, which
 * Markdown keeps), the requester's language and the audience "internal":
 * the agent may change each, and picks the category.  The draft is what
 * the KB editor makes (kb/editor.c): an article in status draft written by
 * the agent, its text in Markdown with the sanitised XHTML beside it
 * (pt_markdown), version 1 with a note naming the ticket, and the audit
 * row "kb.article.create"; besides, the ticket keeps which answer became
 * which article (ticket_kb_drafts, one draft per answer), a history row
 * and its own audit row.  The KB editors find the draft at the top of
 * their list (/kb/editor), newest first; the ticket page links each
 * answer to its draft.
 *
 * Only a public message of the ticket (an answer, not a note or a system
 * line) becomes a draft.
 */
#include <stdlib.h>
#include <string.h>

#include "desk.h"

enum kbdraft_sql {
	SQL_MESSAGE, SQL_CATEGORIES, SQL_CATEGORY, SQL_ARTICLE, SQL_TEXT, SQL_VERSION, SQL_LINK,
	SQL__MAX
};

static const struct pt_sql sql[SQL__MAX] = {
	/* A public message of the ticket, with its draft if it has one.  Binds: message, ticket. */
	[SQL_MESSAGE] = { "tk_kbdraft_message",
	    "SELECT m.id, m.body, u.name, " TK_ISO("m.created_at") ", d.article_id"
	    " FROM ticket_messages m LEFT JOIN users u ON u.id = m.author_id"
	    " LEFT JOIN ticket_kb_drafts d ON d.message_id = m.id"
	    " WHERE m.id = ? AND m.ticket_id = ? AND m.kind = 'public'" },
	/* Binds: lang. */
	[SQL_CATEGORIES] = { "tk_kbdraft_categories",
	    "SELECT c.id, COALESCE(t.name, e.name, c.slug), c.audience FROM kb_categories c"
	    " LEFT JOIN kb_category_texts t ON t.category_id = c.id AND t.lang = ?"
	    " LEFT JOIN kb_category_texts e ON e.category_id = c.id AND e.lang = 'en'"
	    " ORDER BY c.audience <> 'internal', 2, c.id LIMIT 500" },
	[SQL_CATEGORY] = { "tk_kbdraft_category", "SELECT 1 FROM kb_categories WHERE id = ?" },
	[SQL_ARTICLE] = { "tk_kbdraft_article",
	    "INSERT INTO kb_articles (category_id, slug, audience, status, created_by, created_at,"
	    " updated_at) VALUES (?, ?, ?, 'draft', ?, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))" },
	[SQL_TEXT] = { "tk_kbdraft_text",
	    "INSERT INTO kb_article_texts (article_id, lang, title, summary, body, body_format,"
	    " body_source, body_text, version_no, updated_at, updated_by)"
	    " VALUES (?, ?, ?, '', ?, 'markdown', ?, ?, 1, UTC_TIMESTAMP(6), ?)" },
	[SQL_VERSION] = { "tk_kbdraft_version",
	    "INSERT INTO kb_article_versions (article_id, lang, version_no, title, summary, body,"
	    " body_format, body_source, status, note, created_by, created_at)"
	    " VALUES (?, ?, 1, ?, '', ?, 'markdown', ?, 'draft', ?, ?, UTC_TIMESTAMP(6))" },
	[SQL_LINK] = { "tk_kbdraft_link",
	    "INSERT INTO ticket_kb_drafts (message_id, ticket_id, article_id, created_by, created_at)"
	    " VALUES (?, ?, ?, ?, UTC_TIMESTAMP(6))" },
};

/* The knowledge base's own bounds (kb/editor.c). */
#define TITLE_MAX_CHARS		300
#define BODY_MAX_CHARS		200000
#define SLUG_MAX_BYTES		120

static const char *const audiences[] = { "internal", "customer", "partner", "public" };
static const char *const draft_fields[] = { "message", "title", "lang", "category", "audience",
	"body" };
enum { F_MESSAGE, F_TITLE, F_LANG, F_CATEGORY, F_AUDIENCE, F_BODY, F__MAX };

/*
 * The form page (view "kb-draft") for the message of rows (SQL_MESSAGE),
 * with status; the form's values are on the page already.  When the
 * message is a draft already, the page names its article instead.
 */
static int
form_page(struct pt_req *req, const struct tk_ticket *t, const struct pt_rows *msg, int status)
{
	const char *article = pt_cell(msg, 0, 4);
	struct pt_rows cats;
	xmlNodePtr d, n;
	size_t i;
	int rc;

	if ((rc = pt_db_query(req, &sql[SQL_CATEGORIES], &cats, PT_BINDS(pt_str(req->lang)))) != PT_OK)
		return rc;
	d = pt_node(req->page, "kb-draft", NULL);
	pt_attr(d, "number", t->number);
	pt_attr(d, "href", tk_ticket_path(req, t->number, NULL));
	pt_node(d, "subject", TK_CELL(t, TK_T_SUBJECT));
	if (article != NULL) {
		pt_message(req, status == 200 ? "info" : "error", "tickets.kb-draft.exists", NULL);
		pt_attr(d, "article", article);
		if (pt_can(req, "kb.edit"))
			pt_attr(d, "article-href", pt_printf(req, "/kb/editor/articles/%s", article));
	}
	n = pt_node(d, "message", pt_cell(msg, 0, 1));
	pt_attr(n, "id", pt_cell(msg, 0, 0));
	pt_attr(n, "created", pt_cell(msg, 0, 3));
	if (pt_cell(msg, 0, 2) != NULL)
		pt_attr(n, "author", pt_cell(msg, 0, 2));
	n = pt_node(d, "categories", NULL);
	for (i = 0; i < cats.nrows; i++) {
		xmlNodePtr c = pt_node(n, "category", pt_cell(&cats, i, 1));

		pt_attr(c, "id", pt_cell(&cats, i, 0));
		pt_attr(c, "audience", pt_cell(&cats, i, 2));
	}
	pt_limit(req, "title", TITLE_MAX_CHARS);
	pt_limit(req, "body", BODY_MAX_CHARS);
	req->view = "kb-draft";
	return status;
}

/* The route's ticket and the message (form or query field "message"): PT_OK or PT_ENOTFOUND. */
static int
load(struct pt_req *req, const char *message, struct tk_ticket *t, struct pt_rows *msg)
{
	long long id = tk_id_of(message);
	int rc;

	if ((rc = tk_ticket_page(req, t)) != PT_OK)
		return rc;
	if (id <= 0)
		return PT_ENOTFOUND;
	if ((rc = pt_db_query(req, &sql[SQL_MESSAGE], msg, PT_BINDS(pt_int(id), pt_int(t->id)))) != PT_OK)
		return rc;
	return msg->nrows == 1 ? PT_OK : PT_ENOTFOUND;
}

/* GET /tickets/<number>/kb-draft?message=<id> */
static int
form(struct pt_req *req)
{
	const char *values[F__MAX];
	struct pt_rows msg;
	struct tk_ticket t;
	int rc;

	if ((rc = load(req, pt_query(req, "message"), &t, &msg)) != PT_OK)
		return rc == PT_ENOTFOUND ? pt_error_page(req, 404, NULL) : rc;
	if (pt_cell(&msg, 0, 4) != NULL)
		return form_page(req, &t, &msg, 200);
	values[F_MESSAGE] = pt_cell(&msg, 0, 0);
	values[F_TITLE] = TK_CELL(&t, TK_T_SUBJECT);
	values[F_LANG] = req->lang;
	values[F_CATEGORY] = "";
	values[F_AUDIENCE] = "internal";
	values[F_BODY] = pt_cell(&msg, 0, 1);
	pt_form_values(req, "kb-draft", draft_fields, values, F__MAX);
	return form_page(req, &t, &msg, 200);
}

/* Check the form into v: the number of fields in error (each with its message), or an error. */
static int
read_form(struct pt_req *req, const char *v[F__MAX], long long *category)
{
	struct pt_rows c = { 0 };
	int bad = 0, rc;

	if ((v[F_TITLE] = pt_form_trim(req, "title")) == NULL ||
	    (v[F_BODY] = pt_lf_lines(req, pt_form(req, "body") != NULL ? pt_form(req, "body") : "")) == NULL)
		return PT_ENOMEM;
	v[F_LANG] = pt_form(req, "lang");
	v[F_AUDIENCE] = pt_form(req, "audience");
	*category = tk_id_of(pt_form(req, "category"));
	bad += tk_desk_text(req, v[F_TITLE], "title", 0, TITLE_MAX_CHARS, 1, "tickets.kb-draft.title");
	if (pt_language(v[F_LANG]) == NULL) {
		pt_message(req, "error", "tickets.kb-draft.lang.invalid", "lang");
		bad++;
	}
	if (!pt_one_of(v[F_AUDIENCE], audiences, PT_NELEM(audiences))) {
		pt_message(req, "error", "tickets.kb-draft.audience.invalid", "audience");
		bad++;
	}
	if (*category > 0 && (rc = pt_db_query(req, &sql[SQL_CATEGORY], &c,
	    PT_BINDS(pt_int(*category)))) != PT_OK)
		return rc;
	if (c.nrows != 1) {
		pt_message(req, "error", "tickets.kb-draft.category.required", "category");
		bad++;
	}
	bad += tk_desk_text(req, v[F_BODY], "body", 1, BODY_MAX_CHARS, 1, "tickets.kb-draft.body");
	return bad;
}

/* The draft's slug: ticket-<number in lower case>-m<message>, unique as the message is. */
static const char *
draft_slug(struct pt_req *req, const char *number, long long message)
{
	char *s = pt_printf(req, "ticket-%s-m%lld", number, message), *p;

	for (p = s; p != NULL && *p != '\0'; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	return s;
}

/* POST /tickets/<number>/kb-draft */
static int
create(struct pt_req *req)
{
	const char *v[F__MAX], *xhtml, *text, *slug, *note, *art;
	long long category, message, article, uid = req->session.user->id;
	struct pt_rows msg;
	struct tk_ticket t;
	int rc, bad;

	if ((rc = load(req, pt_form(req, "message"), &t, &msg)) != PT_OK)
		return rc == PT_ENOTFOUND ? pt_error_page(req, 404, NULL) : rc;
	if (pt_cell(&msg, 0, 4) != NULL)
		return form_page(req, &t, &msg, 422);
	message = pt_cell_int(&msg, 0, 0);
	if ((bad = read_form(req, v, &category)) < 0)
		return bad;
	rc = bad > 0 ? PT_EINVAL : pt_markdown(req, v[F_BODY], strlen(v[F_BODY]), BODY_MAX_CHARS * 4,
	    &xhtml, &text);
	if (rc == PT_ELIMIT || rc == PT_EINVAL) {
		if (bad == 0)
			pt_message(req, "error", "tickets.kb-draft.body.invalid", "body");
		pt_form_echo(req, "kb-draft", draft_fields, F__MAX);
		return form_page(req, &t, &msg, 422);
	}
	if (rc != PT_OK)
		return rc;
	slug = draft_slug(req, t.number, message);
	note = pt_printf(req, "From ticket %s", t.number);
	if (slug == NULL || note == NULL || strlen(slug) > SLUG_MAX_BYTES)
		return PT_ENOMEM;

	if ((rc = pt_db_begin(req)) != PT_OK)
		return rc;
	rc = pt_db_exec(req, &sql[SQL_ARTICLE], PT_BINDS(pt_int(category), pt_str(slug),
	    pt_str(v[F_AUDIENCE]), pt_int(uid)), NULL);
	article = (long long)pt_db_insert_id();
	if (rc == PT_OK)
		rc = pt_db_exec(req, &sql[SQL_LINK], PT_BINDS(pt_int(message), pt_int(t.id),
		    pt_int(article), pt_int(uid)), NULL);
	if (rc == PT_EDUP) {
		/* Made a moment ago by someone else: show it. */
		pt_db_rollback(req);
		if ((rc = load(req, pt_form(req, "message"), &t, &msg)) != PT_OK)
			return rc == PT_ENOTFOUND ? pt_error_page(req, 404, NULL) : rc;
		return form_page(req, &t, &msg, 422);
	}
	if (rc != PT_OK)
		goto fail;
	art = pt_printf(req, "%lld", article);
	if ((rc = pt_db_exec(req, &sql[SQL_TEXT], PT_BINDS(pt_int(article), pt_str(v[F_LANG]),
	    pt_str(v[F_TITLE]), pt_str(xhtml), pt_str(v[F_BODY]), pt_str(text), pt_int(uid)),
	    NULL)) != PT_OK ||
	    (rc = pt_db_exec(req, &sql[SQL_VERSION], PT_BINDS(pt_int(article), pt_str(v[F_LANG]),
	    pt_str(v[F_TITLE]), pt_str(xhtml), pt_str(v[F_BODY]), pt_str(note), pt_int(uid)),
	    NULL)) != PT_OK ||
	    (rc = pt_ticket_history(req, t.id, "kb_draft", NULL, art)) != PT_OK ||
	    (rc = pt_audit(req, "kb.article.create", "kb_article", art, NULL,
	    pt_printf(req, "{\"slug\":%s,\"category_id\":%lld,\"audience\":%s,\"lang\":%s,"
	    "\"title\":%s,\"version\":1,\"ticket\":%s,\"message_id\":%lld}", pt_json_str(req, slug),
	    category, pt_json_str(req, v[F_AUDIENCE]), pt_json_str(req, v[F_LANG]),
	    pt_json_str(req, v[F_TITLE]), pt_json_str(req, t.number), message))) != PT_OK ||
	    (rc = tk_audit(req, "ticket.kb-draft", t.number, NULL,
	    pt_printf(req, "{\"message_id\":%lld,\"article_id\":%lld}", message, article))) != PT_OK ||
	    (rc = pt_db_commit(req)) != PT_OK)
		goto fail;
	return pt_redirect(req, tk_ticket_path(req, t.number, pt_printf(req, "?done=kb-draft&m=%lld",
	    message)));
fail:
	pt_db_rollback(req);
	return rc;
}

static const struct pt_route routes[] = {
	{ PT_GET,  TK_ROUTE "/kb-draft", form,   PT_R_LOGIN, TK_WORK },
	{ PT_POST, TK_ROUTE "/kb-draft", create, PT_R_LOGIN, TK_WORK },
};

static const char *const views[] = { "kb-draft" };

const struct pt_group tk_kbdraft_group = PT_GROUP(routes, sql, views);
