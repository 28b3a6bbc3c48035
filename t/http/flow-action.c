/*
 * flow-action: run one of portico-flowd's service actions (actions.c) as
 * flowd's job would, for the tests of the actions (t/http/293, 294):
 *
 *   flow-action [--times N] [--rollback] JOB INSTANCE ACTION [NAME=TEXT | NAME:=NUMBER]...
 *
 * In one transaction, the action runs N times (2 by default) for job JOB
 * of instance INSTANCE (a flow_instances row: its org, business key and
 * process; its flow_variables are the variables), then the transaction
 * commits (or, with --rollback or when a run fails, rolls back: a failed
 * run is the last).  One line per run: "rc=<code> <reason>", and
 * "set NAME=VALUE" for each variable the action sets.  The configuration
 * is $PORTICO_CONF's, as for every program of the stack.  Exit 0 when
 * every run answered PT_OK.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actions.h"

enum { SQL_INSTANCE, SQL_VAR, SQL__MAX };

static const struct pt_sql sql[SQL__MAX] = {
	[SQL_INSTANCE] = { "t_flow_action_instance",
	    "SELECT COALESCE(i.org_id, 0), i.business_key, d.process_key FROM flow_instances i"
	    " JOIN flow_definitions d ON d.id = i.definition_id WHERE i.id = ?" },
	[SQL_VAR] = { "t_flow_action_var",
	    "SELECT type, value FROM flow_variables WHERE instance_id = ? AND name = ?" },
};

struct vars {
	struct pt_req	*req;
	long long	 instance;
};

/* A variable as flow_variables holds it (0050-flow.sql). */
static int
lookup(void *ctx, const char *name, struct fl_value *out)
{
	struct vars *v = ctx;
	struct pt_rows r;
	const char *type, *value;

	memset(out, 0, sizeof(*out));
	if (pt_db_query(v->req, &sql[SQL_VAR], &r, PT_BINDS(pt_int(v->instance), pt_str(name))) !=
	    PT_OK || r.nrows != 1 || pt_cell(&r, 0, 1) == NULL)
		return PT_ENOTFOUND;
	type = pt_cell(&r, 0, 0);
	value = pt_cell(&r, 0, 1);
	if (strcmp(type, "number") == 0) {
		out->type = FL_NUMBER;
		out->number = strtod(value, NULL);
	} else if (strcmp(type, "boolean") == 0) {
		out->type = FL_BOOLEAN;
		out->boolean = strcmp(value, "true") == 0;
	} else if (strcmp(type, "string") == 0) {
		out->type = FL_STRING;
		out->string = value;
		out->len = strlen(value);
	} else if (strcmp(type, "date") == 0) {
		out->type = FL_DATE;
		if (fl_time_parse(value, &out->date) != PT_OK)
			return PT_ENOTFOUND;
	} else
		return PT_ENOTFOUND;
	return PT_OK;
}

static int
set(void *ctx, const char *name, const struct fl_value *v)
{
	(void)ctx;
	if (v->type == FL_NUMBER)
		printf("set %s=%.17g\n", name, v->number);
	else if (v->type == FL_STRING)
		printf("set %s=%s\n", name, v->string);
	else
		printf("set %s (%s)\n", name, fl_type_names[v->type]);
	return PT_OK;
}

/* NAME=TEXT (a string) or NAME:=NUMBER. */
static int
param(const char *arg, struct fl_param *p)
{
	const char *eq = strchr(arg, '=');
	char *name;

	if (eq == NULL || eq == arg)
		return PT_EINVAL;
	memset(p, 0, sizeof(*p));
	if (eq[-1] == ':') {
		if ((name = strndup(arg, (size_t)(eq - 1 - arg))) == NULL)
			return PT_ENOMEM;
		p->value.type = FL_NUMBER;
		p->value.number = strtod(eq + 1, NULL);
	} else {
		if ((name = strndup(arg, (size_t)(eq - arg))) == NULL)
			return PT_ENOMEM;
		p->value.type = FL_STRING;
		p->value.string = eq + 1;
		p->value.len = strlen(eq + 1);
	}
	p->name = name;
	return PT_OK;
}

int
main(int argc, char **argv)
{
	struct fl_param params[16];
	struct fl_action_ctx ctx;
	struct fl_scope scope;
	struct pt_req *req;
	struct pt_rows inst;
	struct vars v;
	char err[FL_ERROR_BYTES];
	long times = 2, i;
	int a = 1, rollback = 0, failed = 0, rc;
	size_t n = 0;

	pt_log_init("flow-action");
	for (; a < argc && strncmp(argv[a], "--", 2) == 0; a++)
		if (strcmp(argv[a], "--times") == 0 && a + 1 < argc)
			times = strtol(argv[++a], NULL, 10);
		else if (strcmp(argv[a], "--rollback") == 0)
			rollback = 1;
	if (argc - a < 3 || times < 1) {
		fputs("usage: flow-action [--times N] [--rollback] JOB INSTANCE ACTION"
		    " [NAME=TEXT | NAME:=NUMBER]...\n", stderr);
		return 2;
	}
	for (i = a + 3; i < argc && n < PT_NELEM(params); i++, n++)
		if (param(argv[i], &params[n]) != PT_OK) {
			fprintf(stderr, "flow-action: %s is no parameter\n", argv[i]);
			return 2;
		}
	if (pt_conf_load(NULL) != PT_OK ||
	    pt_i18n_load_site(pt_conf_str("paths", "xslt", PT_PKGDATADIR "/xslt")) != PT_OK ||
	    fl_action_register() != PT_OK || pt_db_register(sql, SQL__MAX) != PT_OK ||
	    (req = pt_req_new("flow-action")) == NULL) {
		fputs("flow-action: cannot set up (configuration, catalogues, database)\n", stderr);
		return 1;
	}
	req->remote_addr = "flowd";
	memset(&ctx, 0, sizeof(ctx));
	ctx.req = req;
	ctx.job_id = strtoll(argv[a], NULL, 10);
	ctx.instance_id = strtoll(argv[a + 1], NULL, 10);
	if (pt_db_query(req, &sql[SQL_INSTANCE], &inst, PT_BINDS(pt_int(ctx.instance_id))) != PT_OK ||
	    inst.nrows != 1) {
		fprintf(stderr, "flow-action: no instance %lld\n", ctx.instance_id);
		return 1;
	}
	ctx.org_id = pt_cell_int(&inst, 0, 0);
	ctx.business_key = pt_cell(&inst, 0, 1);
	ctx.process_key = pt_cell(&inst, 0, 2);
	ctx.element_id = "test";
	v.req = req;
	v.instance = ctx.instance_id;
	scope.lookup = lookup;
	scope.ctx = &v;
	scope.now = time(NULL);
	ctx.vars = &scope;
	ctx.set = set;
	if (pt_db_begin(req) != PT_OK)
		return 1;
	/* A run that fails rolls the step back, as flowd's job does. */
	for (i = 0; i < times && !failed; i++) {
		rc = fl_action_run(&ctx, argv[a + 2], params, n, err, sizeof(err));
		printf("rc=%d %s\n", rc, err);
		failed = rc != PT_OK;
	}
	if (rollback || failed)
		pt_db_rollback(req);
	else if (pt_db_commit(req) != PT_OK)
		failed = 1;
	fflush(stdout);
	pt_db_close();
	pt_req_free(req);
	return failed;
}
