/*
 * Knowledge base search: the search page, suggestions for free text (the
 * ticket form, the assistant) and the click log.
 *
 * Ranking is done by the search index (search-index.c, search-xapian.cc):
 * every word of the search must be in a text (suggestions, which get free
 * text, rank by any of them), in the form typed or in any form with the
 * same Snowball stem in the text's language ("Gateways" finds "Gateway",
 * "Sensoren" finds "Sensor"); BM25, with a title match weighing three
 * times a match elsewhere.  With "all languages" an article matching in
 * several languages is listed once, in its best-matching language.  The
 * total is exact up to INDEX_EXACT_UP_TO, beyond an estimate the page
 * shows as "about N".  The page's texts are then fetched by id with status
 * and audience applied (SQL_SEARCH_AGAIN), as for a remembered ranking.
 *
 * While the index is built (a new host, a new database) the search is
 * ranked by InnoDB FULLTEXT in natural language mode over an article's
 * text in one language:
 *
 *   score = 3 * MATCH(title) + MATCH(title, summary, body_text)
 *
 * so a word in the title counts four times, one in the body once, and an
 * article matching in several languages is listed once, in the page
 * language when that text matches, else in its best one.  One
 * statement returns the page of results and, through COUNT(*) OVER (), the
 * total; every search and suggestion is logged in kb_searches (search-log.c:
 * the id at once, the row at once or, under load, within a second), and
 * result links go through /kb/go/<id>?s=<search id>, which records the
 * click and always redirects to the article itself.
 *
 * When nothing is found the reader gets "Did you mean ...?" from a
 * per-process vocabulary of the title words of the 5 000 most-read
 * published texts (edit distance at most 2, only words of articles the
 * reader may see) and the
 * categories whose names match.  The vocabulary and the category names are
 * loaded once, reloaded after VOCAB_MAX_AGE_S, and also when a zero-result
 * search finds that articles changed since (one indexed query).
 *
 * A process remembers the ranking of recent searches (search-cache.c):
 * made again, a search fetches the page's texts by id with status and
 * audience applied and the knowledge base's stamp alongside, and ranks
 * anew when the stamp moved or an article of the page dropped out.
 *
 * A search page is kept (pagecache.c), per persona for signed-in readers,
 * and sent again to the next reader of that persona who searches the
 * same, with that search's own log id.
 *
 * Queries per page: search 4 (session, stamp, search, log), made again 3
 * (session, texts, log), kept 1 (log; 0 when paging on or when the log row
 * waits for its batch); a search without results 4; suggest the same as
 * search; go 3 (session, article and search row, click; the log row of a
 * search not written yet instead of nothing).  A process takes a block of
 * log ids between requests, and in its first search if that comes first.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "kb.h"
#include "search-xapian.h"

#define PER_PAGE 10
#define SUGGEST_MAX 5
#define SLUG_MAX_BYTES 80
#define PAGE_MAX 1000
#define TERMS_MAX 16
#define TERM_MIN_CP 3		/* innodb_ft_min_token_size */
#define WORD_MAX_CP 32		/* longer words are not spelling candidates */
#define SNIPPET_BEFORE_BYTES 80
#define SNIPPET_BYTES 260
#define VOCAB_MAX_AGE_S 300
#define CATEGORY_MATCHES_MAX 5
#define INDEX_EXACT_UP_TO 200	/* beyond, the index estimates the total ("about") */

enum search_sql {
	SQL_SEARCH,
	SQL_SEARCH_AGAIN,
	SQL_SEARCH_IDS,
	SQL_GO,
	SQL_STAMP,
	SQL_VOCAB,
	SQL_CATEGORIES,
	SQL__MAX
};

#define ISO(col) "DATE_FORMAT(" col ", '%Y-%m-%dT%H:%i:%sZ')"
/*
 * Moves with every change a search can see: an article, its texts, tags,
 * status, audience or category, and any category (kb_search_changes,
 * written by triggers: sql/migrations/0014-kb-search-index.sql and
 * 0015-kb-search-categories.sql).  One index look-up.
 */
#define STAMP \
	"(SELECT COALESCE(MAX(seq), 0) FROM kb_search_changes)"
#define SCORE \
	"3 * MATCH(t.title) AGAINST (?) + MATCH(t.title, t.summary, t.body_text) AGAINST (?)"
/*
 * The matching texts the reader may see.  Binds: q, the audience (3),
 * lang twice ('' = all), category slug three times ('' = all; the
 * category, its children and grandchildren), tag twice ('' = all).
 */
#define MATCHES \
	" FROM kb_article_texts t JOIN kb_articles a ON a.id = t.article_id" \
	" WHERE MATCH(t.title, t.summary, t.body_text) AGAINST (?)" \
	" AND a.status = 'published' AND " KB_AUDIENCE_SQL \
	" AND (? = '' OR t.lang = ?)" \
	" AND (? = '' OR a.category_id IN (SELECT c.id FROM kb_categories c" \
	"  LEFT JOIN kb_categories p ON p.id = c.parent_id" \
	"  LEFT JOIN kb_categories g ON g.id = p.parent_id" \
	"  WHERE c.slug = ? OR p.slug = ? OR g.slug = ?))" \
	" AND (? = '' OR a.id IN (SELECT x.article_id FROM kb_article_tags x" \
	"  JOIN kb_tags tg ON tg.id = x.tag_id WHERE tg.name = ?))"

#define PAGE_BY_IDS(stamp) \
	"SELECT r.id, t.lang, t.title, t.summary, t.body_text, " ISO("a.updated_at") "," \
	" a.category_id, ?, " stamp \
	" FROM JSON_TABLE(?, '$[*]' COLUMNS (pos FOR ORDINALITY," \
	"  id INT UNSIGNED PATH '$[0]', lang CHAR(2) PATH '$[1]')) r" \
	" JOIN kb_article_texts t ON t.article_id = r.id AND t.lang = r.lang" \
	" JOIN kb_articles a ON a.id = r.id" \
	" WHERE a.status = 'published' AND " KB_AUDIENCE_SQL \
	" ORDER BY r.pos"

static const struct pt_sql sql[SQL__MAX] = {
	/*
	 * Binds: preferred lang, q twice (score), MATCHES, limit, offset.
	 * Only ids and scores go through the window functions; the texts
	 * of the one page are joined afterwards.
	 */
	[SQL_SEARCH] = { "kb_search",
	    "SELECT r.id, r.lang, t.title, t.summary, t.body_text, " ISO("a.updated_at") ","
	    " a.category_id, r.total"
	    " FROM (SELECT s.article_id AS id, s.lang, s.score, COUNT(*) OVER () AS total"
	    "  FROM (SELECT m.article_id, m.lang, m.score, ROW_NUMBER() OVER"
	    "    (PARTITION BY m.article_id ORDER BY m.lang = ? DESC, m.score DESC) AS rn"
	    "   FROM (SELECT t.article_id, t.lang, " SCORE " AS score" MATCHES ") m) s"
	    "  WHERE s.rn = 1 ORDER BY s.score DESC, s.article_id DESC LIMIT ? OFFSET ?) r"
	    " JOIN kb_article_texts t ON t.article_id = r.id AND t.lang = r.lang"
	    " JOIN kb_articles a ON a.id = r.id"
	    " ORDER BY r.score DESC, r.id DESC" },
	/*
	 * A remembered page of results (search-cache.c) fetched again, with
	 * status and audience applied as in MATCHES, the total as bound, and
	 * the stamp (SQL_STAMP) to tell whether the ranking still holds.
	 * Binds: total, the page as a JSON array of [id, lang], the audience.
	 */
	[SQL_SEARCH_AGAIN] = { "kb_search_again", PAGE_BY_IDS(STAMP) },
	/* The same for a page the search index ranked just now: no stamp needed. */
	[SQL_SEARCH_IDS] = { "kb_search_ids", PAGE_BY_IDS("''") },
	/*
	 * The article if the reader may see it, with the search row if it is
	 * the reader's own (user_id NULL for anonymous searches), whether a row
	 * with that id exists at all, and the next id to be handed out (an id
	 * below it without a row is still on its way: search-log.c).  Binds:
	 * search id twice, user id, article id, audience.
	 */
	[SQL_GO] = { "kb_go",
	    "SELECT a.id, s.id, s.clicked_article_id,"
	    " (SELECT COUNT(*) FROM kb_searches x WHERE x.id = ?),"
	    " (SELECT next_id FROM kb_search_ids WHERE one = 1)"
	    " FROM kb_articles a LEFT JOIN kb_searches s ON s.id = ? AND s.user_id <=> ?"
	    " WHERE a.id = ? AND a.status = 'published' AND " KB_AUDIENCE_SQL },
	/* With the search index's generation and newest change (search-index.c). */
	[SQL_STAMP] = { "kb_vocab_stamp", "SELECT " STAMP ","
	    " (SELECT generation FROM kb_search_state WHERE one = 1), " STAMP },
	/*
	 * The titles of the most-read published texts: what people look for,
	 * and bounded, so a reload stays quick however large the knowledge base
	 * (all titles of 100 000 articles took seconds; the index on status,
	 * view_count makes this a backward range read without a sort).
	 */
	[SQL_VOCAB] = { "kb_vocab",
	    "SELECT t.lang, a.audience, t.title FROM kb_articles a"
	    " JOIN kb_article_texts t ON t.article_id = a.id WHERE a.status = 'published'"
	    " ORDER BY a.view_count DESC, a.id DESC LIMIT 5000" },
	[SQL_CATEGORIES] = { "kb_search_categories",
	    "SELECT c.id, c.parent_id, c.slug, c.audience, ct.lang, ct.name"
	    " FROM kb_categories c LEFT JOIN kb_category_texts ct ON ct.category_id = c.id"
	    " ORDER BY c.position, c.id, ct.lang" },
};

enum { R_ID, R_LANG, R_TITLE, R_SUMMARY, R_BODY, R_UPDATED, R_CATEGORY, R_TOTAL, R_STAMP };

/* ---- text: lower case, words, edit distance ----------------------------- */

/*
 * Lower-case in place: ASCII and the Latin-1 capitals (U+00C0..U+00DE but
 * the multiplication sign), which keeps every byte length, so offsets in
 * the copy are offsets in the original.
 */
void
kb_lower_utf8(char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c >= 'A' && c <= 'Z')
			s[i] = (char)(c + 32);
		else if (c == 0xc3 && i + 1 < len) {
			unsigned char d = (unsigned char)s[i + 1];

			if (d >= 0x80 && d <= 0x9e && d != 0x97)
				s[i + 1] = (char)(d + 32);
			i++;
		}
	}
}

static char *
lower_dup(struct pt_req *req, const char *s, size_t len)
{
	char *d = pt_arena_strndup(req->arena, s, len);

	if (d != NULL)
		kb_lower_utf8(d, len);
	return d;
}

/* Bytes of the UTF-8 sequence starting with c (1 for stray bytes). */
static size_t
utf8_len(unsigned char c)
{
	if (c >= 0xf0 && c < 0xf8)
		return 4;
	if (c >= 0xe0)
		return c < 0xf0 ? 3 : 1;
	if (c >= 0xc2)
		return 2;
	return 1;
}

/*
 * Is the character at s[i] part of a word?  Letters and digits of ASCII
 * and everything non-ASCII except the Latin-1 punctuation (U+00A0..U+00BF,
 * U+00D7, U+00F7) and General Punctuation (U+2000..U+206F: dashes, quotes,
 * ellipsis).  *n gets the character's length.
 */
static int
word_char(const char *s, size_t len, size_t i, size_t *n)
{
	unsigned char c = (unsigned char)s[i];

	*n = utf8_len(c);
	if (i + *n > len)
		*n = 1;
	if (c < 0x80)
		return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
	if (*n == 1)
		return 0;
	if (c == 0xc2)
		return (unsigned char)s[i + 1] < 0xa0;
	if (c == 0xc3)
		return (unsigned char)s[i + 1] != 0x97 && (unsigned char)s[i + 1] != 0xb7;
	if (c == 0xe2 && *n == 3 && ((unsigned char)s[i + 1] == 0x80 ||
	    (unsigned char)s[i + 1] == 0x81))
		return 0;
	return 1;
}

/*
 * The next word of s at or after *pos: its start and length in bytes and
 * its number of characters; 0 when there is none.
 */
static int
next_word(const char *s, size_t len, size_t *pos, size_t *start, size_t *wlen, size_t *ncp)
{
	size_t i = *pos, n;

	while (i < len && !word_char(s, len, i, &n))
		i += n;
	if (i >= len) {
		*pos = len;
		return 0;
	}
	*start = i;
	*ncp = 0;
	while (i < len && word_char(s, len, i, &n)) {
		i += n;
		(*ncp)++;
	}
	*wlen = i - *start;
	*pos = i;
	return 1;
}

/* Code points of a word of at most WORD_MAX_CP characters; their number. */
static size_t
code_points(const char *s, size_t len, uint32_t *cp)
{
	size_t i = 0, n = 0, k;

	while (i < len && n < WORD_MAX_CP) {
		unsigned char c = (unsigned char)s[i];
		uint32_t v;

		k = utf8_len(c);
		if (i + k > len)
			k = 1;
		v = k == 1 ? c : k == 2 ? c & 0x1f : k == 3 ? c & 0x0f : c & 0x07;
		for (size_t j = 1; j < k; j++)
			v = (v << 6) | ((unsigned char)s[i + j] & 0x3f);
		cp[n++] = v;
		i += k;
	}
	return n;
}

/* Levenshtein distance of a and b, or max + 1 once it must exceed max. */
static unsigned
edit_distance(const uint32_t *a, size_t na, const uint32_t *b, size_t nb, unsigned max)
{
	unsigned row[WORD_MAX_CP + 1], prev_diag, tmp, best;
	size_t i, j;

	if ((na > nb ? na - nb : nb - na) > max)
		return max + 1;
	for (j = 0; j <= nb; j++)
		row[j] = (unsigned)j;
	for (i = 1; i <= na; i++) {
		prev_diag = row[0];
		row[0] = (unsigned)i;
		best = row[0];
		for (j = 1; j <= nb; j++) {
			unsigned cost = a[i - 1] == b[j - 1] ? 0 : 1;
			unsigned v = prev_diag + cost;

			if (row[j] + 1 < v)
				v = row[j] + 1;
			if (row[j - 1] + 1 < v)
				v = row[j - 1] + 1;
			tmp = row[j];
			row[j] = v;
			prev_diag = tmp;
			if (v < best)
				best = v;
		}
		if (best > max)
			return max + 1;
	}
	return row[nb];
}

/* ---- the query's terms ------------------------------------------------- */

struct term {
	const char	*w;		/* lower case, arena */
	size_t		 len;
	size_t		 ncp;
	size_t		 at;		/* offset in the query */
};

struct terms {
	struct term	 v[TERMS_MAX];
	size_t		 n;
};

/* The distinct words of q that FULLTEXT can match (TERM_MIN_CP characters or more). */
static int
terms_of(struct pt_req *req, const char *q, struct terms *t)
{
	size_t len = strlen(q), pos = 0, start, wlen, ncp, i;
	char *lq = lower_dup(req, q, len);

	t->n = 0;
	if (lq == NULL)
		return PT_ENOMEM;
	while (t->n < TERMS_MAX && next_word(lq, len, &pos, &start, &wlen, &ncp)) {
		if (ncp < TERM_MIN_CP)
			continue;
		for (i = 0; i < t->n; i++)
			if (t->v[i].len == wlen && memcmp(t->v[i].w, lq + start, wlen) == 0)
				break;
		if (i < t->n)
			continue;
		t->v[t->n].w = lq + start;
		t->v[t->n].len = wlen;
		t->v[t->n].ncp = ncp;
		t->v[t->n].at = start;
		t->n++;
	}
	return PT_OK;
}

/*
 * The length of the word at s[i] (lower case text) when it is a term, or
 * looks like another form of one, as the index's stems match them: at
 * least 5 bytes in common, the term differing in at most its last 2 and
 * the word in at most 3 ("gateways" marks "gateway", "sensoren" "sensor",
 * "configured" "configuring"); else 0.
 */
static size_t
term_at(const struct terms *t, const char *s, size_t len, size_t i)
{
	size_t k, n, wlen, p, end = i;

	while (end < len && word_char(s, len, end, &n))
		end += n;
	wlen = end - i;
	for (k = 0; k < t->n; k++) {
		const struct term *tm = &t->v[k];

		for (p = 0; p < wlen && p < tm->len && s[i + p] == tm->w[p]; p++)
			;
		if (p == tm->len && p == wlen)
			return wlen;
		if (p >= 5 && p + 2 >= tm->len && wlen <= p + 3)
			return wlen;
	}
	return 0;
}

/* ---- snippets ----------------------------------------------------------- */

/* Offset of the first whole-word hit of a term in low (lower case), or -1. */
static long
first_hit(const struct terms *t, const char *low, size_t len)
{
	size_t i = 0, n;
	int in_word = 0;

	while (i < len) {
		int w = word_char(low, len, i, &n);

		if (w && !in_word && term_at(t, low, len, i) > 0)
			return (long)i;
		in_word = w;
		i += n;
	}
	return -1;
}

/* Back up to the start of a UTF-8 character. */
static size_t
char_start(const char *s, size_t i)
{
	while (i > 0 && ((unsigned char)s[i] & 0xc0) == 0x80)
		i--;
	return i;
}

static void
add_text(xmlNodePtr parent, const char *s, size_t len)
{
	if (len > 0)
		xmlAddChild(parent, xmlNewTextLen((const xmlChar *)s, (int)len));
}

/*
 * <snippet> under parent: a window of text around the first hit of a term,
 * the terms in it as <hit> elements (text nodes, escaped by libxml2).
 * Returns 0 when text has no hit (nothing added), 1 otherwise.  With force,
 * the start of text is shown even without a hit.
 */
static int
snippet_node(struct pt_req *req, xmlNodePtr parent, const struct terms *t, const char *text,
    int force)
{
	size_t len = strlen(text), start = 0, end, i, n, run;
	char *low;
	long hit;
	xmlNodePtr sn;
	int in_word = 0;

	if ((low = lower_dup(req, text, len)) == NULL)
		return 0;
	hit = first_hit(t, low, len);
	if (hit < 0 && !force)
		return 0;
	if (hit > SNIPPET_BEFORE_BYTES) {
		start = char_start(text, (size_t)hit - SNIPPET_BEFORE_BYTES);
		/* Begin at a word: skip to after the next space if it is near. */
		for (i = start; i < (size_t)hit && i < start + 24; i++)
			if (text[i] == ' ') {
				start = i + 1;
				break;
			}
	}
	end = start + SNIPPET_BYTES < len ? char_start(text, start + SNIPPET_BYTES) : len;
	if (end < len)
		for (i = end; i > start + SNIPPET_BYTES / 2; i--)
			if (text[i] == ' ') {
				end = i;
				break;
			}
	sn = pt_node(parent, "snippet", NULL);
	if (sn == NULL)
		return 0;
	if (start > 0)
		pt_attr(sn, "cut-start", "1");
	if (end < len)
		pt_attr(sn, "cut-end", "1");
	run = start;
	for (i = start; i < end; i += n) {
		int w = word_char(low, len, i, &n);
		size_t hit_len;

		if (w && !in_word && (hit_len = term_at(t, low, len, i)) > 0 && i + hit_len <= end) {
			add_text(sn, text + run, i - run);
			pt_node(sn, "hit", pt_arena_strndup(req->arena, text + i, hit_len));
			n = hit_len;
			run = i + n;
			w = 0;
		}
		in_word = w;
	}
	add_text(sn, text + run, end - run);
	return 1;
}

/* ---- the per-process vocabulary and category names ------------------- */

enum { AUD_PUBLIC = 1, AUD_CUSTOMER = 2, AUD_PARTNER = 4, AUD_INTERNAL = 8 };
#define LANG_OTHER 0x80

struct vword {
	char		*w;		/* lower case, NUL-terminated */
	uint32_t	 cp[WORD_MAX_CP];
	uint8_t		 ncp;
	uint8_t		 audiences;	/* AUD_* of the articles with it in a title */
	uint8_t		 langs;		/* bit i: site language i; LANG_OTHER */
	uint32_t	 freq;
};

struct vcat {
	long long	 id;
	long long	 parent;	/* 0 for a top-level category */
	char		*slug;
	uint8_t		 audience;
	char		*name[8];	/* per site language, NULL if none */
	char		*any;		/* a name in some language */
};

static struct vocab {
	struct vword	*words;		/* open addressing, size a power of two */
	size_t		 size;
	size_t		 used;
	struct vcat	*cats;
	size_t		 ncats;
	int		 words_loaded;	/* the words are loaded only when a search finds nothing */
	time_t		 loaded_at;	/* loaded, or found unchanged */
	char		 checked_by[33];	/* the request that last looked at the stamp */
	char		 stamp[160];
	char		 ix_gen[40];	/* the search index's, read with the stamp */
	unsigned long long ix_seq;
	int		 loaded;
} vocab;

static uint8_t
audience_bit(const char *a)
{
	if (a == NULL)
		return 0;
	if (strcmp(a, "public") == 0)
		return AUD_PUBLIC;
	if (strcmp(a, "customer") == 0)
		return AUD_CUSTOMER;
	if (strcmp(a, "partner") == 0)
		return AUD_PARTNER;
	if (strcmp(a, "internal") == 0)
		return AUD_INTERNAL;
	return 0;
}

static uint8_t
reader_audiences(const struct kb_audience *aud)
{
	return AUD_PUBLIC | (aud->customer ? AUD_CUSTOMER : 0) |
	    (aud->partner ? AUD_PARTNER : 0) | (aud->internal ? AUD_INTERNAL : 0);
}

static int
lang_index(const char *lang)
{
	const char *const *langs;
	size_t n, i;

	langs = pt_languages(&n);
	for (i = 0; lang != NULL && i < n && i < 7; i++)
		if (strcmp(lang, langs[i]) == 0)
			return (int)i;
	return -1;
}

static uint8_t
lang_bit(const char *lang)
{
	int i = lang_index(lang);

	return i < 0 ? LANG_OTHER : (uint8_t)(1u << i);
}

static uint64_t
hash_word(const char *s, size_t len)
{
	uint64_t h = 1469598103934665603ULL;	/* FNV-1a */
	size_t i;

	for (i = 0; i < len; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
	return h;
}

static void
words_free(struct vword *w, size_t size)
{
	size_t i;

	for (i = 0; w != NULL && i < size; i++)
		free(w[i].w);
	free(w);
}

static void
cats_free(struct vcat *c, size_t n)
{
	size_t i, j;

	for (i = 0; c != NULL && i < n; i++) {
		free(c[i].slug);
		for (j = 0; j < 8; j++)
			free(c[i].name[j]);
	}
	free(c);
}

static void
vocab_free(void)
{
	words_free(vocab.words, vocab.size);
	cats_free(vocab.cats, vocab.ncats);
	memset(&vocab, 0, sizeof(vocab));
}

/* The slot of a word in a table of size (a power of two): its own or an empty one. */
static struct vword *
slot_of(struct vword *tab, size_t size, const char *w, size_t len)
{
	size_t i = (size_t)hash_word(w, len) & (size - 1);

	while (tab[i].w != NULL && (strlen(tab[i].w) != len || memcmp(tab[i].w, w, len) != 0))
		i = (i + 1) & (size - 1);
	return &tab[i];
}

/* Add one occurrence of a word; grow the table at half load.  PT_OK or PT_ENOMEM. */
static int
words_add(struct vword **tab, size_t *size, size_t *used, const char *w, size_t len,
    uint8_t aud, uint8_t lang)
{
	struct vword *s;

	if (2 * (*used + 1) > *size) {
		size_t nsize = *size ? 2 * *size : 4096, i;
		struct vword *n = calloc(nsize, sizeof(*n));

		if (n == NULL)
			return PT_ENOMEM;
		for (i = 0; i < *size; i++)
			if ((*tab)[i].w != NULL)
				*slot_of(n, nsize, (*tab)[i].w, strlen((*tab)[i].w)) = (*tab)[i];
		free(*tab);
		*tab = n;
		*size = nsize;
	}
	s = slot_of(*tab, *size, w, len);
	if (s->w == NULL) {
		if ((s->w = strndup(w, len)) == NULL)
			return PT_ENOMEM;
		s->ncp = (uint8_t)code_points(w, len, s->cp);
		(*used)++;
	}
	s->audiences |= aud;
	s->langs |= lang;
	s->freq++;
	return PT_OK;
}

static int
vocab_load_words(struct pt_req *req, struct vword **tab, size_t *size, size_t *used)
{
	struct pt_rows rows;
	size_t r;
	int rc;

	if ((rc = pt_db_query(req, &sql[SQL_VOCAB], &rows, PT_NOBINDS)) != PT_OK)
		return rc;
	for (r = 0; r < rows.nrows; r++) {
		const char *title = pt_cell(&rows, r, 2);
		size_t len = strlen(title), pos = 0, start, wlen, ncp;
		uint8_t aud = audience_bit(pt_cell(&rows, r, 1)), lang = lang_bit(pt_cell(&rows, r, 0));

		kb_lower_utf8(pt_cell(&rows, r, 2), len);
		while (next_word(title, len, &pos, &start, &wlen, &ncp))
			if (ncp >= TERM_MIN_CP && ncp <= WORD_MAX_CP &&
			    (rc = words_add(tab, size, used, title + start, wlen, aud, lang)) != PT_OK)
				return rc;
	}
	return PT_OK;
}

static int
vocab_load_cats(struct pt_req *req, struct vcat **out, size_t *nout)
{
	struct pt_rows rows;
	struct vcat *cats;
	size_t r, n = 0;
	int rc;

	if ((rc = pt_db_query(req, &sql[SQL_CATEGORIES], &rows, PT_NOBINDS)) != PT_OK)
		return rc;
	if ((cats = calloc(rows.nrows + 1, sizeof(*cats))) == NULL)
		return PT_ENOMEM;
	for (r = 0; r < rows.nrows; r++) {
		long long id = pt_cell_int(&rows, r, 0);
		struct vcat *c;
		const char *name = pt_cell(&rows, r, 5);
		int li;

		if (n == 0 || cats[n - 1].id != id) {
			c = &cats[n++];
			c->id = id;
			c->parent = pt_cell(&rows, r, 1) != NULL ? pt_cell_int(&rows, r, 1) : 0;
			c->audience = audience_bit(pt_cell(&rows, r, 3));
			if ((c->slug = strdup(pt_cell(&rows, r, 2))) == NULL)
				goto oom;
		}
		c = &cats[n - 1];
		if (name == NULL)
			continue;
		li = lang_index(pt_cell(&rows, r, 4));
		if (li >= 0 && c->name[li] == NULL && (c->name[li] = strdup(name)) == NULL)
			goto oom;
		if (li < 0 && c->any == NULL && c->name[7] == NULL &&
		    (c->name[7] = strdup(name)) == NULL)
			goto oom;
	}
	for (r = 0; r < n; r++) {
		size_t j;

		for (j = 0; j < 8 && cats[r].any == NULL; j++)
			cats[r].any = cats[r].name[j];
	}
	*out = cats;
	*nout = n;
	return PT_OK;
oom:
	cats_free(cats, n);
	return PT_ENOMEM;
}

/* Replace the words with a fresh load; the old ones stay if it fails. */
static int
vocab_reload_words(struct pt_req *req)
{
	struct vword *tab = NULL;
	size_t size = 0, used = 0;
	int rc;

	if ((rc = vocab_load_words(req, &tab, &size, &used)) != PT_OK) {
		words_free(tab, size);
		return rc;
	}
	words_free(vocab.words, vocab.size);
	vocab.words = tab;
	vocab.size = size;
	vocab.used = used;
	vocab.words_loaded = 1;
	return PT_OK;
}

/*
 * Load the category names afresh, and the vocabulary too when need_words;
 * otherwise a vocabulary of the old stamp is dropped, to be loaded when a
 * search next finds nothing.  Every search needs the category names, few
 * need the words, and loading words reads thousands of titles.  The old
 * ones stay in use if loading fails.
 */
static int
vocab_reload(struct pt_req *req, const char *stamp, int need_words)
{
	struct vcat *cats = NULL;
	size_t ncats = 0;
	int rc;

	if ((rc = vocab_load_cats(req, &cats, &ncats)) != PT_OK)
		return rc;
	if (!vocab.loaded)
		atexit(vocab_free);
	cats_free(vocab.cats, vocab.ncats);
	vocab.cats = cats;
	vocab.ncats = ncats;
	vocab.loaded_at = time(NULL);
	vocab.loaded = 1;
	snprintf(vocab.stamp, sizeof(vocab.stamp), "%s", stamp != NULL ? stamp : "");
	if (need_words)
		return vocab_reload_words(req);
	words_free(vocab.words, vocab.size);
	vocab.words = NULL;
	vocab.size = vocab.used = 0;
	vocab.words_loaded = 0;
	return PT_OK;
}

static int
vocab_stamp(struct pt_req *req, const char **stamp)
{
	struct pt_rows rows;
	int rc;

	*stamp = "";
	if ((rc = pt_db_query(req, &sql[SQL_STAMP], &rows, PT_NOBINDS)) != PT_OK)
		return rc;
	if (rows.nrows == 1 && pt_cell(&rows, 0, 0) != NULL)
		*stamp = pt_cell(&rows, 0, 0);
	if (rows.nrows == 1 && pt_cell(&rows, 0, 1) != NULL) {
		snprintf(vocab.ix_gen, sizeof(vocab.ix_gen), "%s", pt_cell(&rows, 0, 1));
		vocab.ix_seq = strtoull(pt_cell(&rows, 0, 2), NULL, 10);
	}
	return PT_OK;
}

/*
 * Make sure the category names (and with need_words the vocabulary) are
 * there and not older than VOCAB_MAX_AGE_S; with check, also that no
 * article changed since they were loaded.
 */
static int
vocab_fresh(struct pt_req *req, int check, int need_words)
{
	const char *stamp = NULL;
	int have = vocab.loaded && (!need_words || vocab.words_loaded), rc;
	time_t now = time(NULL);

	if (have && !check && now - vocab.loaded_at < VOCAB_MAX_AGE_S)
		return PT_OK;
	/* Looked earlier in this request: good enough. */
	if (have && req->id[0] != '\0' && strcmp(vocab.checked_by, req->id) == 0)
		return PT_OK;
	if ((rc = vocab_stamp(req, &stamp)) != PT_OK)
		return rc;
	snprintf(vocab.checked_by, sizeof(vocab.checked_by), "%s", req->id);
	if (vocab.loaded && strcmp(stamp, vocab.stamp) == 0) {
		vocab.loaded_at = now;
		return have ? PT_OK : vocab_reload_words(req);
	}
	return vocab_reload(req, stamp, need_words);
}

/* The visible word w, or NULL. */
static const struct vword *
vocab_find(const char *w, size_t len, uint8_t auds, uint8_t langs)
{
	const struct vword *s;

	if (vocab.size == 0)
		return NULL;
	s = slot_of(vocab.words, vocab.size, w, len);
	return s->w != NULL && (s->audiences & auds) && (s->langs & langs) ? s : NULL;
}

/* The nearest visible word to a term that is not itself a word, or NULL. */
static const struct vword *
vocab_nearest(const struct term *tm, uint8_t auds, uint8_t langs)
{
	uint32_t cp[WORD_MAX_CP];
	size_t ncp, i;
	unsigned max, best_d, d;
	const struct vword *best = NULL;

	if (tm->ncp > WORD_MAX_CP)
		return NULL;
	ncp = code_points(tm->w, tm->len, cp);
	max = ncp <= 4 ? 1 : 2;
	best_d = max + 1;
	for (i = 0; i < vocab.size; i++) {
		const struct vword *v = &vocab.words[i];

		if (v->w == NULL || !(v->audiences & auds) || !(v->langs & langs))
			continue;
		d = edit_distance(cp, ncp, v->cp, v->ncp, max);
		if (d == 0 || d > max)
			continue;
		if (best == NULL || d < best_d || (d == best_d && v->freq > best->freq)) {
			best = v;
			best_d = d;
		}
	}
	return best;
}

/* The name of a category in lang, else English, else any. */
static const char *
cat_name(const struct vcat *c, const char *lang)
{
	int li = lang_index(lang), en = lang_index("en");

	if (li >= 0 && c->name[li] != NULL)
		return c->name[li];
	if (en >= 0 && c->name[en] != NULL)
		return c->name[en];
	return c->any != NULL ? c->any : c->slug;
}

static const struct vcat *
cat_by_id(long long id)
{
	size_t i;

	for (i = 0; i < vocab.ncats; i++)
		if (vocab.cats[i].id == id)
			return &vocab.cats[i];
	return NULL;
}

/*
 * May the reader see the category?  Its own audience and every
 * ancestor's decide (a public category below an internal one is internal),
 * as on the category pages.
 */
static int
cat_visible(const struct vcat *c, uint8_t auds)
{
	int depth;

	for (depth = 0; c != NULL && depth < 20; depth++) {
		if (!(c->audience & auds))
			return 0;
		if (c->parent == 0)
			return 1;
		c = cat_by_id(c->parent);
	}
	return 0;
}

#define NO_CATEGORY "!"

static const struct vcat *
cat_by_slug(const char *slug)
{
	size_t i;

	for (i = 0; i < vocab.ncats; i++)
		if (strcmp(vocab.cats[i].slug, slug) == 0)
			return &vocab.cats[i];
	return NULL;
}

/* ---- reading the request ------------------------------------------------ */

struct search {
	const char	*q;		/* trimmed */
	const char	*lang;		/* the content language searched, "" = all */
	const char	*lang_param;	/* as shown in the form: a code or "all" */
	const char	*category;	/* slug or "" */
	const char	*tag;		/* name or "" */
	long long	 page;
	struct kb_audience aud;
	struct terms	 terms;
	int		 about;		/* the total is the index's estimate */
	int		 indexed;	/* ranked by the search index */
	int		 any_word;	/* free text: rank by the words it has, not all */
	long long	 total;		/* of the last ranking; -1: not known */
	int		 remembered;	/* the ranking was this process's remembered one */
};

static int
slug_ok(const char *s)
{
	size_t i, n = strlen(s);

	if (n == 0 || n > SLUG_MAX_BYTES)
		return 0;
	for (i = 0; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '-'))
			return 0;
	return 1;
}

/*
 * q from the query string: PT_OK, or 422 after adding the field message
 * (too long, or characters no one types).
 */
static int
read_q(struct pt_req *req, const char **q)
{
	size_t len;

	if ((*q = pt_query_trim(req, "q")) == NULL)
		return PT_ENOMEM;
	len = strlen(*q);
	if (pt_chars(*q) > PT_SEARCH_MAX_CHARS) {
		pt_message_max(req, "kb.search.q.too-long", "q", PT_SEARCH_MAX_CHARS);
		return 422;
	}
	if (len > 0 && !pt_valid(PT_V_NAME, *q, len)) {
		pt_message(req, "error", "kb.search.q.invalid", "q");
		return 422;
	}
	return PT_OK;
}

static int
read_search(struct pt_req *req, struct search *s)
{
	const char *lang = pt_query(req, "lang"), *cat, *tag;
	int rc;

	memset(s, 0, sizeof(*s));
	kb_audience_of(req, &s->aud);
	if ((rc = read_q(req, &s->q)) != PT_OK)
		return rc;
	if (lang != NULL && strcmp(lang, "all") == 0) {
		s->lang = "";
		s->lang_param = "all";
	} else {
		s->lang = lang_index(lang) >= 0 ? lang : req->lang;
		s->lang_param = s->lang;
	}
	cat = pt_query_trim(req, "category");
	s->category = cat != NULL && slug_ok(cat) ? cat : "";
	tag = pt_query_trim(req, "tag");
	s->tag = tag != NULL && *tag != '\0' && pt_chars(tag) <= PT_TAG_MAX_CHARS &&
	    pt_valid(PT_V_NAME, tag, strlen(tag)) ? tag : "";
	s->page = pt_query_page(req);
	if (s->page > PAGE_MAX)
		s->page = PAGE_MAX;
	return terms_of(req, s->q, &s->terms);
}

/*
 * A category the reader may not see filters like one that does not
 * exist: nothing is found.  Otherwise a reader who knows an internal
 * category's slug would learn which public articles sit in it.  "!" is
 * no slug (slug_ok), so the ranking's filter matches no article.
 */
static int
category_filter_check(struct pt_req *req, struct search *s)
{
	const struct vcat *c;
	int rc;

	if (*s->category == '\0')
		return PT_OK;
	if ((rc = vocab_fresh(req, 0, 0)) != PT_OK)
		return rc;
	/* Not in the copy: perhaps added since it was loaded. */
	if ((c = cat_by_slug(s->category)) == NULL) {
		if ((rc = vocab_fresh(req, 1, 0)) != PT_OK)
			return rc;
		c = cat_by_slug(s->category);
	}
	if (c == NULL || !cat_visible(c, reader_audiences(&s->aud)))
		s->category = NO_CATEGORY;
	return PT_OK;
}

/* ---- the search ---------------------------------------------------------- */

/* The page of results remembered as hit, fetched again; PT_ENOTFOUND if it no longer holds. */
static int
search_again(struct pt_req *req, const struct search *s, const char *key,
    const struct kb_search_hit *hit, struct pt_rows *rows)
{
	const char *json = "[", *stamp = kb_search_cache_stamp(key);
	size_t i;
	int rc;

	for (i = 0; i < hit->n && json != NULL; i++)
		json = pt_printf(req, "%s%s[%lld,\"%s\"]", json, i > 0 ? "," : "", hit->id[i],
		    hit->lang[i]);
	if (json == NULL || (json = pt_printf(req, "%s]", json)) == NULL || stamp == NULL)
		return PT_ENOMEM;
	if ((rc = pt_db_query(req, &sql[SQL_SEARCH_AGAIN], rows, PT_BINDS(pt_int(hit->total),
	    pt_str(json), KB_AUDIENCE_BINDS(&s->aud)))) != PT_OK)
		return rc;
	/* Changed since, or an article of the page was archived or hidden. */
	if (rows->nrows != hit->n || strcmp(pt_cell(rows, 0, R_STAMP), stamp) != 0)
		return PT_ENOTFOUND;
	return PT_OK;
}

/* The ids of the category slug, its children and grandchildren, for the index. */
static int
category_ids(struct pt_req *req, const char *slug, const char ***ids, size_t *n)
{
	size_t i;

	*n = 0;
	if ((*ids = pt_arena_alloc(req->arena, (vocab.ncats + 1) * sizeof(**ids))) == NULL)
		return PT_ENOMEM;
	for (i = 0; i < vocab.ncats; i++) {
		const struct vcat *c = &vocab.cats[i], *p = cat_by_id(c->parent);
		const struct vcat *g = p != NULL ? cat_by_id(p->parent) : NULL;

		if (strcmp(c->slug, slug) == 0 || (p != NULL && strcmp(p->slug, slug) == 0) ||
		    (g != NULL && strcmp(g->slug, slug) == 0))
			if (((*ids)[(*n)++] = pt_printf(req, "%lld", c->id)) == NULL)
				return PT_ENOMEM;
	}
	return PT_OK;
}

/*
 * Rank with the search index (search-index.c) when it has caught up with
 * the database, then fetch the page's texts as a remembered page is
 * fetched: by id, with status and audience applied.  PT_ENOTFOUND when
 * the index cannot answer (rank with SQL then).
 */
static int
index_search(struct pt_req *req, struct search *s, long long limit, long long offset,
    struct pt_rows *rows, struct kb_search_hit *hit)
{
	static const char *const auds[] = { "public", "customer", "partner", "internal" };
	const char *words[TERMS_MAX], *reader_auds[4], **cats = NULL, *json = "[";
	struct kb_xi_query q;
	struct kb_xi_result r;
	size_t i, ncats = 0, naud = 0;
	char *tag;
	int rc;

	if (kb_index_ready(req, vocab.ix_gen, vocab.ix_seq) != PT_OK)
		return PT_ENOTFOUND;
	for (i = 0; i < s->terms.n; i++)
		if ((words[i] = pt_arena_strndup(req->arena, s->terms.v[i].w, s->terms.v[i].len)) == NULL)
			return PT_ENOMEM;
	for (i = 0; i < 4; i++)
		if (reader_audiences(&s->aud) & (1u << i))
			reader_auds[naud++] = auds[i];
	if (*s->category != '\0' && (rc = category_ids(req, s->category, &cats, &ncats)) != PT_OK)
		return rc;
	if ((tag = pt_arena_strndup(req->arena, s->tag, strlen(s->tag))) == NULL)
		return PT_ENOMEM;
	kb_lower_utf8(tag, strlen(tag));
	memset(&q, 0, sizeof(q));
	q.words = words;
	q.nwords = s->terms.n;
	q.lang = s->lang;
	q.audiences = reader_auds;
	q.naudiences = naud;
	q.categories = cats;
	q.ncategories = ncats;
	q.tag = tag;
	q.offset = offset;
	q.limit = limit < KB_XI_MAX ? limit : KB_XI_MAX;
	q.check_at_least = INDEX_EXACT_UP_TO;
	q.any_word = s->any_word;
	if (kb_index_search(&q, &r) != PT_OK)
		return PT_ENOTFOUND;
	memset(hit, 0, sizeof(*hit));
	hit->total = r.total;
	/* Past INDEX_EXACT_UP_TO always "about": the same search says the same on every process. */
	hit->about = !r.exact || r.total > INDEX_EXACT_UP_TO;
	hit->indexed = 1;
	s->total = r.total;
	s->about = hit->about;
	s->indexed = 1;
	if (r.n == 0) {
		memset(rows, 0, sizeof(*rows));
		return PT_OK;
	}
	for (i = 0; i < r.n && json != NULL; i++) {
		hit->id[i] = r.id[i];
		memcpy(hit->lang[i], r.lang[i], sizeof(hit->lang[i]));
		json = pt_printf(req, "%s%s[%lld,\"%s\"]", json, i > 0 ? "," : "", r.id[i], r.lang[i]);
	}
	hit->n = r.n;
	if (json == NULL || (json = pt_printf(req, "%s]", json)) == NULL)
		return PT_ENOMEM;
	return pt_db_query(req, &sql[SQL_SEARCH_IDS], rows, PT_BINDS(pt_int(r.total),
	    pt_str(json), KB_AUDIENCE_BINDS(&s->aud)));
}

/*
 * The page of results: remembered (search-cache.c) when the same search
 * was ranked since the last change, else ranked now: by the search index,
 * or by SQL while the index is being built.
 */
static int
run_search(struct pt_req *req, struct search *s, long long limit, long long offset,
    struct pt_rows *rows)
{
	const struct kb_search_hit *hit;
	struct kb_search_hit fresh;
	const char *key;
	size_t r;
	int rc;

	key = pt_printf(req, "%s\x1f%s\x1f%s\x1f%s\x1f%d%d%d\x1f%s\x1f%lld\x1f%lld", s->q, s->lang,
	    s->category, s->tag, s->aud.customer, s->aud.partner, s->aud.internal, req->lang,
	    limit, offset);
	if (key == NULL)
		return PT_ENOMEM;
	if ((hit = kb_search_cache_get(key)) != NULL) {
		s->about = hit->about;
		s->indexed = hit->indexed;
		s->total = hit->total;
		if ((rc = search_again(req, s, key, hit, rows)) != PT_ENOTFOUND) {
			s->remembered = rc == PT_OK;
			return rc;
		}
		kb_search_cache_drop(key);
	}
	/* The stamp before the ranking: a change in between only costs a new ranking. */
	if ((rc = vocab_fresh(req, 1, 0)) != PT_OK)
		return rc;
	s->about = s->indexed = 0;
	s->total = -1;
	if ((rc = index_search(req, s, limit, offset, rows, &fresh)) != PT_ENOTFOUND) {
		if (rc == PT_OK && fresh.n > 0)
			kb_search_cache_put(key, vocab.stamp, &fresh);
		return rc;
	}
	if ((rc = pt_db_query(req, &sql[SQL_SEARCH], rows, PT_BINDS(pt_str(req->lang),
	    pt_str(s->q), pt_str(s->q), pt_str(s->q), KB_AUDIENCE_BINDS(&s->aud),
	    pt_str(s->lang), pt_str(s->lang),
	    pt_str(s->category), pt_str(s->category), pt_str(s->category), pt_str(s->category),
	    pt_str(s->tag), pt_str(s->tag), pt_int(limit), pt_int(offset)))) != PT_OK)
		return rc;
	if (rows->nrows == 0 || rows->nrows > KB_SEARCH_HIT_MAX)
		return PT_OK;
	memset(&fresh, 0, sizeof(fresh));
	fresh.total = pt_cell_int(rows, 0, R_TOTAL);
	for (r = 0; r < rows->nrows; r++) {
		fresh.id[r] = pt_cell_int(rows, r, R_ID);
		snprintf(fresh.lang[r], sizeof(fresh.lang[r]), "%s", pt_cell(rows, r, R_LANG));
	}
	fresh.n = rows->nrows;
	kb_search_cache_put(key, vocab.stamp, &fresh);
	return PT_OK;
}

static const char *
go_href(struct pt_req *req, const char *article_id, const char *search_id)
{
	return pt_printf(req, "/kb/go/%s?s=%s", article_id, search_id);
}

/* "Did you mean": q with its unknown words replaced by their nearest visible ones. */
static const char *
did_you_mean(struct pt_req *req, const struct search *s)
{
	uint8_t auds = reader_audiences(&s->aud);
	uint8_t langs = *s->lang != '\0' ? lang_bit(s->lang) : 0xff;
	const char *out = "";
	size_t k, done = 0;
	int changed = 0;

	for (k = 0; k < s->terms.n && out != NULL; k++) {
		const struct term *tm = &s->terms.v[k];
		const struct vword *v;

		/* Short words are too often someone's abbreviation to correct. */
		if (tm->ncp < 4 || vocab_find(tm->w, tm->len, auds, langs) != NULL ||
		    (v = vocab_nearest(tm, auds, langs)) == NULL)
			continue;
		out = pt_printf(req, "%s%.*s%s", out, (int)(tm->at - done), s->q + done, v->w);
		done = tm->at + tm->len;
		changed = 1;
	}
	if (out == NULL || !changed)
		return NULL;
	return pt_printf(req, "%s%s", out, s->q + done);
}

/* 1 if the needle's bytes occur in the haystack's. */
static int
contains(const char *hay, size_t hlen, const char *needle, size_t nlen)
{
	size_t i;

	for (i = 0; nlen > 0 && i + nlen <= hlen; i++)
		if (memcmp(hay + i, needle, nlen) == 0)
			return 1;
	return 0;
}

/* 1 if a term (or the suggested words) occurs in the category's name. */
static int
cat_matches(struct pt_req *req, const char *name, const struct terms *t)
{
	size_t len = strlen(name), k, pos = 0, start, wlen, ncp;
	char *low = lower_dup(req, name, len);

	if (low == NULL)
		return 0;
	for (k = 0; k < t->n; k++) {
		char *term = pt_arena_strndup(req->arena, t->v[k].w, t->v[k].len);

		if (t->v[k].ncp >= 4 && term != NULL && strstr(low, term) != NULL)
			return 1;
	}
	/* A name word inside a term: "printers" finds "Printer". */
	while (next_word(low, len, &pos, &start, &wlen, &ncp))
		for (k = 0; ncp >= 4 && k < t->n; k++)
			if (contains(t->v[k].w, t->v[k].len, low + start, wlen))
				return 1;
	return 0;
}

/* <nothing> under parent: the help when a search found nothing. */
static int
nothing_node(struct pt_req *req, xmlNodePtr parent, const struct search *s)
{
	uint8_t auds = reader_audiences(&s->aud);
	xmlNodePtr n = pt_node(parent, "nothing", NULL);
	const char *dym;
	struct terms alt;
	size_t i, shown = 0;
	int rc;

	if ((rc = vocab_fresh(req, 1, 1)) != PT_OK)
		return rc;
	if ((dym = did_you_mean(req, s)) != NULL) {
		xmlNodePtr d = pt_node(n, "did-you-mean", dym);

		pt_attr(d, "q", dym);
		if ((rc = terms_of(req, dym, &alt)) != PT_OK)
			return rc;
	} else
		alt = s->terms;
	for (i = 0; i < vocab.ncats && shown < CATEGORY_MATCHES_MAX; i++) {
		const struct vcat *c = &vocab.cats[i];
		const char *name = cat_name(c, req->lang);

		if (!cat_visible(c, auds))
			continue;
		if (cat_matches(req, name, &s->terms) || (dym != NULL && cat_matches(req, name, &alt))) {
			xmlNodePtr e = pt_node(n, "category", name);

			pt_attr(e, "slug", c->slug);
			pt_attr(e, "href", pt_printf(req, "/kb/categories/%s", c->slug));
			shown++;
		}
	}
	return PT_OK;
}

/* The categories for the filter: top level and their children, as the reader may see them. */
static void
filter_categories(struct pt_req *req, xmlNodePtr parent, const struct search *s)
{
	uint8_t auds = reader_audiences(&s->aud);
	xmlNodePtr cats = pt_node(parent, "categories", NULL);
	size_t i, j;

	for (i = 0; i < vocab.ncats; i++) {
		const struct vcat *top = &vocab.cats[i];
		xmlNodePtr e;

		if (top->parent != 0 || !(top->audience & auds))
			continue;
		e = pt_node(cats, "category", cat_name(top, req->lang));
		pt_attr(e, "slug", top->slug);
		pt_attr(e, "level", "0");
		for (j = 0; j < vocab.ncats; j++) {
			const struct vcat *c = &vocab.cats[j];

			if (c->parent != top->id || !(c->audience & auds))
				continue;
			e = pt_node(cats, "category", cat_name(c, req->lang));
			pt_attr(e, "slug", c->slug);
			pt_attr(e, "level", "1");
		}
	}
}

static void
result_node(struct pt_req *req, xmlNodePtr parent, const struct search *s,
    const struct pt_rows *rows, size_t r, const char *search_id)
{
	xmlNodePtr e = pt_node(parent, "result", NULL);
	const struct vcat *c = cat_by_id(pt_cell_int(rows, r, R_CATEGORY));

	pt_attr(e, "id", pt_cell(rows, r, R_ID));
	pt_attr(e, "href", go_href(req, pt_cell(rows, r, R_ID), search_id));
	pt_attr(e, "lang", pt_cell(rows, r, R_LANG));
	pt_attr(e, "updated", pt_cell(rows, r, R_UPDATED));
	pt_node(e, "title", pt_cell(rows, r, R_TITLE));
	pt_node(e, "summary", pt_cell(rows, r, R_SUMMARY));
	if (!snippet_node(req, e, &s->terms, pt_cell(rows, r, R_BODY), 0) &&
	    !snippet_node(req, e, &s->terms, pt_cell(rows, r, R_SUMMARY), 0))
		snippet_node(req, e, &s->terms, *pt_cell(rows, r, R_SUMMARY) != '\0' ?
		    pt_cell(rows, r, R_SUMMARY) : pt_cell(rows, r, R_BODY), 1);
	if (c != NULL && cat_visible(c, reader_audiences(&s->aud))) {
		xmlNodePtr ce = pt_node(e, "category", cat_name(c, req->lang));

		pt_attr(ce, "slug", c->slug);
	}
}

/*
 * A search an anonymous visitor made before is sent as the page kept then
 * (pagecache.c), with the result count kept alongside for the log and this
 * search's own log id in the result and pager links.  The variant holds all
 * the page depends on besides path and language.
 */
static int
search_kept(struct pt_req *req, const struct search *s, const char *sid)
{
	const char *variant;
	long long total, search_id;
	int rc;

	variant = pt_printf(req, "%s\x1f%s\x1f%s\x1f%s\x1f%lld", s->q,
	    s->lang_param != NULL ? s->lang_param : "", s->category, s->tag, s->page);
	if (variant == NULL || !pt_pagecache_find(req, variant, &total))
		return PT_ENOTFOUND;
	/* Paging on through a search keeps its log row: the search was logged once. */
	if (s->page > 1 && sid != NULL && pt_valid(PT_V_ID, sid, strlen(sid)))
		search_id = strtoll(sid, NULL, 10);
	else if ((rc = kb_search_log(req, "search", s->q, total, &search_id)) != PT_OK)
		return rc;
	return pt_pagecache_send(req, pt_printf(req, "%lld", search_id));
}

/* GET /kb/search?q=&category=&tag=&lang=&page=&s= */
static int
search_page(struct pt_req *req)
{
	struct search s;
	struct pt_rows rows;
	xmlNodePtr sx, results;
	long long total = 0, search_id = 0;
	const char *sid = pt_query(req, "s"), *id;
	size_t r;
	int rc;

	req->view = "search";
	pt_limit(req, "tag", PT_TAG_MAX_CHARS);
	rc = read_search(req, &s);
	sx = pt_node(req->page, "search", NULL);
	pt_attr(sx, "q", s.q != NULL ? s.q : "");
	pt_attr(sx, "lang", s.lang_param != NULL ? s.lang_param : req->lang);
	pt_attr(sx, "category", s.category != NULL ? s.category : "");
	pt_attr(sx, "tag", s.tag != NULL ? s.tag : "");
	if (rc == 422) {
		const char *fields[] = { "q" };

		pt_form_echo(req, "search", fields, 1);
	}
	if (rc != PT_OK)
		return rc;
	if ((rc = category_filter_check(req, &s)) != PT_OK)
		return rc;
	/*
	 * Results follow from the reader's permissions (the audience) and
	 * language alone: a signed-in reader's search page is kept per persona
	 * (pagecache.c), as an anonymous one is, with its own log id.
	 */
	pt_pagecache_everyone(req);
	if (*s.q != '\0' && (rc = search_kept(req, &s, sid)) != PT_ENOTFOUND)
		return rc == PT_OK ? 200 : rc;
	if (*s.q == '\0') {
		if ((rc = vocab_fresh(req, 0, 0)) != PT_OK)
			return rc;
		filter_categories(req, sx, &s);
		return 200;
	}

	/*
	 * The filter's categories after the ranking: a new ranking checks
	 * that the category copy is current, so a category added since shows.
	 */
	if ((rc = run_search(req, &s, PER_PAGE, (s.page - 1) * PER_PAGE, &rows)) != PT_OK)
		return rc;
	if ((rc = vocab_fresh(req, 0, 0)) != PT_OK)
		return rc;
	filter_categories(req, sx, &s);
	if (rows.nrows == 0 && s.page > 1 && s.total != 0) {
		/* Past the last page: show the first (when there is one). */
		s.page = 1;
		if ((rc = run_search(req, &s, PER_PAGE, 0, &rows)) != PT_OK)
			return rc;
	}
	if (rows.nrows > 0)
		total = pt_cell_int(&rows, 0, R_TOTAL);

	/* Paging on through a search keeps its log row: the search was logged once. */
	if (s.page > 1 && sid != NULL && pt_valid(PT_V_ID, sid, strlen(sid)))
		search_id = strtoll(sid, NULL, 10);
	else if ((rc = kb_search_log(req, "search", s.q, total, &search_id)) != PT_OK)
		return rc;

	/* The page may be kept for the next visitor: the id stays out of it. */
	id = pt_pagecache_value(req, pt_printf(req, "%lld", search_id));
	pt_attr(sx, "searched", "1");
	pt_attr(sx, "search-id", id);
	pt_attr_int(sx, "total", total);
	if (s.about)
		pt_attr(sx, "total-about", "1");
	/* For the tests and the benchmark: ranked by the index, not by SQL. */
	if (s.indexed)
		pt_attr(sx, "index", "1");
	results = pt_node(sx, "results", NULL);
	for (r = 0; r < rows.nrows; r++)
		result_node(req, results, &s, &rows, r, id);
	pt_pager(sx, s.page, total, PER_PAGE);
	if (total == 0 && (rc = nothing_node(req, sx, &s)) != PT_OK)
		return rc;
	/*
	 * Keep a one-word search's page at once (the kind people repeat),
	 * a longer one's when it is made again: most are made once, and a
	 * page file written and evicted for each costs more than the search.
	 */
	if (s.terms.n <= 1 || s.remembered)
		pt_pagecache_keep(req, total);
	return 200;
}

/* GET /kb/suggest?q=: the best matches for free text, for the reader's audience. */
static int
suggest(struct pt_req *req)
{
	struct search s;
	struct pt_rows rows;
	xmlNodePtr sx;
	long long search_id = 0, total = 0;
	size_t r;
	int rc;

	req->view = "suggest";
	memset(&s, 0, sizeof(s));
	sx = pt_node(req->page, "suggestions", NULL);
	kb_audience_of(req, &s.aud);
	if ((rc = read_q(req, &s.q)) != PT_OK)
		return rc;
	pt_attr(sx, "q", s.q);
	if (*s.q == '\0')
		return 200;
	/* Every language, the page's preferred; no filters; free text. */
	s.lang = s.category = s.tag = "";
	s.any_word = 1;
	if ((rc = terms_of(req, s.q, &s.terms)) != PT_OK)
		return rc;
	if ((rc = run_search(req, &s, SUGGEST_MAX, 0, &rows)) != PT_OK)
		return rc;
	if (rows.nrows > 0)
		total = pt_cell_int(&rows, 0, R_TOTAL);
	if ((rc = kb_search_log(req, "suggest", s.q, total, &search_id)) != PT_OK)
		return rc;
	pt_attr_int(sx, "search-id", search_id);
	pt_attr_int(sx, "total", total);
	for (r = 0; r < rows.nrows; r++) {
		xmlNodePtr e = pt_node(sx, "suggestion", NULL);

		pt_attr(e, "id", pt_cell(&rows, r, R_ID));
		pt_attr(e, "href", go_href(req, pt_cell(&rows, r, R_ID),
		    pt_printf(req, "%lld", search_id)));
		pt_attr(e, "lang", pt_cell(&rows, r, R_LANG));
		pt_attr(e, "title", pt_cell(&rows, r, R_TITLE));
		pt_attr(e, "summary", pt_cell(&rows, r, R_SUMMARY));
	}
	return 200;
}

/*
 * A click on a search whose row is not written yet: this process's own
 * waiting rows are written first; a row another process still holds gets
 * the click within a few seconds (search-log.c).
 */
static int
click_on_the_way(struct pt_req *req, long long search_id, long long article_id,
    long long user_id)
{
	unsigned long long done = 0;
	int rc;

	if ((rc = kb_search_log_flush(req)) != PT_OK ||
	    (rc = kb_search_click(req, search_id, article_id, user_id, &done)) != PT_OK)
		return rc;
	if (done == 0 && kb_search_click_later(search_id, article_id, user_id) != PT_OK)
		pt_log(req, PT_LOG_WARN, "click on search %lld not recorded: too many waiting",
		    search_id);
	return PT_OK;
}

/*
 * GET /kb/go/<id>?s=<search id>: record that the search led to the
 * article, then 303 to /kb/articles/<id> — built from the id the database
 * returned, never from the request.  An article the reader may not see, a
 * malformed search id, one never handed out or one that is not the
 * reader's own: 404.
 */
static int
go(struct pt_req *req)
{
	const char *id = req->caps[1], *sid = pt_query(req, "s");
	const struct pt_user *u = req->session.user;
	long long article_id, search_id, user_id = u != NULL ? u->id : 0;
	struct kb_audience aud;
	struct pt_rows rows;
	int rc;

	if (id == NULL || !pt_valid(PT_V_ID, id, strlen(id)))
		return pt_error_page(req, 404, NULL);
	if (sid != NULL && !pt_valid(PT_V_ID, sid, strlen(sid)))
		return pt_error_page(req, 404, NULL);
	kb_audience_of(req, &aud);
	search_id = sid != NULL ? strtoll(sid, NULL, 10) : 0;
	if ((rc = pt_db_query(req, &sql[SQL_GO], &rows, PT_BINDS(pt_int(search_id),
	    pt_int(search_id), user_id > 0 ? pt_int(user_id) : pt_str(NULL), pt_str(id),
	    KB_AUDIENCE_BINDS(&aud)))) != PT_OK)
		return rc;
	if (rows.nrows != 1)
		return pt_error_page(req, 404, NULL);
	article_id = pt_cell_int(&rows, 0, 0);
	if (sid != NULL && pt_cell(&rows, 0, 1) != NULL) {
		/* One's own search: its first click is what it led to. */
		if (pt_cell(&rows, 0, 2) == NULL &&
		    (rc = kb_search_click(req, search_id, article_id, user_id, NULL)) != PT_OK)
			return rc;
	} else if (sid != NULL && pt_cell_int(&rows, 0, 3) == 0 &&
	    search_id < pt_cell_int(&rows, 0, 4)) {
		if ((rc = click_on_the_way(req, search_id, article_id, user_id)) != PT_OK)
			return rc;
	} else if (sid != NULL)
		return pt_error_page(req, 404, NULL);
	return pt_redirect(req, pt_printf(req, "/kb/articles/%lld", article_id));
}

static const struct pt_route routes[] = {
	{ PT_GET, "/kb/search", search_page, 0, NULL },
	{ PT_GET, "/kb/suggest", suggest, 0, NULL },
	{ PT_GET, "/kb/go/(\\d{1,18})", go, 0, NULL },
};

static const char *const views[] = { "search", "suggest" };

const struct pt_group kb_search_group = PT_GROUP(routes, sql, views);
