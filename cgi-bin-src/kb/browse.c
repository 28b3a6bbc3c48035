/* Placeholder until the browse page group is written; see /work/spec/SPEC4.md. */
#include "kb.h"

const struct pt_group kb_browse_group = { NULL, 0, NULL, 0, NULL, 0 };
