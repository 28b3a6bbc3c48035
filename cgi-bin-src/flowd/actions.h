/*
 * actions.h — what portico-flowd's service and send tasks do: the table
 * of actions named in portico:action (model.c lists their names and the
 * parameters each requires; actions.c runs them).
 *
 * The engine evaluates the task's parameters (literals, or expressions
 * over the instance's variables) and calls fl_action_run inside the
 * transaction of the job, so what the action writes to the database (an
 * order's status, a ticket note, a mail in the outbox) commits with the
 * step or not at all.  An action with an effect outside the database (a
 * webhook call) is idempotent per job: it records itself in
 * flow_action_log under the job's id and, run again for the same job,
 * sees the row and does nothing; the webhook carries the job id as its
 * idempotency key for the receiver.
 */
#ifndef PORTICO_FLOWD_ACTIONS_H
#define PORTICO_FLOWD_ACTIONS_H

#include <stddef.h>

#include "model.h"
#include "expr.h"

/* A parameter as evaluated for this run. */
struct fl_param {
	const char	*name;
	struct fl_value	 value;
};

/* What an action sees of the step it runs in. */
struct fl_action_ctx {
	struct pt_req	*req;		/* arena and the database connection; its transaction is open */
	long long	 job_id;
	long long	 instance_id;
	long long	 org_id;	/* the instance's org, 0 for none */
	const char	*business_key;
	const char	*process_key;
	const char	*element_id;	/* the service or send task */
	const struct fl_scope *vars;	/* the instance's variables */
	/*
	 * An action that learns something for the rest of the process (the
	 * number of the ticket it created) sets a variable by this; the
	 * engine writes it with the step.
	 */
	int		(*set)(void *set_ctx, const char *name, const struct fl_value *);
	void		*set_ctx;
};

/*
 * Run the action named on the task with its parameters.
 *   PT_OK        done (or done before for this job): the token moves on;
 *   PT_EINVAL    it cannot be done, and will not be on a retry (an order
 *                that does not exist, a template that is unknown): an
 *                incident opens at once, with the reason in err;
 *   PT_EDB and anything else: try again later (the job's retries count
 *                down, 10 s, 1 min, 5 min apart), then an incident.
 * err (size bytes) says why in a sentence an admin understands.
 */
int	 fl_action_run(const struct fl_action_ctx *, const char *action,
	    const struct fl_param *params, size_t nparams, char *err, size_t size);
/* The statements of actions.c. */
extern const struct pt_sql fl_action_sql[];
extern const size_t fl_action_nsql;
/*
 * Register them and those of the runtime's parts the actions use
 * (tickets, invoices, orders, returns), and set libcurl up: flowd calls
 * it once, instead of registering fl_action_sql itself, before its first
 * statement.  It calls pt_db_init itself first, so that the runtime's
 * own statements come first (pt_db_init registers nothing once any
 * table is registered): a caller need not, and must not call pt_db_init
 * before it with other tables registered.  For mails in each recipient's
 * language, flowd loads the site's catalogues (pt_i18n_load_site) as
 * portico-mailer does.
 */
int	 fl_action_register(void);

#endif
