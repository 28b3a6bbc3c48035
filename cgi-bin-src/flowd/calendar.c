/*
 * Business time for portico:businessTime timers and dueBusinessTime user
 * tasks: the calendar of the org's SLA policy (the rule for its tier,
 * else the default rule), as the tickets' clocks count it.  An org
 * without one, or no org, counts plain time.  Calendars are kept a
 * minute per process; the provider's org id for the process's life.
 */
#include <stdio.h>
#include <string.h>

#include "flowd.h"

#define CAL_CACHE	16
#define CAL_MAX_AGE_S	60

struct cal {
	long long		 org_id;	/* 0: free */
	time_t			 loaded;
	int			 none;		/* the org has no calendar: plain time */
	char			 zone[64];
	struct pt_bt_calendar	 cal;
};

static struct cal cals[CAL_CACHE];
static long long provider_org;

int
fl_provider_org(struct pt_req *req, long long *org_id)
{
	struct pt_rows rows;
	int rc;

	if (provider_org == 0) {
		if ((rc = pt_db_query(req, &fl_sql[FS_PROVIDER_ORG], &rows, PT_NOBINDS)) != PT_OK)
			return rc;
		if (rows.nrows == 0)
			return PT_ENOTFOUND;
		provider_org = pt_cell_int(&rows, 0, 0);
	}
	*org_id = provider_org;
	return PT_OK;
}

/* The calendar of org (kept), or NULL for plain time. */
static int
calendar_of(struct pt_req *req, long long org_id, const struct pt_bt_calendar **out)
{
	struct cal *e = NULL;
	struct pt_rows rows;
	time_t now = time(NULL);
	size_t i;
	int rc;

	*out = NULL;
	for (i = 0; i < CAL_CACHE && e == NULL; i++)
		if (cals[i].org_id == org_id) {
			if (now - cals[i].loaded < CAL_MAX_AGE_S) {
				*out = cals[i].none ? NULL : &cals[i].cal;
				return PT_OK;
			}
			e = &cals[i];
		}
	for (i = 0; i < CAL_CACHE && e == NULL; i++)
		if (cals[i].org_id == 0)
			e = &cals[i];
	if (e == NULL)
		for (e = &cals[0], i = 1; i < CAL_CACHE; i++)
			if (cals[i].loaded < e->loaded)
				e = &cals[i];
	if ((rc = pt_db_query(req, &fl_sql[FS_ORG_CALENDAR], &rows,
	    PT_BINDS(pt_int(org_id)))) != PT_OK)
		return rc;
	pt_bt_rows_free(&e->cal);
	memset(e, 0, sizeof(*e));
	e->org_id = org_id;
	e->loaded = now;
	if (rows.nrows == 0) {
		e->none = 1;
		return PT_OK;
	}
	if ((rc = pt_bt_from_rows(&e->cal, e->zone, sizeof(e->zone), &rows)) != PT_OK) {
		pt_log(req, PT_LOG_ERROR, "org %lld: its business calendar is invalid; counting plain time",
		    org_id);
		pt_bt_rows_free(&e->cal);
		e->none = 1;
		return PT_OK;
	}
	*out = &e->cal;
	return PT_OK;
}

/* Business seconds of one working day and the working days of a week. */
static void
day_and_week(const struct pt_bt_calendar *cal, long long *day_s, int *week_days)
{
	long long total = 0;
	int has[8] = { 0 }, days = 0;
	size_t i;

	for (i = 0; i < cal->nhours; i++) {
		total += cal->hours[i].to_s - cal->hours[i].from_s;
		if (cal->hours[i].weekday >= 1 && cal->hours[i].weekday <= 7 &&
		    !has[cal->hours[i].weekday]) {
			has[cal->hours[i].weekday] = 1;
			days++;
		}
	}
	*week_days = days > 0 ? days : 7;
	*day_s = days > 0 ? total / days : PT_DAY_S;
}

int
fl_business_add(struct pt_req *req, long long org_id, time_t from, const struct fl_duration *d,
    long n, time_t *due)
{
	const struct pt_bt_calendar *cal = NULL;
	long long day_s = PT_DAY_S, seconds;
	int week_days = 7, rc;

	if (d->years != 0 || d->months != 0)
		return PT_EINVAL;
	if (org_id <= 0 && (rc = fl_provider_org(req, &org_id)) != PT_OK && rc != PT_ENOTFOUND)
		return rc;
	if (org_id > 0 && (rc = calendar_of(req, org_id, &cal)) != PT_OK)
		return rc;
	if (cal != NULL)
		day_and_week(cal, &day_s, &week_days);
	seconds = (long long)n * ((d->weeks * week_days + d->days) * day_s +
	    d->hours * 3600LL + d->minutes * 60LL + d->seconds);
	if (cal == NULL || pt_bt_add(cal, from, seconds, due) != PT_OK)
		*due = from + (time_t)seconds;
	return PT_OK;
}
