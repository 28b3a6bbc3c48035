/*
 * The page cache: which requests it answers, the visitor's token put into
 * the holes, no token kept on disk, the generation shared through the
 * mapped file, the age limit, the instant a page turns, and entries that
 * are cut short or damaged.
 */
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "extern.h"
#include "resp-header.h"
#include "tap.h"

#define TOKEN_A "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
#define TOKEN_B "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"

static char dir[64];

/* An anonymous GET of path in lang, with the visitor's token. */
static struct pt_req *
visit(const char *path, const char *lang, const char *token)
{
	struct pt_req *req = pt_req_new("kb");

	req->method = PT_GET;
	req->path = path;
	req->lang = lang;
	snprintf(req->session.csrf, sizeof(req->session.csrf), "%s", token);
	req->view = "article";
	req->status = 200;
	return req;
}

/* What the renderer does for a kept page: a body with the placeholder where the token goes. */
static int
render_kept(struct pt_req *req, int holes)
{
	const char *ph = pt_pagecache_placeholder(req);
	char *body;
	int i;

	if (ph == NULL)
		return PT_EINVAL;
	body = pt_printf(req, "<p>start</p>");
	for (i = 0; i < holes; i++)
		body = pt_printf(req, "%s<input name=\"csrf\" value=\"%s\"/>", body, ph);
	body = pt_printf(req, "%s<p>end of %s</p>", body, req->path);
	req->body = body;
	req->body_len = strlen(body);
	req->content_type_out = "text/html; charset=utf-8";
	return pt_pagecache_store(req);
}

/* The page a visitor with token gets for path, or NULL when the cache has none. */
static char *
served(const char *path, const char *lang, const char *token)
{
	struct pt_req *req = visit(path, lang, token);
	char *out = NULL;

	if (pt_pagecache_serve(req))
		out = strndup(req->body, req->body_len);
	pt_req_free(req);
	return out;
}

static int
file_holds(const char *needle)
{
	char cmd[256];

	snprintf(cmd, sizeof(cmd), "grep -rqs '%s' '%s/kb'", needle, dir);
	return system(cmd) == 0;
}

/* The one entry's file name. */
static int
entry_file(char *out, size_t size)
{
	char cmd[256];
	FILE *p;
	int ok;

	snprintf(cmd, sizeof(cmd), "ls '%s'/kb/*.page 2>/dev/null | head -n 1", dir);
	if ((p = popen(cmd, "r")) == NULL)
		return 0;
	ok = fgets(out, (int)size, p) != NULL;
	pclose(p);
	out[strcspn(out, "\n")] = '\0';
	return ok && out[0] != '\0';
}

static void
set_conf(long pages_s)
{
	char text[256];

	snprintf(text, sizeof(text), "[paths]\ncache = %s\n[cache]\npages_s = %ld\n", dir, pages_s);
	pt_conf_parse(text, strlen(text));
}

int
main(void)
{
	struct pt_req *req;
	char *page, path[512], cmd[256];
	struct pt_user user;
	int64_t old;
	int fd;

	snprintf(dir, sizeof(dir), "/tmp/pt-pagecache-XXXXXX");
	if (mkdtemp(dir) == NULL)
		return 99;
	set_conf(300);
	is_int(pt_pagecache_init("kb"), PT_OK, "starts");
	snprintf(path, sizeof(path), "%s/kb/generation", dir);
	ok(access(path, R_OK | W_OK) == 0, "generation file made");
	ok(served("/kb/articles/1", "en", TOKEN_A) == NULL, "nothing kept yet");

	/* The first visitor: built, kept, sent with the own token. */
	req = visit("/kb/articles/1", "en", TOKEN_A);
	ok(!pt_pagecache_serve(req), "a miss");
	pt_pagecache_keep(req, 0);
	ok(pt_pagecache_placeholder(req) != NULL, "kept pages get a placeholder");
	is_int(render_kept(req, 2), PT_OK, "stored");
	ok(strstr(req->body, "value=\"" TOKEN_A "\"") != NULL &&
	    strstr(req->body, pt_pagecache_placeholder(req) ? pt_pagecache_placeholder(req) : "x") == NULL,
	    "the visitor's token in the page, no placeholder");
	is_str(header(req, "X-Portico-Cache"), "miss", "X-Portico-Cache: miss");
	pt_req_free(req);
	ok(!file_holds(TOKEN_A), "the token is not in the kept file");

	/* The next visitor: the kept page with the own token. */
	page = served("/kb/articles/1", "en", TOKEN_B);
	ok(page != NULL, "a hit");
	is_str(page, "<p>start</p><input name=\"csrf\" value=\"" TOKEN_B "\"/>"
	    "<input name=\"csrf\" value=\"" TOKEN_B "\"/><p>end of /kb/articles/1</p>",
	    "the page with the second visitor's token in both holes");
	free(page);
	req = visit("/kb/articles/1", "en", TOKEN_B);
	ok(pt_pagecache_serve(req) && strcmp(header(req, "X-Portico-Cache"), "hit") == 0,
	    "X-Portico-Cache: hit");
	pt_req_free(req);
	ok(served("/kb/articles/1", "de", TOKEN_B) == NULL, "another language: not kept");
	ok(served("/kb/articles/2", "en", TOKEN_B) == NULL, "another path: not kept");

	/* Who is never answered from it. */
	req = visit("/kb/articles/1", "en", TOKEN_B);
	memset(&user, 0, sizeof(user));
	req->session.user = &user;
	ok(!pt_pagecache_serve(req), "a signed-in reader: never");
	pt_pagecache_keep(req, 0);
	ok(pt_pagecache_placeholder(req) == NULL, "... and never kept");
	pt_req_free(req);
	req = visit("/kb/articles/1", "en", TOKEN_B);
	req->query.n = 1;
	ok(!pt_pagecache_serve(req), "a query string: never");
	pt_req_free(req);
	req = visit("/kb/articles/1", "en", TOKEN_B);
	req->want_xml = 1;
	ok(!pt_pagecache_serve(req), "XML: never");
	pt_req_free(req);
	req = visit("/kb/articles/1", "en", TOKEN_B);
	req->method = PT_POST;
	ok(!pt_pagecache_serve(req), "a POST: never");
	pt_req_free(req);
	req = visit("/kb/articles/1", "en", "");
	ok(!pt_pagecache_serve(req), "without a token: never");
	pt_req_free(req);
	req = visit("/kb/articles/3", "en", TOKEN_A);
	pt_pagecache_keep(req, 0);
	ok(pt_pagecache_placeholder(req) == NULL, "keep without a look first: not kept");
	pt_req_free(req);

	/* A page that is not a 200 gets its token but is not kept. */
	req = visit("/kb/articles/4", "en", TOKEN_A);
	(void)pt_pagecache_serve(req);
	pt_pagecache_keep(req, 0);
	req->status = 404;
	is_int(render_kept(req, 1), PT_OK, "a 404 rendered");
	ok(strstr(req->body, TOKEN_A) != NULL, "... with the token");
	pt_req_free(req);
	ok(served("/kb/articles/4", "en", TOKEN_A) == NULL, "... and not kept");

	/* Many holes: all filled; more than an entry holds: not kept. */
	req = visit("/kb/articles/5", "en", TOKEN_A);
	(void)pt_pagecache_serve(req);
	pt_pagecache_keep(req, 0);
	is_int(render_kept(req, 40), PT_OK, "40 holes rendered");
	page = strndup(req->body, req->body_len);
	pt_req_free(req);
	{
		int n = 0;
		const char *p = page;

		while ((p = strstr(p, TOKEN_A)) != NULL) {
			n++;
			p += 64;
		}
		is_int(n, 40, "... every one with the token");
	}
	free(page);
	ok(served("/kb/articles/5", "en", TOKEN_A) == NULL, "... and not kept");

	/* A variant with a number and a per-request value (a search and its log id). */
	req = visit("/kb/search", "en", TOKEN_A);
	req->query.n = 1;
	ok(!pt_pagecache_find(req, "q=printer", NULL), "a variant: a miss");
	{
		const char *v = pt_pagecache_value(req, "1001");
		char *body;

		ok(v != NULL && strcmp(v, "1001") != 0, "the value gets a placeholder");
		pt_pagecache_keep(req, 17);
		body = pt_printf(req, "<a href=\"/kb/go/5?s=%s\">x</a><input value=\"%s\"/>"
		    "<a href=\"/kb/go/6?s=%s\">y</a>", v, pt_pagecache_placeholder(req), v);
		req->body = body;
		req->body_len = strlen(body);
		is_int(pt_pagecache_store(req), PT_OK, "stored");
		is_str(req->body, "<a href=\"/kb/go/5?s=1001\">x</a><input value=\"" TOKEN_A "\"/>"
		    "<a href=\"/kb/go/6?s=1001\">y</a>", "this request's value and token filled in");
	}
	pt_req_free(req);
	ok(!file_holds("1001"), "the value is not in the kept file");
	req = visit("/kb/search", "en", TOKEN_B);
	req->query.n = 1;
	{
		long long number = 0;

		ok(pt_pagecache_find(req, "q=printer", &number), "the same variant: found");
		is_int(number, 17, "with its number");
		is_int(pt_pagecache_send(req, "1002"), PT_OK, "sent");
		is_str(req->body, "<a href=\"/kb/go/5?s=1002\">x</a><input value=\"" TOKEN_B "\"/>"
		    "<a href=\"/kb/go/6?s=1002\">y</a>", "with the new value and token");
	}
	pt_req_free(req);
	req = visit("/kb/search", "en", TOKEN_B);
	req->query.n = 1;
	ok(!pt_pagecache_find(req, "q=scanner", NULL), "another variant: a miss");
	ok(strcmp(pt_pagecache_value(req, "7") , "7") != 0, "a value handed out without keep...");
	req->body = pt_printf(req, "<p>%s</p>", pt_pagecache_value(req, "7"));
	req->body_len = strlen(req->body);
	pt_pagecache_store(req);
	is_str(req->body, "<p>7</p>", "... is still filled in");
	pt_req_free(req);

	/* A change elsewhere: the generation moves, the entry is outdated. */
	pt_pagecache_invalidate();
	ok(served("/kb/articles/1", "en", TOKEN_B) == NULL, "outdated by invalidate");
	req = visit("/kb/articles/1", "en", TOKEN_A);
	(void)pt_pagecache_serve(req);
	pt_pagecache_keep(req, 0);
	pt_pagecache_invalidate();	/* committed while the page was being built */
	render_kept(req, 1);
	pt_req_free(req);
	ok(served("/kb/articles/1", "en", TOKEN_B) == NULL,
	    "a page built across a change is outdated at once");

	/* Another process's start raises the shared generation. */
	req = visit("/kb/articles/1", "en", TOKEN_A);
	(void)pt_pagecache_serve(req);
	pt_pagecache_keep(req, 0);
	render_kept(req, 1);
	pt_req_free(req);
	page = served("/kb/articles/1", "en", TOKEN_B);
	ok(page != NULL, "kept again");
	free(page);
	snprintf(cmd, sizeof(cmd), "%s/kb/generation", dir);
	fd = open(cmd, O_RDWR);
	{
		uint64_t g = 0;

		ok(fd >= 0 && pread(fd, &g, sizeof(g), 0) == sizeof(g), "generation readable");
		g++;
		ok(pwrite(fd, &g, sizeof(g), 0) == sizeof(g), "raised from outside");
		close(fd);
	}
	ok(served("/kb/articles/1", "en", TOKEN_B) == NULL, "outdated by the shared counter");

	/* Age: an entry older than [cache] pages_s is not used. */
	req = visit("/kb/articles/1", "en", TOKEN_A);
	(void)pt_pagecache_serve(req);
	pt_pagecache_keep(req, 0);
	render_kept(req, 1);
	pt_req_free(req);
	ok(entry_file(path, sizeof(path)), "the entry's file");
	fd = open(path, O_RDWR);
	old = (int64_t)time(NULL) - 301;
	ok(fd >= 0 && pwrite(fd, &old, sizeof(old), 16) == sizeof(old), "made 301 s old");
	ok(served("/kb/articles/1", "en", TOKEN_B) == NULL, "too old: not used");

	/* A page that turns (a deadline on it passes) is used until then, not after. */
	req = visit("/kb/articles/6", "en", TOKEN_A);
	(void)pt_pagecache_serve(req);
	pt_pagecache_keep(req, 0);
	pt_pagecache_until(req, time(NULL) + 100);
	pt_pagecache_until(req, time(NULL) + 1);
	pt_pagecache_until(req, time(NULL) + 50);
	render_kept(req, 1);
	pt_req_free(req);
	page = served("/kb/articles/6", "en", TOKEN_B);
	ok(page != NULL, "kept until it turns: used before");
	free(page);
	sleep(2);
	ok(served("/kb/articles/6", "en", TOKEN_B) == NULL, "... and not after: the earliest instant counts");
	req = visit("/kb/articles/7", "en", TOKEN_A);
	(void)pt_pagecache_serve(req);
	pt_pagecache_keep(req, 0);
	pt_pagecache_until(req, time(NULL) - 1);
	render_kept(req, 1);
	ok(header(req, "X-Portico-Cache") == NULL || strcmp(header(req, "X-Portico-Cache"), "miss") != 0,
	    "a page that turned while it was built is not kept");
	pt_req_free(req);
	ok(served("/kb/articles/7", "en", TOKEN_B) == NULL, "... nor served");

	/* Damaged entries are not used, and nothing crashes. */
	old = (int64_t)time(NULL);
	ok(pwrite(fd, &old, sizeof(old), 16) == sizeof(old), "young again");
	page = served("/kb/articles/1", "en", TOKEN_B);
	ok(page != NULL, "used again");
	free(page);
	ok(ftruncate(fd, 100) == 0, "cut short");
	ok(served("/kb/articles/1", "en", TOKEN_B) == NULL, "a short entry: not used");
	ok(ftruncate(fd, 0) == 0 && pwrite(fd, "garbage garbage garbage garbage garbage garbage "
	    "garbage garbage garbage garbage garbage garbage garbage garbage garbage garbage ",
	    128, 0) == 128, "overwritten");
	ok(served("/kb/articles/1", "en", TOKEN_B) == NULL, "a damaged entry: not used");
	close(fd);

	/* A restart outdates and removes what was kept. */
	req = visit("/kb/articles/1", "en", TOKEN_A);
	(void)pt_pagecache_serve(req);
	pt_pagecache_keep(req, 0);
	render_kept(req, 1);
	pt_req_free(req);
	snprintf(path, sizeof(path), "%s/kb/.99999.tmp", dir);
	fd = open(path, O_WRONLY | O_CREAT, 0600);
	ok(fd >= 0 && close(fd) == 0, "a half-written entry of a process that died");
	is_int(pt_pagecache_init("kb"), PT_OK, "started again");
	ok(access(path, F_OK) != 0, "the half-written entry removed");
	ok(!entry_file(path, sizeof(path)), "old entries removed");
	ok(served("/kb/articles/1", "en", TOKEN_B) == NULL, "nothing served");

	/* Several values of a kept page (the start page's counts), each escaped. */
	req = visit("/counts", "en", TOKEN_A);
	ok(!pt_pagecache_find(req, NULL, NULL), "a page with values: a miss");
	{
		const char *v0 = pt_pagecache_value_at(req, 0, "5");
		const char *v2 = pt_pagecache_value_at(req, 2, "99+");

		ok(strcmp(v0, "5") != 0 && strcmp(v2, "99+") != 0 && strcmp(v0, v2) != 0,
		    "each value its own placeholder");
		is_str(pt_pagecache_value_at(req, PT_PAGECACHE_VALUES, "x"), "x",
		    "past the last value: the value itself");
		pt_pagecache_keep(req, 0);
		req->body = pt_printf(req, "<b>%s</b><i>%s</i><u>%s</u>", v0, v2, v0);
		req->body_len = strlen(req->body);
		is_int(pt_pagecache_store(req), PT_OK, "stored");
		is_str(req->body, "<b>5</b><i>99+</i><u>5</u>", "this request's values filled in");
	}
	pt_req_free(req);
	req = visit("/counts", "en", TOKEN_B);
	ok(pt_pagecache_find(req, NULL, NULL), "found");
	{
		const char *values[3] = { "7", NULL, "<x>" };

		is_int(pt_pagecache_send_values(req, values, 3), PT_OK, "sent with other values");
		is_str(req->body, "<b>7</b><i>&lt;x&gt;</i><u>7</u>", "each in its holes, escaped");
		is_int(pt_pagecache_send_values(req, values, PT_PAGECACHE_VALUES + 1), PT_EINVAL,
		    "more values than a page holds: refused");
	}
	pt_req_free(req);

	/* Entries nobody asks for again leave the disk once they are too old to be used. */
	{
		struct timespec old_times[2] = { { .tv_sec = 0, .tv_nsec = UTIME_OMIT }, { 0, 0 } };
		char fresh[512], stale[512], tmp[512];
		int i, walking = 1;

		set_conf(300);
		is_int(pt_pagecache_init("kb"), PT_OK, "starts again");
		req = visit("/kb/search/fresh", "en", TOKEN_A);
		pt_pagecache_serve(req);
		pt_pagecache_keep(req, 0);
		is_int(render_kept(req, 1), PT_OK, "a page kept");
		pt_req_free(req);
		ok(entry_file(fresh, sizeof(fresh)), "its file");
		snprintf(stale, sizeof(stale), "%s/kb/stale.page", dir);
		snprintf(tmp, sizeof(tmp), "%s/kb/writing.tmp", dir);
		for (i = 0; i < 200; i++) {
			char more[512];

			snprintf(more, sizeof(more), "%s/kb/old-%d.page", dir, i);
			if ((fd = open(more, O_WRONLY | O_CREAT, 0640)) >= 0)
				close(fd);
			old_times[1].tv_sec = time(NULL) - 301;
			utimensat(AT_FDCWD, more, old_times, 0);
		}
		if ((fd = open(stale, O_WRONLY | O_CREAT, 0640)) >= 0)
			close(fd);
		if ((fd = open(tmp, O_WRONLY | O_CREAT, 0640)) >= 0)
			close(fd);
		old_times[1].tv_sec = time(NULL) - 301;
		ok(utimensat(AT_FDCWD, stale, old_times, 0) == 0, "one entry older than pages_s");
		old_times[1].tv_sec = time(NULL) - 10;
		ok(utimensat(AT_FDCWD, tmp, old_times, 0) == 0, "and a file being written");
		is_int(pt_pagecache_sweep(), 1, "a walk starts, a few names at a time");
		for (i = 0; i < 10 && walking; i++)
			walking = pt_pagecache_sweep();
		is_int(walking, 0, "and ends");
		ok(access(stale, F_OK) != 0, "the old entry is gone");
		snprintf(cmd, sizeof(cmd), "test $(ls '%s'/kb | grep -c '^old-') -eq 0", dir);
		ok(system(cmd) == 0, "so are the 200 more, every old one");
		ok(access(fresh, F_OK) == 0, "the fresh one stays");
		ok(access(tmp, F_OK) == 0, "so does the file being written");
		page = served("/kb/search/fresh", "en", TOKEN_B);
		ok(page != NULL, "and is still served");
		free(page);
		is_int(pt_pagecache_sweep(), 0, "no walk again before pages_s");
		unlink(tmp);
	}

	/* A cache directory that cannot be made: off, with a warning, and pages still built. */
	{
		char text[128];

		snprintf(text, sizeof(text), "[paths]\ncache = /proc/no-such-dir\n");
		pt_conf_parse(text, strlen(text));
	}
	is_int(pt_pagecache_init("kb"), PT_OK, "starts without a usable directory");
	req = visit("/kb/articles/1", "en", TOKEN_A);
	ok(!pt_pagecache_serve(req), "no directory: no hit");
	pt_pagecache_keep(req, 0);
	ok(pt_pagecache_placeholder(req) == NULL, "no directory: nothing kept");
	pt_req_free(req);

	/* Off: pages_s = 0. */
	set_conf(0);
	is_int(pt_pagecache_init("kb"), PT_OK, "starts switched off");
	req = visit("/kb/articles/1", "en", TOKEN_A);
	ok(!pt_pagecache_serve(req), "off: no hit");
	pt_pagecache_keep(req, 0);
	ok(pt_pagecache_placeholder(req) == NULL, "off: nothing kept");
	pt_req_free(req);
	pt_pagecache_invalidate();	/* harmless when off */

	pt_pagecache_free();
	pt_conf_clear();
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		return 99;
	return done_testing();
}
