/* Placeholder until the audit page group is written; see /work/spec/SPEC3.md. */
#include "auth.h"

const struct pt_group auth_audit_group = { NULL, 0, NULL, 0, NULL, 0 };
