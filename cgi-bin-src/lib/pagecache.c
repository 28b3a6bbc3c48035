/*
 * Rendered pages, kept in files that all processes of a worker on this
 * host share.
 *
 * A public page (a knowledge-base article, the FAQ) is the same for every
 * anonymous visitor who reads it in the same language, except for the
 * visitor's CSRF token in its forms.  Building it costs database round
 * trips and an XSLT transform; reading it back from a file costs a few
 * microseconds.  So a handler asks pt_pagecache_serve() first and, when it
 * builds the page itself, marks it with pt_pagecache_keep(); the renderer
 * then writes the page with a per-process placeholder where the token
 * goes, keeps it with the placeholder cut out (the "holes"), and puts the
 * visitor's token in before sending it.
 *
 * Signed-in readers.  A handler whose page shows a signed-in reader
 * nothing of their own but the header's name, organisation and e-mail
 * says so with pt_pagecache_everyone().  Such a page is kept per
 * "persona": everything that decides what the reader may see and how the
 * page is drawn (permissions, which decide the audience and the
 * navigation, roles, home, time zone, the kind of organisation; the
 * language is in the key anyway), never per person.  The reader's name,
 * organisation, e-mail and token are holes, filled (escaped for HTML) for
 * each request; the user's ids are left out of the kept rendering.  A
 * page that holds the reader's name, e-mail or organisation anywhere but
 * in a hole (a view that computed with them) is not kept.  A role or
 * permission that changes changes the key: the next page is the new one.
 * The reader's last sign-in is a hole too (pt_pagecache_last_login): the
 * tree gets a placeholder, pt:time() turns it into one placeholder per
 * style, and each is filled with the time formatted for this reader, "3
 * hours ago" included.
 *
 * A reader's own pages (pt_pagecache_personal: a ticket, a list of
 * tickets) are kept per person: the user id is in the key beside the
 * persona, the reader's name may stand anywhere on the page, and the entry
 * carries a digest of the handler's stamp (what the page was made of: its
 * rows' change times and counts, read in one indexed statement before
 * anything else), so a change to any of them outdates it at once, on every
 * host.  Such an entry lives PT_PAGECACHE_PERSONAL_S seconds at most, which
 * bounds what no stamp covers (a renamed service, a window that closes
 * with time), and no longer than the page reads the same: a personal page
 * may say "3 minutes ago" (the renderer notes when the first such text
 * turns), and a handler names the instants its page computed with
 * (pt_pagecache_until: a deadline on it that passes).  Each person's page of a path and variant has one file,
 * written over when it changes, and the process that wrote it removes it
 * when it is too old to be used (pt_pagecache_sweep, from the idle loop),
 * or at exit: a person's pages stay on the disk a minute at most, not until
 * the next restart (an anonymised person's name, say).
 *
 * A search results page has a query string: its handler names a variant
 * (the search's parameters) with pt_pagecache_find(), keeps a number with
 * the page (the result count, for the log), and has a second kind of hole
 * for a value that differs per request (the search's log id), filled by
 * pt_pagecache_send().  A page may have up to PT_PAGECACHE_VALUES such
 * values (the start page's counts of an agent's tickets), each a hole of
 * its own, filled escaped like the reader's name.
 *
 * An entry is used only when all of these hold:
 *   - the request is a GET for HTML, by a visitor who is not logged in or
 *     to a handler that called pt_pagecache_everyone(), without a query
 *     string unless the handler named a variant;
 *   - it was made under the worker's current generation: a counter in the
 *     file "generation" next to the entries, mapped shared by every
 *     process.  pt_pagecache_invalidate() raises it, and so does every
 *     process at start-up, since stylesheets, catalogues or settings may
 *     be new.  A change to what pages show (the kb editor, after every
 *     commit) calls pt_pagecache_changed(), which also raises the page row
 *     of auth_generation in the database; before it uses an entry, a
 *     process reads that row if it has not in the last PAGES_CHECK_MS,
 *     and the first process of the host to see it move raises the host's
 *     generation: a change made on one host outdates every host's pages
 *     within a second;
 *   - it is younger than [cache] pages_s seconds, so that counters on the
 *     page (views, ratings) and changes made outside the worker (SQL) show
 *     after that time at the latest.
 * In development mode a hit first reloads a changed stylesheet or
 * catalogue, which raises the generation, so designers see their edits.
 *
 * Files: <[paths] cache>/<worker>/<sha256 of path, language, variant,
 * persona>.page, written to a temporary name and renamed, so a reader sees
 * a whole entry or none.  Nothing in them comes from the request but the
 * page itself.
 */
#define _GNU_SOURCE		/* memmem */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>

#include "extern.h"

#define ENTRY_MAGIC	"PTPAGE4"
#define ENTRY_MAX	(512 * 1024)	/* bigger pages are not kept */
#define HOLES_MAX	32
#define TOKEN_LEN	64		/* a CSRF token: 32 bytes in hex */
#define MARK_LEN	32		/* the placeholders of the other holes */

/* What a hole holds; its kind is in the top bits of its offset. */
enum hole {
	HOLE_TOKEN,	/* the CSRF token */
	HOLE_VALUE,	/* the handler's value (pt_pagecache_value) */
	HOLE_NAME,	/* the signed-in reader's name, */
	HOLE_ORG,	/* organisation */
	HOLE_EMAIL,	/* and e-mail address; */
	HOLE_LAST,	/* their last sign-in, as the handler puts it in the tree, */
	HOLE_LAST_ISO,	/* and as pt:time() writes it in each style */
	HOLE_LAST_DATETIME,
	HOLE_LAST_DATE,
	HOLE_LAST_TIME,
	HOLE_LAST_RELATIVE,
	HOLE_VALUE1,	/* the handler's further values */
	HOLE_VALUE2,
	HOLE_VALUE3,
	HOLE__MAX
};
#define PAGES_CHECK_MS	500	/* how often the database's page counter is read */
#define PAGES_RETRY_MS	5000	/* and after it could not be */
#define HOLE_SHIFT	28
#define MEMO_MAX	8		/* entries a process keeps in memory */
#define HOLE_KIND(h)	((h) >> HOLE_SHIFT)
#define HOLE_AT(h)	((h) & ((1u << HOLE_SHIFT) - 1))

struct entry_head {
	char		 magic[8];
	uint64_t	 generation;
	int64_t		 created;	/* time(2) */
	int64_t		 number;	/* the handler's, from pt_pagecache_keep() */
	int64_t		 until;		/* time(2) it turns (pt_pagecache_until), 0: never */
	uint32_t	 body_len;	/* the page without its holes */
	uint32_t	 nholes;	/* offsets into that body follow the head */
	char		 view[48];	/* the stylesheet, for development mode */
};

enum { SQL_PAGES_GENERATION, SQL_PAGES_CHANGED, SQL__MAX };

const struct pt_sql pt_pagecache_sql[SQL__MAX] = {
	[SQL_PAGES_GENERATION] = { "pages_generation",
	    "SELECT n FROM auth_generation WHERE id = 2" },
	[SQL_PAGES_CHANGED] = { "pages_changed", PT_PAGES_CHANGED_SQL },
};
const size_t pt_pagecache_nsql = SQL__MAX;

static struct {
	char		 dir[1024];	/* <[paths] cache>/<worker>, empty: off */
	int		 dirfd;		/* dir, open: entries are opened relative to it */
	long		 ttl_s;
	uint64_t	*generation;	/* shared mapping of <dir>/generation */
	uint64_t	*db_seen;	/* shared: the database's page counter as this host last saw it */
	long long	 checked_ms;	/* when this process last read it */
	char		 mark[HOLE__MAX][TOKEN_LEN + 1];	/* per process: where a hole goes */
	size_t		 mark_len[HOLE__MAX];
	time_t		 last_warning;
} pc;

/*
 * The entries this process uses again and again (the login form, a start
 * page, the FAQ) are kept in its memory too, saving the file's open, read
 * and close for a stat: the copy is used only while the file is the same
 * (inode, size, modification time), and under the same checks.  An entry
 * is taken in on its second read from a file within the last MEMO_MAX
 * reads, so that a stream of different articles does not churn the memory.
 */
static struct {
	struct {
		char	 name[48];
		char	*buf;		/* malloc */
		size_t	 len, cap;
		struct stat st;		/* of the file it was read from */
	} slot[MEMO_MAX];
	char		 recent[MEMO_MAX][48];	/* names read from a file lately */
	unsigned	 next_slot, next_recent;
} memo;

static void
memo_free(void)
{
	size_t i;

	for (i = 0; i < MEMO_MAX; i++)
		free(memo.slot[i].buf);
	memset(&memo, 0, sizeof(memo));
}

static int
same_file(const struct stat *a, const struct stat *b)
{
	return a->st_ino == b->st_ino && a->st_dev == b->st_dev && a->st_size == b->st_size &&
	    a->st_mtim.tv_sec == b->st_mtim.tv_sec && a->st_mtim.tv_nsec == b->st_mtim.tv_nsec;
}

/* The kept copy of entry name while its file is unchanged, or NULL. */
static char *
memo_get(const char *name, size_t *len)
{
	struct stat st;
	size_t i;

	for (i = 0; i < MEMO_MAX; i++)
		if (memo.slot[i].buf != NULL && strcmp(memo.slot[i].name, name) == 0) {
			if (fstatat(pc.dirfd, name, &st, 0) != 0 || !same_file(&st, &memo.slot[i].st)) {
				memo.slot[i].name[0] = '\0';
				return NULL;
			}
			*len = memo.slot[i].len;
			return memo.slot[i].buf;
		}
	return NULL;
}

/* A current entry just read from its file: keep a copy when it was read lately too. */
static void
memo_offer(const char *name, const char *buf, size_t len, const struct stat *st)
{
	size_t i;
	int seen = 0;

	for (i = 0; i < MEMO_MAX; i++)
		if (strcmp(memo.recent[i], name) == 0)
			seen = 1;
	if (!seen) {
		snprintf(memo.recent[memo.next_recent++ % MEMO_MAX], sizeof(memo.recent[0]), "%s", name);
		return;
	}
	i = memo.next_slot++ % MEMO_MAX;
	if (memo.slot[i].cap < len) {
		char *p = realloc(memo.slot[i].buf, len);

		if (p == NULL)
			return;
		memo.slot[i].buf = p;
		memo.slot[i].cap = len;
	}
	memcpy(memo.slot[i].buf, buf, len);
	memo.slot[i].len = len;
	memo.slot[i].st = *st;
	snprintf(memo.slot[i].name, sizeof(memo.slot[i].name), "%s", name);
}

/*
 * The personal entries this process wrote, oldest first, to remove once
 * they are too old (pt_pagecache_sweep).  When the ring is full, the oldest
 * goes at once: a miss for its reader, never a page left behind.
 */
#define PERSONAL_MAX	4096
static struct {
	struct {
		char	 name[48];
		time_t	 at;
	} e[PERSONAL_MAX];
	size_t		 head, n;
} personal;

static void
personal_remove_oldest(void)
{
	(void)unlinkat(pc.dirfd, personal.e[personal.head].name, 0);
	personal.head = (personal.head + 1) % PERSONAL_MAX;
	personal.n--;
}

static void
personal_remember(const char *name)
{
	size_t i;

	if (personal.n == PERSONAL_MAX)
		personal_remove_oldest();
	i = (personal.head + personal.n++) % PERSONAL_MAX;
	snprintf(personal.e[i].name, sizeof(personal.e[i].name), "%s", name);
	personal.e[i].at = time(NULL);
}

/* An entry's file (name.page) or one being written (name.tmp). */
static int
is_entry_file(const char *name)
{
	size_t n = strlen(name);

	return n > 4 && (strcmp(name + n - 5, ".page") == 0 || strcmp(name + n - 4, ".tmp") == 0);
}

/*
 * An entry is written over when its page is kept again, but one that is
 * not asked for again (a search nobody repeats, a page of an older
 * generation) would stay on the disk until the next start.  So every
 * [cache] pages_s each process walks the directory, SWEEP_STEP names after
 * each request, and removes the entries too old to be used by anyone.
 */
#define SWEEP_STEP	64
static struct {
	DIR	*d;		/* a walk in progress */
	time_t	 next;		/* when the next walk starts */
} sweep;

static void
sweep_stop(void)
{
	if (sweep.d != NULL)
		closedir(sweep.d);
	sweep.d = NULL;
}

/* 1 while a walk is in progress. */
static int
sweep_step(time_t now)
{
	long too_old = pc.ttl_s > PT_PAGECACHE_PERSONAL_S ? pc.ttl_s : PT_PAGECACHE_PERSONAL_S;
	struct dirent *de;
	struct stat st;
	int k, fd;

	if (pc.dirfd <= 0)
		return 0;
	if (sweep.d == NULL) {
		if (now < sweep.next)
			return 0;
		sweep.next = now + too_old;
		if ((fd = openat(pc.dirfd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0)
			return 0;
		if ((sweep.d = fdopendir(fd)) == NULL) {
			close(fd);
			return 0;
		}
	}
	for (k = 0; k < SWEEP_STEP; k++) {
		if ((de = readdir(sweep.d)) == NULL) {
			sweep_stop();
			return 0;
		}
		if (is_entry_file(de->d_name) &&
		    fstatat(pc.dirfd, de->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
		    now - st.st_mtime > too_old)
			(void)unlinkat(pc.dirfd, de->d_name, 0);
	}
	return 1;
}

int
pt_pagecache_sweep(void)
{
	time_t now = time(NULL);
	int walking;

	while (personal.n > 0 && now - personal.e[personal.head].at > PT_PAGECACHE_PERSONAL_S)
		personal_remove_oldest();
	walking = sweep_step(now);
	return personal.n > 0 || walking;
}

/* One warning a minute at most: a full disk must not flood the log. */
static void
warn_once(const char *what, const char *name)
{
	time_t now = time(NULL);

	if (now - pc.last_warning < 60)
		return;
	pc.last_warning = now;
	pt_log(NULL, PT_LOG_WARN, "page cache: %s %s/%s: %s", what, pc.dir, name, strerror(errno));
}

static int
mkdir_p(char *path)
{
	char *p;

	for (p = path + 1; *p != '\0'; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(path, 0750) != 0 && errno != EEXIST) {
			*p = '/';
			return -1;
		}
		*p = '/';
	}
	return mkdir(path, 0750) != 0 && errno != EEXIST ? -1 : 0;
}

/* Map the 64-bit counter in file path, shared by every process; NULL on failure. */
static uint64_t *
map_counter(const char *path)
{
	struct stat st;
	void *p;
	int fd;

	if ((fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0640)) < 0)
		return NULL;
	if (fstat(fd, &st) != 0 || (st.st_size < (off_t)sizeof(uint64_t) &&
	    ftruncate(fd, sizeof(uint64_t)) != 0)) {
		close(fd);
		return NULL;
	}
	p = mmap(NULL, sizeof(uint64_t), PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	close(fd);
	return p == MAP_FAILED ? NULL : p;
}

/* Map <dir>/generation, shared by the worker's processes; NULL on failure. */
static uint64_t *
map_generation(void)
{
	char path[sizeof(pc.dir) + 16];

	snprintf(path, sizeof(path), "%s/generation", pc.dir);
	return map_counter(path);
}

uint64_t *
pt_shared_counter(const char *name)
{
	char path[1200];
	const char *root = pt_conf_str("paths", "cache", "/var/cache/portico");
	int n;

	if (*root == '\0')
		return NULL;
	n = snprintf(path, sizeof(path), "%s/%s", root, name);
	if (n < 0 || (size_t)n >= sizeof(path))
		return NULL;
	return map_counter(path);
}

/*
 * Entries of an older generation are of no use to anyone: remove them, and
 * what a process that died while writing one left behind.
 */
static void
remove_entries(void)
{
	char path[sizeof(pc.dir) + 300];
	struct dirent *de;
	DIR *d;

	if ((d = opendir(pc.dir)) == NULL)
		return;
	while ((de = readdir(d)) != NULL) {
		if (is_entry_file(de->d_name) &&
		    snprintf(path, sizeof(path), "%s/%s", pc.dir, de->d_name) < (int)sizeof(path))
			(void)unlink(path);
	}
	closedir(d);
}

int
pt_pagecache_init(const char *worker)
{
	char path[sizeof(pc.dir) + 32];
	const char *root;
	int n, k, marks_ok = 1;

	pt_pagecache_free();
	pc.ttl_s = pt_conf_int("cache", "pages_s", 300);
	root = pt_conf_str("paths", "cache", "/var/cache/portico");
	if (pc.ttl_s <= 0 || *root == '\0')
		return PT_OK;
	for (k = 0; k < HOLE__MAX; k++) {
		pc.mark_len[k] = k == HOLE_TOKEN ? TOKEN_LEN : MARK_LEN;
		if (pt_random_hex(pc.mark[k], pc.mark_len[k] / 2) != PT_OK)
			marks_ok = 0;
	}
	n = snprintf(pc.dir, sizeof(pc.dir), "%s/%s", root, worker);
	if (n < 0 || (size_t)n >= sizeof(pc.dir) || !marks_ok || mkdir_p(pc.dir) != 0 || (pc.generation = map_generation()) == NULL ||
	    (pc.dirfd = open(pc.dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0) {
		pt_log(NULL, PT_LOG_WARN, "page cache off: cannot use %s/%s: %s", root, worker,
		    strerror(errno));
		pt_pagecache_free();
		return PT_OK;
	}
	snprintf(path, sizeof(path), "%s/database-generation", pc.dir);
	if ((pc.db_seen = map_counter(path)) == NULL)
		pt_log(NULL, PT_LOG_WARN, "page cache: %s: %s: other hosts' changes show after"
		    " [cache] pages_s", path, strerror(errno));
	/* This process may render differently from the ones that made the entries. */
	pt_pagecache_invalidate();
	remove_entries();
	return PT_OK;
}

void
pt_pagecache_free(void)
{
	while (personal.n > 0 && pc.dirfd > 0)
		personal_remove_oldest();
	personal.n = 0;
	sweep_stop();
	sweep.next = 0;
	if (pc.generation != NULL)
		munmap(pc.generation, sizeof(uint64_t));
	if (pc.db_seen != NULL)
		munmap(pc.db_seen, sizeof(uint64_t));
	if (pc.dirfd > 0)
		close(pc.dirfd);
	memset(&pc, 0, sizeof(pc));
	memo_free();
}

void
pt_pagecache_invalidate(void)
{
	if (pc.generation != NULL)
		__atomic_add_fetch(pc.generation, 1, __ATOMIC_SEQ_CST);
}

/*
 * This host has outdated its pages for the database's page counter at n:
 * its processes need not do it again when they read n.  A higher value
 * seen already stays (that change came later, and is still to be acted on
 * or was).
 */
void
pt_pagecache_seen(unsigned long long n)
{
	uint64_t seen;

	if (pc.db_seen == NULL)
		return;
	seen = __atomic_load_n(pc.db_seen, __ATOMIC_SEQ_CST);
	while (seen < n && !__atomic_compare_exchange_n(pc.db_seen, &seen, n, 0, __ATOMIC_SEQ_CST,
	    __ATOMIC_SEQ_CST))
		;
}

void
pt_pagecache_changed(struct pt_req *req)
{
	if (pt_db_exec(req, &pt_pagecache_sql[SQL_PAGES_CHANGED], PT_NOBINDS, NULL) != PT_OK) {
		pt_log(req, PT_LOG_WARN, "the database's page counter was not raised: other hosts"
		    " show the change after [cache] pages_s");
		pt_pagecache_invalidate();
		return;
	}
	pt_pagecache_invalidate();
	pt_pagecache_seen(pt_db_insert_id());
}

/*
 * A change made on another host: read the database's page counter (at most
 * every PAGES_CHECK_MS) and, when it moved since this host last saw it,
 * raise the host's generation, once for all its processes.  When it cannot
 * be read, the kept pages are used as they are: they stay public pages,
 * and [cache] pages_s bounds their age.
 */
static void
follow_database(struct pt_req *req)
{
	long long now = pt_clock_ms();
	struct pt_rows rows;
	uint64_t seen, n;

	if (pc.db_seen == NULL || !pt_db_used() ||
	    (pc.checked_ms != 0 && now - pc.checked_ms < PAGES_CHECK_MS))
		return;
	pc.checked_ms = now;
	if (pt_db_query(req, &pt_pagecache_sql[SQL_PAGES_GENERATION], &rows, PT_NOBINDS) != PT_OK ||
	    rows.nrows != 1) {
		/* An outage: the kept pages are sent without waiting for a connection each time. */
		pc.checked_ms = now + PAGES_RETRY_MS - PAGES_CHECK_MS;
		return;
	}
	n = (uint64_t)pt_cell_int(&rows, 0, 0);
	seen = __atomic_load_n(pc.db_seen, __ATOMIC_SEQ_CST);
	if (n != seen && __atomic_compare_exchange_n(pc.db_seen, &seen, n, 0, __ATOMIC_SEQ_CST,
	    __ATOMIC_SEQ_CST))
		pt_pagecache_invalidate();
}

static uint64_t
generation(void)
{
	return __atomic_load_n(pc.generation, __ATOMIC_SEQ_CST);
}

/*
 * A page the cache may answer or keep: GET, HTML, with a token, anonymous
 * or for a handler that keeps pages for everyone, and without a query
 * string unless the handler named the variant.
 */
static int
eligible(const struct pt_req *req, const char *variant)
{
	return pc.dir[0] != '\0' && req->method == PT_GET &&
	    (req->session.user == NULL || req->cache_everyone) &&
	    (req->query.n == 0 || variant != NULL) && !req->want_xml &&
	    strlen(req->session.csrf) == TOKEN_LEN;
}

static int
compare_strings(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static const char *
or_empty(const char *s)
{
	return s != NULL ? s : "";
}

/*
 * What decides a signed-in reader's page besides path, language and
 * variant: home, time zone, kind of organisation, which of name,
 * organisation and e-mail are empty, the roles in their order and the
 * permissions sorted.  "" when anonymous; NULL when out of memory.
 */
static const char *
persona(struct pt_req *req)
{
	const struct pt_user *u = req->session.user;
	const char **perms, *head;
	size_t i, len, n;
	char *out, *p;

	if (u == NULL)
		return "";
	if ((perms = pt_alloc(req, (u->nperms + 1) * sizeof(*perms))) == NULL)
		return NULL;
	memcpy(perms, u->perms, u->nperms * sizeof(*perms));
	qsort(perms, u->nperms, sizeof(*perms), compare_strings);
	head = pt_printf(req, "%s%s\n%s\n%s\n%c%c%c%c\n", req->cache_personal ?
	    pt_printf(req, "user %lld\n", (long long)u->id) : "", or_empty(u->home), or_empty(u->time_zone),
	    or_empty(u->org_kind), *or_empty(u->name) ? 'N' : 'n', *or_empty(u->org_name) ? 'O' : 'o',
	    *or_empty(u->email) ? 'E' : 'e', *or_empty(u->last_login) ? 'L' : 'l');
	if (head == NULL)
		return NULL;
	len = strlen(head) + 1;
	for (i = 0; i < u->nroles; i++)
		len += strlen(u->roles[i]) + 3;
	for (i = 0; i < u->nperms; i++)
		len += strlen(perms[i]) + 3;
	if ((out = pt_alloc(req, len)) == NULL)
		return NULL;
	p = out;
	memcpy(p, head, n = strlen(head));
	p += n;
	for (i = 0; i < u->nroles + u->nperms; i++) {
		const char *v = i < u->nroles ? u->roles[i] : perms[i - u->nroles];

		*p++ = i < u->nroles ? 'r' : 'p';
		*p++ = ':';
		memcpy(p, v, n = strlen(v));
		p += n;
		*p++ = '\n';
	}
	*p = '\0';
	return out;
}

/* The entry's name in dir, <hex>.page: a digest of path, language, variant and persona. */
static int
entry_name(struct pt_req *req, const char *variant, char *out, size_t size)
{
	static const char hexdigits[] = "0123456789abcdef";
	unsigned char digest[32];
	const char *who = persona(req);
	char *key;
	size_t len;
	int n, i;

	if (who == NULL)
		return PT_ENOMEM;
	len = strlen(req->path) + strlen(req->lang) + strlen(or_empty(variant)) + strlen(who) + 4;
	if ((key = pt_alloc(req, len)) == NULL)
		return PT_ENOMEM;
	n = snprintf(key, len, "%s%c%s%c%s%c%s", req->path, '\0', req->lang, '\0',
	    or_empty(variant), '\0', who);
	if (n < 0 || (size_t)n >= len)
		return PT_ELIMIT;
	/* An anonymous visitor's key is what it always was: path, language, variant. */
	pt_sha256(key, (size_t)n - (*who == '\0' ? 1 : 0), digest);
	if (size < 2 * 16 + sizeof(".page"))
		return PT_ELIMIT;
	for (i = 0; i < 16; i++) {
		out[2 * i] = hexdigits[digest[i] >> 4];
		out[2 * i + 1] = hexdigits[digest[i] & 0xf];
	}
	memcpy(out + 32, ".page", sizeof(".page"));
	return PT_OK;
}

/* The entry's file, whole, into the arena, and its stat; NULL when there is none or it is odd. */
static char *
read_entry(struct pt_req *req, const char *name, size_t *len, struct stat *st)
{
	char *buf;
	ssize_t n;
	int fd;

	if ((fd = openat(pc.dirfd, name, O_RDONLY | O_CLOEXEC)) < 0)
		return NULL;
	buf = NULL;
	if (fstat(fd, st) == 0 && st->st_size > (off_t)sizeof(struct entry_head) &&
	    st->st_size <= ENTRY_MAX && (buf = pt_alloc(req, (size_t)st->st_size)) != NULL) {
		n = read(fd, buf, (size_t)st->st_size);
		if (n != st->st_size)
			buf = NULL;
		*len = (size_t)st->st_size;
	}
	close(fd);
	return buf;
}

/* The holes, when the entry is whole and current; NULL otherwise. */
static const uint32_t *
entry_check(const struct pt_req *req, const char *buf, size_t len, const struct entry_head *h)
{
	const uint32_t *holes = (const uint32_t *)(buf + sizeof(*h));
	time_t now = time(NULL);
	long ttl = pc.ttl_s;
	uint32_t i;

	if (req->cache_personal) {
		if (h->number != req->cache_stamp)
			return NULL;
		if (ttl > PT_PAGECACHE_PERSONAL_S)
			ttl = PT_PAGECACHE_PERSONAL_S;
	}

	if (memcmp(h->magic, ENTRY_MAGIC, sizeof(h->magic)) != 0 || h->nholes > HOLES_MAX ||
	    len != sizeof(*h) + h->nholes * sizeof(uint32_t) + h->body_len ||
	    memchr(h->view, '\0', sizeof(h->view)) == NULL)
		return NULL;
	if (h->generation != generation() || h->created > now + 5 || now - h->created >= ttl ||
	    (h->until != 0 && now >= h->until))
		return NULL;
	for (i = 0; i < h->nholes; i++)
		if (HOLE_AT(holes[i]) > h->body_len || (i > 0 && HOLE_AT(holes[i]) <
		    HOLE_AT(holes[i - 1])))
			return NULL;
	return holes;
}

/* text escaped for HTML text and double-quoted attributes alike, into the arena. */
static const char *
html_escape(struct pt_req *req, const char *text)
{
	const char *t;
	char *out, *p;
	size_t len = 0;

	for (t = or_empty(text); *t != '\0'; t++)
		len += *t == '&' ? 5 : *t == '<' || *t == '>' ? 4 : *t == '"' || *t == '\'' ? 5 : 1;
	if ((out = pt_alloc(req, len + 1)) == NULL)
		return NULL;
	for (p = out, t = or_empty(text); *t != '\0'; t++) {
		const char *e = *t == '&' ? "&amp;" : *t == '<' ? "&lt;" : *t == '>' ? "&gt;" :
		    *t == '"' ? "&#34;" : *t == '\'' ? "&#39;" : NULL;

		if (e != NULL) {
			memcpy(p, e, strlen(e));
			p += strlen(e);
		} else
			*p++ = *t;
	}
	*p = '\0';
	return out;
}

/* The styles of pt:time() whose placeholders are HOLE_LAST_ISO and those after it. */
static const char *const time_styles[] = { "iso", "datetime", "date", "time", "relative" };

/* The reader's last sign-in in the hole's style, escaped, into the arena. */
static const char *
last_login_text(struct pt_req *req, enum hole k)
{
	const struct pt_user *u = req->session.user;
	struct pt_reader r;
	char buf[256];

	if (u == NULL || u->last_login == NULL)
		return "";
	if (k == HOLE_LAST)
		return html_escape(req, u->last_login);
	r.lang = req->lang;
	r.zone = u->time_zone;
	r.relative = 1;
	r.now = time(NULL);
	r.turns = NULL;
	pt_time_format(buf, sizeof(buf), &r, u->last_login, time_styles[k - HOLE_LAST_ISO]);
	return html_escape(req, buf);
}

/* The hole of the handler's value i (< PT_PAGECACHE_VALUES). */
static enum hole
value_hole(size_t i)
{
	return i == 0 ? HOLE_VALUE : (enum hole)(HOLE_VALUE1 + i - 1);
}

/*
 * What goes into a hole of kind k for this request: the token, one of the
 * handler's values (values: PT_PAGECACHE_VALUES of them, NULL for none),
 * or the signed-in reader's name, organisation, e-mail or last sign-in,
 * escaped.  NULL when out of memory.
 */
static const char *
hole_text(struct pt_req *req, enum hole k, const char *const *values)
{
	const struct pt_user *u = req->session.user;
	size_t i;

	for (i = 0; i < PT_PAGECACHE_VALUES; i++)
		if (k == value_hole(i))
			return html_escape(req, values != NULL ? values[i] : NULL);
	switch (k) {
	case HOLE_TOKEN:
		return req->session.csrf;
	case HOLE_NAME:
		return html_escape(req, u != NULL ? u->name : NULL);
	case HOLE_ORG:
		return html_escape(req, u != NULL ? u->org_name : NULL);
	case HOLE_EMAIL:
		return html_escape(req, u != NULL ? u->email : NULL);
	default:
		return last_login_text(req, k);
	}
}

/* The page with each hole filled, into the arena; each kind's text is made once, when needed. */
static char *
fill_holes(struct pt_req *req, const char *body, uint32_t body_len, const uint32_t *holes,
    uint32_t nholes, const char *const *values, size_t *out_len)
{
	const char *text[HOLE__MAX] = { NULL };
	size_t tlen[HOLE__MAX], len = body_len, at = 0, from = 0;
	char *out;
	uint32_t i, k;

	for (i = 0; i < nholes; i++) {
		if ((k = HOLE_KIND(holes[i])) >= HOLE__MAX)
			return NULL;
		if (text[k] == NULL) {
			if ((text[k] = hole_text(req, (enum hole)k, values)) == NULL)
				return NULL;
			tlen[k] = strlen(text[k]);
		}
		len += tlen[k];
	}
	if ((out = pt_alloc(req, len + 1)) == NULL)
		return NULL;
	for (i = 0; i < nholes; i++) {
		k = HOLE_KIND(holes[i]);
		memcpy(out + at, body + from, HOLE_AT(holes[i]) - from);
		at += HOLE_AT(holes[i]) - from;
		memcpy(out + at, text[k], tlen[k]);
		at += tlen[k];
		from = HOLE_AT(holes[i]);
	}
	memcpy(out + at, body + from, body_len - from);
	out[len] = '\0';
	*out_len = len;
	return out;
}

int
pt_pagecache_find(struct pt_req *req, const char *variant, long long *number)
{
	char name[48], *buf;
	struct entry_head h;
	struct stat st;
	size_t len;
	int from_file = 0;

	req->cache_found = NULL;
	if (!eligible(req, variant) || entry_name(req, variant, name, sizeof(name)) != PT_OK)
		return 0;
	/* Before the handler reads anything: a change committed after this outdates the entry. */
	follow_database(req);
	req->cache_checked = 1;
	req->cache_variant = variant;
	req->cache_generation = generation();
	if ((buf = memo_get(name, &len)) == NULL) {
		if ((buf = read_entry(req, name, &len, &st)) == NULL)
			return 0;
		from_file = 1;
	}
	memcpy(&h, buf, sizeof(h));
	/* Development: a changed stylesheet or catalogue is reloaded, and outdates the entry. */
	if (pt_site.development && memchr(h.view, '\0', sizeof(h.view)) != NULL)
		pt_render_refresh(req->worker, h.view);
	if (entry_check(req, buf, len, &h) == NULL)
		return 0;
	if (from_file)
		memo_offer(name, buf, len, &st);
	req->cache_found = buf;
	if (number != NULL)
		*number = h.number;
	return 1;
}

int
pt_pagecache_send(struct pt_req *req, const char *value)
{
	return pt_pagecache_send_values(req, &value, 1);
}

int
pt_pagecache_send_values(struct pt_req *req, const char *const *values, size_t n)
{
	const char *all[PT_PAGECACHE_VALUES] = { NULL };
	struct entry_head h;
	const uint32_t *holes;
	char *page;
	size_t page_len;

	if (req->cache_found == NULL || n > PT_PAGECACHE_VALUES)
		return PT_EINVAL;
	if (n > 0)
		memcpy(all, values, n * sizeof(*values));
	memcpy(&h, req->cache_found, sizeof(h));
	holes = (const uint32_t *)(req->cache_found + sizeof(h));
	page = fill_holes(req, req->cache_found + sizeof(h) + h.nholes * sizeof(uint32_t),
	    h.body_len, holes, h.nholes, all, &page_len);
	if (page == NULL)
		return PT_ENOMEM;
	req->body = page;
	req->body_len = page_len;
	req->content_type_out = "text/html; charset=utf-8";
	pt_header_add(req, "X-Portico-Cache", "hit");
	return PT_OK;
}

int
pt_pagecache_serve(struct pt_req *req)
{
	return pt_pagecache_find(req, NULL, NULL) && pt_pagecache_send(req, NULL) == PT_OK;
}

void
pt_pagecache_keep(struct pt_req *req, long long number)
{
	if (req->cache_checked && eligible(req, req->cache_variant)) {
		req->cache_keep = 1;
		req->cache_number = number;
	}
}

const char *
pt_pagecache_value(struct pt_req *req, const char *value)
{
	return pt_pagecache_value_at(req, 0, value);
}

const char *
pt_pagecache_value_at(struct pt_req *req, size_t i, const char *value)
{
	if (i >= PT_PAGECACHE_VALUES || !req->cache_checked ||
	    !eligible(req, req->cache_variant) || value == NULL ||
	    (req->cache_values[i] = pt_strdup(req, value)) == NULL)
		return value;
	return pc.mark[value_hole(i)];
}

/* 1 if the handler put a value into the page (pt_pagecache_value_at). */
static int
has_values(const struct pt_req *req)
{
	size_t i;

	for (i = 0; i < PT_PAGECACHE_VALUES; i++)
		if (req->cache_values[i] != NULL)
			return 1;
	return 0;
}

const char *
pt_pagecache_placeholder(const struct pt_req *req)
{
	return req->cache_keep ? pc.mark[HOLE_TOKEN] : NULL;
}

void
pt_pagecache_until(struct pt_req *req, time_t at)
{
	if (req->cache_until == 0 || at < req->cache_until)
		req->cache_until = at;
}

void
pt_pagecache_everyone(struct pt_req *req)
{
	req->cache_everyone = 1;
}

const char *
pt_pagecache_variant(struct pt_req *req, const char *const *params, size_t nparams)
{
	const char *variant = "";
	size_t i;

	for (i = 0; i < req->query.n; i++)
		if (!pt_one_of(req->query.v[i].name, params, nparams))
			return NULL;
	for (i = 0; i < req->query.n && variant != NULL; i++)
		variant = pt_printf(req, "%s%zu:%s%zu:%s", variant, strlen(req->query.v[i].name),
		    req->query.v[i].name, strlen(req->query.v[i].value), req->query.v[i].value);
	return variant;
}

void
pt_pagecache_personal(struct pt_req *req, const char *stamp)
{
	unsigned char digest[32];

	if (req->session.user == NULL || stamp == NULL)
		return;
	pt_sha256(stamp, strlen(stamp), digest);
	memcpy(&req->cache_stamp, digest, sizeof(req->cache_stamp));
	req->cache_everyone = 1;
	req->cache_personal = 1;
}

const char *
pt_pagecache_last_login(struct pt_req *req)
{
	const struct pt_user *u = req->session.user;

	if (u == NULL || u->last_login == NULL || !req->cache_checked ||
	    !eligible(req, req->cache_variant))
		return u != NULL ? u->last_login : NULL;
	return pc.mark[HOLE_LAST];
}

const char *
pt_pagecache_time_mark(const char *iso, const char *style)
{
	size_t i;

	if (pc.dir[0] == '\0' || iso == NULL || strcmp(iso, pc.mark[HOLE_LAST]) != 0)
		return NULL;
	for (i = 0; i < PT_NELEM(time_styles); i++)
		if (strcmp(style, time_styles[i]) == 0)
			return pc.mark[HOLE_LAST_ISO + i];
	return pc.mark[HOLE_LAST_DATETIME];
}

/* A signed-in reader's own parts become placeholders; the ids are left out. */
static void
mask_user(xmlNodePtr user)
{
	static const struct {
		const char	*name;
		enum hole	 hole;
	} parts[] = { { "name", HOLE_NAME }, { "org", HOLE_ORG }, { "email", HOLE_EMAIL } };
	xmlNodePtr c;
	size_t i;

	xmlUnsetProp(user, BAD_CAST "id");
	xmlUnsetProp(user, BAD_CAST "org-id");
	for (c = user->children; c != NULL; c = c->next)
		for (i = 0; c->type == XML_ELEMENT_NODE && i < PT_NELEM(parts); i++)
			if (xmlStrEqual(c->name, BAD_CAST parts[i].name) && c->children != NULL)
				xmlNodeSetContent(c, BAD_CAST pc.mark[parts[i].hole]);
}

void
pt_pagecache_mask(struct pt_req *req)
{
	const char *ph = pt_pagecache_placeholder(req);
	xmlNodePtr n, c;

	for (n = req->page->children; ph != NULL && n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE || !xmlStrEqual(n->name, BAD_CAST "session"))
			continue;
		xmlSetProp(n, BAD_CAST "csrf", BAD_CAST ph);
		for (c = n->children; c != NULL; c = c->next)
			if (c->type == XML_ELEMENT_NODE && xmlStrEqual(c->name, BAD_CAST "user"))
				mask_user(c);
	}
}

/* Write the entry to a temporary file and rename it into place. */
static void
write_entry(const char *name, const struct entry_head *h, const uint32_t *holes,
    const char *body)
{
	char tmp[48];
	struct iovec iov[3];
	ssize_t want;
	int fd;

	snprintf(tmp, sizeof(tmp), ".%ld.tmp", (long)getpid());
	if ((fd = openat(pc.dirfd, tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0640)) < 0) {
		warn_once("cannot write", tmp);
		return;
	}
	iov[0].iov_base = (void *)h;
	iov[0].iov_len = sizeof(*h);
	iov[1].iov_base = (void *)holes;
	iov[1].iov_len = h->nholes * sizeof(uint32_t);
	iov[2].iov_base = (void *)body;
	iov[2].iov_len = h->body_len;
	want = (ssize_t)(iov[0].iov_len + iov[1].iov_len + iov[2].iov_len);
	if (writev(fd, iov, 3) != want || close(fd) != 0 || renameat(pc.dirfd, tmp, pc.dirfd,
	    name) != 0) {
		warn_once("cannot keep", name);
		(void)unlinkat(pc.dirfd, tmp, 0);
	}
}

/* The next placeholder in [from, end): its place, and its kind in *kind. */
static const char *
next_placeholder(const char *from, const char *end, uint32_t *kind)
{
	const char *best = NULL, *p;
	uint32_t k;

	for (k = 0; k < HOLE__MAX; k++)
		if ((p = memmem(from, (size_t)(end - from), pc.mark[k], pc.mark_len[k])) != NULL &&
		    (best == NULL || p < best)) {
			best = p;
			*kind = k;
		}
	return best;
}

/* 1 if the page holds what is the reader's own outside the holes. */
static int
holds_own(struct pt_req *req, const char *body, size_t len)
{
	const struct pt_user *u = req->session.user;
	const char *own[3];
	size_t i;

	if (memmem(body, len, req->session.csrf, TOKEN_LEN) != NULL)
		return 1;
	/* A personal page is the reader's: their name may stand anywhere on it. */
	if (u == NULL || req->cache_personal)
		return 0;
	own[0] = html_escape(req, u->name);
	own[1] = html_escape(req, u->org_name);
	own[2] = html_escape(req, u->email);
	for (i = 0; i < PT_NELEM(own); i++)
		if (own[i] == NULL || (*own[i] != '\0' && memmem(body, len, own[i], strlen(own[i]))))
			return 1;
	return 0;
}

/*
 * Called by the renderer with the page as rendered (placeholders in the
 * holes): puts the visitor's token, the request's value and the reader's
 * own parts where the placeholders are, and keeps the page when it is a
 * 200, small enough, and holds none of them of its own.
 */
int
pt_pagecache_store(struct pt_req *req)
{
	char name[48], *body, *page;
	uint32_t *holes, kind;
	struct entry_head h;
	const char *p, *from, *end;
	size_t len = 0, nholes = 0, page_len;

	if (!req->cache_keep && !has_values(req))
		return PT_OK;
	body = pt_alloc(req, req->body_len + 1);
	holes = pt_alloc(req, (req->body_len / MARK_LEN + 1) * sizeof(*holes));
	if (body == NULL || holes == NULL)
		return PT_ENOMEM;
	from = req->body;
	end = req->body + req->body_len;
	while ((p = next_placeholder(from, end, &kind)) != NULL) {
		memcpy(body + len, from, (size_t)(p - from));
		len += (size_t)(p - from);
		holes[nholes++] = (uint32_t)len | kind << HOLE_SHIFT;
		from = p + pc.mark_len[kind];
	}
	memcpy(body + len, from, (size_t)(end - from));
	len += (size_t)(end - from);
	if ((page = fill_holes(req, body, (uint32_t)len, holes, (uint32_t)nholes, req->cache_values,
	    &page_len)) == NULL)
		return PT_ENOMEM;
	req->body = page;
	req->body_len = page_len;
	if (!req->cache_keep || req->status != 200 || nholes > HOLES_MAX || len > ENTRY_MAX / 2 ||
	    (req->cache_until != 0 && req->cache_until <= time(NULL)) ||
	    strlen(req->view) >= sizeof(h.view) || holds_own(req, body, len) ||
	    entry_name(req, req->cache_variant, name, sizeof(name)) != PT_OK)
		return PT_OK;
	req->cache_keep = 0;
	memset(&h, 0, sizeof(h));
	memcpy(h.magic, ENTRY_MAGIC, sizeof(h.magic));
	h.generation = req->cache_generation;
	h.created = (int64_t)time(NULL);
	h.number = req->cache_personal ? req->cache_stamp : req->cache_number;
	h.until = (int64_t)req->cache_until;
	h.body_len = (uint32_t)len;
	h.nholes = (uint32_t)nholes;
	snprintf(h.view, sizeof(h.view), "%s", req->view);
	write_entry(name, &h, holes, body);
	if (req->cache_personal)
		personal_remember(name);
	pt_header_add(req, "X-Portico-Cache", "miss");
	return PT_OK;
}
