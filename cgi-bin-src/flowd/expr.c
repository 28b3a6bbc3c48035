/*
 * The expression language (see expr.h for its grammar and types): a
 * lexer, a recursive-descent parser that builds a tree in an arena, and
 * an evaluator that walks it.  Nesting is bounded at parse time, so the
 * evaluator's recursion is bounded too.
 */
#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model.h"
#include "expr.h"

/* The tallest tree an expression may build (chains of "+" included). */
#define MAX_HEIGHT	256

const char *const fl_type_names[FL_TYPE__MAX] = {
	[FL_NULL] = "null",
	[FL_NUMBER] = "number",
	[FL_STRING] = "string",
	[FL_BOOLEAN] = "boolean",
	[FL_DATE] = "date",
};

enum tok {
	T_END, T_NUM, T_STR, T_DATE, T_NAME, T_LP, T_RP,
	T_OR, T_AND, T_NOT, T_EQ, T_NE, T_LT, T_LE, T_GT, T_GE,
	T_PLUS, T_MINUS, T_STAR, T_SLASH, T_PCT,
	T_TRUE, T_FALSE, T_NULL, T_NOW
};

enum op {
	OP_LIT, OP_NOW, OP_VAR, OP_NOT, OP_NEG,
	OP_OR, OP_AND, OP_EQ, OP_NE, OP_LT, OP_LE, OP_GT, OP_GE,
	OP_ADD, OP_SUB, OP_MUL, OP_DIV, OP_MOD
};

static const char *const op_text[] = {
	[OP_OR] = "or", [OP_AND] = "and", [OP_EQ] = "==", [OP_NE] = "!=", [OP_LT] = "<",
	[OP_LE] = "<=", [OP_GT] = ">", [OP_GE] = ">=", [OP_ADD] = "+", [OP_SUB] = "-",
	[OP_MUL] = "*", [OP_DIV] = "/", [OP_MOD] = "%", [OP_NOT] = "not", [OP_NEG] = "-",
};

struct fl_expr {
	enum op		 op;
	int		 column;
	int		 height;
	struct fl_value	 lit;		/* OP_LIT */
	const char	*name;		/* OP_VAR */
	struct fl_expr	*l, *r;
};

static const struct {
	const char	*word;
	enum tok	 tok;
} keywords[] = {
	{ "or", T_OR }, { "and", T_AND }, { "not", T_NOT }, { "true", T_TRUE },
	{ "false", T_FALSE }, { "null", T_NULL }, { "now", T_NOW },
};

struct parser {
	struct pt_arena	*a;
	const char	*s;
	size_t		 i;		/* where the next token is read */
	enum tok	 tok;		/* the current token */
	int		 col;		/* its column */
	struct fl_value	 val;		/* of T_NUM, T_STR, T_DATE */
	const char	*name;		/* of T_NAME */
	int		 depth;
	struct fl_expr_error *err;
	int		 rc;
};

static int
error_at(struct fl_expr_error *err, int col, const char *fmt, ...)
{
	va_list ap;

	err->column = col;
	va_start(ap, fmt);
	vsnprintf(err->message, sizeof(err->message), fmt, ap);
	va_end(ap);
	return PT_EINVAL;
}

static int
name_start(int c)
{
	return isalpha(c) || c == '_';
}

static int
name_char(int c)
{
	return isalnum(c) || c == '_';
}

/* Read a string literal opened by quote at p->i; PT_OK with p->val. */
static int
lex_string(struct parser *p, char quote)
{
	size_t j, n = 0;
	char *out;

	/* Its length first, so that the copy is one allocation. */
	for (j = p->i + 1; p->s[j] != quote; j++) {
		if (p->s[j] == '\0')
			return error_at(p->err, p->col, "the string is never closed");
		if (p->s[j] == '\\') {
			j++;
			if (strchr("\\'\"nt", p->s[j]) == NULL || p->s[j] == '\0')
				return error_at(p->err, (int)j, "unknown escape \\%c in a string",
				    p->s[j] != '\0' ? p->s[j] : ' ');
		}
		n++;
	}
	if ((out = pt_arena_alloc(p->a, n + 1)) == NULL)
		return PT_ENOMEM;
	n = 0;
	for (j = p->i + 1; p->s[j] != quote; j++) {
		if (p->s[j] == '\\') {
			j++;
			out[n++] = p->s[j] == 'n' ? '\n' : p->s[j] == 't' ? '\t' : p->s[j];
		} else {
			out[n++] = p->s[j];
		}
	}
	out[n] = '\0';
	p->val.type = FL_STRING;
	p->val.string = out;
	p->val.len = n;
	p->i = j + 1;
	p->tok = T_STR;
	return PT_OK;
}

static int
lex(struct parser *p)
{
	const char *s = p->s;
	size_t j;
	char buf[64];
	int c;

	while (s[p->i] == ' ' || s[p->i] == '\t' || s[p->i] == '\n' || s[p->i] == '\r')
		p->i++;
	p->col = (int)p->i + 1;
	c = (unsigned char)s[p->i];
	memset(&p->val, 0, sizeof(p->val));
	if (c == '\0') {
		p->tok = T_END;
		return PT_OK;
	}
	if (c == '\'' || c == '"')
		return lex_string(p, (char)c);
	if (isdigit(c)) {
		for (j = p->i; isdigit((unsigned char)s[j]); j++)
			;
		if (s[j] == '.') {
			if (!isdigit((unsigned char)s[j + 1]))
				return error_at(p->err, (int)j + 1, "a digit must follow the decimal point");
			for (j++; isdigit((unsigned char)s[j]); j++)
				;
		}
		if (name_start((unsigned char)s[j]) || s[j] == '.')
			return error_at(p->err, (int)j + 1, "unexpected '%c' after a number", s[j]);
		if (j - p->i >= sizeof(buf))
			return error_at(p->err, p->col, "the number is too long");
		memcpy(buf, s + p->i, j - p->i);
		buf[j - p->i] = '\0';
		p->val.type = FL_NUMBER;
		p->val.number = strtod(buf, NULL);
		if (!isfinite(p->val.number))
			return error_at(p->err, p->col, "the number is too large");
		p->i = j;
		p->tok = T_NUM;
		return PT_OK;
	}
	if (c == '@') {
		for (j = p->i + 1; s[j] != '\0' && (isalnum((unsigned char)s[j]) ||
		    strchr(":.+-", s[j]) != NULL); j++)
			;
		if (j - p->i - 1 >= sizeof(buf) || j == p->i + 1)
			return error_at(p->err, p->col, "@ must be followed by a date (@2027-01-31)");
		memcpy(buf, s + p->i + 1, j - p->i - 1);
		buf[j - p->i - 1] = '\0';
		p->val.type = FL_DATE;
		if (fl_time_parse(buf, &p->val.date) != PT_OK)
			return error_at(p->err, p->col, "\"%s\" is no ISO 8601 date", buf);
		p->i = j;
		p->tok = T_DATE;
		return PT_OK;
	}
	if (name_start(c)) {
		size_t k;

		for (j = p->i; name_char((unsigned char)s[j]); j++)
			;
		for (k = 0; k < sizeof(keywords) / sizeof(*keywords); k++)
			if (strlen(keywords[k].word) == j - p->i &&
			    memcmp(keywords[k].word, s + p->i, j - p->i) == 0)
				break;
		if (k < sizeof(keywords) / sizeof(*keywords)) {
			p->tok = keywords[k].tok;
		} else {
			p->tok = T_NAME;
			if ((p->name = pt_arena_strndup(p->a, s + p->i, j - p->i)) == NULL)
				return PT_ENOMEM;
		}
		p->i = j;
		return PT_OK;
	}
	/* Operators: two characters before one. */
	{
		static const struct {
			const char	*text;
			enum tok	 tok;
		} ops[] = {
			{ "||", T_OR }, { "&&", T_AND }, { "==", T_EQ }, { "!=", T_NE },
			{ "<=", T_LE }, { ">=", T_GE }, { "<", T_LT }, { ">", T_GT },
			{ "!", T_NOT }, { "+", T_PLUS }, { "-", T_MINUS }, { "*", T_STAR },
			{ "/", T_SLASH }, { "%", T_PCT }, { "(", T_LP }, { ")", T_RP },
		};
		size_t k;

		for (k = 0; k < sizeof(ops) / sizeof(*ops); k++) {
			size_t n = strlen(ops[k].text);

			if (strncmp(s + p->i, ops[k].text, n) == 0) {
				p->tok = ops[k].tok;
				p->i += n;
				return PT_OK;
			}
		}
	}
	if (c == '=')
		return error_at(p->err, p->col, "'=' is no operator: compare with '=='");
	if (c < 0x20 || c >= 0x7f)
		return error_at(p->err, p->col, "unexpected byte 0x%02x", (unsigned)c);
	return error_at(p->err, p->col, "unexpected '%c'", c);
}

static struct fl_expr *
node(struct parser *p, enum op op, int col, struct fl_expr *l, struct fl_expr *r)
{
	struct fl_expr *e;
	int h = 0;

	if (l != NULL && l->height > h)
		h = l->height;
	if (r != NULL && r->height > h)
		h = r->height;
	if (h + 1 > MAX_HEIGHT) {
		p->rc = error_at(p->err, col, "the expression is nested too deeply");
		return NULL;
	}
	if ((e = pt_arena_alloc(p->a, sizeof(*e))) == NULL) {
		p->rc = PT_ENOMEM;
		return NULL;
	}
	e->op = op;
	e->column = col;
	e->height = h + 1;
	e->l = l;
	e->r = r;
	return e;
}

/* Move to the next token; 0 (and p->rc) on failure. */
static int
next(struct parser *p)
{
	return (p->rc = lex(p)) == PT_OK;
}

static const char *
tok_text(const struct parser *p)
{
	static const char *const names[] = {
		[T_END] = "the end", [T_NUM] = "a number", [T_STR] = "a string",
		[T_DATE] = "a date", [T_NAME] = "a name", [T_LP] = "'('", [T_RP] = "')'",
		[T_OR] = "'or'", [T_AND] = "'and'", [T_NOT] = "'not'", [T_EQ] = "'=='",
		[T_NE] = "'!='", [T_LT] = "'<'", [T_LE] = "'<='", [T_GT] = "'>'", [T_GE] = "'>='",
		[T_PLUS] = "'+'", [T_MINUS] = "'-'", [T_STAR] = "'*'", [T_SLASH] = "'/'",
		[T_PCT] = "'%'", [T_TRUE] = "'true'", [T_FALSE] = "'false'", [T_NULL] = "'null'",
		[T_NOW] = "'now'",
	};

	return names[p->tok];
}

static struct fl_expr *parse_or(struct parser *);

static struct fl_expr *
parse_primary(struct parser *p)
{
	struct fl_expr *e;
	int col = p->col;

	switch (p->tok) {
	case T_NUM:
	case T_STR:
	case T_DATE:
	case T_TRUE:
	case T_FALSE:
	case T_NULL:
		if ((e = node(p, OP_LIT, col, NULL, NULL)) == NULL)
			return NULL;
		e->lit = p->val;
		if (p->tok == T_TRUE || p->tok == T_FALSE) {
			e->lit.type = FL_BOOLEAN;
			e->lit.boolean = p->tok == T_TRUE;
		} else if (p->tok == T_NULL) {
			e->lit.type = FL_NULL;
		}
		return next(p) ? e : NULL;
	case T_NOW:
		if ((e = node(p, OP_NOW, col, NULL, NULL)) == NULL)
			return NULL;
		return next(p) ? e : NULL;
	case T_NAME:
		if ((e = node(p, OP_VAR, col, NULL, NULL)) == NULL)
			return NULL;
		e->name = p->name;
		return next(p) ? e : NULL;
	case T_LP:
		if (++p->depth > FL_EXPR_MAX_DEPTH) {
			p->rc = error_at(p->err, col, "the expression is nested too deeply");
			return NULL;
		}
		if (!next(p) || (e = parse_or(p)) == NULL)
			return NULL;
		if (p->tok != T_RP) {
			p->rc = error_at(p->err, p->col, "expected ')' to close the '(' at column %d, found %s",
			    col, tok_text(p));
			return NULL;
		}
		p->depth--;
		return next(p) ? e : NULL;
	default:
		p->rc = error_at(p->err, col, "expected a value, found %s", tok_text(p));
		return NULL;
	}
}

/*
 * A prefix operator (tok, making op) applied to what self parses, or
 * what operand parses: "-" over primaries, "not" over comparisons.
 */
static struct fl_expr *
parse_prefix(struct parser *p, enum tok tok, enum op op, struct fl_expr *(*self)(struct parser *),
    struct fl_expr *(*operand)(struct parser *))
{
	struct fl_expr *e;
	int col = p->col;

	if (p->tok != tok)
		return operand(p);
	if (++p->depth > FL_EXPR_MAX_DEPTH) {
		p->rc = error_at(p->err, col, "the expression is nested too deeply");
		return NULL;
	}
	if (!next(p) || (e = self(p)) == NULL)
		return NULL;
	p->depth--;
	return node(p, op, col, e, NULL);
}

static struct fl_expr *
parse_unary(struct parser *p)
{
	return parse_prefix(p, T_MINUS, OP_NEG, parse_unary, parse_primary);
}

/* A left-associative level: operand { op operand }. */
static struct fl_expr *
parse_level(struct parser *p, struct fl_expr *(*operand)(struct parser *),
    const enum tok *toks, const enum op *ops, size_t n, int once)
{
	struct fl_expr *l, *r;
	size_t k;

	if ((l = operand(p)) == NULL)
		return NULL;
	for (;;) {
		int col = p->col;

		for (k = 0; k < n; k++)
			if (p->tok == toks[k])
				break;
		if (k == n)
			return l;
		if (!next(p) || (r = operand(p)) == NULL ||
		    (l = node(p, ops[k], col, l, r)) == NULL)
			return NULL;
		if (once) {
			for (k = 0; k < n; k++)
				if (p->tok == toks[k]) {
					p->rc = error_at(p->err, p->col,
					    "comparisons do not chain: use 'and' (a < b and b < c)");
					return NULL;
				}
			return l;
		}
	}
}

static struct fl_expr *
parse_product(struct parser *p)
{
	static const enum tok t[] = { T_STAR, T_SLASH, T_PCT };
	static const enum op o[] = { OP_MUL, OP_DIV, OP_MOD };

	return parse_level(p, parse_unary, t, o, 3, 0);
}

static struct fl_expr *
parse_sum(struct parser *p)
{
	static const enum tok t[] = { T_PLUS, T_MINUS };
	static const enum op o[] = { OP_ADD, OP_SUB };

	return parse_level(p, parse_product, t, o, 2, 0);
}

static struct fl_expr *
parse_compare(struct parser *p)
{
	static const enum tok t[] = { T_EQ, T_NE, T_LT, T_LE, T_GT, T_GE };
	static const enum op o[] = { OP_EQ, OP_NE, OP_LT, OP_LE, OP_GT, OP_GE };

	return parse_level(p, parse_sum, t, o, 6, 1);
}

static struct fl_expr *
parse_not(struct parser *p)
{
	return parse_prefix(p, T_NOT, OP_NOT, parse_not, parse_compare);
}

static struct fl_expr *
parse_and(struct parser *p)
{
	static const enum tok t[] = { T_AND };
	static const enum op o[] = { OP_AND };

	return parse_level(p, parse_not, t, o, 1, 0);
}

static struct fl_expr *
parse_or(struct parser *p)
{
	static const enum tok t[] = { T_OR };
	static const enum op o[] = { OP_OR };

	return parse_level(p, parse_and, t, o, 1, 0);
}

int
fl_expr_parse(struct pt_arena *a, const char *text, struct fl_expr **out,
    struct fl_expr_error *err)
{
	struct parser p;
	struct fl_expr *e;
	size_t len;

	memset(err, 0, sizeof(*err));
	*out = NULL;
	if (text == NULL)
		return error_at(err, 0, "the expression is empty");
	len = strnlen(text, FL_EXPR_MAX_BYTES + 1);
	if (len > FL_EXPR_MAX_BYTES) {
		error_at(err, 0, "the expression is longer than %d bytes", FL_EXPR_MAX_BYTES);
		return PT_ELIMIT;
	}
	memset(&p, 0, sizeof(p));
	p.a = a;
	p.s = text;
	p.err = err;
	if (!next(&p))
		return p.rc;
	if (p.tok == T_END)
		return error_at(err, p.col, "the expression is empty");
	if ((e = parse_or(&p)) == NULL)
		return p.rc != PT_OK ? p.rc : PT_EINVAL;
	if (p.tok != T_END)
		return error_at(err, p.col, "unexpected %s after the expression", tok_text(&p));
	*out = e;
	return PT_OK;
}

int
fl_expr_name_valid(const char *name)
{
	size_t i, k;

	if (name == NULL || !name_start((unsigned char)name[0]))
		return PT_EINVAL;
	for (i = 1; name[i] != '\0'; i++)
		if (!name_char((unsigned char)name[i]) || i >= 64)
			return PT_EINVAL;
	for (k = 0; k < sizeof(keywords) / sizeof(*keywords); k++)
		if (strcmp(keywords[k].word, name) == 0)
			return PT_EINVAL;
	return PT_OK;
}

/* ---- evaluation ------------------------------------------------------- */

struct eval {
	const struct fl_scope *scope;
	struct pt_arena	*a;
	struct fl_expr_error *err;
};

static int
type_error(struct eval *ev, const struct fl_expr *e, const struct fl_value *l,
    const struct fl_value *r)
{
	if (r == NULL)
		return error_at(ev->err, e->column, "'%s' does not take a %s", op_text[e->op],
		    fl_type_names[l->type]);
	return error_at(ev->err, e->column, "'%s' does not take a %s and a %s", op_text[e->op],
	    fl_type_names[l->type], fl_type_names[r->type]);
}

static int eval(struct eval *, const struct fl_expr *, struct fl_value *);

static int
eval_bool(struct eval *ev, const struct fl_expr *e, const struct fl_expr *side, int *b)
{
	struct fl_value v;
	int rc;

	if ((rc = eval(ev, side, &v)) != PT_OK)
		return rc;
	if (v.type != FL_BOOLEAN)
		return type_error(ev, e, &v, NULL);
	*b = v.boolean;
	return PT_OK;
}

/* -1, 0, 1 for l against r of one orderable type. */
static int
order(const struct fl_value *l, const struct fl_value *r)
{
	int c;

	switch (l->type) {
	case FL_NUMBER:
		return (l->number > r->number) - (l->number < r->number);
	case FL_DATE:
		return (l->date > r->date) - (l->date < r->date);
	case FL_STRING:
		c = memcmp(l->string, r->string, l->len < r->len ? l->len : r->len);
		if (c != 0)
			return c < 0 ? -1 : 1;
		return (l->len > r->len) - (l->len < r->len);
	default:
		return 0;
	}
}

static int
equal(const struct fl_value *l, const struct fl_value *r)
{
	if (l->type == FL_NULL || r->type == FL_NULL)
		return l->type == r->type;
	if (l->type == FL_BOOLEAN)
		return l->boolean == r->boolean;
	return order(l, r) == 0;
}

static int
eval_binary(struct eval *ev, const struct fl_expr *e, struct fl_value *out)
{
	struct fl_value l, r;
	int rc;

	if ((rc = eval(ev, e->l, &l)) != PT_OK || (rc = eval(ev, e->r, &r)) != PT_OK)
		return rc;
	memset(out, 0, sizeof(*out));
	switch (e->op) {
	case OP_EQ:
	case OP_NE:
		if (l.type != r.type && l.type != FL_NULL && r.type != FL_NULL)
			return type_error(ev, e, &l, &r);
		out->type = FL_BOOLEAN;
		out->boolean = equal(&l, &r) == (e->op == OP_EQ);
		return PT_OK;
	case OP_LT:
	case OP_LE:
	case OP_GT:
	case OP_GE: {
		int c;

		if (l.type != r.type || (l.type != FL_NUMBER && l.type != FL_STRING &&
		    l.type != FL_DATE))
			return type_error(ev, e, &l, &r);
		c = order(&l, &r);
		out->type = FL_BOOLEAN;
		out->boolean = e->op == OP_LT ? c < 0 : e->op == OP_LE ? c <= 0 :
		    e->op == OP_GT ? c > 0 : c >= 0;
		return PT_OK;
	}
	case OP_ADD:
		if (l.type == FL_STRING && r.type == FL_STRING) {
			char *s;

			if (l.len + r.len > FL_EXPR_MAX_STRING)
				return error_at(ev->err, e->column, "the string would be longer than %d bytes",
				    FL_EXPR_MAX_STRING);
			if ((s = pt_arena_alloc(ev->a, l.len + r.len + 1)) == NULL)
				return PT_ENOMEM;
			memcpy(s, l.string, l.len);
			memcpy(s + l.len, r.string, r.len);
			s[l.len + r.len] = '\0';
			out->type = FL_STRING;
			out->string = s;
			out->len = l.len + r.len;
			return PT_OK;
		}
		/* FALLTHROUGH */
	default:
		if (l.type != FL_NUMBER || r.type != FL_NUMBER)
			return type_error(ev, e, &l, &r);
		out->type = FL_NUMBER;
		if ((e->op == OP_DIV || e->op == OP_MOD) && r.number == 0)
			return error_at(ev->err, e->column, "division by zero");
		out->number = e->op == OP_ADD ? l.number + r.number :
		    e->op == OP_SUB ? l.number - r.number :
		    e->op == OP_MUL ? l.number * r.number :
		    e->op == OP_DIV ? l.number / r.number : fmod(l.number, r.number);
		if (!isfinite(out->number))
			return error_at(ev->err, e->column, "the number is out of range");
		return PT_OK;
	}
}

static int
eval(struct eval *ev, const struct fl_expr *e, struct fl_value *out)
{
	int rc, b;

	switch (e->op) {
	case OP_LIT:
		*out = e->lit;
		return PT_OK;
	case OP_NOW:
		memset(out, 0, sizeof(*out));
		out->type = FL_DATE;
		out->date = ev->scope->now;
		return PT_OK;
	case OP_VAR:
		memset(out, 0, sizeof(*out));
		if (ev->scope->lookup == NULL ||
		    (rc = ev->scope->lookup(ev->scope->ctx, e->name, out)) == PT_ENOTFOUND) {
			memset(out, 0, sizeof(*out));
			out->type = FL_NULL;
			return PT_OK;
		}
		if (rc != PT_OK)
			return error_at(ev->err, e->column, "the variable %s cannot be read", e->name);
		if (out->type == FL_STRING && out->string == NULL)
			return error_at(ev->err, e->column, "the variable %s is broken", e->name);
		return PT_OK;
	case OP_NOT:
		if ((rc = eval_bool(ev, e, e->l, &b)) != PT_OK)
			return rc;
		memset(out, 0, sizeof(*out));
		out->type = FL_BOOLEAN;
		out->boolean = !b;
		return PT_OK;
	case OP_NEG:
		if ((rc = eval(ev, e->l, out)) != PT_OK)
			return rc;
		if (out->type != FL_NUMBER)
			return type_error(ev, e, out, NULL);
		out->number = -out->number;
		return PT_OK;
	case OP_AND:
	case OP_OR:
		/* Short-circuit: the right side is not evaluated when the left decides. */
		if ((rc = eval_bool(ev, e, e->l, &b)) != PT_OK)
			return rc;
		if (b == (e->op == OP_OR)) {
			memset(out, 0, sizeof(*out));
			out->type = FL_BOOLEAN;
			out->boolean = b;
			return PT_OK;
		}
		if ((rc = eval_bool(ev, e, e->r, &b)) != PT_OK)
			return rc;
		memset(out, 0, sizeof(*out));
		out->type = FL_BOOLEAN;
		out->boolean = b;
		return PT_OK;
	default:
		return eval_binary(ev, e, out);
	}
}

int
fl_expr_eval(const struct fl_expr *e, const struct fl_scope *scope, struct pt_arena *a,
    struct fl_value *out, struct fl_expr_error *err)
{
	struct eval ev = { scope, a, err };

	memset(err, 0, sizeof(*err));
	return eval(&ev, e, out);
}

int
fl_expr_test(const struct fl_expr *e, const struct fl_scope *scope, struct pt_arena *a,
    int *holds, struct fl_expr_error *err)
{
	struct fl_value v;
	int rc;

	if ((rc = fl_expr_eval(e, scope, a, &v, err)) != PT_OK)
		return rc;
	if (v.type != FL_BOOLEAN)
		return error_at(err, 1, "the condition gives a %s, not a boolean",
		    fl_type_names[v.type]);
	*holds = v.boolean;
	return PT_OK;
}
