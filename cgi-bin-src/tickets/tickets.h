/*
 * The tickets worker: the service catalogue and its forms, tickets, their
 * conversation and the agents' work on them.  Each file is one page group
 * (routes, statements, views) or one concern shared by the groups, listed
 * in main.c.
 */
#ifndef TICKETS_H
#define TICKETS_H

#include "portico.h"

extern const struct pt_group tk_catalogue_group;	/* catalogue.c: services by category */
extern const struct pt_group tk_raise_group;		/* raise.c: a service's form, raising a ticket */
extern const struct pt_group tk_list_group;		/* list.c: my tickets, the org's, the queue */
extern const struct pt_group tk_view_group;		/* view.c: the ticket page */
extern const struct pt_group tk_reply_group;		/* reply.c: replies, resolve, CC */
extern const struct pt_group tk_agent_group;		/* agent.c: notes, status, assignment */
extern const struct pt_group tk_files_group;		/* files.c: attachments */
extern const struct pt_group tk_ticket_group;		/* ticket.c: loading a ticket with its access rule */
extern const struct pt_group tk_fields_group;		/* fields.c: a service's form fields */
extern const struct pt_group tk_close_group;		/* close.c: resolved tickets close */
extern const struct pt_group tk_links_group;		/* links.c: parent and related tickets */
extern const struct pt_group tk_deflect_group;		/* deflect.c: articles offered while filing */
extern const struct pt_group tk_survey_group;		/* survey.c: the satisfaction survey */
extern const struct pt_group tk_sla_group;		/* sla.c: the service level on the ticket page */
extern const struct pt_group tk_personal_group;		/* personal.c: a reader's pages kept for them */


/*
 * A customer's ticket page (number) or list of tickets (org: the org's,
 * else their own and CC's) kept for them: 1 when the kept page was sent.
 * Otherwise the handler builds the page and, when it is a 200, calls
 * tk_personal_keep() to keep it.
 */
int	 tk_personal_ticket(struct pt_req *, const char *number);
int	 tk_personal_list(struct pt_req *, int org);
/* The same for an agent's desk (GET /tickets/desk with the desk's own parameters). */
int	 tk_personal_desk(struct pt_req *);
void	 tk_personal_keep(struct pt_req *);

/* Close tickets resolved longer than [tickets] reopen_days ago; 1 if more wait. */
int	 tk_close_housekeeping(struct pt_req *, enum pt_housekeeping);

/* Bounds of what people type, in characters. */
#define TK_SUBJECT_MAX_CHARS	PT_TICKET_SUBJECT_MAX_CHARS
#define TK_BODY_MAX_CHARS	PT_TICKET_BODY_MAX_CHARS	/* a description, reply or note */
#define TK_TEXT_MAX_CHARS	200	/* a text field without its own max */
#define TK_LONGTEXT_MAX_CHARS	4000	/* a longtext field without its own max */
#define TK_VALUE_MAX_CHARS	300	/* what ticket_history keeps of a value */

/* A number macro's value as a string, for SQL text. */
#define TK_STR(x)	#x
#define TK_XSTR(x)	TK_STR(x)

/* A UTC DATETIME column as the pages' ISO 8601 stamp. */
#define TK_ISO(col) "DATE_FORMAT(" col ", '%Y-%m-%dT%H:%i:%sZ')"

/*
 * The binds of a statement built from parts (the lists' walks), added in
 * the order of its text by tk_bind (list.c).  One past the array is
 * still counted, so that the statement refuses the count instead of
 * running with binds missing.
 */
#define TK_BINDS_MAX	96
struct tk_binds {
	struct pt_bind	 b[TK_BINDS_MAX];
	size_t		 n;
};
void	 tk_bind(struct tk_binds *, struct pt_bind);

/* ---- the ticket (ticket.c) ------------------------------------------------ */

/* The columns of a loaded ticket (TK_T_*), for pt_cell(&t->rows, 0, col). */
enum tk_ticket_col {
	TK_T_ID, TK_T_NUMBER, TK_T_ORG, TK_T_REQUESTER, TK_T_SERVICE, TK_T_TYPE, TK_T_SUBJECT,
	TK_T_STATUS, TK_T_PENDING, TK_T_IMPACT, TK_T_URGENCY, TK_T_PRIORITY, TK_T_GROUP,
	TK_T_ASSIGNEE, TK_T_PARENT, TK_T_MERGED, TK_T_THREAD, TK_T_CREATED, TK_T_UPDATED,
	TK_T_RESOLVED, TK_T_CLOSED, TK_T_RESOLVED_AGO_S,
	/* only when loaded for the page (tk_ticket_page) */
	TK_T_ORG_NAME, TK_T_ORG_TIER, TK_T_REQUESTER_NAME, TK_T_REQUESTER_EMAIL, TK_T_SERVICE_SLUG,
	TK_T_SERVICE_NAME, TK_T_GROUP_NAME, TK_T_ASSIGNEE_NAME, TK_T_PARENT_NUMBER,
	TK_T_MERGED_NUMBER, TK_T_PARENT_ORG, TK_T_SLA_ANSWER_BY, TK_T_SLA_WAITING,
	TK_T_REQUESTER_LANG,	/* theirs, else their organisation's */
	TK_T_ORG_KIND,
	TK_T_SURVEY		/* the survey's own columns (TK_SV_*) begin here; NULL: none */
};

struct tk_ticket {
	struct pt_rows	 rows;
	long long	 id;
	long long	 org_id;
	long long	 requester_id;
	const char	*number;
	const char	*status;
	int		 agent;		/* the reader works the queue (tickets.work) */
};
#define TK_CELL(t, col)	pt_cell(&(t)->rows, 0, (col))

/* 1 if s is a ticket number T-YYYY-NNNNNN (six or more digits). */
int	 tk_number_ok(const char *s);
/*
 * The ticket of the route's first capture (its number) as the reader may
 * see it: an agent (tickets.work) any ticket; anyone else a ticket of
 * their own org that they raised, are in CC on, or, with tickets.read.org,
 * any of their org's.  PT_ENOTFOUND for every other case (answer 404).
 * tk_ticket_lock takes the ticket's row FOR UPDATE (call it inside a
 * transaction) and has only the columns up to TK_T_RESOLVED_AGO_S.
 */
int	 tk_ticket_page(struct pt_req *, struct tk_ticket *);
int	 tk_ticket_lock(struct pt_req *, struct tk_ticket *);
/*
 * Begin a transaction and lock the route's ticket (tk_ticket_lock):
 * PT_OK, or what the handler returns (404 page, or an error), the
 * transaction then rolled back.
 */
int	 tk_begin_lock(struct pt_req *, struct tk_ticket *);
/* A route of a ticket page: TK_ROUTE "/reply"; the number is the first capture. */
#define TK_ROUTE "/tickets/(T-\\d{4}-\\d{6,10})"
/* tk_ticket_lock of the ticket number (NULL or malformed: PT_ENOTFOUND), e.g. one of many. */
int	 tk_ticket_lock_number(struct pt_req *, const char *number, struct tk_ticket *);
/* "/tickets/<number>" and what follows, in the arena. */
const char *tk_ticket_path(struct pt_req *, const char *number, const char *suffix);

/* ---- the ticket page (view.c, agent.c) ------------------------------------------ */

/*
 * The page's lists come in one statement of tagged rows (UNION ALL), each
 * part of TK_L_COLS columns: the tag, up to 12 values (columns 1 to 12),
 * then what the rows are sorted by after the tag: a text (column
 * TK_L_SORT) and three numbers.  tk_lists_sort() sorts them in C: an
 * ORDER BY over the whole UNION would copy every row (the messages' bodies
 * are TEXT) into an on-disk temporary table for each page.  TK_L_PARTS are what everyone's page
 * lists: 'a' the answers to the form (a file field's file joined), 'c'
 * the people in CC, 'f' the files of the messages and 'm' the messages;
 * internal notes and their files only when the agent bind is 1.  Binds:
 * lang x2, ticket; ticket; ticket, agent; ticket, agent.  An agent's page
 * adds its own parts (agent.c).
 */
#define TK_L_COLS	17
#define TK_L_SORT	13
#define TK_L_PARTS \
	"(SELECT 'a', f.name, f.kind, COALESCE(ft.label, fe.label, f.name), a.value," \
	" COALESCE(ot.label, oe.label), a.attachment_id, fa.filename, fa.content_type," \
	" fa.size_bytes, NULL, NULL, NULL, '', f.position, f.id, a.position" \
	" FROM ticket_answers a JOIN ticket_fields f ON f.id = a.field_id" \
	" LEFT JOIN ticket_field_texts ft ON ft.field_id = f.id AND ft.lang = ?" \
	" LEFT JOIN ticket_field_texts fe ON fe.field_id = f.id AND fe.lang = 'en'" \
	" LEFT JOIN ticket_field_options o ON o.field_id = f.id AND o.value = a.value" \
	"   AND f.kind IN ('select', 'multiselect')" \
	" LEFT JOIN ticket_field_option_texts ot ON ot.option_id = o.id AND ot.lang = ?" \
	" LEFT JOIN ticket_field_option_texts oe ON oe.option_id = o.id AND oe.lang = 'en'" \
	" LEFT JOIN ticket_attachments fa ON fa.id = a.attachment_id" \
	" WHERE a.ticket_id = ?)" \
	" UNION ALL (SELECT 'c', u.id, u.name, u.email, NULL, NULL, NULL, NULL, NULL, NULL, NULL," \
	" NULL, NULL, u.name, u.id, 0, 0 FROM ticket_cc c JOIN users u ON u.id = c.user_id" \
	" WHERE c.ticket_id = ?)" \
	" UNION ALL (SELECT 'f', f.id, f.message_id, f.filename, f.content_type, f.size_bytes," \
	" NULL, NULL, NULL, NULL, NULL, NULL, NULL, '', f.id, 0, 0" \
	" FROM ticket_attachments f JOIN ticket_messages m ON m.id = f.message_id" \
	" WHERE f.ticket_id = ? AND f.field_id IS NULL AND (m.kind <> 'internal' OR ?)" \
	" ORDER BY f.id LIMIT 1000)" \
	" UNION ALL (SELECT 'm', m.id, m.kind, m.via, m.author_id, u.name, o.kind = 'provider'," \
	" m.body, " TK_ISO("m.created_at") ", NULL, NULL, NULL, NULL, '', m.id, 0, 0" \
	" FROM ticket_messages m LEFT JOIN users u ON u.id = m.author_id" \
	" LEFT JOIN orgs o ON o.id = u.org_id" \
	" WHERE m.ticket_id = ? AND (m.kind <> 'internal' OR ?) ORDER BY m.id LIMIT 1000)"
/* Sort the rows of such a statement by tag, then TK_L_SORT and the three numbers after it. */
void	 tk_lists_sort(struct pt_req *, struct pt_rows *);
/* The tag of row i of such a statement. */
#define TK_TAG(rows, i)	(pt_cell((rows), (i), 0)[0])

/*
 * The ticket page of the route's capture with status (200, or 422 after a
 * refused form whose messages and echo are already on the page); 404 when
 * the reader may not see it.
 */
int	 tk_page(struct pt_req *, int status);
/* 1 if the reader may add and remove people in CC. */
int	 tk_may_edit_cc(const struct pt_req *, const struct tk_ticket *);
/*
 * The lists of an agent's page (TK_L_PARTS and the agents' parts) into
 * *rows: one statement (agent.c).
 */
int	 tk_agent_rows(struct pt_req *, const struct tk_ticket *, struct pt_rows *rows);
/*
 * The agents' links part of that statement ('l': kind, number, subject,
 * status); binds: ticket x3.
 */
#define TK_LINKS_PART \
	"(SELECT 'l', 'child', c.number, c.subject, c.status, NULL, NULL, NULL, NULL, NULL, NULL," \
	" NULL, NULL, CONCAT('child ', c.number), 0, 0, 0 FROM tickets c WHERE c.parent_id = ?" \
	" ORDER BY c.number LIMIT " TK_XSTR(TK_LINKS_MAX) ")" \
	" UNION ALL (SELECT 'l', 'related', r.number, r.subject, r.status, NULL, NULL, NULL, NULL," \
	" NULL, NULL, NULL, NULL, CONCAT('related ', r.number), 0, 0, 0 FROM ticket_links l" \
	" JOIN tickets r ON r.id = l.related_id WHERE l.ticket_id = ?" \
	" ORDER BY r.number LIMIT " TK_XSTR(TK_LINKS_MAX) ")" \
	" UNION ALL (SELECT 'l', 'related', r.number, r.subject, r.status, NULL, NULL, NULL, NULL," \
	" NULL, NULL, NULL, NULL, CONCAT('related ', r.number), 0, 0, 0 FROM ticket_links l" \
	" JOIN tickets r ON r.id = l.ticket_id WHERE l.related_id = ?" \
	" ORDER BY r.number LIMIT " TK_XSTR(TK_LINKS_MAX) ")"
#define TK_LINKS_MAX	200	/* links shown on the page */
/*
 * <links><child|related number status><subject/></…></links> under
 * parent from the 'l' rows of the page's (links.c).
 */
void	 tk_links_node(xmlNodePtr parent, const struct pt_rows *rows);
/*
 * The agents' part of the page under the ticket node from the page's rows
 * (tk_agent_rows): groups, agents, links, history and the desk's part.
 */
int	 tk_agent_node(struct pt_req *, xmlNodePtr ticket, const struct tk_ticket *,
	    const struct pt_rows *rows);
/*
 * A status change of t with its history (tk_set_status), audit row
 * ("ticket.status") and the mail to the requester and CC (pt_ticket_mail_status);
 * reason only for pending.  Inside the transaction.
 */
int	 tk_status_change(struct pt_req *, const struct tk_ticket *, const char *status,
	    const char *reason);
/*
 * A status change asked for: the catalogue key of what is wrong with it
 * (an unknown status, pending without its reason: *at_reason), else NULL
 * with *reason made NULL unless pending.  Then tk_status_unchanged: 1 if
 * t has that status (and reason) already, which is refused as well.
 */
const char *tk_status_input(const char *status, const char **reason, int *at_reason);
int	 tk_status_unchanged(const struct tk_ticket *, const char *status, const char *reason);
/*
 * Give t priority (1..5, checked by the caller; nothing when it has it)
 * with history, the SLA clocks' new targets (pt_ticket_set_priority) and
 * audit ("ticket.priority").  Inside the transaction.
 */
int	 tk_priority_change(struct pt_req *, const struct tk_ticket *, long long priority);
/*
 * Give t to group and agent (0: none; both checked by the caller) with
 * history and audit ("ticket.assign").  Inside the transaction.
 */
int	 tk_assign(struct pt_req *, const struct tk_ticket *, long long group, long long agent);
/*
 * User u is an agent: active, of the provider (the permission counts for
 * nobody else, pt_perm_provider_only), and holding tickets.work through
 * one of their roles.  TK_AGENTS_FROM: all of them (alias u).
 */
#define TK_IS_AGENT \
	" u.status = 'active' AND (SELECT xo.kind FROM orgs xo WHERE xo.id = u.org_id) = 'provider'" \
	" AND EXISTS (SELECT 1 FROM user_roles ur JOIN role_permissions rp ON rp.role_id = ur.role_id" \
	"   JOIN permissions p ON p.id = rp.permission_id" \
	"   WHERE ur.user_id = u.id AND p.name = 'tickets.work')"
#define TK_AGENTS_FROM " FROM users u WHERE" TK_IS_AGENT
/* Show the ticket page again (422) with a message at field and the form's values. */
int	 tk_refuse(struct pt_req *, const char *key, const char *field, const char *form,
	    const char *const *fields, size_t nfields);

/* ---- history and audit (history.c): the worker's side of lib/ticket.c ---------- */

/*
 * The audit row of a change of ticket number: action "ticket.<what>",
 * object "ticket"; before and after are JSON (may be NULL).
 */
int	 tk_audit(struct pt_req *, const char *action, const char *number, const char *before,
	    const char *after);
/* pt_ticket_set_status for a loaded ticket. */
int	 tk_set_status(struct pt_req *, const struct tk_ticket *, const char *status,
	    const char *reason);
/* pt_ticket_customer_may_reply for a loaded ticket (not closed, resolved within the window). */
int	 tk_customer_may_reply(const struct tk_ticket *);

/* ---- text (history.c) ------------------------------------------------------------ */

/*
 * The text field name (a description, reply or note): checked for
 * TK_BODY_MAX_CHARS and control characters, LF line ends, into *body.
 * 0 when fine, 1 after a message at the field, or an error.
 */
int	 tk_body_read(struct pt_req *, const char *name, int required, const char **body);

/* ---- files (files.c) ------------------------------------------------------------- */

/* A file field or attachment in bytes, and the files of one message: the runtime's bounds. */
#define TK_FILE_MAX_BYTES	PT_TICKET_FILE_MAX_BYTES
#define TK_FILES_MAX		PT_TICKET_FILES_MAX

/*
 * The files sent in field: each within TK_FILE_MAX_BYTES and of a type
 * pt_file_sniff knows.  0, or 1 after a message at field.  The runtime
 * saves and stores them (pt_ticket_files_save, _store, _forget, _json).
 */
int	 tk_files_read(struct pt_req *, const char *field, struct pt_ticket_files *);

/* ---- a service's form (fields.c) ------------------------------------------------ */

struct tk_option {
	const char	*value;
	const char	*label;
};

struct tk_field {
	long long	 id;
	const char	*name;		/* as defined */
	const char	*param;		/* the form's name for it: "f-<name>" */
	const char	*kind;		/* text longtext number date select multiselect checkbox file */
	const char	*label, *help, *pattern;
	int		 required, has_min, has_max;
	long long	 min, max;
	struct tk_option *options;
	size_t		 noptions;
	/* what was sent (tk_fields_read) */
	const char	**values;	/* to store: one, or a multiselect's options */
	size_t		 nvalues;
	const char	*echo;		/* to show again: as typed */
	struct pt_ticket_files file;		/* a file field's file (at most one) */
};

struct tk_form {
	struct tk_field	*f;
	size_t		 n;
};

/*
 * The data of the form view "new" (raise.c): <ticket-form action> with
 * <service slug type> (service: slug, type, name, description, category),
 * the fields and the limits, and <form name="ticket"> with the values sent
 * after a POST.  Returns the ticket-form node; its first child is the service.
 */
xmlNodePtr tk_form_tree(struct pt_req *, const char *action, const char *const service[5],
	    const struct tk_form *);
/* The active fields of the service, texts in the page language (else English). */
int	 tk_fields_load(struct pt_req *, long long service_id, struct tk_form *);
/* <fields><field name kind required min max ...><label/><help/><option value/></field></fields>. */
void	 tk_fields_node(struct pt_req *, xmlNodePtr parent, const struct tk_form *);
/* Read and check every field: the number of fields in error (each with its message), or an error. */
int	 tk_fields_read(struct pt_req *, struct tk_form *);
/* <field name="f-x">value</field> under form_node for each value sent (files excepted). */
void	 tk_fields_echo(xmlNodePtr form_node, const struct tk_form *);
/* Store the accepted files (before the transaction); tk_fields_forget_files removes them again. */
int	 tk_fields_save_files(struct pt_req *, struct tk_form *);
void	 tk_fields_forget_files(struct pt_req *, struct tk_form *);
/* The answers and file rows of a new ticket, in its transaction. */
int	 tk_fields_store(struct pt_req *, long long ticket_id, long long message_id,
	    struct tk_form *);
/* The answers as a JSON object for the audit row; NULL on OOM. */
const char *tk_fields_json(struct pt_req *, const struct tk_form *);
/* "YYYY-MM-DD" of today (UTC) plus days. */
int	 tk_day_from_today(long long days, char out[11]);

/* ---- deflection while filing (deflect.c) ---------------------------------------- */

/*
 * Before a valid form becomes a ticket (raise.c): 0 to raise it, with
 * *filing the filing it comes from (0: none yet); else the status of the
 * page of articles shown instead (the first submit without the form's
 * script, when articles match), or an error.
 */
int	 tk_deflect_offer(struct pt_req *, long long service_id, const char *slug,
	    const char *service_name, const struct tk_form *, const char *subject,
	    const char *body, long long *filing);
/* The ticket (its id) was raised from filing (0: make one); in the ticket's transaction. */
int	 tk_deflect_raised(struct pt_req *, long long filing, long long service_id,
	    long long ticket_id);
/* The figures pages' period: ?days= of the offered ones (default 30), and their choice. */
const char *tk_period(struct pt_req *);
void	 tk_periods_node(xmlNodePtr parent, const char *current);
/* 1 if the reader may see the service desk's figures: tickets.work or admin.dashboard. */
int	 tk_may_see_figures(const struct pt_req *);

/* ---- the satisfaction survey (survey.c) ------------------------------------------ */

/*
 * The ticket t (locked) becomes resolved: a new survey round, whose mail
 * with a signed link goes to the requester.  Called by tk_set_status, in
 * the change's transaction.
 */
int	 tk_survey_resolved(struct pt_req *, const struct tk_ticket *);
/*
 * The survey under the ticket page's node: the form for the requester,
 * the answer for agents; from the ticket's columns (TK_T_SURVEY), no query.
 */
void	 tk_survey_node(struct pt_req *, xmlNodePtr ticket, const struct tk_ticket *);
/* How long an answer may be changed after it was given. */
#define TK_SURVEY_CHANGE_DAYS	7
/* A survey's own columns (ticket_surveys aliased sv), in the order of enum tk_survey_col. */
#define TK_SURVEY_COLUMNS \
	"sv.round, sv.rating, sv.comment, COALESCE(sv.answered_round, 0)," \
	" " TK_ISO("sv.answered_at") "," \
	" TIMESTAMPDIFF(SECOND, sv.answered_at, UTC_TIMESTAMP(6)), " TK_ISO("sv.expires_at") "," \
	" sv.expires_at <= UTC_TIMESTAMP(6)," \
	" " TK_ISO("sv.answered_at + INTERVAL " TK_XSTR(TK_SURVEY_CHANGE_DAYS) " DAY") "," \
	" " TK_ISO("sv.changed_at")
enum tk_survey_col {
	TK_SV_ROUND, TK_SV_RATING, TK_SV_COMMENT, TK_SV_ANSWERED_ROUND, TK_SV_ANSWERED,
	TK_SV_ANSWERED_AGO_S, TK_SV_EXPIRES, TK_SV_EXPIRED, TK_SV_CHANGE_UNTIL, TK_SV_CHANGED
};

/* ---- impact, urgency, priority, status names ------------------------------------ */

extern const char *const tk_statuses[5];	/* new open pending resolved closed */
extern const char *const tk_pending_reasons[2];	/* customer third_party */

/* ---- the service level (sla.c) ---------------------------------------------------- */

/*
 * <sla> under parent for the ticket page: for an agent every clock with
 * its due and marks, from the 's' rows of the page (TK_SLA_PART; marks
 * not yet recorded are recorded first, and the clocks read again), for a
 * customer the due of the next answer (<answer-by>) or @waiting while the
 * ticket waits for them (from the ticket's columns TK_T_SLA_*, no query;
 * rows may be NULL).
 */
int	 tk_sla_node(struct pt_req *, xmlNodePtr parent, const struct tk_ticket *,
	    const struct pt_rows *rows);
/*
 * The clocks of a ticket as the page shows them, a part of the page's
 * statement ('s': kind, state, target_s, consumed_s, due, at risk,
 * overdue, breached, stopped, policy, breaches, a mark due to be
 * recorded), by kind (a statement of its own, too).  Binds: ticket.
 */
#define TK_SLA_PART \
	"(SELECT 's', c.kind, c.state, c.target_s, c.consumed_s, " TK_ISO("c.due_at") "," \
	" c.state = 'running' AND (c.warned_at IS NOT NULL OR c.warn_at <= UTC_TIMESTAMP(6))," \
	" c.state = 'running' AND c.due_at < UTC_TIMESTAMP(6), " TK_ISO("c.breached_at") "," \
	" " TK_ISO("c.stopped_at") ", p.name," \
	" (SELECT COUNT(*) FROM ticket_sla_breaches b WHERE b.ticket_id = c.ticket_id" \
	"   AND b.kind = c.kind)," \
	" c.state = 'running' AND ((c.breached_at IS NULL AND c.due_at < UTC_TIMESTAMP(6))" \
	"   OR (c.warned_at IS NULL AND c.warn_at <= UTC_TIMESTAMP(6)))," \
	" c.kind, 0, 0, 0" \
	" FROM ticket_sla_clocks c JOIN sla_policies p ON p.id = c.policy_id" \
	" WHERE c.ticket_id = ? ORDER BY c.kind)"

#endif
