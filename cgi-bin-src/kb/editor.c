/* Placeholder until the editor page group is written; see /work/spec/SPEC4.md. */
#include "kb.h"

const struct pt_group kb_editor_group = { NULL, 0, NULL, 0, NULL, 0 };
