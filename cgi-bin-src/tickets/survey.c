/*
 * The satisfaction survey (issue 12, item 8).  When a ticket becomes
 * resolved (tk_set_status calls tk_survey_resolved, in the change's
 * transaction) its survey starts a new round (ticket_surveys, one row per
 * ticket) and the requester gets a mail in their language with a link
 * that works without signing in, for that ticket only:
 *
 *   /tickets/<number>/survey/<id>.<expires>.<HMAC>
 *
 * signed with the runtime's HMAC ([secrets] hmac_key, pt_sign) for the
 * purpose "survey", the ticket's id, an expiry ([tickets] survey_days,
 * default 30) and, bound without being carried, the round.  No token is
 * stored: a reopened ticket resolved again is a new round, which voids
 * the old link ("replaced", 410) and sends a new one.  While the ticket is
 * reopened the link answers 410 too; a forged or altered token, or one of
 * another ticket, 403; an expired one 410.
 *
 * The requester also finds the survey on the ticket page.  An answer is a
 * rating of 1 to 5 and an optional comment (SURVEY_COMMENT_MAX_CHARS),
 * one per ticket: it may be changed for TK_SURVEY_CHANGE_DAYS after it was
 * first given in its round, then it is read-only.  The answer of an
 * earlier round stays until the new round's is given.  Each answer is in
 * the audit log, by the requester (also through the link).  The row keeps
 * the ticket's service, group and agent (the assignee, else the agent who
 * resolved it) as they were at the resolution, for the results page
 * (GET /tickets/surveys) and the dashboard.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "tickets.h"

#define SURVEY_COMMENT_MAX_CHARS	2000	/* the column's VARCHAR(2000) */
#define SURVEY_DAYS_DEFAULT		30
#define SURVEY_ROUNDS_BACK		20	/* older rounds whose links say "replaced" */
#define SURVEY_PURPOSE			"survey"
#define COMMENTS_MAX			20	/* latest comments on the results page */

#define NOW "UTC_TIMESTAMP(6)"

enum survey_sql {
	SQL_START,
	SQL_ROUND,
	SQL_RECIPIENT,
	SQL_SERVICE_NAME,
	SQL_BY_NUMBER,
	SQL_LOCK,
	SQL_ANSWER_FIRST,
	SQL_ANSWER_CHANGE,
	SQL_TOTAL,
	SQL_BY_AGENT,
	SQL_BY_GROUP,
	SQL_BY_SERVICE,
	SQL_COMMENTS,
	SQL__MAX
};

/* A ticket's survey (aliases t, sv; binds lang for the service's name). */
#define SURVEY_COLUMNS \
	"SELECT t.id, t.number, t.subject, t.status, t.requester_id, t.org_id," \
	" COALESCE(st.name, se.name, v.slug), " TK_SURVEY_COLUMNS \
	" FROM tickets t JOIN ticket_surveys sv ON sv.ticket_id = t.id" \
	" JOIN ticket_services v ON v.id = t.service_id" \
	" LEFT JOIN ticket_service_texts st ON st.service_id = v.id AND st.lang = ?" \
	" LEFT JOIN ticket_service_texts se ON se.service_id = v.id AND se.lang = 'en'"

/* Answered ratings since days ago. */
#define ANSWERED_SINCE \
	" s.rating IS NOT NULL AND s.answered_at >= " NOW " - INTERVAL ? DAY"

static const struct pt_sql sql[SQL__MAX] = {
	/* Binds: ticket, requester, org, service, group, agent, expires. */
	[SQL_START] = { "tk_survey_start",
	    "INSERT INTO ticket_surveys (ticket_id, round, requester_id, org_id, service_id, group_id,"
	    " agent_id, sent_at, expires_at) VALUES (?, 1, ?, ?, ?, ?, ?, " NOW ", ?)"
	    " ON DUPLICATE KEY UPDATE round = round + 1, requester_id = VALUES(requester_id),"
	    " org_id = VALUES(org_id), service_id = VALUES(service_id), group_id = VALUES(group_id),"
	    " agent_id = VALUES(agent_id), sent_at = VALUES(sent_at), expires_at = VALUES(expires_at)" },
	[SQL_ROUND] = { "tk_survey_round",
	    "SELECT round FROM ticket_surveys WHERE ticket_id = ?" },
	/* The requester, when they take mails about tickets (binds: ticket). */
	[SQL_RECIPIENT] = { "tk_survey_recipient",
	    "SELECT u.email, u.name, COALESCE(u.language, o.language, 'en')"
	    " FROM tickets t JOIN users u ON u.id = t.requester_id JOIN orgs o ON o.id = u.org_id"
	    " WHERE t.id = ? AND u.status = 'active' AND u.notify_tickets = 1" },
	/* Binds: lang, service. */
	[SQL_SERVICE_NAME] = { "tk_survey_service_name",
	    "SELECT COALESCE(st.name, se.name, v.slug) FROM ticket_services v"
	    " LEFT JOIN ticket_service_texts st ON st.service_id = v.id AND st.lang = ?"
	    " LEFT JOIN ticket_service_texts se ON se.service_id = v.id AND se.lang = 'en'"
	    " WHERE v.id = ?" },
	/* Binds: lang, number. */
	[SQL_BY_NUMBER] = { "tk_survey_by_number", SURVEY_COLUMNS " WHERE t.number = ?" },
	[SQL_LOCK] = { "tk_survey_lock",
	    "SELECT round, COALESCE(answered_round, 0), TIMESTAMPDIFF(SECOND, answered_at, " NOW "),"
	    " expires_at <= " NOW ", rating, comment FROM ticket_surveys WHERE ticket_id = ? FOR UPDATE" },
	/* Binds: rating, comment, via, ticket. */
	[SQL_ANSWER_FIRST] = { "tk_survey_answer_first",
	    "UPDATE ticket_surveys SET rating = ?, comment = ?, answered_via = ?,"
	    " answered_round = round, answered_at = " NOW ", changed_at = NULL WHERE ticket_id = ?" },
	/* Binds: rating, comment, ticket. */
	[SQL_ANSWER_CHANGE] = { "tk_survey_answer_change",
	    "UPDATE ticket_surveys SET rating = ?, comment = ?, changed_at = " NOW
	    " WHERE ticket_id = ?" },
	/* Binds: days. */
	[SQL_TOTAL] = { "tk_survey_total",
	    "SELECT COUNT(*), ROUND(AVG(s.rating), 2), SUM(s.rating = 1), SUM(s.rating = 2),"
	    " SUM(s.rating = 3), SUM(s.rating = 4), SUM(s.rating = 5)"
	    " FROM ticket_surveys s WHERE" ANSWERED_SINCE },
	[SQL_BY_AGENT] = { "tk_survey_by_agent",
	    "SELECT s.agent_id, u.name, COUNT(*), ROUND(AVG(s.rating), 2)"
	    " FROM ticket_surveys s LEFT JOIN users u ON u.id = s.agent_id WHERE" ANSWERED_SINCE
	    " GROUP BY s.agent_id, u.name ORDER BY u.name IS NULL, u.name, s.agent_id" },
	[SQL_BY_GROUP] = { "tk_survey_by_group",
	    "SELECT s.group_id, g.name, COUNT(*), ROUND(AVG(s.rating), 2)"
	    " FROM ticket_surveys s LEFT JOIN ticket_groups g ON g.id = s.group_id WHERE" ANSWERED_SINCE
	    " GROUP BY s.group_id, g.name ORDER BY g.name IS NULL, g.name, s.group_id" },
	/* Binds: lang, days. */
	[SQL_BY_SERVICE] = { "tk_survey_by_service",
	    "SELECT v.slug, COALESCE(st.name, se.name, v.slug), COUNT(*), ROUND(AVG(s.rating), 2)"
	    " FROM ticket_surveys s JOIN ticket_services v ON v.id = s.service_id"
	    " LEFT JOIN ticket_service_texts st ON st.service_id = v.id AND st.lang = ?"
	    " LEFT JOIN ticket_service_texts se ON se.service_id = v.id AND se.lang = 'en'"
	    " WHERE" ANSWERED_SINCE
	    " GROUP BY v.id, v.slug, st.name, se.name ORDER BY 2, v.slug" },
	/* Binds: lang, days. */
	[SQL_COMMENTS] = { "tk_survey_comments",
	    "SELECT t.number, s.rating, s.comment, " TK_ISO("COALESCE(s.changed_at, s.answered_at)") ","
	    " COALESCE(st.name, se.name, v.slug), u.name"
	    " FROM ticket_surveys s JOIN tickets t ON t.id = s.ticket_id"
	    " JOIN ticket_services v ON v.id = s.service_id"
	    " LEFT JOIN ticket_service_texts st ON st.service_id = v.id AND st.lang = ?"
	    " LEFT JOIN ticket_service_texts se ON se.service_id = v.id AND se.lang = 'en'"
	    " LEFT JOIN users u ON u.id = s.agent_id"
	    " WHERE s.comment IS NOT NULL AND s.comment <> '' AND" ANSWERED_SINCE
	    " ORDER BY s.answered_at DESC, s.ticket_id DESC LIMIT " TK_XSTR(COMMENTS_MAX) },
};

/* SURVEY_COLUMNS: the ticket's, then from S_SURVEY the survey's own (TK_SV_*). */
enum { S_TICKET, S_NUMBER, S_SUBJECT, S_STATUS, S_REQUESTER, S_ORG, S_SERVICE, S_SURVEY };
enum { K_ROUND, K_ANSWERED_ROUND, K_ANSWERED_AGO_S, K_EXPIRED, K_RATING, K_COMMENT };

/*
 * A ticket's survey as loaded, by SURVEY_COLUMNS or with the ticket page
 * (TK_T_SURVEY), and what may be done with it now.
 */
struct survey {
	struct pt_rows	 rows;		/* SURVEY_COLUMNS, when read here */
	const struct pt_rows *of;	/* the row the survey is in: rows or the ticket page's */
	size_t		 at;		/* where its own columns (TK_SV_*) begin in it */
	long long	 ticket_id;
	long long	 requester_id;
	long long	 org_id;
	long long	 round;
	const char	*number, *subject, *service;
	int		 open;		/* the ticket is resolved or closed */
	int		 answered;	/* this round has its answer */
	int		 may_answer;	/* an answer may be given or changed now */
};
#define SV(s, col)	pt_cell((s)->of, 0, (s)->at + (col))
#define SV_INT(s, col)	pt_cell_int((s)->of, 0, (s)->at + (col))

static const char *const rating_values[] = { "1", "2", "3", "4", "5" };
static const char *const answer_fields[] = { "rating", "comment" };

/* [tickets] survey_days: how long a survey link works. */
static long
survey_days(void)
{
	long d = pt_conf_int("tickets", "survey_days", SURVEY_DAYS_DEFAULT);

	return d > 0 && d <= 3650 ? d : SURVEY_DAYS_DEFAULT;
}

/* What a round's link is bound to. */
static const char *
round_bind(struct pt_req *req, long long round)
{
	return pt_printf(req, "round %lld", round);
}

/*
 * What may be done with an answer: given while the round has none and
 * has not expired, changed for TK_SURVEY_CHANGE_DAYS after it was given.
 * Both only while the ticket is resolved or closed.
 */
static int
may_answer(int open, int answered, long long answered_ago_s, int expired)
{
	if (!open)
		return 0;
	if (answered)
		return answered_ago_s <= TK_SURVEY_CHANGE_DAYS * 86400LL;
	return !expired;
}

/* The round and what may be done with it, the ticket's status being status. */
static void
survey_state(struct survey *s, const char *status)
{
	s->round = SV_INT(s, TK_SV_ROUND);
	s->open = strcmp(status, "resolved") == 0 || strcmp(status, "closed") == 0;
	s->answered = SV_INT(s, TK_SV_ANSWERED_ROUND) == s->round;
	s->may_answer = may_answer(s->open, s->answered, SV_INT(s, TK_SV_ANSWERED_AGO_S),
	    SV_INT(s, TK_SV_EXPIRED) != 0);
}

/* The survey read by SURVEY_COLUMNS into s->rows; PT_ENOTFOUND when there is none. */
static int
survey_fill(struct survey *s)
{
	const struct pt_rows *r = &s->rows;

	if (r->nrows != 1)
		return PT_ENOTFOUND;
	s->of = r;
	s->at = S_SURVEY;
	s->ticket_id = pt_cell_int(r, 0, S_TICKET);
	s->requester_id = pt_cell_int(r, 0, S_REQUESTER);
	s->org_id = pt_cell_int(r, 0, S_ORG);
	s->number = pt_cell(r, 0, S_NUMBER);
	s->subject = pt_cell(r, 0, S_SUBJECT);
	s->service = pt_cell(r, 0, S_SERVICE);
	survey_state(s, pt_cell(r, 0, S_STATUS));
	return PT_OK;
}

/* The survey of t, loaded for the page (tk_ticket_page); PT_ENOTFOUND if never resolved. */
static int
survey_of_ticket(struct survey *s, const struct tk_ticket *t)
{
	memset(s, 0, sizeof(*s));
	if (TK_CELL(t, TK_T_SURVEY + TK_SV_ROUND) == NULL)
		return PT_ENOTFOUND;
	s->of = &t->rows;
	s->at = TK_T_SURVEY;
	s->ticket_id = t->id;
	s->requester_id = t->requester_id;
	s->org_id = t->org_id;
	s->number = t->number;
	s->subject = TK_CELL(t, TK_T_SUBJECT);
	s->service = TK_CELL(t, TK_T_SERVICE_NAME);
	survey_state(s, t->status);
	return PT_OK;
}

/* ---- a new round when a ticket is resolved ------------------------------------- */

int
tk_survey_resolved(struct pt_req *req, const struct tk_ticket *t)
{
	const char *assignee = TK_CELL(t, TK_T_ASSIGNEE), *lang, *link;
	long long agent = assignee != NULL ? strtoll(assignee, NULL, 10) :
	    t->agent && req->session.user != NULL ? req->session.user->id : 0;
	long long days = survey_days(), round;
	struct pt_rows r, to, name;
	char expires[20], token[PT_SIGNED_MAX + 1];
	time_t until = time(NULL) + (time_t)(days * 86400);
	struct pt_mail_thread th = { NULL, TK_CELL(t, TK_T_THREAD), TK_CELL(t, TK_T_THREAD), NULL };
	xmlNodePtr data;
	int rc;

	pt_utc_format(until, expires);
	if ((rc = pt_db_exec(req, &sql[SQL_START], PT_BINDS(pt_int(t->id), pt_int(t->requester_id),
	    pt_int(t->org_id), pt_str(TK_CELL(t, TK_T_SERVICE)), pt_str(TK_CELL(t, TK_T_GROUP)),
	    agent > 0 ? pt_int(agent) : pt_str(NULL), pt_str(expires)), NULL)) != PT_OK ||
	    (rc = pt_db_query(req, &sql[SQL_ROUND], &r, PT_BINDS(pt_int(t->id)))) != PT_OK ||
	    (rc = pt_db_query(req, &sql[SQL_RECIPIENT], &to, PT_BINDS(pt_int(t->id)))) != PT_OK)
		return rc;
	if (r.nrows != 1)
		return PT_EDB;
	if (to.nrows == 0)
		return PT_OK;	/* no mail wanted: the survey waits on the ticket page */
	round = pt_cell_int(&r, 0, 0);
	lang = pt_mail_lang(pt_cell(&to, 0, 2));
	if ((rc = pt_sign(SURVEY_PURPOSE, t->id, (long long)until, round_bind(req, round), token,
	    sizeof(token))) != PT_OK)
		return rc == PT_ESYS ? PT_EDB : rc;
	if ((rc = pt_db_query(req, &sql[SQL_SERVICE_NAME], &name, PT_BINDS(pt_str(lang),
	    pt_str(TK_CELL(t, TK_T_SERVICE))))) != PT_OK)
		return rc;
	if ((link = pt_printf(req, "%s/tickets/%s/survey/%s", pt_base_url(), t->number,
	    token)) == NULL)
		return PT_ENOMEM;
	data = pt_mail_data(req);
	pt_node(data, "number", t->number);
	pt_node(data, "subject", TK_CELL(t, TK_T_SUBJECT));
	pt_node(data, "service", name.nrows == 1 ? pt_cell(&name, 0, 0) : "");
	pt_node(data, "link", link);
	pt_node(data, "days", pt_printf(req, "%lld", days));
	pt_node(data, "change-days", pt_printf(req, "%d", TK_SURVEY_CHANGE_DAYS));
	/*
	 * In the ticket's thread but without its reply address (no Reply-To,
	 * as the footer asks for no reply): the survey is answered on its
	 * page, and a "thank you" by mail must not reopen the ticket.
	 */
	return pt_mail_queue_thread(req, "ticket-survey", pt_cell(&to, 0, 0), pt_cell(&to, 0, 1),
	    lang, data, &th);
}

/* ---- the survey on a page ------------------------------------------------------- */

/*
 * <survey state action ...> under parent: state is "open" (may be
 * answered), "answered" (may be changed until change-until), "locked"
 * (answered, no longer changeable), "expired" or "reopened"; with the
 * answer (rating, comment) when there is one.  action NULL: read-only
 * (agents).
 */
static xmlNodePtr
survey_node(struct pt_req *req, xmlNodePtr parent, const struct survey *s, const char *action)
{
	xmlNodePtr n = pt_node(parent, "survey", NULL);
	const char *state;

	if (!s->open)
		state = "reopened";
	else if (s->answered)
		state = s->may_answer ? "answered" : "locked";
	else
		state = s->may_answer ? "open" : "expired";
	pt_attr(n, "state", state);
	pt_attr_int(n, "round", s->round);
	pt_attr(n, "expires", SV(s, TK_SV_EXPIRES));
	pt_attr_int(n, "change-days", TK_SURVEY_CHANGE_DAYS);
	if (SV(s, TK_SV_RATING) != NULL) {
		xmlNodePtr a = pt_node(n, "answer", NULL);

		pt_attr(a, "rating", SV(s, TK_SV_RATING));
		pt_attr(a, "answered", SV(s, TK_SV_ANSWERED));
		if (SV(s, TK_SV_CHANGED) != NULL)
			pt_attr(a, "changed", SV(s, TK_SV_CHANGED));
		if (s->answered)
			pt_attr(a, "change-until", SV(s, TK_SV_CHANGE_UNTIL));
		else
			pt_attr(a, "earlier", "1");	/* of a round before this one */
		if (SV(s, TK_SV_COMMENT) != NULL && *SV(s, TK_SV_COMMENT) != '\0')
			pt_node(a, "comment", SV(s, TK_SV_COMMENT));
	}
	if (action != NULL && s->may_answer) {
		pt_attr(n, "action", action);
		pt_limit(req, "comment", SURVEY_COMMENT_MAX_CHARS);
	}
	return n;
}

void
tk_survey_node(struct pt_req *req, xmlNodePtr ticket, const struct tk_ticket *t)
{
	int requester = t->requester_id == req->session.user->id;
	struct survey s;

	/* Nothing for anyone else, nor before the ticket is resolved. */
	if (!t->agent && !(requester && (strcmp(t->status, "resolved") == 0 ||
	    strcmp(t->status, "closed") == 0)))
		return;
	if (survey_of_ticket(&s, t) != PT_OK)
		return;	/* never resolved */
	survey_node(req, ticket, &s, requester ? tk_ticket_path(req, t->number, "/survey") : NULL);
	if (requester && req->method == PT_GET && pt_query(req, "done") != NULL &&
	    strcmp(pt_query(req, "done"), "survey") == 0)
		pt_message(req, "success", "tickets.survey.done", NULL);
}

/* ---- answering -------------------------------------------------------------------- */

/*
 * Read rating and comment: 0 when both are fine (*rating, *comment), else
 * the number of fields in error, each with its message; or an error.
 */
static int
read_answer(struct pt_req *req, const char **rating, const char **comment)
{
	const char *c;
	long n;
	int bad = 0;

	*rating = pt_form(req, "rating");
	if (*rating == NULL || **rating == '\0') {
		pt_message(req, "error", "tickets.survey.rating.required", "rating");
		bad++;
	} else if (!pt_one_of(*rating, rating_values, PT_NELEM(rating_values))) {
		pt_message(req, "error", "tickets.survey.rating.invalid", "rating");
		bad++;
	}
	if ((c = pt_lf_lines(req, pt_form(req, "comment") != NULL ? pt_form(req, "comment") : "")) ==
	    NULL)
		return PT_ENOMEM;
	while (*c == ' ' || *c == '\t' || *c == '\n')
		c++;
	if ((c = pt_strdup(req, c)) == NULL)
		return PT_ENOMEM;
	n = (long)strlen(c);
	while (n > 0 && strchr(" \t\n", c[n - 1]) != NULL)
		((char *)c)[--n] = '\0';
	*comment = c;
	n = pt_text_chars(c, 1);
	if (n > SURVEY_COMMENT_MAX_CHARS || (n < 0 && (long)pt_chars(c) > SURVEY_COMMENT_MAX_CHARS)) {
		pt_message_max(req, "tickets.survey.comment.too-long", "comment",
		    SURVEY_COMMENT_MAX_CHARS);
		bad++;
	} else if (n < 0) {
		pt_message(req, "error", "tickets.survey.comment.invalid", "comment");
		bad++;
	}
	return bad;
}

/*
 * Store the answer to survey s, through via ("link" or "page"), in one
 * transaction with its audit row (by the requester).  PT_OK when it is
 * committed; 422 after messages at the fields; 409 when the survey may no
 * longer be answered (a message says why); or an error.
 */
static int
answer(struct pt_req *req, const struct survey *s, const char *via)
{
	const char *rating, *comment, *before = NULL;
	struct pt_rows k;
	int rc, answered;

	if ((rc = read_answer(req, &rating, &comment)) < 0)
		return rc;
	if (rc > 0)
		return 422;
	if ((rc = pt_db_begin(req)) != PT_OK)
		return rc;
	if ((rc = pt_db_query(req, &sql[SQL_LOCK], &k, PT_BINDS(pt_int(s->ticket_id)))) != PT_OK)
		goto fail;
	if (k.nrows != 1 || pt_cell_int(&k, 0, K_ROUND) != s->round) {
		/* Resolved again meanwhile: the page shown was of the round before. */
		pt_db_rollback(req);
		pt_message(req, "error", "tickets.survey.replaced", NULL);
		return 409;
	}
	answered = pt_cell_int(&k, 0, K_ANSWERED_ROUND) == s->round;
	if (!may_answer(s->open, answered, pt_cell_int(&k, 0, K_ANSWERED_AGO_S),
	    pt_cell_int(&k, 0, K_EXPIRED) != 0)) {
		pt_db_rollback(req);
		pt_message(req, "error", answered ? "tickets.survey.locked.short" : "tickets.survey.closed",
		    NULL);
		return 409;
	}
	if (pt_cell(&k, 0, K_RATING) != NULL)
		before = pt_printf(req, "{\"rating\":%s,\"comment\":%s}", pt_cell(&k, 0, K_RATING),
		    pt_json_str(req, pt_cell(&k, 0, K_COMMENT)));
	if (answered)
		rc = pt_db_exec(req, &sql[SQL_ANSWER_CHANGE], PT_BINDS(pt_str(rating),
		    pt_str(*comment != '\0' ? comment : NULL), pt_int(s->ticket_id)), NULL);
	else
		rc = pt_db_exec(req, &sql[SQL_ANSWER_FIRST], PT_BINDS(pt_str(rating),
		    pt_str(*comment != '\0' ? comment : NULL), pt_str(via), pt_int(s->ticket_id)), NULL);
	if (rc != PT_OK ||
	    (rc = pt_audit_as(req, s->requester_id, s->org_id,
	    answered ? "ticket.survey.change" : "ticket.survey.answer", "ticket", s->number, before,
	    pt_printf(req, "{\"round\":%lld,\"rating\":%s,\"comment\":%s,\"via\":%s}", s->round,
	    rating, pt_json_str(req, *comment != '\0' ? comment : NULL), pt_json_str(req, via)))) !=
	    PT_OK ||
	    (rc = pt_db_commit(req)) != PT_OK)
		goto fail;
	return PT_OK;
fail:
	pt_db_rollback(req);
	return rc;
}

/* POST /tickets/<number>/survey: the requester answers on the ticket page. */
static int
page_post(struct pt_req *req)
{
	struct tk_ticket t;
	struct survey s;
	int rc;

	if ((rc = tk_ticket_page(req, &t)) != PT_OK)
		return rc == PT_ENOTFOUND ? pt_error_page(req, 404, NULL) : rc;
	if (t.requester_id != req->session.user->id)
		return pt_error_page(req, 403, "tickets.survey.requester-only");
	if (survey_of_ticket(&s, &t) != PT_OK) {
		pt_message(req, "error", "tickets.survey.none", NULL);
		return tk_page(req, 409);
	}
	if ((rc = answer(req, &s, "page")) == PT_OK)
		return pt_redirect(req, tk_ticket_path(req, t.number, "?done=survey"));
	if (rc < 0)
		return rc;
	pt_form_echo(req, "survey", answer_fields, PT_NELEM(answer_fields));
	return tk_page(req, rc);
}

/* ---- the signed link ------------------------------------------------------------- */

/*
 * The survey of the link's ticket (route captures: number, token), checked
 * against the token: PT_OK, or the status of the page explaining why not
 * (403 a link that is not genuine or not this ticket's, 410 an expired or
 * replaced one, or the ticket reopened) with *why its state; or an error.
 */
static int
link_survey(struct pt_req *req, struct survey *s, const char **why)
{
	const char *token = req->caps[2];
	long long now = (long long)time(NULL), r;
	int64_t id = 0;
	int rc;

	memset(s, 0, sizeof(*s));
	*why = "invalid";
	if ((rc = pt_db_query(req, &sql[SQL_BY_NUMBER], &s->rows, PT_BINDS(pt_str(req->lang),
	    pt_str(req->caps[1])))) != PT_OK)
		return rc;
	if (survey_fill(s) != PT_OK)
		return 403;
	rc = pt_sign_check(SURVEY_PURPOSE, token, round_bind(req, s->round), now, &id, NULL);
	if (rc == PT_ESYS)
		return pt_error_page(req, 503, NULL);
	if (rc == PT_EINVAL) {
		/* A link of an earlier round (the ticket was resolved again) is replaced, not forged. */
		for (r = s->round - 1; r >= 1 && r >= s->round - SURVEY_ROUNDS_BACK; r--) {
			int old = pt_sign_check(SURVEY_PURPOSE, token, round_bind(req, r), now, &id,
			    NULL);

			if ((old == PT_OK || old == PT_ELIMIT) && id == s->ticket_id) {
				*why = "replaced";
				return 410;
			}
		}
		return 403;
	}
	if (id != s->ticket_id)
		return 403;	/* genuine, but another ticket's */
	if (rc == PT_ELIMIT) {
		*why = "expired";
		return 410;
	}
	if (!s->open) {
		*why = "reopened";
		return 410;
	}
	*why = NULL;
	return PT_OK;
}

/* The link's page (view "survey"): the survey, or why it cannot be answered. */
static int
link_page(struct pt_req *req, const struct survey *s, const char *why, int status)
{
	xmlNodePtr p = pt_node(req->page, "survey-page", NULL);

	req->view = "survey";
	if (why != NULL) {
		pt_attr(p, "refused", why);
		return status;
	}
	pt_attr(p, "number", s->number);
	pt_node(p, "subject", s->subject);
	pt_node(p, "service", s->service);
	/* The requester signed in may also go to the ticket page. */
	if (req->session.user != NULL && req->session.user->id == s->requester_id)
		pt_attr(p, "ticket-href", tk_ticket_path(req, s->number, NULL));
	survey_node(req, p, s, req->path);
	return status;
}

/* The link's survey: PT_OK, or the status of the page saying why not, or an error. */
static int
link_open(struct pt_req *req, struct survey *s)
{
	const char *why;
	int rc;

	if ((rc = link_survey(req, s, &why)) > 0)
		return link_page(req, s, why, rc);
	return rc;
}

/* GET /tickets/<number>/survey/<token>; ?rating=N (the mail's links) preselects it. */
static int
link_get(struct pt_req *req)
{
	static const char *const fields[] = { "rating" };
	const char *rating = pt_query(req, "rating");
	struct survey s;
	int rc;

	if ((rc = link_open(req, &s)) != PT_OK)
		return rc;
	if (pt_query(req, "done") != NULL)
		pt_message(req, "success", "tickets.survey.done", NULL);
	else if (s.may_answer && pt_one_of(rating, rating_values, PT_NELEM(rating_values)))
		pt_form_values(req, "survey", fields, &rating, 1);
	return link_page(req, &s, NULL, 200);
}

/* POST /tickets/<number>/survey/<token>: rating, comment. */
static int
link_post(struct pt_req *req)
{
	const char *why;
	struct survey s;
	int rc;

	if ((rc = link_open(req, &s)) != PT_OK)
		return rc;
	if ((rc = answer(req, &s, "link")) == PT_OK)
		return pt_redirect(req, pt_printf(req, "%s?done=1", req->path));
	if (rc < 0)
		return rc;
	pt_form_echo(req, "survey", answer_fields, PT_NELEM(answer_fields));
	/* Show what is stored now (a 409 says why the form is gone). */
	if (rc == 409 && link_survey(req, &s, &why) != PT_OK)
		return link_page(req, &s, why != NULL ? why : "invalid", 409);
	return link_page(req, &s, NULL, rc);
}

/* ---- the results ------------------------------------------------------------------- */

/* <by what><row id count average>name</row>...</by> under parent from rows (id, name, count, avg). */
static void
by_node(xmlNodePtr parent, const char *what, const struct pt_rows *rows)
{
	xmlNodePtr b = pt_node(parent, "by", NULL);
	size_t i;

	pt_attr(b, "what", what);
	for (i = 0; i < rows->nrows; i++) {
		xmlNodePtr r = pt_node(b, "row", pt_cell(rows, i, 1));

		if (pt_cell(rows, i, 0) != NULL)
			pt_attr(r, "id", pt_cell(rows, i, 0));
		pt_attr(r, "count", pt_cell(rows, i, 2));
		pt_attr(r, "average", pt_cell(rows, i, 3));
	}
}

/*
 * GET /tickets/surveys?days=: the answers of the period: how many, the
 * average and how the ratings spread, the averages per agent, group and
 * service, and the latest comments.
 */
static int
results(struct pt_req *req)
{
	const char *days = tk_period(req);
	long long d = strtoll(days, NULL, 10);
	struct pt_rows total, agents, groups, services, comments;
	xmlNodePtr p, t, cs;
	size_t i;
	int rc;

	if (!tk_may_see_figures(req))
		return pt_error_page(req, 403, NULL);
	if ((rc = pt_db_query(req, &sql[SQL_TOTAL], &total, PT_BINDS(pt_int(d)))) != PT_OK ||
	    (rc = pt_db_query(req, &sql[SQL_BY_AGENT], &agents, PT_BINDS(pt_int(d)))) != PT_OK ||
	    (rc = pt_db_query(req, &sql[SQL_BY_GROUP], &groups, PT_BINDS(pt_int(d)))) != PT_OK ||
	    (rc = pt_db_query(req, &sql[SQL_BY_SERVICE], &services, PT_BINDS(pt_str(req->lang),
	    pt_int(d)))) != PT_OK ||
	    (rc = pt_db_query(req, &sql[SQL_COMMENTS], &comments, PT_BINDS(pt_str(req->lang),
	    pt_int(d)))) != PT_OK)
		return rc;
	p = pt_node(req->page, "survey-results", NULL);
	tk_periods_node(p, days);
	t = pt_node(p, "total", NULL);
	pt_attr(t, "count", pt_cell(&total, 0, 0));
	if (pt_cell(&total, 0, 1) != NULL)
		pt_attr(t, "average", pt_cell(&total, 0, 1));
	for (i = 0; i < PT_NELEM(rating_values); i++) {
		xmlNodePtr r = pt_node(t, "rating", NULL);

		pt_attr(r, "value", rating_values[i]);
		pt_attr(r, "count", pt_cell(&total, 0, 2 + i) != NULL ? pt_cell(&total, 0, 2 + i) : "0");
	}
	by_node(p, "agent", &agents);
	by_node(p, "group", &groups);
	by_node(p, "service", &services);
	cs = pt_node(p, "comments", NULL);
	for (i = 0; i < comments.nrows && i < COMMENTS_MAX; i++) {
		xmlNodePtr c = pt_node(cs, "comment", pt_cell(&comments, i, 2));

		pt_attr(c, "number", pt_cell(&comments, i, 0));
		pt_attr(c, "href", tk_ticket_path(req, pt_cell(&comments, i, 0), NULL));
		pt_attr(c, "rating", pt_cell(&comments, i, 1));
		pt_attr(c, "at", pt_cell(&comments, i, 3));
		pt_attr(c, "service", pt_cell(&comments, i, 4));
		if (pt_cell(&comments, i, 5) != NULL)
			pt_attr(c, "agent", pt_cell(&comments, i, 5));
	}
	req->view = "survey-results";
	return 200;
}

#define TICKET "/tickets/(T-\\d{4}-\\d{6,10})"
/* Anything up to the bound: a token that is no token gets the page saying so. */
#define TOKEN "/survey/([A-Za-z0-9._-]{1,100})"

static const struct pt_route routes[] = {
	{ PT_POST, TICKET "/survey",	page_post,	PT_R_LOGIN, NULL },
	{ PT_GET,  TICKET TOKEN,	link_get,	0, NULL },
	{ PT_POST, TICKET TOKEN,	link_post,	0, NULL },
	{ PT_GET,  "/tickets/surveys",	results,	PT_R_LOGIN, NULL },
};

static const char *const views[] = { "survey", "survey-results" };

const struct pt_group tk_survey_group = PT_GROUP(routes, sql, views);
