/*
 * The expression language by table: valid expressions and what they give
 * over a set of variables (numbers, strings, booleans, dates, an unset
 * one), parse errors and evaluation errors with their column and message,
 * short-circuiting, and the bounds (length, nesting).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "expr.h"
#include "model.h"
#include "tap.h"

static int
lookup(void *ctx, const char *name, struct fl_value *out)
{
	(void)ctx;
	memset(out, 0, sizeof(*out));
	if (strcmp(name, "total") == 0) {
		out->type = FL_NUMBER;
		out->number = 1200;
	} else if (strcmp(name, "limit") == 0) {
		out->type = FL_NUMBER;
		out->number = 1000;
	} else if (strcmp(name, "status") == 0) {
		out->type = FL_STRING;
		out->string = "open";
		out->len = 4;
	} else if (strcmp(name, "approved") == 0) {
		out->type = FL_BOOLEAN;
		out->boolean = 1;
	} else if (strcmp(name, "due") == 0) {
		out->type = FL_DATE;
		fl_time_parse("2027-01-31T00:00:00Z", &out->date);
	} else if (strcmp(name, "broken") == 0) {
		return PT_ESYS;
	} else {
		return PT_ENOTFOUND;
	}
	return PT_OK;
}

/* The value as text: 42, 'open', true, null, @2027-01-31T00:00:00Z. */
static const char *
show(const struct fl_value *v)
{
	static char buf[256];
	struct tm tm;

	switch (v->type) {
	case FL_NULL:
		return "null";
	case FL_NUMBER:
		snprintf(buf, sizeof(buf), "%g", v->number);
		return buf;
	case FL_STRING:
		snprintf(buf, sizeof(buf), "'%s'", v->string);
		return buf;
	case FL_BOOLEAN:
		return v->boolean ? "true" : "false";
	default:
		gmtime_r(&v->date, &tm);
		strftime(buf, sizeof(buf), "@%Y-%m-%dT%H:%M:%SZ", &tm);
		return buf;
	}
}

/* "value" or "error at COLUMN: message". */
static const char *
run(struct pt_arena *a, const char *text)
{
	static char out[512];
	struct fl_scope scope = { lookup, NULL, 0 };
	struct fl_expr_error err;
	struct fl_expr *e;
	struct fl_value v;
	int rc;

	fl_time_parse("2027-01-15T12:00:00Z", &scope.now);
	if ((rc = fl_expr_parse(a, text, &e, &err)) != PT_OK ||
	    (rc = fl_expr_eval(e, &scope, a, &v, &err)) != PT_OK) {
		snprintf(out, sizeof(out), "error at %d: %s", err.column, err.message);
		return out;
	}
	snprintf(out, sizeof(out), "%s", show(&v));
	return out;
}

int
main(void)
{
	static const struct {
		const char	*text, *want;
	} cases[] = {
		/* literals */
		{ "42", "42" }, { "0.5", "0.5" }, { "'approved'", "'approved'" },
		{ "\"it's\"", "'it's'" }, { "'a\\'b\\\\c'", "'a'b\\c'" }, { "'line\\n'", "'line\n'" },
		{ "true", "true" }, { "false", "false" }, { "null", "null" },
		{ "@2027-01-31", "@2027-01-31T00:00:00Z" },
		{ "@2027-01-31T08:00:00+01:00", "@2027-01-31T07:00:00Z" },
		{ "now", "@2027-01-15T12:00:00Z" },
		/* variables */
		{ "total", "1200" }, { "status", "'open'" }, { "approved", "true" },
		{ "due", "@2027-01-31T00:00:00Z" }, { "nobody", "null" },
		/* arithmetic */
		{ "1 + 2 * 3", "7" }, { "(1 + 2) * 3", "9" }, { "10 - 4 - 3", "3" },
		{ "7 / 2", "3.5" }, { "7 % 4", "3" }, { "-total", "-1200" }, { "- -3", "3" },
		{ "total * 1.19", "1428" }, { "'ab' + 'cd'", "'abcd'" }, { "status + '!'", "'open!'" },
		/* comparisons */
		{ "total > limit", "true" }, { "total <= limit", "false" }, { "total >= 1200", "true" },
		{ "total == 1200", "true" }, { "total != 1200", "false" }, { "1 < 2", "true" },
		{ "status == 'open'", "true" }, { "status != 'closed'", "true" },
		{ "'abc' < 'abd'", "true" }, { "'ab' < 'abc'", "true" }, { "'b' > 'abc'", "true" },
		{ "due > now", "true" }, { "due < @2027-01-01", "false" }, { "due == @2027-01-31", "true" },
		{ "nobody == null", "true" }, { "status == null", "false" }, { "null != total", "true" },
		{ "approved == true", "true" }, { "approved != false", "true" },
		/* logic */
		{ "total > limit and approved", "true" }, { "total > limit && not approved", "false" },
		{ "total < limit or status == 'open'", "true" }, { "false || !approved", "false" },
		{ "not (total > limit)", "false" }, { "not not true", "true" },
		{ "true or false and false", "true" }, { "(true or false) and false", "false" },
		/* short-circuit: the right side would fail */
		{ "false and 1 + 'a' == 2", "false" }, { "true or nobody + 1 > 0", "true" },
		{ "nobody != null and nobody > 3", "false" },
		/* white space */
		{ "  total\t>\nlimit  ", "true" },
		/* parse errors */
		{ "", "error at 1: the expression is empty" },
		{ "   ", "error at 4: the expression is empty" },
		{ "1 +", "error at 4: expected a value, found the end" },
		{ "(1 + 2", "error at 7: expected ')' to close the '(' at column 1, found the end" },
		{ "1 + 2)", "error at 6: unexpected ')' after the expression" },
		{ "total = 3", "error at 7: '=' is no operator: compare with '=='" },
		{ "1 < 2 < 3", "error at 7: comparisons do not chain: use 'and' (a < b and b < c)" },
		{ "'open", "error at 1: the string is never closed" },
		{ "'a\\qb'", "error at 3: unknown escape \\q in a string" },
		{ "1.", "error at 2: a digit must follow the decimal point" },
		{ "12abc", "error at 3: unexpected 'a' after a number" },
		{ "1.2.3", "error at 4: unexpected '.' after a number" },
		{ "@tomorrow", "error at 1: \"tomorrow\" is no ISO 8601 date" },
		{ "@", "error at 1: @ must be followed by a date (@2027-01-31)" },
		{ "total $ 2", "error at 7: unexpected '$'" },
		{ "a.b", "error at 2: unexpected '.'" },
		{ "status == \x01", "error at 11: unexpected byte 0x01" },
		{ "and", "error at 1: expected a value, found 'and'" },
		{ "not", "error at 4: expected a value, found the end" },
		{ "eval('x')", "error at 5: unexpected '(' after the expression" },
		{ "${amount > 1000}", "error at 1: unexpected '$'" },
		/* evaluation errors */
		{ "total > 'a'", "error at 7: '>' does not take a number and a string" },
		{ "total == 'a'", "error at 7: '==' does not take a number and a string" },
		{ "nobody + 1", "error at 8: '+' does not take a null and a number" },
		{ "nobody < 1", "error at 8: '<' does not take a null and a number" },
		{ "approved < true", "error at 10: '<' does not take a boolean and a boolean" },
		{ "status and true", "error at 8: 'and' does not take a string" },
		{ "not total", "error at 1: 'not' does not take a number" },
		{ "-status", "error at 1: '-' does not take a string" },
		{ "total / 0", "error at 7: division by zero" },
		{ "total % (limit - 1000)", "error at 7: division by zero" },
		{ "due + 1", "error at 5: '+' does not take a date and a number" },
		{ "broken == 1", "error at 1: the variable broken cannot be read" },
		{ "1e308 * 10", "error at 2: unexpected 'e' after a number" },
		{ "99999999999999999999999999999999999999999 * 99999999999999999999999999999999999999999 * 99999999999999999999999999999999999999999 * 99999999999999999999999999999999999999999 * 99999999999999999999999999999999999999999 * 99999999999999999999999999999999999999999 * 99999999999999999999999999999999999999999 * 99999999999999999999999999999999999999999",
		  "error at 307: the number is out of range" },
	};
	struct pt_arena *a = pt_arena_new();
	struct fl_scope scope = { lookup, NULL, 0 };
	struct fl_expr_error err;
	struct fl_expr *e;
	char *big, name[160];
	size_t i;
	int holds;

	for (i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		snprintf(name, sizeof(name), "%.100s", cases[i].text);
		is_str(run(a, cases[i].text), cases[i].want, name);
		pt_arena_reset(a);
	}

	ok(fl_expr_parse(a, "total > limit", &e, &err) == PT_OK &&
	    fl_expr_test(e, &scope, a, &holds, &err) == PT_OK && holds == 1, "a condition holds");
	ok(fl_expr_parse(a, "total", &e, &err) == PT_OK &&
	    fl_expr_test(e, &scope, a, &holds, &err) == PT_EINVAL &&
	    strcmp(err.message, "the condition gives a number, not a boolean") == 0,
	    "a condition that is no boolean is an error");

	/* Bounds: the length, parentheses, not, unary minus and long chains. */
	big = malloc(FL_EXPR_MAX_BYTES * 2 + 2);
	memset(big, '1', FL_EXPR_MAX_BYTES + 1);
	big[FL_EXPR_MAX_BYTES + 1] = '\0';
	ok(fl_expr_parse(a, big, &e, &err) == PT_ELIMIT &&
	    strstr(err.message, "longer than") != NULL, "a too long expression is refused");
	memset(big, '(', 100);
	strcpy(big + 100, "1");
	memset(big + 101, ')', 100);
	big[201] = '\0';
	ok(fl_expr_parse(a, big, &e, &err) == PT_EINVAL &&
	    strcmp(err.message, "the expression is nested too deeply") == 0 && err.column == 65,
	    "100 parentheses are refused at the 65th");
	memset(big, '(', 60);
	strcpy(big + 60, "1");
	memset(big + 61, ')', 60);
	big[121] = '\0';
	is_str(run(a, big), "1", "60 parentheses are fine");
	for (i = 0; i < 200; i++)
		memcpy(big + 4 * i, "not ", 4);
	strcpy(big + 800, "true");
	ok(fl_expr_parse(a, big, &e, &err) == PT_EINVAL &&
	    strstr(err.message, "nested too deeply") != NULL, "200 nots are refused");
	memset(big, '-', 500);
	strcpy(big + 500, "1");
	ok(fl_expr_parse(a, big, &e, &err) == PT_EINVAL, "500 minus signs are refused");
	for (i = 0; i < 1000; i++)
		memcpy(big + 2 * i, "1+", 2);
	strcpy(big + 2000, "1");
	ok(fl_expr_parse(a, big, &e, &err) == PT_EINVAL &&
	    strstr(err.message, "nested too deeply") != NULL, "a chain of 1000 additions is refused");
	for (i = 0; i < 200; i++)
		memcpy(big + 2 * i, "1+", 2);
	strcpy(big + 400, "1");
	is_str(run(a, big), "201", "a chain of 200 additions is fine");
	free(big);

	ok(fl_expr_name_valid("approved_at") == PT_OK, "approved_at is a variable name");
	ok(fl_expr_name_valid("_x2") == PT_OK, "_x2 is a variable name");
	ok(fl_expr_name_valid("2x") == PT_EINVAL, "2x is none");
	ok(fl_expr_name_valid("now") == PT_EINVAL, "a keyword is none");
	ok(fl_expr_name_valid("a-b") == PT_EINVAL, "a-b is none");
	ok(fl_expr_name_valid("") == PT_EINVAL, "the empty name is none");
	pt_arena_free(a);
	return done_testing();
}
