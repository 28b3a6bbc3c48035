/* Placeholder until portico-mailer is written; see /work/spec/SPEC3.md. */
#include <stdio.h>

int
main(void)
{
	fputs("portico-mailer: not built yet\n", stderr);
	return 1;
}
