/*
 * Per-request memory.  Blocks are chained; reset frees all but the first so
 * a worker's steady state allocates nothing from malloc for small requests.
 * Deferred functions (libxml2 frees) run at reset in reverse order.
 */
#include <stdlib.h>
#include <string.h>

#include "portico.h"

#define ARENA_BLOCK_BYTES (32 * 1024)

struct block {
	struct block	*next;
	size_t		 size;
	size_t		 used;
	/* data follows, max_align_t aligned */
	_Alignas(max_align_t) unsigned char data[];
};

struct deferred {
	struct deferred	*next;
	void		(*fn)(void *);
	void		*ptr;
};

struct pt_arena {
	struct block	*head;
	struct deferred	*defers;
};

static struct block *
block_new(size_t size)
{
	struct block *b = malloc(sizeof(*b) + size);

	if (b == NULL)
		return NULL;
	b->next = NULL;
	b->size = size;
	b->used = 0;
	return b;
}

struct pt_arena *
pt_arena_new(void)
{
	struct pt_arena *a = calloc(1, sizeof(*a));

	if (a == NULL)
		return NULL;
	if ((a->head = block_new(ARENA_BLOCK_BYTES)) == NULL) {
		free(a);
		return NULL;
	}
	return a;
}

static void
run_defers(struct pt_arena *a)
{
	while (a->defers != NULL) {
		struct deferred *d = a->defers;

		a->defers = d->next;
		d->fn(d->ptr);
	}
}

void
pt_arena_reset(struct pt_arena *a)
{
	struct block *b, *next;

	if (a == NULL)
		return;
	run_defers(a);
	/* Keep the last block in the chain: it is the original one. */
	for (b = a->head; b->next != NULL; b = next) {
		next = b->next;
		free(b);
	}
	a->head = b;
	b->used = 0;
}

void
pt_arena_free(struct pt_arena *a)
{
	if (a == NULL)
		return;
	pt_arena_reset(a);
	free(a->head);
	free(a);
}

void *
pt_arena_alloc(struct pt_arena *a, size_t n)
{
	const size_t align = _Alignof(max_align_t);
	struct block *b = a->head;
	void *p;

	n = (n + align - 1) & ~(align - 1);
	if (n == 0)
		n = align;
	if (b->size - b->used < n) {
		size_t size = n > ARENA_BLOCK_BYTES ? n : ARENA_BLOCK_BYTES;

		if ((b = block_new(size)) == NULL)
			return NULL;
		b->next = a->head;
		a->head = b;
	}
	p = b->data + b->used;
	b->used += n;
	memset(p, 0, n);
	return p;
}

char *
pt_arena_strndup(struct pt_arena *a, const char *s, size_t len)
{
	char *p = pt_arena_alloc(a, len + 1);

	if (p == NULL)
		return NULL;
	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

int
pt_arena_defer(struct pt_arena *a, void (*fn)(void *), void *ptr)
{
	struct deferred *d = pt_arena_alloc(a, sizeof(*d));

	if (d == NULL)
		return PT_ENOMEM;
	d->fn = fn;
	d->ptr = ptr;
	d->next = a->defers;
	a->defers = d;
	return PT_OK;
}
