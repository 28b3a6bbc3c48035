/* Placeholder until the account page group is written; see /work/spec/SPEC3.md. */
#include "auth.h"

const struct pt_group auth_account_group = { NULL, 0, NULL, 0, NULL, 0 };
