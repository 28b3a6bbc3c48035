/*
 * Timers of BPMN timer events: ISO 8601 instants, durations and repeating
 * cycles (R3/PT1H, R/PT10M, R2/2027-01-01T08:00Z/P1D), parsed once at
 * deploy and asked for their next due instant by the daemon.  Everything
 * is UTC; calendar parts (years, months) move the date the way a person
 * reads them, the others are exact seconds.
 */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model.h"

/* 9999-12-31T23:59:59Z: no timer reaches past what a DATETIME holds. */
#define TIME_MAX_S	((time_t)253402300799LL)
/* A part of a duration (P99999D): bounded so that sums never overflow. */
#define PART_MAX	1000000L


static int
month_days(int year, int month)
{
	static const int mdays[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	if (month == 2 && ((year % 4 == 0 && year % 100 != 0) || year % 400 == 0))
		return 29;
	return mdays[month - 1];
}

/* Two digits at s into *v. */
static int
two_digits(const char *s, int *v)
{
	if (!isdigit((unsigned char)s[0]) || !isdigit((unsigned char)s[1]))
		return 0;
	*v = (s[0] - '0') * 10 + (s[1] - '0');
	return 1;
}

/*
 * The runtime's pt_time_parse reads the date and the time; what BPMN adds
 * is an offset from UTC after the time (+02:00, -0130), read here.
 */
int
fl_time_parse(const char *s, time_t *t)
{
	char local[40];
	const char *off;
	long off_s = 0;
	int oh, om, date_only;
	size_t n;

	if (s == NULL || (n = strlen(s)) >= sizeof(local))
		return PT_EINVAL;
	if (n > 10 && s[10] != 'T')
		return PT_EINVAL;
	off = n > 11 ? strpbrk(s + 11, "+-") : NULL;
	if (off != NULL) {
		/* +hh:mm or +hhmm, and nothing after it; each read stops at the NUL. */
		const char *mm;

		if (!two_digits(off + 1, &oh))
			return PT_EINVAL;
		mm = off[3] == ':' ? off + 4 : off + 3;
		if (!two_digits(mm, &om) || mm[2] != '\0' || oh > 14 || om > 59)
			return PT_EINVAL;
		off_s = (*off == '-' ? -1 : 1) * (oh * 3600L + om * 60L);
		n = (size_t)(off - s);
	}
	memcpy(local, s, n);
	local[n] = '\0';
	/* pt_time_parse takes a leap second (:60) and a bare "." that timers refuse. */
	if ((n >= 19 && local[16] == ':' && local[17] == '6') || (n > 0 && local[n - 1] == '.'))
		return PT_EINVAL;
	if (pt_time_parse(local, t, &date_only) != PT_OK || (date_only && off != NULL))
		return PT_EINVAL;
	*t -= off_s;
	return PT_OK;
}

/* A number of at most 7 digits at *pp, moving *pp past it. */
static int
part(const char **pp, long *v)
{
	const char *p = *pp;
	long n = 0;
	int nd = 0;

	while (isdigit((unsigned char)*p)) {
		if (++nd > 7)
			return 0;
		n = n * 10 + (*p++ - '0');
	}
	if (nd == 0 || n > PART_MAX)
		return 0;
	*v = n;
	*pp = p;
	return 1;
}

int
fl_duration_parse(const char *s, struct fl_duration *d)
{
	/* Designators in the order ISO 8601 demands, date part then time part. */
	static const char date_units[] = "YMWD", time_units[] = "HMS";
	const char *p, *u;
	long v;
	int any = 0, in_time = 0;

	memset(d, 0, sizeof(*d));
	if (s == NULL || *s != 'P')
		return PT_EINVAL;
	p = s + 1;
	u = date_units;
	while (*p != '\0') {
		const char *hit;

		if (*p == 'T') {
			if (in_time || p[1] == '\0')
				return PT_EINVAL;
			in_time = 1;
			u = time_units;
			p++;
			continue;
		}
		if (!part(&p, &v) || *p == '\0' || (hit = strchr(u, *p)) == NULL)
			return PT_EINVAL;
		if (!in_time) {
			switch (*hit) {
			case 'Y': d->years = v; break;
			case 'M': d->months = v; break;
			case 'W': d->weeks = v; break;
			default: d->days = v; break;
			}
		} else {
			switch (*hit) {
			case 'H': d->hours = v; break;
			case 'M': d->minutes = v; break;
			default: d->seconds = v; break;
			}
		}
		u = hit + 1;	/* each designator once, in order */
		any = 1;
		p++;
	}
	return any ? PT_OK : PT_EINVAL;
}

long long
fl_duration_seconds(const struct fl_duration *d)
{
	if (d->years != 0 || d->months != 0)
		return -1;
	return ((long long)d->weeks * 7 + d->days) * 86400LL + (long long)d->hours * 3600LL +
	    (long long)d->minutes * 60LL + d->seconds;
}

int
fl_duration_add(const struct fl_duration *d, time_t from, long n, time_t *out)
{
	long long months, secs, y, m, t;
	struct tm tm;
	int mdays;

	if (n < 0 || from < 0 || from > TIME_MAX_S)
		return PT_EINVAL;
	/* Parts are at most PART_MAX: n beyond this passes 9999 anyway. */
	if (n > 4000000L)
		return PT_ELIMIT;
	months = ((long long)d->years * 12 + d->months) * n;
	secs = ((((long long)d->weeks * 7 + d->days) * 86400LL) + (long long)d->hours * 3600LL +
	    (long long)d->minutes * 60LL + d->seconds) * n;
	if (months > 12LL * 10000 || secs > (long long)TIME_MAX_S)
		return PT_ELIMIT;
	gmtime_r(&from, &tm);
	if (months > 0) {
		y = tm.tm_year + 1900LL + (tm.tm_mon + months) / 12;
		m = (tm.tm_mon + months) % 12;
		if (y > 9999)
			return PT_ELIMIT;
		tm.tm_year = (int)(y - 1900);
		tm.tm_mon = (int)m;
		mdays = month_days((int)y, (int)m + 1);
		if (tm.tm_mday > mdays)
			tm.tm_mday = mdays;
	}
	t = (long long)timegm(&tm) + secs;
	if (t > (long long)TIME_MAX_S)
		return PT_ELIMIT;
	*out = (time_t)t;
	return PT_OK;
}

int
fl_timer_parse(enum fl_timer_kind kind, const char *s, struct fl_timer *tm, char *err,
    size_t size)
{
	const char *p, *slash;
	char start[64];
	long n;

	memset(tm, 0, sizeof(*tm));
	tm->kind = kind;
	tm->text = s;
	tm->repeat = 1;
	switch (kind) {
	case FL_TIMER_DATE:
		if (fl_time_parse(s, &tm->at) != PT_OK || tm->at < 0 || tm->at > TIME_MAX_S) {
			snprintf(err, size, "\"%s\" is no ISO 8601 date (2027-01-31T08:00:00Z)", s);
			return PT_EINVAL;
		}
		tm->has_start = 1;
		return PT_OK;
	case FL_TIMER_DURATION:
		if (fl_duration_parse(s, &tm->every) != PT_OK) {
			snprintf(err, size, "\"%s\" is no ISO 8601 duration (P1D, PT2H30M)", s);
			return PT_EINVAL;
		}
		return PT_OK;
	case FL_TIMER_CYCLE:
		break;
	}
	/* Rn/duration or Rn/start/duration; R/ repeats for ever. */
	if (s[0] != 'R') {
		snprintf(err, size, "\"%s\" is no ISO 8601 repeating interval (R3/PT1H)", s);
		return PT_EINVAL;
	}
	p = s + 1;
	if (*p == '/') {
		tm->repeat = -1;
	} else if (!part(&p, &n) || n < 1 || *p != '/') {
		snprintf(err, size, "\"%s\": a cycle starts with R, a count of at least 1 and / (R3/PT1H)", s);
		return PT_EINVAL;
	} else {
		tm->repeat = n;
	}
	p++;
	if ((slash = strchr(p, '/')) != NULL) {
		if ((size_t)(slash - p) >= sizeof(start)) {
			snprintf(err, size, "\"%s\": the cycle's start is no ISO 8601 date", s);
			return PT_EINVAL;
		}
		memcpy(start, p, (size_t)(slash - p));
		start[slash - p] = '\0';
		if (fl_time_parse(start, &tm->at) != PT_OK || tm->at < 0 || tm->at > TIME_MAX_S) {
			snprintf(err, size, "\"%s\": the cycle's start is no ISO 8601 date", s);
			return PT_EINVAL;
		}
		tm->has_start = 1;
		p = slash + 1;
	}
	if (fl_duration_parse(p, &tm->every) != PT_OK || fl_duration_seconds(&tm->every) == 0) {
		snprintf(err, size, "\"%s\": the cycle's period is no ISO 8601 duration longer than nothing", s);
		return PT_EINVAL;
	}
	return PT_OK;
}

int
fl_timer_due(const struct fl_timer *tm, time_t armed_at, long fired, time_t *due)
{
	if (fired < 0)
		return PT_EINVAL;
	switch (tm->kind) {
	case FL_TIMER_DATE:
		if (fired > 0)
			return PT_ENOTFOUND;
		*due = tm->at;
		return PT_OK;
	case FL_TIMER_DURATION:
		if (fired > 0)
			return PT_ENOTFOUND;
		return fl_duration_add(&tm->every, armed_at, 1, due) == PT_OK ? PT_OK : PT_ENOTFOUND;
	case FL_TIMER_CYCLE:
		break;
	}
	if (tm->repeat >= 0 && fired >= tm->repeat)
		return PT_ENOTFOUND;
	/* With a start the first firing is at it; without, one period after arming. */
	if (tm->has_start)
		return fl_duration_add(&tm->every, tm->at, fired, due) == PT_OK ? PT_OK : PT_ENOTFOUND;
	return fl_duration_add(&tm->every, armed_at, fired + 1, due) == PT_OK ? PT_OK : PT_ENOTFOUND;
}
