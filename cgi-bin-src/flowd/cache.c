/*
 * Parsed models by definition id.  A deployed definition never changes
 * (a new deployment is a new version, a new id), so each is parsed once
 * per process with fl_bpmn_parse from flow_definitions.xml and kept for
 * the life of the process, in its own arena.
 */
#include <stdlib.h>
#include <string.h>

#include "flowd.h"

struct entry {
	struct fl_def	 def;
	struct pt_arena	*arena;
	int		 refused;	/* the stored XML does not parse (any more) */
};

/* Sorted by id; each entry stays where it is, as steps hold its address. */
static struct entry **entries;
static size_t nentries, capentries;

int
fl_cache_init(void)
{
	return PT_OK;
}

void
fl_cache_free(void)
{
	size_t i;

	for (i = 0; i < nentries; i++) {
		pt_arena_free(entries[i]->arena);
		free(entries[i]);
	}
	free(entries);
	entries = NULL;
	nentries = capentries = 0;
}

static struct entry *
find(long long id)
{
	size_t lo = 0, hi = nentries;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (entries[mid]->def.id == id)
			return entries[mid];
		if (entries[mid]->def.id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* Insert e, keeping the entries sorted by id. */
static struct entry *
insert(const struct entry *e)
{
	struct entry *copy;
	size_t i;

	if (nentries == capentries) {
		size_t cap = capentries ? capentries * 2 : 16;
		struct entry **n = realloc(entries, cap * sizeof(*n));

		if (n == NULL)
			return NULL;
		entries = n;
		capentries = cap;
	}
	if ((copy = malloc(sizeof(*copy))) == NULL)
		return NULL;
	*copy = *e;
	for (i = nentries; i > 0 && entries[i - 1]->def.id > e->def.id; i--)
		entries[i] = entries[i - 1];
	entries[i] = copy;
	nentries++;
	return copy;
}

static char *
keep(struct pt_arena *a, const char *s)
{
	return s != NULL ? pt_arena_strndup(a, s, strlen(s)) : NULL;
}

int
fl_cache_get(struct pt_req *req, long long id, const struct fl_def **out)
{
	struct entry *e, n;
	struct pt_rows rows;
	char err[FL_ERROR_BYTES];
	int rc;

	if ((e = find(id)) != NULL) {
		*out = &e->def;
		return e->refused ? PT_EINVAL : PT_OK;
	}
	if ((rc = pt_db_query(req, &fl_sql[FS_DEF_LOAD], &rows, PT_BINDS(pt_int(id)))) != PT_OK)
		return rc;
	if (rows.nrows == 0)
		return PT_ENOTFOUND;
	memset(&n, 0, sizeof(n));
	if ((n.arena = pt_arena_new()) == NULL)
		return PT_ENOMEM;
	n.def.id = id;
	n.def.key = keep(n.arena, pt_cell(&rows, 0, 0));
	n.def.version = (int)pt_cell_int(&rows, 0, 1);
	n.def.name = keep(n.arena, pt_cell(&rows, 0, 2));
	n.def.name_de = keep(n.arena, pt_cell(&rows, 0, 3));
	if (n.def.key == NULL || n.def.name == NULL) {
		pt_arena_free(n.arena);
		return PT_ENOMEM;
	}
	rc = fl_bpmn_parse(n.arena, pt_cell(&rows, 0, 4), rows.len[4], &n.def.model, err);
	if (rc == PT_ENOMEM) {
		pt_arena_free(n.arena);
		return rc;
	}
	if (rc != PT_OK) {
		/* Kept as refused: its instances get incidents, not a parse per step. */
		pt_log(req, PT_LOG_ERROR, "definition %lld (%s v%d) does not parse: %s", id,
		    n.def.key, n.def.version, err);
		n.refused = 1;
		n.def.model = NULL;
	}
	if ((e = insert(&n)) == NULL) {
		pt_arena_free(n.arena);
		return PT_ENOMEM;
	}
	*out = &e->def;
	return e->refused ? PT_EINVAL : PT_OK;
}

int
fl_cache_newest(struct pt_req *req, const char *key, const struct fl_def **out)
{
	struct pt_rows rows;
	int rc;

	if ((rc = pt_db_query(req, &fl_sql[FS_DEF_NEWEST], &rows, PT_BINDS(pt_str(key)))) != PT_OK)
		return rc;
	if (rows.nrows == 0)
		return PT_ENOTFOUND;
	return fl_cache_get(req, pt_cell_int(&rows, 0, 0), out);
}
