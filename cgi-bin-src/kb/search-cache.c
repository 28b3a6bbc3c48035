/*
 * Ranked search results, remembered per process.  Ranking every text that
 * contains a word costs tens of milliseconds on a large knowledge base,
 * and people search for the same things again and again.  So a process
 * keeps, per search (words, filters, audience, language, page), only what
 * the ranking decided: the article ids and languages of the page and the
 * total.  search.c fetches the texts of those ids again on every hit and
 * applies status and audience in that statement, and it drops an entry
 * when the knowledge base changed since (the stamp) or it is older than
 * [kb] search_cache_s (60 seconds).
 *
 * A fixed table of SLOTS entries, each slot one search (a new one replaces
 * what was there): bounded memory, no lists to maintain.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "kb.h"

#define SLOTS	4096

struct slot {
	char			*key;		/* NULL: empty */
	char			*stamp;
	time_t			 at;
	struct kb_search_hit	 hit;
};

static struct slot slots[SLOTS];

static uint64_t
hash(const char *s)
{
	uint64_t h = 1469598103934665603ULL;	/* FNV-1a */

	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return h;
}

static struct slot *
slot_of(const char *key)
{
	return &slots[hash(key) % SLOTS];
}

/* The slot holding key, or NULL. */
static struct slot *
slot_with(const char *key)
{
	struct slot *s = slot_of(key);

	return s->key != NULL && strcmp(s->key, key) == 0 ? s : NULL;
}

static void
slot_clear(struct slot *s)
{
	free(s->key);
	free(s->stamp);
	memset(s, 0, sizeof(*s));
}

const struct kb_search_hit *
kb_search_cache_get(const char *key)
{
	struct slot *s = slot_with(key);

	if (s == NULL)
		return NULL;
	if (time(NULL) - s->at >= pt_conf_int("kb", "search_cache_s", 60)) {
		slot_clear(s);
		return NULL;
	}
	return &s->hit;
}

const char *
kb_search_cache_stamp(const char *key)
{
	struct slot *s = slot_with(key);

	return s != NULL ? s->stamp : NULL;
}

void
kb_search_cache_put(const char *key, const char *stamp, const struct kb_search_hit *hit)
{
	struct slot *s = slot_of(key);

	slot_clear(s);
	if (pt_conf_int("kb", "search_cache_s", 60) <= 0 || hit->n > KB_SEARCH_HIT_MAX)
		return;
	if ((s->key = strdup(key)) == NULL || (s->stamp = strdup(stamp)) == NULL) {
		slot_clear(s);
		return;
	}
	s->at = time(NULL);
	s->hit = *hit;
}

void
kb_search_cache_drop(const char *key)
{
	struct slot *s = slot_with(key);

	if (s != NULL)
		slot_clear(s);
}

void
kb_search_cache_free(void)
{
	size_t i;

	for (i = 0; i < SLOTS; i++)
		slot_clear(&slots[i]);
}
