/*
 * Timers of BPMN timer events: ISO 8601 instants with and without offsets,
 * durations in every part and in the wrong order, cycles with a count, an
 * unbounded one and one with a start, the calendar months clamping at the
 * month's end, and when each is due after firing 0, 1, n times.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "model.h"
#include "tap.h"

static time_t
at(const char *iso)
{
	time_t t = -1;

	if (fl_time_parse(iso, &t) != PT_OK)
		printf("# cannot parse %s\n", iso);
	return t;
}

static const char *
stamp(time_t t)
{
	static char buf[32];
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(buf, sizeof(buf), "%Y-%m-%dT%H:%M:%SZ", &tm);
	return buf;
}

/* When timer text of kind, armed at armed, is due after `fired` firings ("none" when never). */
static const char *
due(enum fl_timer_kind kind, const char *text, const char *armed, long fired)
{
	static char err[256];
	struct fl_timer tm;
	time_t t;

	if (fl_timer_parse(kind, text, &tm, err, sizeof(err)) != PT_OK)
		return err;
	if (fl_timer_due(&tm, at(armed), fired, &t) != PT_OK)
		return "none";
	return stamp(t);
}

int
main(void)
{
	static const struct {
		const char	*in, *want;
	} instants[] = {
		{ "2027-01-31", "2027-01-31T00:00:00Z" },
		{ "2027-01-31T08:15", "2027-01-31T08:15:00Z" },
		{ "2027-01-31T08:15:30Z", "2027-01-31T08:15:30Z" },
		{ "2027-01-31T08:15:30.250Z", "2027-01-31T08:15:30Z" },
		{ "2027-01-31T08:15:30+02:00", "2027-01-31T06:15:30Z" },
		{ "2027-01-31T01:00:00-0130", "2027-01-31T02:30:00Z" },
		{ "2028-02-29T12:00:00Z", "2028-02-29T12:00:00Z" },
	};
	static const char *const bad_instants[] = {
		"", "2027", "2027-1-31", "2027-02-29", "2027-13-01", "2027-01-32",
		"2027-01-31T24:00", "2027-01-31T08:60", "2027-01-31T08:15:61", "2027-01-31T08:15Zx",
		"2027-01-31T08:15+2", "2027-01-31T08:15+15:00", "2027-01-31 08:15", "2027-01-31T08:15:30.",
	};
	static const struct {
		const char	*in;
		long long	 seconds;
	} durations[] = {
		{ "PT1H", 3600 }, { "PT90M", 5400 }, { "P1D", 86400 }, { "P2W", 14 * 86400 },
		{ "P1DT2H3M4S", 86400 + 7384 }, { "PT0S", 0 }, { "P1M", -1 }, { "P1Y", -1 },
	};
	static const char *const bad_durations[] = {
		"", "P", "PT", "1D", "P1H", "PT1D", "P1D1Y", "PT1M1H", "P1.5D", "PT-1H", "P1DT",
		"P12345678D", "PT1H1H", "P1DX", "p1d",
	};
	static const struct {
		enum fl_timer_kind kind;
		const char	*text, *armed;
		long		 fired;
		const char	*want;
	} dues[] = {
		{ FL_TIMER_DATE, "2027-03-01T09:00:00Z", "2027-01-01T00:00:00Z", 0, "2027-03-01T09:00:00Z" },
		{ FL_TIMER_DATE, "2027-03-01T09:00:00Z", "2027-01-01T00:00:00Z", 1, "none" },
		{ FL_TIMER_DURATION, "PT2H", "2027-01-01T23:00:00Z", 0, "2027-01-02T01:00:00Z" },
		{ FL_TIMER_DURATION, "PT2H", "2027-01-01T23:00:00Z", 1, "none" },
		{ FL_TIMER_DURATION, "P1M", "2027-01-31T10:00:00Z", 0, "2027-02-28T10:00:00Z" },
		{ FL_TIMER_DURATION, "P1M", "2028-01-31T10:00:00Z", 0, "2028-02-29T10:00:00Z" },
		{ FL_TIMER_DURATION, "P1Y", "2028-02-29T10:00:00Z", 0, "2029-02-28T10:00:00Z" },
		{ FL_TIMER_DURATION, "P1MT1H", "2027-03-31T23:30:00Z", 0, "2027-05-01T00:30:00Z" },
		{ FL_TIMER_CYCLE, "R3/PT1H", "2027-01-01T00:00:00Z", 0, "2027-01-01T01:00:00Z" },
		{ FL_TIMER_CYCLE, "R3/PT1H", "2027-01-01T00:00:00Z", 2, "2027-01-01T03:00:00Z" },
		{ FL_TIMER_CYCLE, "R3/PT1H", "2027-01-01T00:00:00Z", 3, "none" },
		{ FL_TIMER_CYCLE, "R/P1D", "2027-01-01T00:00:00Z", 364, "2028-01-01T00:00:00Z" },
		{ FL_TIMER_CYCLE, "R2/2027-06-01T08:00:00Z/P1W", "2027-01-01T00:00:00Z", 0, "2027-06-01T08:00:00Z" },
		{ FL_TIMER_CYCLE, "R2/2027-06-01T08:00:00Z/P1W", "2027-01-01T00:00:00Z", 1, "2027-06-08T08:00:00Z" },
		{ FL_TIMER_CYCLE, "R2/2027-06-01T08:00:00Z/P1W", "2027-01-01T00:00:00Z", 2, "none" },
		{ FL_TIMER_CYCLE, "R12/2027-01-31/P1M", "2027-01-01T00:00:00Z", 1, "2027-02-28T00:00:00Z" },
		{ FL_TIMER_CYCLE, "R12/2027-01-31/P1M", "2027-01-01T00:00:00Z", 2, "2027-03-31T00:00:00Z" },
		{ FL_TIMER_CYCLE, "R/P1Y", "9998-06-01T00:00:00Z", 5, "none" },
	};
	static const struct {
		enum fl_timer_kind kind;
		const char	*text;
	} bad_timers[] = {
		{ FL_TIMER_DATE, "tomorrow" }, { FL_TIMER_DATE, "${dueDate}" },
		{ FL_TIMER_DURATION, "2027-01-01" }, { FL_TIMER_CYCLE, "PT1H" },
		{ FL_TIMER_CYCLE, "R0/PT1H" }, { FL_TIMER_CYCLE, "R3PT1H" }, { FL_TIMER_CYCLE, "R3/PT0S" },
		{ FL_TIMER_CYCLE, "R3/2027-01-01/" }, { FL_TIMER_CYCLE, "R3/yesterday/PT1H" },
		{ FL_TIMER_CYCLE, "0 0 9 * * ?" }, { FL_TIMER_CYCLE, "R-1/PT1H" },
		{ FL_TIMER_CYCLE, "R3/2027-01-01T00:00:00Z/PT1H/2027-02-01" },
	};
	struct fl_duration d;
	struct fl_timer tm;
	char err[256], name[160];
	time_t t;
	size_t i;

	for (i = 0; i < sizeof(instants) / sizeof(*instants); i++) {
		snprintf(name, sizeof(name), "instant %s", instants[i].in);
		t = -1;
		ok(fl_time_parse(instants[i].in, &t) == PT_OK, name);
		is_str(stamp(t), instants[i].want, name);
	}
	for (i = 0; i < sizeof(bad_instants) / sizeof(*bad_instants); i++) {
		snprintf(name, sizeof(name), "no instant: '%s'", bad_instants[i]);
		ok(fl_time_parse(bad_instants[i], &t) == PT_EINVAL, name);
	}
	for (i = 0; i < sizeof(durations) / sizeof(*durations); i++) {
		snprintf(name, sizeof(name), "duration %s", durations[i].in);
		ok(fl_duration_parse(durations[i].in, &d) == PT_OK, name);
		is_int(fl_duration_seconds(&d), durations[i].seconds, name);
	}
	for (i = 0; i < sizeof(bad_durations) / sizeof(*bad_durations); i++) {
		snprintf(name, sizeof(name), "no duration: '%s'", bad_durations[i]);
		ok(fl_duration_parse(bad_durations[i], &d) == PT_EINVAL, name);
	}
	for (i = 0; i < sizeof(dues) / sizeof(*dues); i++) {
		snprintf(name, sizeof(name), "%s armed %s, fired %ld", dues[i].text, dues[i].armed,
		    dues[i].fired);
		is_str(due(dues[i].kind, dues[i].text, dues[i].armed, dues[i].fired), dues[i].want, name);
	}
	for (i = 0; i < sizeof(bad_timers) / sizeof(*bad_timers); i++) {
		snprintf(name, sizeof(name), "refused timer '%s'", bad_timers[i].text);
		err[0] = '\0';
		ok(fl_timer_parse(bad_timers[i].kind, bad_timers[i].text, &tm, err, sizeof(err)) ==
		    PT_EINVAL && strstr(err, bad_timers[i].text) != NULL, name);
	}
	ok(fl_timer_parse(FL_TIMER_CYCLE, "R/PT10M", &tm, err, sizeof(err)) == PT_OK &&
	    tm.repeat == -1, "R/ repeats for ever");
	ok(fl_timer_parse(FL_TIMER_CYCLE, "R3/PT1H", &tm, err, sizeof(err)) == PT_OK &&
	    tm.repeat == 3 && !tm.has_start && tm.every.hours == 1, "R3/PT1H: three times an hour apart");
	ok(fl_duration_parse("P1D", &d) == PT_OK &&
	    fl_duration_add(&d, at("9999-12-31T00:00:00Z"), 1, &t) == PT_ELIMIT,
	    "a duration past 9999 is refused");
	return done_testing();
}
