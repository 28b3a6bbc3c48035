/*
 * Business time: what an SLA counts.  A calendar says which local
 * wall-clock times are business hours (weekly intervals, minus holidays
 * and one-off closures); the functions here find, add and count business
 * seconds between UTC instants, and move an SLA clock through its states.
 *
 * Time zones.  The calendar's local time at a UTC instant t is t plus the
 * zone's offset at t, and that offset comes from datetime.c's per-zone
 * table: built once per process by asking glibc's localtime_r under that
 * zone (the one moment TZ is switched, and put back), then looked up by
 * binary search.  So a computation reads no file, calls no setenv and
 * never depends on the process's own zone, and the tz database the system
 * keeps current is the one authority on DST rules.  Within one span of
 * that table local time is UTC plus a constant, so the business time of a
 * span is the weekly pattern shifted by that constant: that is how every
 * function below works, span by span and local day by local day, and why
 * a DST change needs no special case.  Wall-clock times a spring-forward
 * skips never occur, so they are never business time; those an autumn
 * change repeats occur twice, and count twice, as the clock on the wall
 * says.
 *
 * Wall-clock times are plain numbers here: seconds since 1970-01-01 00:00
 * of the calendar's clock (what timegm gives for the local broken-down
 * time), so a local day is a division by 86400.
 */
#include <stdlib.h>
#include <string.h>

#include "extern.h"

/* Largest and smallest wall-clock seconds we compute with: no overflow near PT_TIME_MAX. */
#define WALL_MAX	((long long)PT_TIME_MAX + 2 * PT_DAY_S)

static long long
floor_div(long long a, long long b)
{
	long long q = a / b;

	return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

/* ISO weekday (1 Monday .. 7 Sunday) of a day number: 1970-01-01 was a Thursday. */
static int
weekday_of(long long day)
{
	return (int)(((day % 7) + 7 + 3) % 7) + 1;
}

static int
cmp_hours(const void *a, const void *b)
{
	const struct pt_bt_hours *x = a, *y = b;

	if (x->weekday != y->weekday)
		return x->weekday < y->weekday ? -1 : 1;
	if (x->from_s != y->from_s)
		return x->from_s < y->from_s ? -1 : 1;
	return (x->to_s > y->to_s) - (x->to_s < y->to_s);
}

static int
cmp_long(const void *a, const void *b)
{
	long x = *(const long *)a, y = *(const long *)b;

	return (x > y) - (x < y);
}

static int
cmp_closure(const void *a, const void *b)
{
	const struct pt_bt_closure *x = a, *y = b;

	if (x->from_local != y->from_local)
		return x->from_local < y->from_local ? -1 : 1;
	return (x->to_local > y->to_local) - (x->to_local < y->to_local);
}

int
pt_bt_prepare(struct pt_bt_calendar *cal)
{
	size_t i;

	if (cal == NULL || !pt_tz_known(cal->zone) ||
	    (cal->nhours > 0 && cal->hours == NULL) ||
	    (cal->nholidays > 0 && cal->holidays == NULL) ||
	    (cal->nclosures > 0 && cal->closures == NULL))
		return PT_EINVAL;
	for (i = 0; i < cal->nhours; i++)
		if (cal->hours[i].weekday < 1 || cal->hours[i].weekday > 7 ||
		    cal->hours[i].from_s < 0 || cal->hours[i].from_s >= cal->hours[i].to_s ||
		    cal->hours[i].to_s > PT_DAY_S)
			return PT_EINVAL;
	for (i = 0; i < cal->nclosures; i++)
		if (cal->closures[i].from_local >= cal->closures[i].to_local)
			return PT_EINVAL;
	if (cal->nhours > 1)
		qsort(cal->hours, cal->nhours, sizeof(*cal->hours), cmp_hours);
	if (cal->nholidays > 1)
		qsort(cal->holidays, cal->nholidays, sizeof(*cal->holidays), cmp_long);
	if (cal->nclosures > 1)
		qsort(cal->closures, cal->nclosures, sizeof(*cal->closures), cmp_closure);
	return PT_OK;
}

int
pt_bt_date(const char *ymd, long *day)
{
	time_t t;
	int date_only;

	*day = 0;
	if (pt_time_parse(ymd, &t, &date_only) != PT_OK || !date_only)
		return PT_EINVAL;
	*day = (long)floor_div((long long)t, PT_DAY_S);
	return PT_OK;
}

int
pt_bt_local(const char *s, long long *local)
{
	time_t t;
	int date_only;

	*local = 0;
	if (s == NULL || strchr(s, 'Z') != NULL ||
	    pt_time_parse(s, &t, &date_only) != PT_OK || date_only)
		return PT_EINVAL;
	*local = (long long)t;
	return PT_OK;
}

int
pt_utc_parse(const char *s, time_t *t)
{
	int date_only;

	if (pt_time_parse(s, t, &date_only) != PT_OK || date_only) {
		*t = 0;
		return PT_EINVAL;
	}
	return PT_OK;
}

void
pt_utc_format(time_t t, char out[20])
{
	struct tm tm;

	if (gmtime_r(&t, &tm) == NULL || strftime(out, 20, "%Y-%m-%d %H:%M:%S", &tm) != 19)
		memcpy(out, "1970-01-01 00:00:00", 20);
}

static int
is_holiday(const struct pt_bt_calendar *cal, long long day)
{
	size_t lo = 0, hi = cal->nholidays, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (cal->holidays[mid] == day)
			return 1;
		if (cal->holidays[mid] < day)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

/*
 * [*a, *b) of wall-clock time within [a, b) that no closure covers, with
 * *a as early as possible; 0 if closures cover all of it.  Closures are
 * sorted by start and may overlap, so a start inside one moves to its end
 * and the scan goes on from there.
 */
static int
open_part(const struct pt_bt_calendar *cal, long long *a, long long *b)
{
	long long s = *a, e = *b;
	size_t i;

	for (i = 0; i < cal->nclosures && cal->closures[i].from_local < e; i++) {
		const struct pt_bt_closure *c = &cal->closures[i];

		if (c->from_local <= s) {
			if (c->to_local > s)
				s = c->to_local;
			if (s >= e)
				return 0;
		} else {
			e = c->from_local;	/* the first closure that starts after s ends the part */
			break;
		}
	}
	*a = s;
	*b = e;
	return s < e;
}

/*
 * The first business interval of wall-clock time [*a, *b) that ends after
 * wall, with *a >= wall: local day by local day, at most
 * PT_BT_HORIZON_DAYS of them.
 */
static int
wall_next(const struct pt_bt_calendar *cal, long long wall, long long *a, long long *b)
{
	long long day = floor_div(wall, PT_DAY_S), last = day + PT_BT_HORIZON_DAYS;
	size_t i;

	for (; day <= last && day * PT_DAY_S < WALL_MAX; day++) {
		int wd = weekday_of(day);

		if (cal->nholidays > 0 && is_holiday(cal, day))
			continue;
		for (i = 0; i < cal->nhours; i++) {
			const struct pt_bt_hours *h = &cal->hours[i];
			long long s = day * PT_DAY_S + h->from_s, e = day * PT_DAY_S + h->to_s;

			if (h->weekday != wd)
				continue;
			if (s < wall)
				s = wall;
			if (s >= e || !open_part(cal, &s, &e))
				continue;
			*a = s;
			*b = e;
			return PT_OK;
		}
	}
	return PT_ENOTFOUND;
}

int
pt_bt_next(const struct pt_bt_calendar *cal, time_t t, time_t *from, time_t *to)
{
	long long wa, wb;
	time_t until;
	long off;
	int rc;

	*from = *to = t;
	while (t < PT_TIME_MAX) {
		if (pt_tz_span(cal->zone, t, &off, &until) != PT_OK)
			return PT_EINVAL;
		if ((rc = wall_next(cal, (long long)t + off, &wa, &wb)) != PT_OK)
			return rc;
		/* Within [t, until) local time is UTC + off: the interval maps back as it is. */
		if (wa - off < until) {
			*from = (time_t)(wa - off);
			*to = (time_t)(wb - off) < until ? (time_t)(wb - off) : until;
			return PT_OK;
		}
		t = until;
	}
	return PT_ENOTFOUND;
}

int
pt_bt_is_business(const struct pt_bt_calendar *cal, time_t t)
{
	time_t from, to;

	return pt_bt_next(cal, t, &from, &to) == PT_OK && from == t;
}

int
pt_bt_add(const struct pt_bt_calendar *cal, time_t from, long long business_s, time_t *due)
{
	time_t a, b, t = from;
	int rc;

	*due = from;
	if (business_s < 0)
		return PT_EINVAL;
	while (business_s > 0) {
		if ((rc = pt_bt_next(cal, t, &a, &b)) != PT_OK)
			return rc;
		if ((long long)(b - a) >= business_s) {
			*due = a + (time_t)business_s;
			return PT_OK;
		}
		business_s -= (long long)(b - a);
		t = b;
	}
	return PT_OK;
}

int
pt_bt_between(const struct pt_bt_calendar *cal, time_t from, time_t to, long long *business_s)
{
	time_t a, b, t = from;
	int rc;

	*business_s = 0;
	while (t < to) {
		rc = pt_bt_next(cal, t, &a, &b);
		if (rc == PT_ENOTFOUND)
			break;		/* no business time left: none more to count */
		if (rc != PT_OK)
			return rc;
		if (a >= to)
			break;
		*business_s += (long long)((b < to ? b : to) - a);
		t = b;
	}
	return PT_OK;
}

/* ---- SLA clocks ------------------------------------------------------------ */

/*
 * A running clock's due: since plus what is left of the target.  One that
 * breached before keeps the due it ran past.  When the calendar has no
 * more business time the target is never reached: no due.
 */
static int
set_due(struct pt_clock *c, const struct pt_bt_calendar *cal)
{
	int rc;

	if (c->has_due && c->consumed_s >= c->target_s)
		return PT_OK;
	if (c->consumed_s > c->target_s) {
		/*
		 * Used up while no due was known: only a clock built from a
		 * row by hand gets here.  Its due is somewhere before since;
		 * since is the latest instant it can have been.
		 */
		c->due = c->since;
		c->has_due = 1;
		return PT_OK;
	}
	rc = pt_bt_add(cal, c->since, c->target_s - c->consumed_s, &c->due);
	c->has_due = rc == PT_OK;
	return rc;
}

int
pt_clock_start(struct pt_clock *c, const struct pt_bt_calendar *cal, long long target_s,
    time_t now)
{
	memset(c, 0, sizeof(*c));
	if (target_s < 0)
		return PT_EINVAL;
	c->state = PT_CLOCK_RUNNING;
	c->target_s = target_s;
	c->since = now;
	return set_due(c, cal);
}

int
pt_clock_restart(struct pt_clock *c, const struct pt_bt_calendar *cal, time_t now)
{
	enum pt_clock_state state = c->state;

	if (state == PT_CLOCK_STOPPED)
		return PT_OK;
	if (pt_clock_start(c, cal, c->target_s, now) != PT_OK)
		return PT_EINVAL;
	if (state == PT_CLOCK_PAUSED) {
		c->state = PT_CLOCK_PAUSED;
		c->has_due = 0;
	}
	return PT_OK;
}

/* Bring consumed_s up to now and make now the clock's since. */
static int
count_up(struct pt_clock *c, const struct pt_bt_calendar *cal, time_t now)
{
	long long used;
	int rc;

	if ((rc = pt_bt_between(cal, c->since, now, &used)) != PT_OK)
		return rc;
	c->consumed_s += used;
	if (now > c->since)
		c->since = now;
	return PT_OK;
}

int
pt_clock_pause(struct pt_clock *c, const struct pt_bt_calendar *cal, time_t now)
{
	int rc;

	if (c->state != PT_CLOCK_RUNNING)
		return PT_OK;
	if ((rc = count_up(c, cal, now)) != PT_OK)
		return rc;
	c->state = PT_CLOCK_PAUSED;
	if (c->has_due && c->since <= c->due)
		c->has_due = 0;		/* not breached: the due moves while it waits */
	return PT_OK;
}

/* Running again from now, consumed kept: from the state from. */
static int
run_again(struct pt_clock *c, const struct pt_bt_calendar *cal, enum pt_clock_state from,
    time_t now)
{
	if (c->state != from)
		return PT_OK;
	c->state = PT_CLOCK_RUNNING;
	if (now > c->since)
		c->since = now;
	if (from == PT_CLOCK_STOPPED && c->has_due && c->consumed_s < c->target_s)
		c->has_due = 0;		/* stopped in time: the old due is no promise any more */
	return set_due(c, cal);
}

int
pt_clock_resume(struct pt_clock *c, const struct pt_bt_calendar *cal, time_t now)
{
	return run_again(c, cal, PT_CLOCK_PAUSED, now);
}

int
pt_clock_reopen(struct pt_clock *c, const struct pt_bt_calendar *cal, time_t now)
{
	return run_again(c, cal, PT_CLOCK_STOPPED, now);
}

int
pt_clock_stop(struct pt_clock *c, const struct pt_bt_calendar *cal, time_t now)
{
	int rc;

	if (c->state == PT_CLOCK_RUNNING && (rc = count_up(c, cal, now)) != PT_OK)
		return rc;
	c->state = PT_CLOCK_STOPPED;
	return PT_OK;
}

int
pt_clock_consumed(const struct pt_clock *c, const struct pt_bt_calendar *cal, time_t now,
    long long *consumed_s)
{
	long long used = 0;
	int rc;

	*consumed_s = c->consumed_s;
	if (c->state != PT_CLOCK_RUNNING)
		return PT_OK;
	if ((rc = pt_bt_between(cal, c->since, now, &used)) != PT_OK)
		return rc;
	*consumed_s += used;
	return PT_OK;
}

int
pt_clock_percent(const struct pt_clock *c, const struct pt_bt_calendar *cal, time_t now,
    int *percent)
{
	long long used;
	int rc;

	*percent = 100;
	if ((rc = pt_clock_consumed(c, cal, now, &used)) != PT_OK)
		return rc;
	if (c->target_s > 0)
		*percent = used >= c->target_s * (PT_CLOCK_PERCENT_MAX / 100) ?
		    PT_CLOCK_PERCENT_MAX : (int)(used * 100 / c->target_s);
	return PT_OK;
}

int
pt_clock_warn_at(const struct pt_clock *c, const struct pt_bt_calendar *cal, int percent,
    time_t *at)
{
	long long mark;

	*at = c->since;
	if (percent < 1 || percent > 100)
		return PT_EINVAL;
	if (c->state != PT_CLOCK_RUNNING)
		return PT_ENOTFOUND;
	/* The first whole second at which used * 100 >= target * percent. */
	mark = (c->target_s * percent + 99) / 100;
	if (mark <= c->consumed_s)
		return PT_OK;
	return pt_bt_add(cal, c->since, mark - c->consumed_s, at);
}

int
pt_clock_breached(const struct pt_clock *c, time_t now, time_t *at)
{
	time_t end = c->state == PT_CLOCK_RUNNING ? now : c->since;

	*at = 0;
	if (!c->has_due || end <= c->due)
		return 0;
	*at = c->due;
	return 1;
}
