/*
 * The category tree, kept in each process.  Every article page shows its
 * category's trail (breadcrumbs, names in the page language); asking the
 * database for it each time took a recursive statement that cost more
 * than the article itself.  Categories are few and change seldom, so the
 * process loads them all at once and loads them again when the copy is
 * older than [kb] category_cache_s (60 seconds) or a page asks for a
 * category the copy does not have (a new one).  Who may open a category
 * is still decided per reader: kb_category_trail() applies the audience
 * rule to every category of the trail.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "kb.h"

enum { SQL_CATEGORIES_ALL, SQL__MAX };

static const struct pt_sql sql[SQL__MAX] = {
	[SQL_CATEGORIES_ALL] = { "kb_categories_all",
	    "SELECT c.id, COALESCE(c.parent_id, 0), c.slug, c.audience, t.lang, t.name"
	    " FROM kb_categories c LEFT JOIN kb_category_texts t ON t.category_id = c.id"
	    " ORDER BY c.id, t.lang" },
};

const struct pt_group kb_categories_group = { NULL, 0, sql, SQL__MAX, NULL, 0 };

#define TRAIL_MAX	20	/* deeper trees are cut; cycles end there too */

struct name {
	char	 lang[3];
	char	*text;
};

struct cat {
	struct kb_category	 pub;
	struct name		*names;	/* by language code */
	size_t			 nnames;
};

static struct {
	struct cat	*v;		/* by id */
	size_t		 n;
	struct name	*names;
	char		*strings;	/* every slug and name, one block */
	time_t		 loaded;
} cache;

void
kb_categories_free(void)
{
	free(cache.v);
	free(cache.names);
	free(cache.strings);
	memset(&cache, 0, sizeof(cache));
}

/* Copy s into the string block at *at; the copy. */
static char *
keep(char **at, const char *s)
{
	size_t len = strlen(s) + 1;
	char *copy = *at;

	memcpy(copy, s, len);
	*at += len;
	return copy;
}

static int
load(struct pt_req *req)
{
	struct pt_rows rows;
	struct cat *v;
	struct name *names;
	char *strings, *at;
	size_t r, n = 0, nn = 0, bytes = 0;
	int rc;

	if ((rc = pt_db_query(req, &sql[SQL_CATEGORIES_ALL], &rows, NULL, 0)) != PT_OK)
		return rc;
	for (r = 0; r < rows.nrows; r++) {
		if (r == 0 || pt_cell_int(&rows, r, 0) != pt_cell_int(&rows, r - 1, 0)) {
			n++;
			bytes += strlen(pt_cell(&rows, r, 2)) + 1;
		}
		if (pt_cell(&rows, r, 4) != NULL) {
			nn++;
			bytes += strlen(pt_cell(&rows, r, 5)) + 1;
		}
	}
	v = calloc(n + 1, sizeof(*v));
	names = calloc(nn + 1, sizeof(*names));
	strings = malloc(bytes + 1);
	if (v == NULL || names == NULL || strings == NULL) {
		free(v);
		free(names);
		free(strings);
		return PT_ENOMEM;
	}
	at = strings;
	for (n = 0, nn = 0, r = 0; r < rows.nrows; r++) {
		struct cat *c;

		if (r == 0 || pt_cell_int(&rows, r, 0) != pt_cell_int(&rows, r - 1, 0)) {
			c = &v[n++];
			c->pub.id = pt_cell_int(&rows, r, 0);
			c->pub.parent = pt_cell_int(&rows, r, 1);
			c->pub.slug = keep(&at, pt_cell(&rows, r, 2));
			snprintf(c->pub.audience, sizeof(c->pub.audience), "%s",
			    pt_cell(&rows, r, 3));
			c->names = &names[nn];
		}
		c = &v[n - 1];
		if (pt_cell(&rows, r, 4) != NULL) {
			snprintf(names[nn].lang, sizeof(names[nn].lang), "%s", pt_cell(&rows, r, 4));
			names[nn++].text = keep(&at, pt_cell(&rows, r, 5));
			c->nnames++;
		}
	}
	kb_categories_free();
	cache.v = v;
	cache.n = n;
	cache.names = names;
	cache.strings = strings;
	cache.loaded = time(NULL);
	return PT_OK;
}

static struct cat *
find(long long id)
{
	size_t lo = 0, hi = cache.n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (cache.v[mid].pub.id == id)
			return &cache.v[mid];
		if (cache.v[mid].pub.id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

static long
max_age_s(void)
{
	return pt_conf_int("kb", "category_cache_s", 60);
}

/*
 * A copy that is fresh enough and holds id: loaded again when it is old,
 * or when it lacks id (a category newer than the copy; ids come from
 * article rows, whose foreign key says the category exists).  Pointers into
 * the copy stay valid until the next call.
 */
static int
ensure(struct pt_req *req, long long id)
{
	if (cache.v == NULL || time(NULL) - cache.loaded >= max_age_s() || find(id) == NULL)
		return load(req);
	return PT_OK;
}

int
kb_category(struct pt_req *req, long long id, const struct kb_category **out)
{
	struct cat *c;
	int rc;

	*out = NULL;
	if ((rc = ensure(req, id)) != PT_OK)
		return rc;
	c = find(id);
	*out = c != NULL ? &c->pub : NULL;
	return PT_OK;
}

const char *
kb_category_name(const struct kb_category *pub, const char *lang)
{
	const struct cat *c = (const struct cat *)pub;
	size_t i;

	if (c->nnames == 0)
		return pub->slug;
	for (i = 0; i < c->nnames; i++)
		if (lang != NULL && strcmp(c->names[i].lang, lang) == 0)
			return c->names[i].text;
	for (i = 0; i < c->nnames; i++)
		if (strcmp(c->names[i].lang, "en") == 0)
			return c->names[i].text;
	return c->names[0].text;
}

int
kb_category_trail(struct pt_req *req, long long id, const struct kb_audience *aud,
    const struct kb_category **trail, size_t *n)
{
	const struct kb_category *up[TRAIL_MAX];
	size_t depth = 0, i;
	int rc;

	*n = 0;
	if ((rc = ensure(req, id)) != PT_OK)
		return rc;
	while (id != 0 && depth < TRAIL_MAX) {
		struct cat *c = find(id);

		if (c == NULL)
			break;
		up[depth++] = &c->pub;
		id = c->pub.parent;
	}
	/* Root first; a category the reader may not open ends the trail. */
	for (i = depth; i-- > 0;) {
		if (!kb_audience_allows(aud, up[i]->audience))
			break;
		trail[(*n)++] = up[i];
	}
	return PT_OK;
}
