/*
 * Business time and SLA clocks as tables of cases: adding and counting
 * business seconds and telling business time across the DST changes of
 * Europe/Berlin (last Sundays of March and October) and America/New_York
 * (second Sunday of March, first of November), holidays, one-off
 * closures, midnight, weekends and year ends; then clocks that start,
 * pause over a weekend, resume, breach and stop.  Every expected instant
 * was worked out by hand and checked against a minute-by-minute count
 * with Python's zoneinfo.  Each add case also checks itself: the business
 * time between the start and the due is the amount added.
 */
#include <stdlib.h>

#include "portico.h"
#include "tap.h"

/* ---- the calendars ----------------------------------------------------------- */

#define H(h)		((h) * 3600L)
#define HM(h, m)	((h) * 3600L + (m) * 60L)

/* "Germany office": Mon-Fri 08:00-18:00, German public holidays 2026 and 2027, three closures. */
static struct pt_bt_hours office_hours[] = {
	{ 5, H(8), H(18) }, { 1, H(8), H(18) }, { 2, H(8), H(18) }, { 3, H(8), H(18) },
	{ 4, H(8), H(18) },	/* out of order on purpose: prepare sorts */
};
static const char *const office_holiday_dates[] = {
	"2026-01-01", "2026-04-03", "2026-04-06", "2026-05-01", "2026-05-14", "2026-05-25",
	"2026-10-03", "2026-12-25", "2026-12-26",
	"2027-01-01", "2027-03-26", "2027-03-29", "2027-05-01", "2027-05-06", "2027-05-17",
	"2027-10-03", "2027-12-25", "2027-12-26",
};
static long office_holidays[PT_NELEM(office_holiday_dates)];
static const char *const office_closure_times[][2] = {
	{ "2026-06-19 13:00", "2026-06-19 15:00" },	/* staff meeting, in the middle of a day */
	{ "2026-12-31 12:00", "2027-01-01 00:00" },	/* New Year's Eve afternoon, to midnight */
	{ "2026-12-24 12:00", "2026-12-24 18:00" },	/* Christmas Eve afternoon */
};
static struct pt_bt_closure office_closures[PT_NELEM(office_closure_times)];

/* New York: two intervals a weekday (lunch 12-13), Saturday mornings. */
static struct pt_bt_hours ny_hours[] = {
	{ 1, H(9), H(12) }, { 1, H(13), H(17) }, { 2, H(13), H(17) }, { 2, H(9), H(12) },
	{ 3, H(9), H(12) }, { 3, H(13), H(17) }, { 4, H(9), H(12) }, { 4, H(13), H(17) },
	{ 5, H(9), H(12) }, { 5, H(13), H(17) }, { 6, H(10), H(14) },
};

/* Around the clock in Berlin: business time is real time, DST or not. */
static struct pt_bt_hours always_hours[] = {
	{ 1, 0, PT_DAY_S }, { 2, 0, PT_DAY_S }, { 3, 0, PT_DAY_S }, { 4, 0, PT_DAY_S },
	{ 5, 0, PT_DAY_S }, { 6, 0, PT_DAY_S }, { 7, 0, PT_DAY_S },
};

/* A night shift in Berlin, 22:00-06:00 every night: the hours the DST changes fall in. */
static struct pt_bt_hours night_hours[] = {
	{ 1, 0, H(6) }, { 1, H(22), PT_DAY_S }, { 2, 0, H(6) }, { 2, H(22), PT_DAY_S },
	{ 3, 0, H(6) }, { 3, H(22), PT_DAY_S }, { 4, 0, H(6) }, { 4, H(22), PT_DAY_S },
	{ 5, 0, H(6) }, { 5, H(22), PT_DAY_S }, { 6, 0, H(6) }, { 6, H(22), PT_DAY_S },
	{ 7, 0, H(6) }, { 7, H(22), PT_DAY_S },
};

static struct pt_bt_calendar office = {
	"Europe/Berlin", office_hours, PT_NELEM(office_hours),
	office_holidays, PT_NELEM(office_holidays), office_closures, PT_NELEM(office_closures)
};
static struct pt_bt_calendar ny = {
	"America/New_York", ny_hours, PT_NELEM(ny_hours), NULL, 0, NULL, 0
};
static struct pt_bt_calendar always = {
	"Europe/Berlin", always_hours, PT_NELEM(always_hours), NULL, 0, NULL, 0
};
static struct pt_bt_calendar night = {
	"Europe/Berlin", night_hours, PT_NELEM(night_hours), NULL, 0, NULL, 0
};

enum cal { OFFICE, NY, ALWAYS, NIGHT };
static struct pt_bt_calendar *const cals[] = { &office, &ny, &always, &night };

/* ---- the cases --------------------------------------------------------------- */

/* from + business seconds = due (all UTC). */
static const struct add_case {
	enum cal	 cal;
	const char	*from;
	long long	 business_s;
	const char	*due;
	const char	*name;
} add_cases[] = {
	{ OFFICE, "2026-03-02T08:00:00Z", H(1), "2026-03-02T09:00:00Z",
	    "Mon 09:00 CET + 1 h: 10:00 the same day" },
	{ OFFICE, "2026-03-02T05:00:00Z", H(1), "2026-03-02T08:00:00Z",
	    "Mon 06:00, before opening: from 08:00, due 09:00" },
	{ OFFICE, "2026-03-02T18:00:00Z", H(1), "2026-03-03T08:00:00Z",
	    "Mon 19:00, after closing: Tue 09:00" },
	{ OFFICE, "2026-03-02T23:00:00Z", H(1), "2026-03-03T08:00:00Z",
	    "Tue 00:00 local, midnight exactly: Tue 09:00" },
	{ OFFICE, "2026-03-06T07:00:00Z", H(10), "2026-03-06T17:00:00Z",
	    "Fri 08:00 + 10 h: Fri 18:00, not Monday morning" },
	{ OFFICE, "2026-03-06T16:00:00Z", H(2), "2026-03-09T08:00:00Z",
	    "Fri 17:00 + 2 h: over the weekend to Mon 09:00" },
	{ OFFICE, "2026-03-07T12:00:00Z", HM(0, 30), "2026-03-09T07:30:00Z",
	    "Saturday + 30 min: Mon 08:30" },
	{ OFFICE, "2026-03-27T16:00:00Z", H(2), "2026-03-30T07:00:00Z",
	    "Fri 17:00 CET + 2 h over spring-forward: Mon 09:00 CEST (07:00Z)" },
	{ OFFICE, "2026-10-23T15:00:00Z", H(2), "2026-10-26T08:00:00Z",
	    "Fri 17:00 CEST + 2 h over fall-back: Mon 09:00 CET (08:00Z)" },
	{ OFFICE, "2027-10-29T15:00:00Z", H(2), "2027-11-01T08:00:00Z",
	    "the same in 2027 (change on 31 Oct)" },
	{ OFFICE, "2026-04-02T15:00:00Z", H(2), "2026-04-07T07:00:00Z",
	    "Thu before Easter + 2 h: Good Friday, weekend, Easter Monday skipped" },
	{ OFFICE, "2025-12-31T16:00:00Z", H(2), "2026-01-02T08:00:00Z",
	    "31 Dec 2025 17:00 + 2 h: New Year skipped, 2 Jan 09:00" },
	{ OFFICE, "2026-12-31T10:00:00Z", H(2), "2027-01-04T08:00:00Z",
	    "31 Dec 2026 11:00 + 2 h: closed from 12:00, New Year, weekend: 4 Jan 09:00" },
	{ OFFICE, "2026-12-24T10:00:00Z", H(2), "2026-12-28T08:00:00Z",
	    "24 Dec 11:00 + 2 h: closed from 12:00, Christmas, weekend: 28 Dec 09:00" },
	{ OFFICE, "2026-06-19T10:00:00Z", H(2), "2026-06-19T14:00:00Z",
	    "a closure 13:00-15:00 in the middle of the day is skipped" },
	{ OFFICE, "2026-06-19T11:30:00Z", HM(0, 30), "2026-06-19T13:30:00Z",
	    "an instant inside a closure: counts from its end" },
	{ OFFICE, "2026-05-04T08:00:00Z", H(40), "2026-05-08T08:00:00Z",
	    "Mon 10:00 + 40 h: four days later, Fri 10:00" },
	{ OFFICE, "2026-05-11T06:00:00Z", H(50), "2026-05-18T16:00:00Z",
	    "Mon 08:00 + 50 h with Ascension: the next Monday 18:00" },
	{ OFFICE, "2026-03-07T12:00:00Z", 0, "2026-03-07T12:00:00Z",
	    "zero on a Saturday: the instant itself" },
	{ OFFICE, "2026-03-02T08:00:00Z", 0, "2026-03-02T08:00:00Z",
	    "zero within hours: the instant itself" },
	{ OFFICE, "2026-03-02T08:00:00Z", 48 * 60, "2026-03-02T08:48:00Z",
	    "80 % of an hour: 48 minutes" },
	{ NY, "2026-03-07T18:00:00Z", H(2), "2026-03-09T14:00:00Z",
	    "New York Sat 13:00 EST + 2 h over spring-forward: Mon 10:00 EDT (14:00Z)" },
	{ NY, "2026-03-09T15:30:00Z", H(1), "2026-03-09T17:30:00Z",
	    "New York 11:30 + 1 h: lunch skipped, 13:30" },
	{ NY, "2026-10-30T20:30:00Z", H(1), "2026-10-31T14:30:00Z",
	    "New York Fri 16:30 + 1 h: Saturday 10:30" },
	{ NY, "2026-10-31T17:30:00Z", H(1), "2026-11-02T14:30:00Z",
	    "New York Sat 13:30 EDT + 1 h over fall-back: Mon 09:30 EST (14:30Z)" },
	{ ALWAYS, "2026-03-29T00:00:00Z", H(3), "2026-03-29T03:00:00Z",
	    "24x7 across spring-forward: three real hours" },
	{ ALWAYS, "2026-10-25T00:00:00Z", H(3), "2026-10-25T03:00:00Z",
	    "24x7 across fall-back: three real hours" },
	{ ALWAYS, "2026-12-31T22:30:00Z", H(1), "2026-12-31T23:30:00Z",
	    "24x7 across local midnight and the year end" },
	{ NIGHT, "2026-02-10T22:00:00Z", H(2), "2026-02-11T00:00:00Z",
	    "night shift 23:00 + 2 h: on over midnight to 01:00" },
	{ NIGHT, "2027-03-27T23:00:00Z", H(6), "2027-03-28T21:00:00Z",
	    "night of spring-forward 2027: 02:00-03:00 never happens, 5 h that night" },
};

/* Business seconds in [from, to). */
static const struct between_case {
	enum cal	 cal;
	const char	*from;
	const char	*to;
	long long	 business_s;
	const char	*name;
} between_cases[] = {
	{ OFFICE, "2026-03-06T08:00:00Z", "2026-03-06T15:00:00Z", H(7), "within one day" },
	{ OFFICE, "2026-03-06T15:00:00Z", "2026-03-06T08:00:00Z", 0, "backwards: nothing" },
	{ OFFICE, "2026-03-07T00:00:00Z", "2026-03-08T23:00:00Z", 0, "a weekend: nothing" },
	{ OFFICE, "2025-12-31T00:00:00Z", "2026-01-03T00:00:00Z", H(20),
	    "31 Dec 2025 to 2 Jan 2026: two days, New Year skipped" },
	{ OFFICE, "2026-12-23T00:00:00Z", "2027-01-05T00:00:00Z", H(58),
	    "23 Dec 2026 to 4 Jan 2027: holidays and half days" },
	{ OFFICE, "2026-06-19T00:00:00Z", "2026-06-20T00:00:00Z", H(8),
	    "the day of the staff meeting: 8 h" },
	{ ALWAYS, "2026-03-28T23:00:00Z", "2026-03-29T22:00:00Z", H(23),
	    "24x7: the local day of spring-forward has 23 hours" },
	{ ALWAYS, "2026-10-24T22:00:00Z", "2026-10-25T23:00:00Z", H(25),
	    "24x7: the local day of fall-back has 25 hours" },
	{ NIGHT, "2026-03-28T23:00:00Z", "2026-03-29T04:00:00Z", H(5),
	    "00:00-06:00 on spring-forward night: 5 real hours" },
	{ NIGHT, "2026-10-24T22:00:00Z", "2026-10-25T05:00:00Z", H(7),
	    "00:00-06:00 on fall-back night: 7 real hours (02:00-03:00 twice)" },
	{ NIGHT, "2027-10-30T22:00:00Z", "2027-10-31T05:00:00Z", H(7), "... and in 2027" },
	{ NY, "2026-10-30T12:00:00Z", "2026-11-02T22:00:00Z", H(18),
	    "New York Fri, Sat, Mon over fall-back: 7 + 4 + 7 h" },
	{ NY, "2027-03-12T00:00:00Z", "2027-03-16T00:00:00Z", H(18),
	    "New York Fri, Sat, Mon over spring-forward 2027" },
};

static const struct is_case {
	enum cal	 cal;
	const char	*at;
	int		 business;
	const char	*name;
} is_cases[] = {
	{ OFFICE, "2026-03-02T06:59:59Z", 0, "07:59:59 local: not yet" },
	{ OFFICE, "2026-03-02T07:00:00Z", 1, "08:00:00 local: open" },
	{ OFFICE, "2026-03-02T16:59:59Z", 1, "17:59:59 local: still open" },
	{ OFFICE, "2026-03-02T17:00:00Z", 0, "18:00:00 local: closed" },
	{ OFFICE, "2026-07-01T06:30:00Z", 1, "08:30 CEST (06:30Z) in summer: open" },
	{ OFFICE, "2026-01-15T06:30:00Z", 0, "07:30 CET (06:30Z) in winter: not yet" },
	{ OFFICE, "2026-05-01T10:00:00Z", 0, "1 May: a holiday" },
	{ OFFICE, "2026-03-07T10:00:00Z", 0, "Saturday" },
	{ OFFICE, "2026-06-19T11:30:00Z", 0, "inside the closure" },
	{ OFFICE, "2026-06-19T13:00:00Z", 1, "the closure's end: open again" },
	{ OFFICE, "2026-12-31T22:30:00Z", 0, "New Year's night" },
	{ NIGHT, "2026-03-29T01:30:00Z", 1, "03:30 CEST the night of spring-forward" },
	{ NIGHT, "2026-10-25T00:30:00Z", 1, "the first 02:30 of fall-back night" },
	{ NIGHT, "2026-10-25T01:30:00Z", 1, "the second 02:30 of fall-back night" },
	{ NIGHT, "2026-10-25T05:00:00Z", 0, "06:00 CET: the shift is over" },
	{ NY, "2026-03-09T16:30:00Z", 0, "New York 12:30 EDT: lunch" },
	{ NY, "2026-03-09T17:00:00Z", 1, "New York 13:00 EDT: back" },
	{ NY, "2026-03-08T15:00:00Z", 0, "New York Sunday" },
};

/*
 * Clock scenarios: steps at instants, each followed by checks at the same
 * instant.  consumed -1 and percent -1 are not checked; due NULL means
 * "no due".
 */
enum op { START, PAUSE, RESUME, STOP, RESTART, REOPEN, LOOK };
struct step {
	enum op		 op;
	const char	*at;
	long long	 target_s;	/* START */
	long long	 consumed_s;
	const char	*due;
	int		 breached;
	int		 percent;
};
static const struct scenario {
	const char	*name;
	enum cal	 cal;
	struct step	 steps[8];
} scenarios[] = {
	{ "16 h from Fri 09:00, no pause", OFFICE, {
		{ START, "2026-03-06T08:00:00Z", H(16), 0, "2026-03-09T14:00:00Z", 0, 0 },
		{ LOOK, "2026-03-07T12:00:00Z", 0, H(9), "2026-03-09T14:00:00Z", 0, 56 },
		{ LOOK, "2026-03-09T14:00:00Z", 0, H(16), "2026-03-09T14:00:00Z", 0, 100 },
		{ LOOK, "2026-03-09T14:00:01Z", 0, H(16) + 1, "2026-03-09T14:00:00Z", 1, 100 },
	} },
	{ "pending on the customer Fri 16:00 to Mon 10:00: the due moves by the time paused", OFFICE, {
		{ START, "2026-03-06T08:00:00Z", H(16), 0, "2026-03-09T14:00:00Z", 0, 0 },
		{ PAUSE, "2026-03-06T15:00:00Z", 0, H(7), NULL, 0, 43 },
		{ LOOK, "2026-03-08T12:00:00Z", 0, H(7), NULL, 0, 43 },
		{ LOOK, "2026-03-09T08:59:59Z", 0, H(7), NULL, 0, 43 },
		{ RESUME, "2026-03-09T09:00:00Z", 0, H(7), "2026-03-10T08:00:00Z", 0, 43 },
		{ LOOK, "2026-03-09T17:00:00Z", 0, H(15), "2026-03-10T08:00:00Z", 0, 93 },
		{ STOP, "2026-03-10T07:59:00Z", 0, H(16) - 60, "2026-03-10T08:00:00Z", 0, 99 },
		{ LOOK, "2026-03-20T12:00:00Z", 0, H(16) - 60, "2026-03-10T08:00:00Z", 0, 99 },
	} },
	{ "paused Fri 17:00, answered on Saturday: Friday's last hour is lost, the weekend not", OFFICE, {
		{ START, "2026-03-06T08:00:00Z", H(16), 0, "2026-03-09T14:00:00Z", 0, 0 },
		{ PAUSE, "2026-03-06T16:00:00Z", 0, H(8), NULL, 0, 50 },
		{ RESUME, "2026-03-07T12:00:00Z", 0, H(8), "2026-03-09T15:00:00Z", 0, 50 },
	} },
	{ "paused over the fall-back weekend", OFFICE, {
		{ START, "2026-10-23T14:00:00Z", H(4), 0, "2026-10-26T09:00:00Z", 0, 0 },
		{ PAUSE, "2026-10-23T15:00:00Z", 0, H(1), NULL, 0, 25 },
		{ RESUME, "2026-10-26T07:00:00Z", 0, H(1), "2026-10-26T10:00:00Z", 0, 25 },
	} },
	{ "a breach: due 10:00, answered 10:30", OFFICE, {
		{ START, "2026-03-02T08:00:00Z", H(1), 0, "2026-03-02T09:00:00Z", 0, 0 },
		{ LOOK, "2026-03-02T08:30:00Z", 0, HM(0, 30), "2026-03-02T09:00:00Z", 0, 50 },
		{ LOOK, "2026-03-02T09:00:00Z", 0, H(1), "2026-03-02T09:00:00Z", 0, 100 },
		{ LOOK, "2026-03-02T09:00:01Z", 0, H(1) + 1, "2026-03-02T09:00:00Z", 1, 100 },
		{ STOP, "2026-03-02T09:30:00Z", 0, HM(1, 30), "2026-03-02T09:00:00Z", 1, 150 },
		{ LOOK, "2026-03-09T09:30:00Z", 0, HM(1, 30), "2026-03-02T09:00:00Z", 1, 150 },
	} },
	{ "breached, then pending: the breach and its due stay", OFFICE, {
		{ START, "2026-03-02T08:00:00Z", H(1), 0, "2026-03-02T09:00:00Z", 0, 0 },
		{ PAUSE, "2026-03-02T10:00:00Z", 0, H(2), "2026-03-02T09:00:00Z", 1, 200 },
		{ RESUME, "2026-03-03T08:00:00Z", 0, H(2), "2026-03-02T09:00:00Z", 1, 200 },
		{ STOP, "2026-03-03T09:00:00Z", 0, H(3), "2026-03-02T09:00:00Z", 1, 300 },
	} },
	{ "due at closing time, paused after hours: breached, no business time lost", OFFICE, {
		{ START, "2026-03-06T07:00:00Z", H(10), 0, "2026-03-06T17:00:00Z", 0, 0 },
		{ PAUSE, "2026-03-06T19:00:00Z", 0, H(10), "2026-03-06T17:00:00Z", 1, 100 },
	} },
	{ "the update clock restarts at each public reply", OFFICE, {
		{ START, "2026-03-02T08:00:00Z", H(4), 0, "2026-03-02T12:00:00Z", 0, 0 },
		{ RESTART, "2026-03-02T11:00:00Z", 0, 0, "2026-03-02T15:00:00Z", 0, 0 },
		{ PAUSE, "2026-03-02T12:00:00Z", 0, H(1), NULL, 0, 25 },
		{ RESTART, "2026-03-02T13:00:00Z", 0, 0, NULL, 0, 0 },
		{ RESUME, "2026-03-03T07:00:00Z", 0, 0, "2026-03-03T11:00:00Z", 0, 0 },
		{ STOP, "2026-03-03T08:00:00Z", 0, H(1), "2026-03-03T11:00:00Z", 0, 25 },
		{ RESTART, "2026-03-03T09:00:00Z", 0, H(1), "2026-03-03T11:00:00Z", 0, 25 },
	} },
	{ "resolved in time, reopened two days later: the resolution clock goes on", OFFICE, {
		{ START, "2026-03-02T08:00:00Z", H(8), 0, "2026-03-02T16:00:00Z", 0, 0 },
		{ STOP, "2026-03-02T10:00:00Z", 0, H(2), "2026-03-02T16:00:00Z", 0, 25 },
		{ RESUME, "2026-03-03T10:00:00Z", 0, H(2), "2026-03-02T16:00:00Z", 0, 25 },
		{ REOPEN, "2026-03-04T09:00:00Z", 0, H(2), "2026-03-04T15:00:00Z", 0, 25 },
		{ LOOK, "2026-03-04T15:00:01Z", 0, H(8) + 1, "2026-03-04T15:00:00Z", 1, 100 },
	} },
	{ "resolved late and reopened: still breached at the old due", OFFICE, {
		{ START, "2026-03-02T08:00:00Z", H(1), 0, "2026-03-02T09:00:00Z", 0, 0 },
		{ STOP, "2026-03-02T10:00:00Z", 0, H(2), "2026-03-02T09:00:00Z", 1, 200 },
		{ REOPEN, "2026-03-03T08:00:00Z", 0, H(2), "2026-03-02T09:00:00Z", 1, 200 },
		{ PAUSE, "2026-03-03T09:00:00Z", 0, H(3), "2026-03-02T09:00:00Z", 1, 300 },
	} },
	{ "a zero target is due at once", OFFICE, {
		{ START, "2026-03-07T12:00:00Z", 0, 0, "2026-03-07T12:00:00Z", 0, 100 },
		{ LOOK, "2026-03-07T12:00:01Z", 0, 0, "2026-03-07T12:00:00Z", 1, 100 },
	} },
	{ "raised on Sunday night, 24x7 across fall-back", ALWAYS, {
		{ START, "2026-10-24T22:00:00Z", H(26), 0, "2026-10-26T00:00:00Z", 0, 0 },
		{ LOOK, "2026-10-25T23:00:00Z", 0, H(25), "2026-10-26T00:00:00Z", 0, 96 },
	} },
};

static time_t
at(const char *iso)
{
	time_t t;

	if (pt_utc_parse(iso, &t) != PT_OK) {
		printf("# bad instant in the table: %s\n", iso);
		exit(99);
	}
	return t;
}

static const char *
iso(time_t t)
{
	static char buf[4][24];
	static int i;
	struct tm tm;

	i = (i + 1) % 4;
	gmtime_r(&t, &tm);
	strftime(buf[i], sizeof(buf[i]), "%Y-%m-%dT%H:%M:%SZ", &tm);
	return buf[i];
}

static int
prepare_calendars(void)
{
	size_t i;

	for (i = 0; i < PT_NELEM(office_holiday_dates); i++)
		if (pt_bt_date(office_holiday_dates[i], &office_holidays[i]) != PT_OK)
			return PT_EINVAL;
	for (i = 0; i < PT_NELEM(office_closure_times); i++)
		if (pt_bt_local(office_closure_times[i][0], &office_closures[i].from_local) != PT_OK ||
		    pt_bt_local(office_closure_times[i][1], &office_closures[i].to_local) != PT_OK)
			return PT_EINVAL;
	for (i = 0; i < PT_NELEM(cals); i++)
		if (pt_bt_prepare(cals[i]) != PT_OK)
			return PT_EINVAL;
	return PT_OK;
}

static void
run_adds(void)
{
	char name[256];
	size_t i;

	for (i = 0; i < PT_NELEM(add_cases); i++) {
		const struct add_case *c = &add_cases[i];
		const struct pt_bt_calendar *cal = cals[c->cal];
		long long back;
		time_t due;

		is_int(pt_bt_add(cal, at(c->from), c->business_s, &due), PT_OK, c->name);
		snprintf(name, sizeof(name), "... due %s", c->due);
		is_str(iso(due), c->due, name);
		pt_bt_between(cal, at(c->from), due, &back);
		snprintf(name, sizeof(name), "... and from %s to it is %lld business seconds",
		    c->from, c->business_s);
		is_int(back, c->business_s, name);
		if (c->business_s > 0)
			ok(pt_bt_is_business(cal, due - 1), "... and its last second is business time");
	}
}

static void
run_betweens(void)
{
	size_t i;

	for (i = 0; i < PT_NELEM(between_cases); i++) {
		const struct between_case *c = &between_cases[i];
		long long got = -1;

		pt_bt_between(cals[c->cal], at(c->from), at(c->to), &got);
		is_int(got, c->business_s, c->name);
	}
}

static void
run_is(void)
{
	size_t i;

	for (i = 0; i < PT_NELEM(is_cases); i++)
		is_int(pt_bt_is_business(cals[is_cases[i].cal], at(is_cases[i].at)),
		    is_cases[i].business, is_cases[i].name);
}

static int
apply(struct pt_clock *clock, const struct pt_bt_calendar *cal, const struct step *s)
{
	switch (s->op) {
	case START:
		return pt_clock_start(clock, cal, s->target_s, at(s->at));
	case PAUSE:
		return pt_clock_pause(clock, cal, at(s->at));
	case RESUME:
		return pt_clock_resume(clock, cal, at(s->at));
	case STOP:
		return pt_clock_stop(clock, cal, at(s->at));
	case RESTART:
		return pt_clock_restart(clock, cal, at(s->at));
	case REOPEN:
		return pt_clock_reopen(clock, cal, at(s->at));
	case LOOK:
		break;
	}
	return PT_OK;
}

static void
run_scenarios(void)
{
	static const char *const ops[] = { "start", "pause", "resume", "stop", "restart", "reopen",
	    "look" };
	char name[320];
	size_t i, j;

	for (i = 0; i < PT_NELEM(scenarios); i++) {
		const struct scenario *sc = &scenarios[i];
		const struct pt_bt_calendar *cal = cals[sc->cal];
		struct pt_clock clock;

		printf("# %s\n", sc->name);
		memset(&clock, 0, sizeof(clock));
		for (j = 0; j < PT_NELEM(sc->steps) && sc->steps[j].at != NULL; j++) {
			const struct step *s = &sc->steps[j];
			long long used = -1;
			time_t when;
			int percent = -1, breached;

			snprintf(name, sizeof(name), "%s: %s at %s", sc->name, ops[s->op], s->at);
			is_int(apply(&clock, cal, s), PT_OK, name);
			pt_clock_consumed(&clock, cal, at(s->at), &used);
			is_int(used, s->consumed_s, "... consumed");
			if (s->due == NULL)
				ok(!clock.has_due, "... no due");
			else
				is_str(clock.has_due ? iso(clock.due) : "none", s->due, "... due");
			breached = pt_clock_breached(&clock, at(s->at), &when);
			is_int(breached, s->breached, "... breached or not");
			if (breached)
				is_str(iso(when), s->due, "... at its due");
			pt_clock_percent(&clock, cal, at(s->at), &percent);
			is_int(percent, s->percent, "... percent used");
		}
	}
}

/* The warning instant of a running clock, and what is not one. */
static void
run_warnings(void)
{
	struct pt_clock c;
	time_t t;

	pt_clock_start(&c, &office, H(10), at("2026-03-06T07:00:00Z"));
	is_int(pt_clock_warn_at(&c, &office, 80, &t), PT_OK, "warn at 80 % of 10 h from Fri 08:00");
	is_str(iso(t), "2026-03-06T15:00:00Z", "... 16:00 local");
	pt_clock_start(&c, &office, H(10), at("2026-03-06T14:00:00Z"));
	pt_clock_warn_at(&c, &office, 80, &t);
	is_str(iso(t), "2026-03-09T12:00:00Z", "... from Fri 15:00: Mon 13:00 (3 h + 5 h)");
	pt_clock_pause(&c, &office, at("2026-03-06T15:00:00Z"));
	is_int(pt_clock_warn_at(&c, &office, 80, &t), PT_ENOTFOUND, "a paused clock warns never");
	pt_clock_resume(&c, &office, at("2026-03-09T07:00:00Z"));
	pt_clock_warn_at(&c, &office, 80, &t);
	is_str(iso(t), "2026-03-09T14:00:00Z", "... resumed Mon 08:00 with 1 h used: 15:00");
	pt_clock_start(&c, &office, H(1), at("2026-03-02T08:00:00Z"));
	pt_clock_pause(&c, &office, at("2026-03-02T08:54:00Z"));
	pt_clock_resume(&c, &office, at("2026-03-02T10:00:00Z"));
	pt_clock_warn_at(&c, &office, 80, &t);
	is_str(iso(t), "2026-03-02T10:00:00Z", "past the mark before a pause: warn at the resume");
	is_int(pt_clock_warn_at(&c, &office, 0, &t), PT_EINVAL, "0 % is no warning");
	is_int(pt_clock_warn_at(&c, &office, 101, &t), PT_EINVAL, "nor is 101 %");
}

/* Calendars and inputs that are refused, and a calendar with no time at all. */
static void
run_refusals(void)
{
	struct pt_bt_hours bad_hours[] = { { 1, H(18), H(8) } }, day8[] = { { 8, 0, H(1) } },
	    late[] = { { 1, 0, PT_DAY_S + 1 } };
	struct pt_bt_closure backwards[] = { { 100, 100 } };
	struct pt_bt_calendar c = { "Europe/Berlin", NULL, 0, NULL, 0, NULL, 0 };
	struct pt_clock clock;
	long long n, local;
	time_t t, a, b;
	long day;

	ok(pt_bt_prepare(&c) == PT_OK, "a calendar without hours is a calendar");
	is_int(pt_bt_add(&c, at("2026-03-02T08:00:00Z"), 1, &t), PT_ENOTFOUND,
	    "... in which no time ever comes");
	is_int(pt_bt_add(&c, at("2026-03-02T08:00:00Z"), 0, &t), PT_OK, "... but zero is zero");
	is_int(pt_bt_next(&c, at("2026-03-02T08:00:00Z"), &a, &b), PT_ENOTFOUND,
	    "... and has no next stretch");
	is_int(pt_bt_between(&c, at("2026-03-02T08:00:00Z"), at("2026-04-02T08:00:00Z"), &n),
	    PT_OK, "... between counts");
	is_int(n, 0, "... nothing");
	is_int(pt_clock_start(&clock, &c, H(1), at("2026-03-02T08:00:00Z")), PT_ENOTFOUND,
	    "a clock on it starts...");
	ok(clock.state == PT_CLOCK_RUNNING && !clock.has_due, "... running, with no due");
	is_int(pt_clock_breached(&clock, at("2030-01-01T00:00:00Z"), &t), 0, "... that never breaches");
	c.zone = "Europe/Atlantis";
	is_int(pt_bt_prepare(&c), PT_EINVAL, "an unknown zone is refused");
	c.zone = "../../etc/passwd";
	is_int(pt_bt_prepare(&c), PT_EINVAL, "a path as zone is refused");
	c.zone = "UTC";
	c.hours = bad_hours;
	c.nhours = 1;
	is_int(pt_bt_prepare(&c), PT_EINVAL, "hours that end before they start are refused");
	c.hours = day8;
	is_int(pt_bt_prepare(&c), PT_EINVAL, "weekday 8 is refused");
	c.hours = late;
	is_int(pt_bt_prepare(&c), PT_EINVAL, "hours past 24:00 are refused");
	c.nhours = 0;
	c.closures = backwards;
	c.nclosures = 1;
	is_int(pt_bt_prepare(&c), PT_EINVAL, "an empty closure is refused");
	is_int(pt_bt_add(&office, 0, -1, &t), PT_EINVAL, "a negative amount is refused");
	is_int(pt_clock_start(&clock, &office, -1, 0), PT_EINVAL, "so is a negative target");
	is_int(pt_bt_date("2026-02-29", &day), PT_EINVAL, "29 Feb 2026 is no holiday");
	is_int(pt_bt_date("2026-03-02 10:00", &day), PT_EINVAL, "a time is no holiday");
	is_int(pt_bt_local("2026-03-02", &local), PT_EINVAL, "a closure needs a time");
	is_int(pt_bt_local("2026-03-02T10:00:00Z", &local), PT_EINVAL, "... of the local clock, no Z");
	is_int(pt_bt_date("1970-01-01", &day), PT_OK, "day numbers...");
	is_int(day, 0, "... start at 1970-01-01");
	pt_bt_date("1969-12-31", &day);
	is_int(day, -1, "... and go below it");
}

/* Stamps the database sends and takes. */
static void
run_stamps(void)
{
	char out[20];
	time_t t;

	is_int(pt_utc_parse("2026-03-29 01:00:00.000000", &t), PT_OK, "MariaDB DATETIME(6) parses");
	pt_utc_format(t, out);
	is_str(out, "2026-03-29 01:00:00", "... and is formatted back for a bind");
	is_int(pt_utc_parse("2026-03-29", &t), PT_EINVAL, "a date is no instant");
}

int
main(void)
{
	if (!ok(prepare_calendars() == PT_OK, "the calendars are valid"))
		return done_testing();
	run_adds();
	run_betweens();
	run_is();
	run_scenarios();
	run_warnings();
	run_refusals();
	run_stamps();
	return done_testing();
}
