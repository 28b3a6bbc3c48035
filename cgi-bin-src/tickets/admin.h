/*
 * The administration of the service catalogue (permission tickets.admin,
 * under /tickets/admin/): categories, services, their forms, the agent
 * groups and the priority matrix, all on pages, no SQL.  Each admin-*.c
 * is one page group; admin-common.c holds what they share: reading a form
 * by a table of inputs, ids from the route, moving a row up or down, and
 * the texts per language.
 *
 * Every write checks the CSRF token (the runtime), reads and checks the
 * whole form first (422 with every value kept and a message per field),
 * then changes the rows and writes the audit row in one transaction and
 * answers 303.
 */
#ifndef TICKETS_ADMIN_H
#define TICKETS_ADMIN_H

#include "tickets.h"

extern const struct pt_group tka_categories_group;	/* admin-categories.c */
extern const struct pt_group tka_services_group;	/* admin-services.c */
extern const struct pt_group tka_fields_group;		/* admin-fields.c: a service's form */
extern const struct pt_group tka_groups_group;		/* admin-groups.c: agent groups */
extern const struct pt_group tka_priorities_group;	/* admin-priorities.c: the matrix */

#define TKA_PERM	"tickets.admin"
#define TKA_ROOT	"/tickets/admin/"

#define TKA_SLUG_MAX_CHARS	60	/* categories, services, groups: VARCHAR(60) */
#define TKA_NAME_MAX_CHARS	200
#define TKA_POSITION_MAX	1000000

/* ---- reading a form by a table (admin-common.c) ------------------------- */

enum tka_kind {
	TKA_SLUG,	/* [a-z0-9]+(-[a-z0-9]+)*, at most max characters */
	TKA_LINE,	/* one line of text, at most max characters */
	TKA_TEXT,	/* text with line breaks (LF), at most max characters */
	TKA_INT,	/* a whole number from min to max; "" when not required */
	TKA_CHOICE,	/* one of choices */
	TKA_CHECK	/* a checkbox: "1" when ticked, else "0" */
};

struct tka_input {
	const char		*name;		/* the form's field */
	enum tka_kind		 kind;
	int			 required;
	long long		 min, max;	/* TKA_INT: the range; text kinds: max characters */
	const char *const	*choices;	/* TKA_CHOICE */
	size_t			 nchoices;
};

/*
 * Read and check inputs[0..n-1] into v[] (trimmed; a text's line ends as
 * LF): each bad one gets a message at its field.  Returns the number of
 * bad fields, or an error (< 0).  v[i] is never NULL after success.
 */
int	 tka_read(struct pt_req *, const struct tka_input *, size_t n, const char **v);
/* pt_limit for each text input of the table: the form's maxlength is the check's bound. */
void	 tka_limits(struct pt_req *, const struct tka_input *, size_t n);
/* v[i] = row 0's cell cols[i] (NULL: ""), for the form showing what the database holds. */
void	 tka_values(const struct pt_rows *, const int *cols, size_t n, const char **v);
/* The number in a checked TKA_INT value ("" gives dflt). */
long long tka_int(const char *v, long long dflt);
/* An error message at field with {min} and {max} filled in. */
void	 tka_message_range(struct pt_req *, const char *key, const char *field, long long min,
	    long long max);

/* ---- ids, lists, the page ------------------------------------------------ */

/* The route's capture i as an id into *id: PT_OK, or PT_ENOTFOUND (answer 404). */
int	 tka_cap_id(const struct pt_req *, size_t i, long long *id);
/*
 * The row of the route's capture i: get (binds the id) into rows and *id.
 * PT_OK with exactly one row, PT_ENOTFOUND (answer 404), or an error.
 */
int	 tka_load(struct pt_req *, size_t i, const struct pt_sql *get, struct pt_rows *rows,
	    long long *id);
/* The 404 page, for a handler's "no such row". */
int	 tka_not_found(struct pt_req *);
/* A further <field name> under form for each of values (a checkbox group's ticks). */
void	 tka_form_multi(xmlNodePtr form, const char *name, const char *const *values, size_t n);
/* Every non-empty value sent for name (checkbox groups), in the arena; *n their count. */
int	 tka_form_all(struct pt_req *, const char *name, const char ***values, size_t *n);
/* The success message keys[i] for each params[i] in the query (?saved=1 after a redirect). */
void	 tka_flash(struct pt_req *, const char *const *params, const char *const *keys, size_t n);

/*
 * The end of a write inside its transaction: when rc (the status of the
 * writes so far) is PT_OK, the audit row (action on object type and id,
 * none when id < 0; JSON before and after, either may be NULL), the commit
 * and 303 to location; otherwise, or when one of those fails, the
 * rollback and the error.
 */
int	 tka_done(struct pt_req *, int rc, const char *action, const char *type, long long id,
	    const char *before, const char *after, const char *location);
/* Roll the open transaction back and return rc (a handler's early way out). */
int	 tka_undo(struct pt_req *, int rc);
/*
 * A move form's whole work inside the open transaction: the row id one
 * place up or down (the form's direction) among the rows that list (an
 * ordered query returning id, position; binds lbinds) gives, all of them
 * numbered 10, 20, 30 ... with set (binds position, id); its audit row
 * ({"direction":...}) and 303 to location.  At either end nothing moves.
 * 400 without a direction, 404 when id is not in the list.
 */
int	 tka_move_done(struct pt_req *, const struct pt_sql *list, const struct pt_bind *lbinds,
	    size_t nlbinds, const struct pt_sql *set, long long id, const char *action,
	    const char *type, const char *location);

/* ---- texts per language and audit rows ------------------------------------------ */

/*
 * The English and German texts of row id with text (binds id, lang, a, b:
 * an upsert), a[0] and b[0] English, a[1] and b[1] German.
 */
int	 tka_texts(struct pt_req *, const struct pt_sql *text, long long id, const char *const a[2],
	    const char *const b[2]);
/* A JSON object of names[i]: values[i] (strings), for audit rows; NULL on OOM. */
const char *tka_json_object(struct pt_req *, const char *const *names,
	    const char *const *values, size_t n);

#endif
