/*
 * "Was this helpful?": readers rate an article yes or no with an optional
 * comment, and editors see the ratings and comments per article.
 *
 * The form lives on the article page (browse.c draws it); this file owns
 * the POST.  Anyone who may see the article may rate it, anonymous
 * visitors too (the runtime checks their double-submit CSRF token).  An
 * article the reader may not see is 404 like a missing one.  The row in
 * kb_feedback and the counter on the article change in one transaction.
 * A rating is not audited: it is the reader's own record (who, when, from
 * where), not a change of business data.
 *
 * Invalid input (no yes/no, a comment over KB_COMMENT_MAX_CHARS) is answered
 * 422 with a small page of its own (view "feedback") that repeats the form
 * with the comment kept, so nothing typed is lost.
 *
 * A signed-in reader has one vote per article: voting again replaces the
 * earlier vote and its comment (the row is keyed by article and user), and
 * the counters move from the old answer to the new one.
 *
 * Anonymous votes are bounded: at most [throttle] feedback_per_article on
 * one article from one address within window_min (an office behind one
 * address may well rate an article several times; a script may not stuff
 * the ballot).  One more is answered 429 on the same page, comment kept.
 */
#include <stdlib.h>
#include <string.h>

#include "kb.h"

#define PER_PAGE 50
#define COMMENTS_PER_ARTICLE 3

enum feedback_sql {
	SQL_ARTICLE,
	SQL_LOCK,
	SQL_MINE,
	SQL_INSERT,
	SQL_RECENT,
	SQL_COUNT_UP,
	SQL_LIST,
	SQL_COMMENTS,
	SQL__MAX
};

#define ISO(col) "DATE_FORMAT(" col ", '%Y-%m-%dT%H:%i:%sZ')"
/* An article's title in lang, else English, else any.  Binds: lang. */
#define TITLE_OF(a) \
	"COALESCE((SELECT title FROM kb_article_texts WHERE article_id = " a " AND lang = ?)," \
	" (SELECT title FROM kb_article_texts WHERE article_id = " a " AND lang = 'en')," \
	" (SELECT title FROM kb_article_texts WHERE article_id = " a " ORDER BY lang LIMIT 1))"

/*
 * The rated articles of a period, one page of them.  Binds: days (0 = all
 * time) four times, sort four times, limit, offset.  For
 * all time the article's counters count; for a period its feedback rows.
 */
#define RATED \
	"SELECT a.id, a.view_count, a.status, a.audience," \
	" IF(? = 0, a.helpful_yes, COALESCE(f.n_yes, 0)) AS n_yes," \
	" IF(? = 0, a.helpful_no, COALESCE(f.n_no, 0)) AS n_no" \
	" FROM kb_articles a LEFT JOIN (SELECT article_id, SUM(helpful = 1) AS n_yes," \
	"  SUM(helpful = 0) AS n_no FROM kb_feedback" \
	"  WHERE ? = 0 OR created_at >= UTC_TIMESTAMP(6) - INTERVAL ? DAY" \
	"  GROUP BY article_id) f ON f.article_id = a.id"
/* The order of a sort (worst, best, votes, views); binds: sort four times. */
#define SORTED(rate, votes, views) \
	" CASE WHEN ? = 'worst' THEN " rate " END," \
	" CASE WHEN ? = 'best' THEN " rate " END DESC," \
	" CASE WHEN ? = 'votes' THEN " votes " END DESC," \
	" CASE WHEN ? = 'views' THEN " views " END DESC,"
#define PAGE_OF_RATED \
	"SELECT r.*, r.n_yes + r.n_no AS votes, ROUND(100 * r.n_yes / (r.n_yes + r.n_no)) AS rate," \
	" COUNT(*) OVER () AS total FROM (" RATED ") r WHERE r.n_yes + r.n_no > 0" \
	" ORDER BY" SORTED("r.n_yes / (r.n_yes + r.n_no)", "r.n_yes + r.n_no", "r.view_count") \
	"  r.n_no DESC, r.id" \
	" LIMIT ? OFFSET ?"

static const struct pt_sql sql[SQL__MAX] = {
	/* The article if the reader may see it, with a title.  Binds: lang, id, audience. */
	[SQL_ARTICLE] = { "kb_feedback_article",
	    "SELECT a.id, " TITLE_OF("a.id") " FROM kb_articles a"
	    " WHERE a.id = ? AND a.status = 'published' AND " KB_AUDIENCE_SQL },
	/* Votes on one article queue here, so a reader's two quick votes cannot both count. */
	[SQL_LOCK] = { "kb_feedback_lock",
	    "SELECT id FROM kb_articles WHERE id = ? FOR UPDATE" },
	/* The signed-in reader's vote on the article.  Binds: article, user. */
	[SQL_MINE] = { "kb_feedback_mine",
	    "SELECT helpful FROM kb_feedback WHERE article_id = ? AND user_id = ? FOR UPDATE" },
	/* A reader's vote replaces their earlier one (unique article, user); anonymous ones add. */
	[SQL_INSERT] = { "kb_feedback_insert",
	    "INSERT INTO kb_feedback (article_id, lang, user_id, helpful, comment, created_at, ip)"
	    " VALUES (?, ?, ?, ?, ?, UTC_TIMESTAMP(6), ?) ON DUPLICATE KEY UPDATE"
	    " lang = VALUES(lang), helpful = VALUES(helpful), comment = VALUES(comment),"
	    " created_at = VALUES(created_at), ip = VALUES(ip)" },
	/* Anonymous votes on an article from an address lately.  Binds: article, ip, seconds. */
	[SQL_RECENT] = { "kb_feedback_recent",
	    "SELECT COUNT(*) FROM kb_feedback WHERE article_id = ? AND user_id IS NULL AND ip = ?"
	    " AND created_at > UTC_TIMESTAMP(6) - INTERVAL ? SECOND" },
	/* The new answer counts, the replaced one (-1: none) no longer.  Binds: new, old, new, old, id. */
	[SQL_COUNT_UP] = { "kb_feedback_count_up",
	    "UPDATE kb_articles SET helpful_yes = helpful_yes + (? = 1) - LEAST(helpful_yes, (? = 1)),"
	    " helpful_no = helpful_no + (? = 0) - LEAST(helpful_no, (? = 0)) WHERE id = ?" },
	/* Binds: lang, then PAGE_OF_RATED's. */
	[SQL_LIST] = { "kb_feedback_list",
	    "SELECT p.id, " TITLE_OF("p.id") ", p.view_count, p.status, p.audience,"
	    " p.n_yes, p.n_no, p.votes, p.rate, p.total FROM (" PAGE_OF_RATED ") p"
	    " ORDER BY" SORTED("p.rate", "p.votes", "p.view_count") " p.n_no DESC, p.id" },
	/*
	 * The latest comments of the articles of the same page.  Binds:
	 * PAGE_OF_RATED's, then days twice, then the number per article.
	 */
	[SQL_COMMENTS] = { "kb_feedback_comments",
	    "SELECT c.article_id, c.helpful, c.comment, c.at FROM (SELECT f.article_id,"
	    " f.helpful, f.comment, " ISO("f.created_at") " AS at, ROW_NUMBER() OVER"
	    " (PARTITION BY f.article_id ORDER BY f.created_at DESC, f.id DESC) AS n"
	    " FROM kb_feedback f JOIN (" PAGE_OF_RATED ") p ON p.id = f.article_id"
	    " WHERE f.comment <> '' AND (? = 0 OR f.created_at >= UTC_TIMESTAMP(6) - INTERVAL ? DAY)) c"
	    " WHERE c.n <= ? ORDER BY c.article_id, c.at DESC" },
};

enum { L_ID, L_TITLE, L_VIEWS, L_STATUS, L_AUDIENCE, L_YES, L_NO, L_VOTES, L_RATE, L_TOTAL };

/* ---- the reader's rating -------------------------------------------------- */

static const char *const feedback_fields[] = { "helpful", "comment" };

/* The article of the route if the reader may see it: PT_OK, PT_ENOTFOUND or a DB error. */
static int
visible_article(struct pt_req *req, struct pt_rows *rows)
{
	const char *id = req->caps[1];
	struct kb_audience aud;
	int rc;

	if (id == NULL || !pt_valid(PT_V_ID, id, strlen(id)))
		return PT_ENOTFOUND;
	kb_audience_of(req, &aud);
	if ((rc = pt_db_query(req, &sql[SQL_ARTICLE], rows, PT_BINDS(pt_str(req->lang),
	    pt_str(id), KB_AUDIENCE_BINDS(&aud)))) != PT_OK)
		return rc;
	return rows->nrows == 1 ? PT_OK : PT_ENOTFOUND;
}

/*
 * The signed-in reader's earlier vote on article id, in the caller's
 * transaction: *old is 1 or 0, or -1 for none (and for anonymous readers).
 */
static int
earlier_vote(struct pt_req *req, long long id, const struct pt_user *u, long long *old)
{
	struct pt_rows rows;
	int rc;

	*old = -1;
	if (u == NULL)
		return PT_OK;
	if ((rc = pt_db_query(req, &sql[SQL_LOCK], &rows, PT_BINDS(pt_int(id)))) != PT_OK ||
	    (rc = pt_db_query(req, &sql[SQL_MINE], &rows, PT_BINDS(pt_int(id),
	    pt_int(u->id)))) != PT_OK)
		return rc;
	if (rows.nrows == 1)
		*old = pt_cell_int(&rows, 0, 0);
	return PT_OK;
}

/* POST /kb/articles/<id>/feedback: helpful=yes|no, comment (optional). */
static int
rate(struct pt_req *req)
{
	const char *helpful = pt_form(req, "helpful"), *comment;
	const struct pt_user *u = req->session.user;
	struct pt_rows rows, recent;
	long long id, yes, old;
	int rc, bad = 0, status = 422;

	if ((rc = visible_article(req, &rows)) == PT_ENOTFOUND)
		return pt_error_page(req, 404, NULL);
	if (rc != PT_OK)
		return rc;
	id = pt_cell_int(&rows, 0, 0);
	if ((comment = pt_form_trim(req, "comment")) == NULL)
		return PT_ENOMEM;
	if (helpful == NULL || (strcmp(helpful, "yes") != 0 && strcmp(helpful, "no") != 0)) {
		pt_message(req, "error", "kb.feedback.helpful.missing", "helpful");
		bad = 1;
	}
	if (pt_chars(comment) > KB_COMMENT_MAX_CHARS) {
		pt_message_max(req, "kb.feedback.comment.too-long", "comment", KB_COMMENT_MAX_CHARS);
		bad = 1;
	}
	if (!bad && u == NULL) {
		if ((rc = pt_db_query(req, &sql[SQL_RECENT], &recent, PT_BINDS(pt_int(id),
		    pt_str(req->remote_addr != NULL ? req->remote_addr : ""),
		    pt_int(60 * pt_conf_int("throttle", "window_min", 15))))) != PT_OK)
			return rc;
		if (recent.nrows == 1 && pt_cell_int(&recent, 0, 0) >=
		    pt_conf_int("throttle", "feedback_per_article", 20)) {
			pt_log(req, PT_LOG_WARN, "feedback on article %lld throttled for %s", id,
			    req->remote_addr != NULL ? req->remote_addr : "?");
			pt_message(req, "error", "kb.feedback.throttled", NULL);
			bad = 1;
			status = 429;
		}
	}
	if (bad) {
		xmlNodePtr a = pt_node(req->page, "article", NULL);

		pt_attr_int(a, "id", id);
		pt_attr(a, "href", pt_printf(req, "/kb/articles/%lld", id));
		pt_node(a, "title", pt_cell(&rows, 0, 1));
		pt_form_echo(req, "feedback", feedback_fields, PT_NELEM(feedback_fields));
		pt_limit(req, "comment", KB_COMMENT_MAX_CHARS);
		req->view = "feedback";
		return status;
	}
	yes = strcmp(helpful, "yes") == 0;
	if ((rc = pt_db_begin(req)) != PT_OK)
		return rc;
	if ((rc = earlier_vote(req, id, u, &old)) != PT_OK ||
	    (rc = pt_db_exec(req, &sql[SQL_INSERT], PT_BINDS(pt_int(id), pt_str(req->lang),
	    u != NULL ? pt_int(u->id) : pt_str(NULL), pt_int(yes), pt_str(comment),
	    pt_str(req->remote_addr != NULL ? req->remote_addr : "")), NULL)) != PT_OK ||
	    (rc = pt_db_exec(req, &sql[SQL_COUNT_UP], PT_BINDS(pt_int(yes), pt_int(old),
	    pt_int(yes), pt_int(old), pt_int(id)), NULL)) != PT_OK ||
	    (rc = pt_db_commit(req)) != PT_OK) {
		pt_db_rollback(req);
		return rc;
	}
	return pt_redirect(req, pt_printf(req, "/kb/articles/%lld?feedback=thanks", id));
}

/* ---- the editors' overview ------------------------------------------------ */

static const char *const sorts[] = { "worst", "best", "votes", "views" };
static const char *const periods[] = { "7", "30", "90", "365", "all" };

/* GET /kb/editor/feedback?period=7|30|90|365|all&sort=worst|best|votes|views&page= */
static int
overview(struct pt_req *req)
{
	const char *sort = pt_query(req, "sort"), *period = pt_query(req, "period");
	long long days, page = pt_query_page(req), total = 0;
	struct pt_rows rows, comments;
	xmlNodePtr fx, list, a = NULL;
	size_t r, c = 0;
	int rc;

	if (!pt_one_of(sort, sorts, PT_NELEM(sorts)))
		sort = "worst";
	if (!pt_one_of(period, periods, PT_NELEM(periods)))
		period = "all";
	days = strcmp(period, "all") == 0 ? 0 : strtoll(period, NULL, 10);
	if (page > 1000)
		page = 1000;
#define RATED_BINDS \
	pt_int(days), pt_int(days), pt_int(days), pt_int(days), \
	pt_str(sort), pt_str(sort), pt_str(sort), pt_str(sort), \
	pt_int(PER_PAGE), pt_int((page - 1) * PER_PAGE)
	if ((rc = pt_db_query(req, &sql[SQL_LIST], &rows, PT_BINDS(pt_str(req->lang),
	    RATED_BINDS, pt_str(sort), pt_str(sort), pt_str(sort), pt_str(sort)))) != PT_OK)
		return rc;
	if (rows.nrows == 0 && page > 1) {
		page = 1;
		if ((rc = pt_db_query(req, &sql[SQL_LIST], &rows, PT_BINDS(pt_str(req->lang),
		    RATED_BINDS, pt_str(sort), pt_str(sort), pt_str(sort), pt_str(sort)))) != PT_OK)
			return rc;
	}
	if ((rc = pt_db_query(req, &sql[SQL_COMMENTS], &comments, PT_BINDS(RATED_BINDS,
	    pt_int(days), pt_int(days), pt_int(COMMENTS_PER_ARTICLE)))) != PT_OK)
		return rc;
#undef RATED_BINDS
	if (rows.nrows > 0)
		total = pt_cell_int(&rows, 0, L_TOTAL);

	req->view = "feedback-list";
	fx = pt_node(req->page, "feedback", NULL);
	pt_attr(fx, "period", period);
	pt_attr(fx, "sort", sort);
	pt_attr_int(fx, "total", total);
	list = pt_node(fx, "articles", NULL);
	for (r = 0; r < rows.nrows; r++) {
		a = pt_node(list, "article", NULL);
		pt_attr(a, "id", pt_cell(&rows, r, L_ID));
		pt_attr(a, "href", pt_printf(req, "/kb/articles/%s", pt_cell(&rows, r, L_ID)));
		pt_attr(a, "edit-href", pt_printf(req, "/kb/editor/articles/%s",
		    pt_cell(&rows, r, L_ID)));
		pt_attr(a, "status", pt_cell(&rows, r, L_STATUS));
		pt_attr(a, "audience", pt_cell(&rows, r, L_AUDIENCE));
		pt_attr(a, "views", pt_cell(&rows, r, L_VIEWS));
		pt_attr(a, "yes", pt_cell(&rows, r, L_YES));
		pt_attr(a, "no", pt_cell(&rows, r, L_NO));
		pt_attr(a, "votes", pt_cell(&rows, r, L_VOTES));
		pt_attr(a, "rate", pt_cell(&rows, r, L_RATE));
		pt_node(a, "title", pt_cell(&rows, r, L_TITLE));
		/* Comments are ordered by article; so is nothing else, so look each up. */
		for (c = 0; c < comments.nrows; c++) {
			xmlNodePtr e;

			if (strcmp(pt_cell(&comments, c, 0), pt_cell(&rows, r, L_ID)) != 0)
				continue;
			e = pt_node(a, "comment", pt_cell(&comments, c, 2));
			pt_attr(e, "helpful", strcmp(pt_cell(&comments, c, 1), "1") == 0 ? "yes" : "no");
			pt_attr(e, "at", pt_cell(&comments, c, 3));
		}
	}
	pt_pager(fx, page, total, PER_PAGE);
	return 200;
}

static const struct pt_route routes[] = {
	{ PT_POST, "/kb/articles/(\\d{1,18})/feedback", rate, 0, NULL },
	{ PT_GET, "/kb/editor/feedback", overview, 0, "kb.edit" },
};

static const char *const views[] = { "feedback", "feedback-list" };

const struct pt_group kb_feedback_group = PT_GROUP(routes, sql, views);
