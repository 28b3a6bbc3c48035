/*
 * Dates and times for people: the one formatter every page uses, offered
 * to stylesheets as pt:time(iso, style).
 *
 * The database keeps UTC; a page shows an instant in the reader's time
 * zone and language, and the exact instant in <time datetime>.  Zones come
 * from the tz database that glibc reads.  glibc converts only in the
 * process's one zone (TZ), and switching TZ re-reads a file, so each zone
 * a process meets is turned once into a table of its UTC offsets (every
 * change from 1970 to 2100, found by asking localtime_r) and looked up by
 * binary search after that: the render path reads no file and leaves TZ
 * alone.
 *
 * Month names, patterns and the relative phrases come from the catalogues
 * (the date.* keys of xslt/i18n/<lang>/dates.xml), so a new language needs
 * no C.
 */
#include <ctype.h>
#include <fcntl.h>
#include <libxml/xpathInternals.h>
#include <libxslt/extensions.h>
#include <libxslt/transform.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "extern.h"

#define PT_NS		"urn:portico"
#define ZONES_MAX	64
#define ZONE_NAME_MAX	64
#define TABLE_FROM	((time_t)0)			/* 1970-01-01 */
#define TABLE_TO	((time_t)4102444800LL)		/* 2100-01-01 */
#define PROBE_STEP_S	86400				/* zones change at most once a day */
#define TEXT_MAX	256

struct span {
	time_t		 from;		/* UTC instant the offset starts */
	long		 off_s;		/* local time minus UTC */
};

struct zone {
	char		 name[ZONE_NAME_MAX];
	int		 known;		/* 0: not in the tz database; answered as UTC */
	size_t		 nspans;
	struct span	*spans;		/* sorted by from; spans[0].from is TABLE_FROM */
};

static struct zone zones[ZONES_MAX];
static size_t nzones;

/*
 * An IANA zone name: segments of letters, digits, '_', '-', '+' joined by
 * '/', each starting with a letter.  So no segment is "." or "..", and
 * the name can never leave the tz directory.
 */
int
pt_tz_valid_name(const char *name)
{
	size_t len, i;
	int start = 1;

	if (name == NULL || (len = strlen(name)) == 0 || len >= ZONE_NAME_MAX)
		return 0;
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)name[i];

		if (c == '/') {
			if (start)
				return 0;
			start = 1;
			continue;
		}
		if (start ? !isalpha(c) : !(isalnum(c) || c == '_' || c == '-' || c == '+'))
			return 0;
		start = 0;
	}
	return !start;
}

/* The name is a zone of the tz database: its file exists and is a TZif file. */
static int
zone_exists(const char *name)
{
	const char *dir = getenv("TZDIR");
	char path[1024], magic[4];
	ssize_t n;
	int fd;

	if (dir == NULL || *dir == '\0')
		dir = "/usr/share/zoneinfo";
	if ((size_t)snprintf(path, sizeof(path), "%s/%s", dir, name) >= sizeof(path) ||
	    (fd = open(path, O_RDONLY | O_CLOEXEC)) < 0)
		return 0;
	n = read(fd, magic, sizeof(magic));
	close(fd);
	return n == (ssize_t)sizeof(magic) && memcmp(magic, "TZif", 4) == 0;
}

static long
offset_at(time_t t)
{
	struct tm tm;

	return localtime_r(&t, &tm) != NULL ? tm.tm_gmtoff : 0;
}

static int
add_span(struct zone *z, size_t *cap, time_t from, long off_s)
{
	struct span *s;

	if (z->nspans == *cap) {
		if ((s = realloc(z->spans, 2 * *cap * sizeof(*s))) == NULL)
			return PT_ENOMEM;
		z->spans = s;
		*cap *= 2;
	}
	z->spans[z->nspans].from = from;
	z->spans[z->nspans].off_s = off_s;
	z->nspans++;
	return PT_OK;
}

/*
 * Fill z's table with glibc's answers under TZ=:<name>, then put TZ back
 * as it was.  Each day is probed; a change is narrowed to its second.
 */
static int
zone_build(struct zone *z)
{
	const char *was = getenv("TZ");
	char *saved = was != NULL ? strdup(was) : NULL, tz[ZONE_NAME_MAX + 1];
	size_t cap = 32;
	time_t t, lo, hi, mid;
	long prev, off;
	int rc = PT_OK;

	if ((was != NULL && saved == NULL) ||
	    (z->spans = malloc(cap * sizeof(*z->spans))) == NULL) {
		free(saved);
		return PT_ENOMEM;
	}
	snprintf(tz, sizeof(tz), ":%.*s", ZONE_NAME_MAX - 1, z->name);
	setenv("TZ", tz, 1);
	tzset();
	prev = offset_at(TABLE_FROM);
	rc = add_span(z, &cap, TABLE_FROM, prev);
	for (t = TABLE_FROM + PROBE_STEP_S; rc == PT_OK && t <= TABLE_TO; t += PROBE_STEP_S) {
		if ((off = offset_at(t)) == prev)
			continue;
		for (lo = t - PROBE_STEP_S, hi = t; hi - lo > 1; ) {
			mid = lo + (hi - lo) / 2;
			if (offset_at(mid) == prev)
				lo = mid;
			else
				hi = mid;
		}
		rc = add_span(z, &cap, hi, off);
		prev = off;
	}
	if (saved != NULL)
		setenv("TZ", saved, 1);
	else
		unsetenv("TZ");
	tzset();
	free(saved);
	return rc;
}

/* The zone called name, built on first use; NULL only when out of memory or slots. */
static struct zone *
zone_get(const char *name)
{
	struct zone *z;
	size_t i;

	for (i = 0; i < nzones; i++)
		if (strcmp(zones[i].name, name) == 0)
			return &zones[i];
	if (nzones == ZONES_MAX)
		return NULL;
	z = &zones[nzones];
	snprintf(z->name, sizeof(z->name), "%s", name);
	z->known = pt_tz_valid_name(name) && zone_exists(name);
	if (z->known && zone_build(z) != PT_OK) {
		free(z->spans);
		memset(z, 0, sizeof(*z));
		return NULL;
	}
	nzones++;
	return z;
}

int
pt_tz_known(const char *name)
{
	struct zone *z;

	if (!pt_tz_valid_name(name))
		return 0;
	if ((z = zone_get(name)) == NULL)
		return zone_exists(name);
	return z->known;
}

int
pt_tz_offset(const char *name, time_t t, long *off_s)
{
	time_t until;

	return pt_tz_span(name, t, off_s, &until);
}

int
pt_tz_span(const char *name, time_t t, long *off_s, time_t *until)
{
	struct zone *z;
	size_t lo, hi, mid;

	*off_s = 0;
	*until = PT_TIME_MAX;
	if (!pt_tz_valid_name(name) || (z = zone_get(name)) == NULL || !z->known)
		return PT_EINVAL;
	/* The last span that starts at or before t (before 1970: the first). */
	for (lo = 0, hi = z->nspans; hi - lo > 1; ) {
		mid = lo + (hi - lo) / 2;
		if (z->spans[mid].from <= t)
			lo = mid;
		else
			hi = mid;
	}
	*off_s = z->spans[lo].off_s;
	if (lo + 1 < z->nspans && z->spans[lo + 1].from > t)
		*until = z->spans[lo + 1].from;
	return PT_OK;
}

void
pt_tz_free(void)
{
	size_t i;

	for (i = 0; i < nzones; i++)
		free(zones[i].spans);
	memset(zones, 0, sizeof(zones));
	nzones = 0;
}

/* n digits at s, into *v. */
static int
digits(const char *s, int n, int *v)
{
	int i;

	*v = 0;
	for (i = 0; i < n; i++) {
		if (!isdigit((unsigned char)s[i]))
			return 0;
		*v = *v * 10 + (s[i] - '0');
	}
	return 1;
}

int
pt_time_parse(const char *s, time_t *t, int *date_only)
{
	static const int mdays[12] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	struct tm tm;
	int y, mo, d, h = 0, mi = 0, sec = 0;
	const char *p;

	if (s == NULL || !digits(s, 4, &y) || s[4] != '-' || !digits(s + 5, 2, &mo) ||
	    s[7] != '-' || !digits(s + 8, 2, &d) || y < 1 || mo < 1 || mo > 12 || d < 1 ||
	    d > mdays[mo - 1])
		return PT_EINVAL;
	*date_only = s[10] == '\0';
	if (!*date_only) {
		if ((s[10] != 'T' && s[10] != ' ') || !digits(s + 11, 2, &h) || s[13] != ':' ||
		    !digits(s + 14, 2, &mi) || h > 23 || mi > 59)
			return PT_EINVAL;
		p = s + 16;
		if (*p == ':') {
			if (!digits(p + 1, 2, &sec) || sec > 60)
				return PT_EINVAL;
			p += 3;
			if (*p == '.')
				for (p++; isdigit((unsigned char)*p); p++)
					;
		}
		if (*p == 'Z')
			p++;
		if (*p != '\0')
			return PT_EINVAL;
	}
	memset(&tm, 0, sizeof(tm));
	tm.tm_year = y - 1900;
	tm.tm_mon = mo - 1;
	tm.tm_mday = d;
	tm.tm_hour = h;
	tm.tm_min = mi;
	tm.tm_sec = sec;
	*t = timegm(&tm);
	/* timegm normalises 29 Feb of a common year to 1 Mar: refuse it. */
	if (tm.tm_mday != d)
		return PT_EINVAL;
	return PT_OK;
}

/* A catalogue text, or fallback when the language lacks the key. */
static const char *
msg(const char *lang, const char *key, const char *fallback)
{
	const char *s = pt_i18n_get(lang, key);

	return s != NULL ? s : fallback;
}

struct out {
	char	*buf;
	size_t	 size, len;
};

static void
put(struct out *o, const char *s, size_t n)
{
	if (o->len + n >= o->size)
		n = o->size - 1 - o->len;
	memcpy(o->buf + o->len, s, n);
	o->len += n;
	o->buf[o->len] = '\0';
}

/*
 * pattern with its placeholders filled from tm: {year} {month} {month2}
 * {mon} (the short month name) {day} {day2} {hour} {hour2} {minute}, and
 * {time} and {n} from the arguments.  Anything else is copied as it is.
 */
static void
expand(struct out *o, const char *lang, const char *pattern, const struct tm *tm,
    const char *time_text, long n)
{
	char key[32], num[24];
	const char *p, *end, *v;
	size_t len;

	for (p = pattern; *p != '\0'; p = end + 1) {
		if (*p != '{' || (end = strchr(p, '}')) == NULL || (len = (size_t)(end - p - 1)) >= 16) {
			end = p;
			put(o, p, 1);
			continue;
		}
		v = num;
		if (len == 4 && strncmp(p + 1, "year", 4) == 0)
			snprintf(num, sizeof(num), "%d", tm->tm_year + 1900);
		else if (len == 5 && strncmp(p + 1, "month", 5) == 0)
			snprintf(num, sizeof(num), "%d", tm->tm_mon + 1);
		else if (len == 6 && strncmp(p + 1, "month2", 6) == 0)
			snprintf(num, sizeof(num), "%02d", tm->tm_mon + 1);
		else if (len == 3 && strncmp(p + 1, "mon", 3) == 0) {
			snprintf(key, sizeof(key), "date.mon.%d", tm->tm_mon + 1);
			v = msg(lang, key, key);
		} else if (len == 3 && strncmp(p + 1, "day", 3) == 0)
			snprintf(num, sizeof(num), "%d", tm->tm_mday);
		else if (len == 4 && strncmp(p + 1, "day2", 4) == 0)
			snprintf(num, sizeof(num), "%02d", tm->tm_mday);
		else if (len == 4 && strncmp(p + 1, "hour", 4) == 0)
			snprintf(num, sizeof(num), "%d", tm->tm_hour);
		else if (len == 5 && strncmp(p + 1, "hour2", 5) == 0)
			snprintf(num, sizeof(num), "%02d", tm->tm_hour);
		else if (len == 6 && strncmp(p + 1, "minute", 6) == 0)
			snprintf(num, sizeof(num), "%02d", tm->tm_min);
		else if (len == 4 && strncmp(p + 1, "time", 4) == 0 && time_text != NULL)
			v = time_text;
		else if (len == 1 && p[1] == 'n')
			snprintf(num, sizeof(num), "%ld", n);
		else {
			end = p;
			put(o, p, 1);
			continue;
		}
		put(o, v, strlen(v));
	}
}

/* The offset at t in zone, else in the site's zone, else 0 (UTC). */
static long
zone_offset(const char *zone, time_t t)
{
	long off = 0;

	if ((zone == NULL || pt_tz_offset(zone, t, &off) != PT_OK) &&
	    (pt_site.time_zone == NULL || pt_tz_offset(pt_site.time_zone, t, &off) != PT_OK))
		off = 0;
	return off;
}

/* t as local broken-down time for the reader. */
static void
local_tm(const struct pt_reader *r, time_t t, struct tm *tm)
{
	t += zone_offset(r->zone, t);
	gmtime_r(&t, tm);
}

/*
 * The UTC instant of local time local (seconds since 1970 on the local
 * wall clock) in zone: local minus the offset in force then; if that
 * instant lies across a change of offset, the offset on its side is the
 * right one.
 */
static time_t
local_to_utc(const char *zone, time_t local)
{
	long off = zone_offset(zone, local);
	time_t t = local - off;

	if (zone_offset(zone, t) != off)
		t = local - zone_offset(zone, t);
	return t;
}

int
pt_day_start_utc(const struct pt_req *req, const char *day, int days_later, char out[20])
{
	const char *zone = req->session.user != NULL ? req->session.user->time_zone : NULL;
	struct tm tm;
	time_t local, t;
	int date_only;

	out[0] = '\0';
	if (pt_time_parse(day, &local, &date_only) != PT_OK || !date_only)
		return PT_EINVAL;
	t = local_to_utc(zone, local + (time_t)days_later * 86400);
	gmtime_r(&t, &tm);
	strftime(out, 20, "%Y-%m-%d %H:%M:%S", &tm);
	return PT_OK;
}

void
pt_local_day(const struct pt_req *req, time_t t, char out[11])
{
	pt_zone_date(req->session.user != NULL ? req->session.user->time_zone : NULL, t, out);
}

int
pt_month_start(const char *zone, time_t t, int months_later, time_t *start)
{
	struct tm tm;
	time_t local = t + zone_offset(zone, t);
	long long m;

	gmtime_r(&local, &tm);
	m = (long long)tm.tm_year * 12 + tm.tm_mon + months_later;
	tm.tm_year = (int)(m >= 0 ? m / 12 : -((-m + 11) / 12));
	tm.tm_mon = (int)(m - (long long)tm.tm_year * 12);
	tm.tm_mday = 1;
	tm.tm_hour = tm.tm_min = tm.tm_sec = 0;
	*start = local_to_utc(zone, timegm(&tm));
	return PT_OK;
}

int
pt_local_date(const struct pt_req *req, time_t t, char out[11])
{
	pt_zone_date(req->session.user != NULL ? req->session.user->time_zone : req->time_zone, t, out);
	return PT_OK;
}

int
pt_date_add(const char *day, int months, int days, char out[11])
{
	static const int mdays[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	struct tm tm;
	time_t local, t;
	long long m;
	int date_only, last;

	out[0] = '\0';
	if (pt_time_parse(day, &local, &date_only) != PT_OK || !date_only)
		return PT_EINVAL;
	gmtime_r(&local, &tm);
	m = (long long)tm.tm_year * 12 + tm.tm_mon + months;
	tm.tm_year = (int)(m >= 0 ? m / 12 : -((-m + 11) / 12));
	tm.tm_mon = (int)(m - (long long)tm.tm_year * 12);
	last = mdays[tm.tm_mon];
	if (tm.tm_mon == 1 && ((tm.tm_year + 1900) % 4 == 0 && ((tm.tm_year + 1900) % 100 != 0 ||
	    (tm.tm_year + 1900) % 400 == 0)))
		last = 29;
	if (tm.tm_mday > last)
		tm.tm_mday = last;
	tm.tm_hour = 12;
	tm.tm_min = tm.tm_sec = 0;
	t = timegm(&tm) + (time_t)days * 86400;
	gmtime_r(&t, &tm);
	strftime(out, 11, "%Y-%m-%d", &tm);
	return PT_OK;
}

/* Days since 1970 of a broken-down local date, for "today" and "yesterday". */
static long
day_number(const struct tm *tm)
{
	struct tm d = *tm;

	d.tm_hour = 12;
	d.tm_min = d.tm_sec = 0;
	return (long)(timegm(&d) / 86400);
}

#define PATTERN_DATETIME	"{year}-{month2}-{day2} {hour2}:{minute}"
#define PATTERN_DATE		"{year}-{month2}-{day2}"
#define PATTERN_TIME		"{hour2}:{minute}"

/* The text for the reader turns at instant at: note it when it is the first. */
static void
turns_at(const struct pt_reader *r, time_t at)
{
	if (r->turns != NULL && (*r->turns == 0 || at < *r->turns))
		*r->turns = at;
}

/*
 * The relative text for t seen at r->now, or 0 when an absolute one reads
 * better: just now, minutes and hours ago (up to RELATIVE_HOURS), today
 * and yesterday with the time.  Future instants are never relative.
 * Either way, the instant the text turns is noted (turns_at): an absolute
 * text of the past never does.
 */
#define RELATIVE_HOURS 6
static int
relative(struct out *o, const struct pt_reader *r, time_t t, const struct tm *tm)
{
	char time_text[64];
	struct out tt = { time_text, sizeof(time_text), 0 };
	struct tm now_tm;
	long ago = (long)(r->now - t), days;

	time_text[0] = '\0';
	if (ago < -60) {
		turns_at(r, t - 60);
		return 0;
	}
	if (ago < 60) {
		turns_at(r, t + 60);
		expand(o, r->lang, msg(r->lang, "date.rel.now", "just now"), tm, NULL, 0);
		return 1;
	}
	if (ago < 3600) {
		turns_at(r, t + (ago / 60 + 1) * 60);
		expand(o, r->lang, ago < 120 ? msg(r->lang, "date.rel.minute", "1 minute ago") :
		    msg(r->lang, "date.rel.minutes", "{n} minutes ago"), tm, NULL, ago / 60);
		return 1;
	}
	if (ago < RELATIVE_HOURS * 3600L) {
		turns_at(r, t + (ago / 3600 + 1) * 3600);
		expand(o, r->lang, ago < 7200 ? msg(r->lang, "date.rel.hour", "1 hour ago") :
		    msg(r->lang, "date.rel.hours", "{n} hours ago"), tm, NULL, ago / 3600);
		return 1;
	}
	local_tm(r, r->now, &now_tm);
	days = day_number(&now_tm) - day_number(tm);
	if (days != 0 && days != 1)
		return 0;
	/* Today becomes yesterday, and yesterday a date, at the reader's next midnight. */
	turns_at(r, local_to_utc(r->zone, (time_t)(day_number(&now_tm) + 1) * 86400));
	expand(&tt, r->lang, msg(r->lang, "date.pattern.time", PATTERN_TIME), tm, NULL, 0);
	expand(o, r->lang, days == 0 ? msg(r->lang, "date.rel.today", "today, {time}") :
	    msg(r->lang, "date.rel.yesterday", "yesterday, {time}"), tm, time_text, 0);
	return 1;
}

size_t
pt_time_format(char *buf, size_t size, const struct pt_reader *r, const char *iso,
    const char *style)
{
	struct out o = { buf, size, 0 };
	const char *mark;
	struct tm tm;
	time_t t;
	int date_only;

	if (size == 0)
		return 0;
	buf[0] = '\0';
	/* A kept page's stand-in for a reader's own time: one per style, filled when sent. */
	if ((mark = pt_pagecache_time_mark(iso, style)) != NULL) {
		put(&o, mark, strlen(mark));
		return o.len;
	}
	if (pt_time_parse(iso, &t, &date_only) != PT_OK) {
		put(&o, iso != NULL ? iso : "", iso != NULL ? strlen(iso) : 0);
		return o.len;
	}
	if (strcmp(style, "iso") == 0) {
		gmtime_r(&t, &tm);
		strftime(buf, size, date_only ? "%Y-%m-%d" : "%Y-%m-%dT%H:%M:%SZ", &tm);
		return strlen(buf);
	}
	/* A calendar date (a due date) is the same day everywhere: no zone. */
	if (date_only) {
		gmtime_r(&t, &tm);
		expand(&o, r->lang, msg(r->lang, "date.pattern.date", PATTERN_DATE), &tm, NULL, 0);
		return o.len;
	}
	local_tm(r, t, &tm);
	if (strcmp(style, "relative") == 0 && r->relative && relative(&o, r, t, &tm))
		return o.len;
	if (strcmp(style, "date") == 0)
		expand(&o, r->lang, msg(r->lang, "date.pattern.date", PATTERN_DATE), &tm, NULL, 0);
	else if (strcmp(style, "time") == 0)
		expand(&o, r->lang, msg(r->lang, "date.pattern.time", PATTERN_TIME), &tm, NULL, 0);
	else
		expand(&o, r->lang, msg(r->lang, "date.pattern.datetime", PATTERN_DATETIME), &tm,
		    NULL, 0);
	return o.len;
}

/*
 * pt:time(iso, style): the UTC stamp iso ("YYYY-MM-DDThh:mm:ssZ", or a
 * date "YYYY-MM-DD") for the reader of the page being rendered.  style is
 * "datetime", "date", "time", "relative" (only for a signed-in reader
 * whose page is not kept for others; else as "datetime") or "iso" (the
 * normalised stamp for a datetime attribute).
 */
static void
xpath_time(xmlXPathParserContextPtr ctxt, int nargs)
{
	static const struct pt_reader nobody = { "en", NULL, 0, 0, NULL };
	xsltTransformContextPtr tctxt;
	const struct pt_reader *r = &nobody;
	char text[TEXT_MAX];
	xmlChar *iso, *style;

	if (nargs != 2) {
		xmlXPathSetArityError(ctxt);
		return;
	}
	style = xmlXPathPopString(ctxt);
	iso = xmlXPathPopString(ctxt);
	if ((tctxt = xsltXPathGetTransformContext(ctxt)) != NULL && tctxt->_private != NULL)
		r = tctxt->_private;
	pt_time_format(text, sizeof(text), r, iso != NULL ? (const char *)iso : "",
	    style != NULL ? (const char *)style : "datetime");
	valuePush(ctxt, xmlXPathNewString(BAD_CAST text));
	xmlFree(iso);
	xmlFree(style);
}

void
pt_time_register(void)
{
	xsltRegisterExtModuleFunction(BAD_CAST "time", BAD_CAST PT_NS, xpath_time);
}

int
pt_zone_date(const char *zone, time_t t, char out[11])
{
	struct tm tm;
	time_t local = t + zone_offset(zone, t);

	gmtime_r(&local, &tm);
	if (strftime(out, 11, "%Y-%m-%d", &tm) != 10) {
		out[0] = '\0';
		return PT_EINVAL;
	}
	return PT_OK;
}

const char *
pt_time_text(struct pt_req *req, const char *iso, const char *style)
{
	struct pt_reader r;
	char text[TEXT_MAX];

	r.lang = req->lang;
	r.zone = req->session.user != NULL ? req->session.user->time_zone : req->time_zone;
	r.relative = 0;
	r.now = time(NULL);
	r.turns = NULL;
	pt_time_format(text, sizeof(text), &r, iso, style);
	return pt_strdup(req, text);
}
