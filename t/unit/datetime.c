/*
 * The date formatter: UTC stamps in the reader's zone across DST changes,
 * east and west of UTC, a bad zone name falling back, English and German
 * patterns from the real catalogues, and the relative thresholds.
 */
#include <stdlib.h>
#include <time.h>

#include "extern.h"
#include "tap.h"

static char out[256];

static const char *
fmt(const char *lang, const char *zone, const char *iso, const char *style, time_t now)
{
	struct pt_reader r = { lang, zone, now != 0, now, NULL };

	pt_time_format(out, sizeof(out), &r, iso, style);
	return out;
}

/*
 * The instant the relative text of iso seen at now turns, as a UTC stamp;
 * "never" when it does not.
 */
static const char *
turns(const char *zone, const char *iso, time_t now)
{
	static char stamp[32];
	time_t first = 0;
	struct pt_reader r = { "en", zone, 1, now, &first };
	struct tm tm;

	pt_time_format(out, sizeof(out), &r, iso, "relative");
	if (first == 0)
		return "never";
	gmtime_r(&first, &tm);
	strftime(stamp, sizeof(stamp), "%Y-%m-%dT%H:%M:%SZ", &tm);
	return stamp;
}

static time_t
at(const char *iso)
{
	time_t t = 0;
	int date_only;

	if (pt_time_parse(iso, &t, &date_only) != PT_OK)
		exit(99);
	return t;
}

int
main(void)
{
	static const char *const langs[] = { "en", "de" };
	const char *src = getenv("PT_SRCDIR");
	char dir[1024];
	time_t t, now;
	long off;
	int date_only;

	snprintf(dir, sizeof(dir), "%s/xslt", src != NULL ? src : ".");
	is_int(pt_i18n_load(dir, langs, 2), PT_OK, "the real catalogues load");
	pt_site.time_zone = "UTC";

	/* Parsing. */
	is_int(pt_time_parse("2026-12-04T11:49:00Z", &t, &date_only), PT_OK, "ISO stamp parses");
	ok(t == 1796384940 && !date_only, "... to the right instant");
	is_int(pt_time_parse("2026-12-04 11:49:00.123456", &t, &date_only), PT_OK,
	    "MariaDB's form with microseconds parses");
	is_int(pt_time_parse("2026-12-04", &t, &date_only), PT_OK, "a date parses");
	ok(date_only, "... as a date");
	ok(pt_time_parse("2026-02-29T00:00:00Z", &t, &date_only) != PT_OK, "29 Feb 2026 refused");
	ok(pt_time_parse("2028-02-29T00:00:00Z", &t, &date_only) == PT_OK, "29 Feb 2028 taken");
	ok(pt_time_parse("2026-12-04T24:00Z", &t, &date_only) != PT_OK, "hour 24 refused");
	ok(pt_time_parse("2026-12-04T11:49:00+01:00", &t, &date_only) != PT_OK,
	    "an offset other than Z refused");
	ok(pt_time_parse("yesterday", &t, &date_only) != PT_OK, "words refused");

	/* Zone names. */
	ok(pt_tz_valid_name("Europe/Berlin") && pt_tz_valid_name("America/Port-au-Prince") &&
	    pt_tz_valid_name("Etc/GMT+5") && pt_tz_valid_name("UTC"), "IANA names have the shape");
	ok(!pt_tz_valid_name("../etc/passwd") && !pt_tz_valid_name("/etc/localtime") &&
	    !pt_tz_valid_name("Europe/../../etc") && !pt_tz_valid_name("Europe//Berlin") &&
	    !pt_tz_valid_name("Europe/") && !pt_tz_valid_name("") && !pt_tz_valid_name(".x"),
	    "paths do not");
	ok(pt_tz_known("Europe/Berlin"), "Europe/Berlin is known");
	ok(!pt_tz_known("Europe/Atlantis"), "Europe/Atlantis is not");
	ok(!pt_tz_known("zone.tab") && !pt_tz_known("iso3166.tab"),
	    "a file of the tz directory that is not a zone is not");

	/* Europe/Berlin: summer time starts 2026-03-29 at 01:00 UTC, ends 2026-10-25 01:00 UTC. */
	is_int(pt_tz_offset("Europe/Berlin", at("2026-03-29T00:59:59Z"), &off), PT_OK, "offset");
	is_int(off, 3600, "Berlin 2026-03-29T00:59:59Z: +1 h (winter)");
	pt_tz_offset("Europe/Berlin", at("2026-03-29T01:00:00Z"), &off);
	is_int(off, 7200, "Berlin 2026-03-29T01:00:00Z: +2 h (summer)");
	is_str(fmt("en", "Europe/Berlin", "2026-03-29T00:59:00Z", "datetime", 0),
	    "29 Mar 2026, 01:59", "00:59Z is 01:59 in Berlin");
	is_str(fmt("en", "Europe/Berlin", "2026-03-29T01:00:00Z", "datetime", 0),
	    "29 Mar 2026, 03:00", "01:00Z is 03:00 in Berlin (02:00 does not exist)");
	is_str(fmt("en", "Europe/Berlin", "2026-10-25T00:30:00Z", "datetime", 0),
	    "25 Oct 2026, 02:30", "00:30Z is the first 02:30 in Berlin");
	is_str(fmt("en", "Europe/Berlin", "2026-10-25T01:30:00Z", "datetime", 0),
	    "25 Oct 2026, 02:30", "01:30Z is the second 02:30 in Berlin");
	is_str(fmt("en", "Europe/Berlin", "2026-10-25T02:00:00Z", "datetime", 0),
	    "25 Oct 2026, 03:00", "02:00Z is 03:00 in Berlin (winter again)");

	/* East and west of UTC, across the date line of the reader. */
	is_str(fmt("en", "Asia/Tokyo", "2026-12-04T20:15:00Z", "datetime", 0),
	    "5 Dec 2026, 05:15", "Tokyo is 9 hours ahead: the next day");
	is_str(fmt("en", "America/New_York", "2026-12-04T03:05:00Z", "datetime", 0),
	    "3 Dec 2026, 22:05", "New York in winter is 5 hours behind: the day before");
	is_str(fmt("en", "America/New_York", "2026-07-04T03:05:00Z", "datetime", 0),
	    "3 Jul 2026, 23:05", "New York in summer is 4 hours behind");
	is_str(fmt("en", "Asia/Kolkata", "2026-12-04T11:49:00Z", "time", 0),
	    "17:19", "half-hour offsets (Kolkata +5:30)");

	/* A bad zone falls back to the site's, then to UTC. */
	is_str(fmt("en", "../../etc/passwd", "2026-12-04T11:49:00Z", "datetime", 0),
	    "4 Dec 2026, 11:49", "a path as zone: UTC (the site's)");
	pt_site.time_zone = "Europe/Berlin";
	is_str(fmt("en", "Mars/Olympus", "2026-12-04T11:49:00Z", "datetime", 0),
	    "4 Dec 2026, 12:49", "an unknown zone: the site's");
	is_str(fmt("en", NULL, "2026-12-04T11:49:00Z", "datetime", 0),
	    "4 Dec 2026, 12:49", "no zone (anonymous): the site's");
	pt_site.time_zone = "UTC";

	/* Languages and styles. */
	is_str(fmt("en", "UTC", "2026-12-04T11:49:00Z", "datetime", 0), "4 Dec 2026, 11:49",
	    "English date and time");
	is_str(fmt("de", "UTC", "2026-12-04T11:49:00Z", "datetime", 0), "4. Dez. 2026, 11:49",
	    "German date and time");
	is_str(fmt("de", "UTC", "2026-03-04T09:05:00Z", "date", 0), "4. März 2026",
	    "German date");
	is_str(fmt("en", "Europe/Berlin", "2026-12-31T23:30:00Z", "date", 0), "1 Jan 2027",
	    "a date is the reader's day");
	is_str(fmt("en", "America/New_York", "2026-12-04", "date", 0), "4 Dec 2026",
	    "a calendar date is not moved by the zone");
	is_str(fmt("en", "Asia/Tokyo", "2026-12-04 11:49:00", "iso", 0), "2026-12-04T11:49:00Z",
	    "iso: the normalised UTC stamp for datetime=\"\"");
	is_str(fmt("en", "UTC", "not a date", "datetime", 0), "not a date",
	    "what is not a stamp is left as it is");

	/* Relative: only when allowed (now != 0 here), thresholds. */
	now = at("2026-12-04T15:00:00Z");
	is_str(fmt("en", "UTC", "2026-12-04T14:59:30Z", "relative", now), "just now", "30 s: just now");
	is_str(fmt("en", "UTC", "2026-12-04T15:00:20Z", "relative", now), "just now",
	    "a little in the future (clocks): just now");
	is_str(fmt("en", "UTC", "2026-12-04T14:59:00Z", "relative", now), "1 minute ago", "1 minute");
	is_str(fmt("en", "UTC", "2026-12-04T14:01:00Z", "relative", now), "59 minutes ago",
	    "59 minutes");
	is_str(fmt("en", "UTC", "2026-12-04T14:00:00Z", "relative", now), "1 hour ago", "1 hour");
	is_str(fmt("en", "UTC", "2026-12-04T11:49:00Z", "relative", now), "3 hours ago", "3 hours");
	is_str(fmt("de", "UTC", "2026-12-04T11:49:00Z", "relative", now), "vor 3 Stunden",
	    "German: vor 3 Stunden");
	is_str(fmt("en", "UTC", "2026-12-04T09:00:01Z", "relative", now), "5 hours ago",
	    "just under 6 hours: hours");
	is_str(fmt("en", "UTC", "2026-12-04T08:30:00Z", "relative", now), "today, 08:30",
	    "6 hours and more, the same day: today");
	is_str(fmt("en", "UTC", "2026-12-03T14:05:00Z", "relative", now), "yesterday, 14:05",
	    "the day before: yesterday");
	is_str(fmt("de", "UTC", "2026-12-03T14:05:00Z", "relative", now), "gestern, 14:05",
	    "German: gestern");
	is_str(fmt("en", "UTC", "2026-12-02T23:59:00Z", "relative", now), "2 Dec 2026, 23:59",
	    "two days ago: absolute");
	is_str(fmt("en", "UTC", "2026-12-05T15:00:00Z", "relative", now), "5 Dec 2026, 15:00",
	    "the future: absolute");
	is_str(fmt("en", "UTC", "2026-12-03T16:00:00Z", "relative", at("2026-12-04T14:00:00Z")),
	    "yesterday, 16:00", "in UTC the day before...");
	is_str(fmt("en", "Asia/Tokyo", "2026-12-03T16:00:00Z", "relative",
	    at("2026-12-04T14:00:00Z")), "today, 01:00",
	    "... in Tokyo the same day: today and yesterday are the reader's days");
	is_str(fmt("en", "America/New_York", "2026-12-04T04:00:00Z", "relative", now),
	    "yesterday, 23:00", "... (New York)");
	is_str(fmt("en", "UTC", "2026-12-04T14:59:30Z", "relative", 0), "4 Dec 2026, 14:59",
	    "relative not allowed (a kept page): absolute");

	/* When each relative text turns (a kept page is used until the first of them). */
	{
		static const struct {
			const char *zone, *iso, *now, *turns, *what;
		} cases[] = {
			{ "UTC", "2026-12-04T14:59:30Z", NULL, "2026-12-04T15:00:30Z",
			    "just now: a minute after the instant" },
			{ "UTC", "2026-12-04T15:00:20Z", NULL, "2026-12-04T15:01:20Z",
			    "just now, a little ahead: a minute after it" },
			{ "UTC", "2026-12-04T15:05:00Z", NULL, "2026-12-04T15:04:00Z",
			    "5 minutes ahead (absolute): a minute before, when it is just now" },
			{ "UTC", "2026-12-04T14:57:30Z", NULL, "2026-12-04T15:00:30Z",
			    "2 minutes ago: at 3 minutes" },
			{ "UTC", "2026-12-04T14:01:00Z", NULL, "2026-12-04T15:01:00Z",
			    "59 minutes ago: at an hour" },
			{ "UTC", "2026-12-04T11:49:00Z", NULL, "2026-12-04T15:49:00Z",
			    "3 hours ago: at 4 hours" },
			{ "UTC", "2026-12-04T09:00:01Z", NULL, "2026-12-04T15:00:01Z",
			    "5 hours ago: at 6, when it is today" },
			{ "UTC", "2026-12-04T08:30:00Z", NULL, "2026-12-05T00:00:00Z",
			    "today: at the reader's midnight" },
			{ "UTC", "2026-12-03T14:05:00Z", NULL, "2026-12-05T00:00:00Z",
			    "yesterday: at the same midnight" },
			{ "America/New_York", "2026-12-04T04:00:00Z", NULL, "2026-12-05T05:00:00Z",
			    "... New York's midnight" },
			{ "Europe/Berlin", "2026-03-28T10:00:00Z", "2026-03-28T20:00:00Z",
			    "2026-03-28T23:00:00Z", "... Berlin's, the night the clocks go forward" },
			{ "Europe/Berlin", "2026-03-29T08:00:00Z", "2026-03-29T20:00:00Z",
			    "2026-03-29T22:00:00Z", "... and the night after, an hour earlier in UTC" },
			{ "UTC", "2026-12-02T23:59:00Z", NULL, "never", "a date in the past: never" },
		};
		size_t i;

		for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
			is_str(turns(cases[i].zone, cases[i].iso, cases[i].now != NULL ?
			    at(cases[i].now) : now), cases[i].turns, cases[i].what);
	}
	{
		time_t first = 0;
		struct pt_reader r = { "en", "UTC", 1, now, &first };

		pt_time_format(out, sizeof(out), &r, "2026-12-04T14:57:30Z", "relative");
		pt_time_format(out, sizeof(out), &r, "2026-12-04T08:30:00Z", "relative");
		pt_time_format(out, sizeof(out), &r, "2026-12-04T14:59:30Z", "datetime");
		ok(first == at("2026-12-04T15:00:30Z"), "several texts: the first that turns counts,"
		    " and only relative ones");
	}

	/* The UTC bounds of a reader's day (filters by date), across DST. */
	{
		struct pt_req *req = pt_req_new("test");
		char utc[20];

		pt_site.time_zone = "Europe/Berlin";
		is_int(pt_day_start_utc(req, "2026-03-29", 0, utc), PT_OK, "day start");
		is_str(utc, "2026-03-28 23:00:00", "29 Mar 2026 begins in Berlin at 23:00 UTC (winter)");
		pt_day_start_utc(req, "2026-03-29", 1, utc);
		is_str(utc, "2026-03-29 22:00:00", "... and ends at 22:00 UTC (summer): 23 hours");
		pt_day_start_utc(req, "2026-10-25", 1, utc);
		is_str(utc, "2026-10-25 23:00:00", "25 Oct 2026 ends at 23:00 UTC: 25 hours");
		pt_site.time_zone = "America/New_York";
		pt_day_start_utc(req, "2026-12-31", 1, utc);
		is_str(utc, "2027-01-01 05:00:00", "New Year in New York at 05:00 UTC");
		ok(pt_day_start_utc(req, "2026-12-04T10:00:00Z", 0, utc) != PT_OK, "a time is not a day");
		{
			/* The reader's day of an instant: what a date field offers as today. */
			char day[11];
			time_t at;

			pt_utc_parse("2027-01-01 03:00:00", &at);
			pt_local_day(req, at, day);
			is_str(day, "2026-12-31", "03:00 UTC on New Year is still 31 Dec in New York");
			pt_site.time_zone = "Asia/Tokyo";
			pt_utc_parse("2026-12-04 15:00:00", &at);
			pt_local_day(req, at, day);
			is_str(day, "2026-12-05", "15:00 UTC is 5 Dec in Tokyo");
			pt_utc_parse("2026-12-04 14:59:59", &at);
			pt_local_day(req, at, day);
			is_str(day, "2026-12-04", "... a second earlier 4 Dec");
		}
		pt_site.time_zone = "UTC";
		pt_req_free(req);
	}

	/* The start of a calendar month on a zone's wall clock (budgets per month). */
	{
		static const struct {
			const char	*zone, *at;
			int		 later;
			const char	*want;
		} m[] = {
			{ "UTC", "2026-12-04T11:49:00Z", 0, "2026-12-01T00:00:00Z" },
			{ "UTC", "2026-12-04T11:49:00Z", 1, "2027-01-01T00:00:00Z" },
			{ "UTC", "2026-01-15T00:00:00Z", -1, "2025-12-01T00:00:00Z" },
			{ "UTC", "2026-03-01T00:00:00Z", 0, "2026-03-01T00:00:00Z" },
			{ "UTC", "2026-02-28T23:59:59Z", 0, "2026-02-01T00:00:00Z" },
			{ "Europe/London", "2026-06-30T23:30:00Z", 0, "2026-06-30T23:00:00Z" },
			{ "Europe/London", "2026-06-30T22:59:59Z", 0, "2026-05-31T23:00:00Z" },
			{ "Europe/London", "2026-06-15T12:00:00Z", 1, "2026-06-30T23:00:00Z" },
			{ "Europe/London", "2026-03-15T12:00:00Z", 1, "2026-03-31T23:00:00Z" },
			{ "Europe/London", "2026-03-15T12:00:00Z", 0, "2026-03-01T00:00:00Z" },
			{ "Europe/Berlin", "2026-11-30T23:00:00Z", 0, "2026-11-30T23:00:00Z" },
			{ "America/New_York", "2027-01-01T03:00:00Z", 0, "2026-12-01T05:00:00Z" },
			{ "America/New_York", "2027-01-01T03:00:00Z", 1, "2027-01-01T05:00:00Z" },
			{ "Asia/Tokyo", "2026-12-31T15:00:00Z", 0, "2026-12-31T15:00:00Z" },
			{ "Not/AZone", "2026-12-04T11:49:00Z", 0, "2026-12-01T00:00:00Z" },
			{ NULL, "2026-12-04T11:49:00Z", 0, "2026-12-01T00:00:00Z" },
		};
		char name[160], got[32];
		struct tm tm;
		size_t i;

		pt_site.time_zone = "UTC";
		for (i = 0; i < sizeof(m) / sizeof(m[0]); i++) {
			time_t s = 0;

			is_int(pt_month_start(m[i].zone, at(m[i].at), m[i].later, &s), PT_OK,
			    "pt_month_start answers");
			gmtime_r(&s, &tm);
			strftime(got, sizeof(got), "%Y-%m-%dT%H:%M:%SZ", &tm);
			snprintf(name, sizeof(name), "month of %s in %s, %+d: begins %s", m[i].at,
			    m[i].zone != NULL ? m[i].zone : "the site's zone", m[i].later, m[i].want);
			is_str(got, m[i].want, name);
		}
	}

	/* Calendar dates plus months and days, as DATE_ADD: contract periods and notice deadlines. */
	{
		static const struct {
			const char	*day;
			int		 months, days;
			const char	*want;
		} d[] = {
			{ "2026-12-05", 12, -1, "2027-12-04" },
			{ "2026-01-31", 1, 0, "2026-02-28" },
			{ "2028-01-31", 1, 0, "2028-02-29" },
			{ "2100-01-31", 1, 0, "2100-02-28" },
			{ "2000-01-31", 1, 0, "2000-02-29" },
			{ "2026-01-31", 2, 0, "2026-03-31" },
			{ "2026-03-31", -1, 0, "2026-02-28" },
			{ "2026-01-15", -13, 0, "2024-12-15" },
			{ "2026-12-31", 0, 1, "2027-01-01" },
			{ "2026-03-01", 0, -1, "2026-02-28" },
			{ "2026-11-30", 0, -90, "2026-09-01" },
			{ "2026-10-25", 0, 1, "2026-10-26" },
		};
		char got[11], name[120];
		size_t i;

		for (i = 0; i < sizeof(d) / sizeof(d[0]); i++) {
			is_int(pt_date_add(d[i].day, d[i].months, d[i].days, got), PT_OK, "pt_date_add answers");
			snprintf(name, sizeof(name), "%s %+d months %+d days is %s", d[i].day, d[i].months,
			    d[i].days, d[i].want);
			is_str(got, d[i].want, name);
		}
		ok(pt_date_add("2026-02-30", 1, 0, got) == PT_EINVAL && got[0] == '\0', "no such day: refused");
		ok(pt_date_add("2026-02-01T10:00:00Z", 1, 0, got) == PT_EINVAL, "a time is not a day");
	}

	/* The reader's date today: in the signed-in user's zone, else the site's. */
	{
		struct pt_req *req = pt_req_new("test");
		struct pt_user u = { 0 };
		char day[11];

		pt_site.time_zone = "Europe/Berlin";
		pt_local_date(req, at("2026-12-31T23:30:00Z"), day);
		is_str(day, "2027-01-01", "23:30 UTC on New Year's Eve is New Year's Day in Berlin");
		u.time_zone = "America/New_York";
		req->session.user = &u;
		pt_local_date(req, at("2026-12-31T23:30:00Z"), day);
		is_str(day, "2026-12-31", "... and still New Year's Eve for a reader in New York");
		req->session.user = NULL;
		pt_site.time_zone = "UTC";
		pt_req_free(req);
	}

	/* The provider's day, whoever reads (an invoice's date and its year's number). */
	{
		struct pt_req *req = pt_req_new("test");
		struct pt_user u = { 0 };
		char day[11];

		pt_site.time_zone = "Europe/Berlin";
		is_int(pt_zone_date(NULL, at("2026-12-31T23:30:00Z"), day), PT_OK, "the site's day");
		is_str(day, "2027-01-01", "... 00:30 on New Year's Day in Berlin: numbered in 2027");
		is_int(pt_zone_date(NULL, at("2026-12-31T22:59:59Z"), day), PT_OK, "a second before");
		is_str(day, "2026-12-31", "... still 2026");
		pt_zone_date("America/New_York", at("2027-01-01T04:59:59Z"), day);
		is_str(day, "2026-12-31", "a zone named: its day");
		pt_zone_date("No/Such_Zone", at("2026-12-31T23:30:00Z"), day);
		is_str(day, "2027-01-01", "an unknown zone: the site's");

		/* What a PDF says of a date: the reader's words, the calendar day as it is. */
		u.time_zone = "Pacific/Pago_Pago";
		req->session.user = &u;
		req->lang = "de";
		is_str(pt_time_text(req, "2026-11-04", "date"), "4. Nov. 2026",
		    "a due date in German, the same day west of UTC");
		req->lang = "en";
		is_str(pt_time_text(req, "2026-11-04", "date"), "4 Nov 2026", "... and in English");
		is_str(pt_time_text(req, "2026-11-04T05:00:00Z", "date"), "3 Nov 2026",
		    "an instant is the reader's day");
		req->session.user = NULL;
		pt_site.time_zone = "UTC";
		pt_req_free(req);
	}

	ok(pt_time_format(out, 8, &(struct pt_reader){ "en", "UTC", 0, 0, NULL },
	    "2026-12-04T11:49:00Z", "datetime") == 7 && strlen(out) == 7, "cut to fit");

	pt_tz_free();
	pt_i18n_free();
	return done_testing();
}
