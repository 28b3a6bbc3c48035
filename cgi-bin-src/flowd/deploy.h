/*
 * deploy.h — deploying a BPMN model as a new version of its process key
 * (flow_definitions), for portico-admin process deploy and the process
 * administration pages of portico-tasks.
 */
#ifndef PORTICO_FLOWD_DEPLOY_H
#define PORTICO_FLOWD_DEPLOY_H

#include <stddef.h>

#include "model.h"

/* Limits of flow_definitions and the tables that copy ids and names (0050-flow.sql). */
#define FL_KEY_MAX_BYTES	100	/* process key and element ids: ASCII */
#define FL_NAME_MAX_CHARS	200	/* names, and the file name as uploaded */

/*
 * 1 if s may be a process key: [A-Za-z_][A-Za-z0-9_.-]*, at most
 * FL_KEY_MAX_BYTES (an XML NCName of ASCII, safe in a page's address).
 */
int	 fl_key_ok(const char *s);

/*
 * The statements fl_deploy uses: a program that calls it registers this
 * group (a worker lists it among its groups; portico-admin registers its
 * statements after pt_db_init).
 */
extern const struct pt_group fl_deploy_group;

/*
 * Deploy the model xml (len bytes) in the caller's open transaction:
 * parse and validate it (fl_bpmn_parse, fl_key_ok and the limits above); when its
 * SHA-256 equals that of the newest version of its process key, *unchanged
 * = 1 and nothing is written; else a new version (newest + 1, or 1) is
 * inserted with its audit row (process.deploy, by user_id, 0 for
 * portico-admin) and flowd is told (pt_flow_control PT_FLOW_DEPLOYED).
 * *definition_id and *version name the new version, or the newest when
 * unchanged.  file_name: as uploaded or given (its last part is kept).
 *
 * PT_OK; PT_EINVAL or PT_ELIMIT with the parser's message in err (the
 * element, its id and its line); PT_EDUP when the same key was deployed
 * at the same moment (err says so; roll back and try again); else a
 * database error.  On an error the caller rolls back.
 */
int	 fl_deploy(struct pt_req *, const char *xml, size_t len, const char *file_name,
	    long long user_id, long long *definition_id, int *version, int *unchanged,
	    char err[FL_ERROR_BYTES]);

#endif
