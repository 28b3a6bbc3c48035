/*
 * expr.h — the expression language of flow conditions (conditionExpression),
 * assignments (<portico:set expr>), action parameters and assignees.
 *
 * An expression is parsed once (at deploy) into a tree and evaluated in C
 * over an instance's variables; nothing is ever handed to an interpreter.
 *
 *   expr     := or
 *   or       := and { ("or" | "||") and }
 *   and      := not { ("and" | "&&") not }
 *   not      := ("not" | "!") not | compare
 *   compare  := sum [ ("==" | "!=" | "<" | "<=" | ">" | ">=") sum ]
 *   sum      := product { ("+" | "-") product }
 *   product  := unary { ("*" | "/" | "%") unary }
 *   unary    := "-" unary | primary
 *   primary  := number | string | date | "true" | "false" | "null" | "now"
 *             | name | "(" expr ")"
 *   number   := digits [ "." digits ]                 42, 0.5
 *   string   := '...' or "..." with \\ \' \" \n \t     'approved'
 *   date     := "@" ISO 8601 instant or day           @2027-01-31, @2027-01-31T08:00:00Z
 *   name     := [A-Za-z_][A-Za-z0-9_]*, not a keyword  total, approved
 *
 * Types are strict: numbers compare with numbers, strings with strings
 * (bytewise), dates with dates, booleans and null only by == and !=;
 * "+" adds numbers or joins strings; and/or/not take booleans and
 * short-circuit.  A variable that is not set is null.  Anything else
 * (1 < 'a', null + 1, a division by zero) is an evaluation error with the
 * column of the operator.
 *
 * Bounds: FL_EXPR_MAX_BYTES of text, FL_EXPR_MAX_DEPTH of nesting,
 * FL_EXPR_MAX_STRING bytes for a string made by "+".
 */
#ifndef PORTICO_FLOWD_EXPR_H
#define PORTICO_FLOWD_EXPR_H

#include <stddef.h>
#include <time.h>

#include "portico.h"

#define FL_EXPR_MAX_BYTES	4096
#define FL_EXPR_MAX_DEPTH	64
#define FL_EXPR_MAX_STRING	65536

enum fl_type {
	FL_NULL,
	FL_NUMBER,
	FL_STRING,
	FL_BOOLEAN,
	FL_DATE,
	FL_TYPE__MAX
};
extern const char *const fl_type_names[FL_TYPE__MAX];

struct fl_value {
	enum fl_type	 type;
	double		 number;
	const char	*string;	/* NUL-terminated; len bytes */
	size_t		 len;
	int		 boolean;
	time_t		 date;		/* UTC */
};

struct fl_expr;

struct fl_expr_error {
	int		 column;	/* 1-based, in bytes; 0 when it is the whole */
	char		 message[160];
};

/*
 * The variables an evaluation sees: lookup(ctx, name, out) sets *out and
 * returns PT_OK, or PT_ENOTFOUND (the variable is null).  Strings it
 * gives must live as long as the evaluation's result is used.
 */
struct fl_scope {
	int		(*lookup)(void *ctx, const char *name, struct fl_value *out);
	void		*ctx;
	time_t		 now;		/* what "now" is */
};

/*
 * Parse text into *out (a tree in arena a).  PT_OK; PT_EINVAL or
 * PT_ELIMIT with the column and a message in *err.
 */
int	 fl_expr_parse(struct pt_arena *a, const char *text, struct fl_expr **out,
	    struct fl_expr_error *err);
/*
 * Evaluate into *out; strings made while doing so (by "+") come from
 * arena a.  PT_OK, or PT_EINVAL with the column and a message in *err.
 */
int	 fl_expr_eval(const struct fl_expr *, const struct fl_scope *, struct pt_arena *a,
	    struct fl_value *out, struct fl_expr_error *err);
/* A condition: the value must be a boolean.  PT_OK with *holds. */
int	 fl_expr_test(const struct fl_expr *, const struct fl_scope *, struct pt_arena *a,
	    int *holds, struct fl_expr_error *err);
/* Is name a variable name (and no keyword)?  PT_OK or PT_EINVAL. */
int	 fl_expr_name_valid(const char *name);

#endif
