/* The per-request arena: aligned zeroed memory, large blocks, deferred frees in reverse order. */
#include <stdint.h>
#include <stdlib.h>

#include "portico.h"
#include "tap.h"

static char order[8];
static size_t norder;

static void
note(void *p)
{
	order[norder++] = *(char *)p;
}

int
main(void)
{
	struct pt_arena *a = pt_arena_new();
	static char x = 'x', y = 'y';
	unsigned char *p, *big;
	size_t i;
	int zero = 1;

	ok(a != NULL, "arena created");
	p = pt_arena_alloc(a, 3);
	ok(p != NULL && ((uintptr_t)p % _Alignof(max_align_t)) == 0, "small allocation is aligned");
	big = pt_arena_alloc(a, 200000);
	ok(big != NULL, "allocation larger than a block succeeds");
	for (i = 0; i < 200000; i++)
		zero &= big[i] == 0;
	ok(zero, "memory is zeroed");
	memset(big, 0xab, 200000);
	is_str(pt_arena_strndup(a, "hello world", 5), "hello", "strndup copies and terminates");
	ok(pt_arena_defer(a, note, &x) == PT_OK && pt_arena_defer(a, note, &y) == PT_OK,
	    "defers registered");
	pt_arena_reset(a);
	is_int(norder, 2, "reset runs every deferred function");
	ok(order[0] == 'y' && order[1] == 'x', "deferred functions run in reverse order");
	pt_arena_reset(a);
	is_int(norder, 2, "a second reset runs them no more");
	for (i = 0; i < 10000; i++)
		if (pt_arena_alloc(a, 100) == NULL)
			break;
	is_int(i, 10000, "many allocations after reset chain new blocks");
	pt_arena_free(a);
	return done_testing();
}
