/*
 * The expression language under random input for a bounded time
 * (EXPR_FUZZ_SECONDS, 5 by default; built with ASan/UBSan by script/test):
 * random bytes, random sequences of the language's tokens, and mutations
 * of valid expressions are parsed and, when they parse, evaluated.  The
 * test passes when nothing crashed, leaked (LeakSanitizer at exit) or
 * took longer than a second (an input that loops is killed by the alarm),
 * and every refusal said where.  The machine is shared, so the bound per
 * input is generous: a parse takes microseconds.
 * With -DEXPR_LIBFUZZER it is a libFuzzer target instead, for a longer
 * coverage-guided run (from a configured build/ directory):
 *   clang -fsanitize=fuzzer,address,undefined -DEXPR_LIBFUZZER \
 *     -I../cgi-bin-src/flowd -I../cgi-bin-src/lib $(xml2-config --cflags) \
 *     ../t/unit/expr-fuzz.c ../cgi-bin-src/flowd/expr.c ../cgi-bin-src/flowd/timer.c \
 *     cgi-bin-src/lib/libportico.a <the libraries of PT_LIBS> -lm -o expr-libfuzzer
 *   ./expr-libfuzzer -max_total_time=600
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "expr.h"
#include "model.h"
#include "tap.h"

static int
lookup(void *ctx, const char *name, struct fl_value *out)
{
	(void)ctx;
	memset(out, 0, sizeof(*out));
	switch (name[0] % 5) {
	case 0:
		out->type = FL_NUMBER;
		out->number = (double)(unsigned char)name[0];
		return PT_OK;
	case 1:
		out->type = FL_STRING;
		out->string = name;
		out->len = strlen(name);
		return PT_OK;
	case 2:
		out->type = FL_BOOLEAN;
		out->boolean = name[0] & 1;
		return PT_OK;
	case 3:
		out->type = FL_DATE;
		out->date = 1800000000;
		return PT_OK;
	default:
		return PT_ENOTFOUND;
	}
}

/* Parse and evaluate one input; 0 when a refusal did not say where or what. */
static int
one(struct pt_arena *a, const char *text, size_t len)
{
	struct fl_scope scope = { lookup, NULL, 1800000000 };
	struct fl_expr_error err;
	struct fl_expr *e;
	struct fl_value v;
	int rc;

	rc = fl_expr_parse(a, text, &e, &err);
	if (rc != PT_OK)
		return err.message[0] != '\0' && err.column >= 0 && (size_t)err.column <= len + 1;
	rc = fl_expr_eval(e, &scope, a, &v, &err);
	if (rc != PT_OK)
		return err.message[0] != '\0' && err.column >= 1 && (size_t)err.column <= len;
	return v.type < FL_TYPE__MAX;
}

#ifdef EXPR_LIBFUZZER
int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	struct pt_arena *a = pt_arena_new();
	char *s = malloc(size + 1);

	memcpy(s, data, size);
	s[size] = '\0';
	one(a, s, strlen(s));
	free(s);
	pt_arena_free(a);
	return 0;
}
#else

static const char *const tokens[] = {
	"1", "0", "42", "3.25", "'a'", "\"b c\"", "'\\n'", "'", "\"", "\\", "@2027-01-31",
	"@2027-01-31T08:00:00Z", "@", "@x", "true", "false", "null", "now", "total", "x",
	"approved", "_v", "(", ")", "((", "))", "and", "or", "not", "&&", "||", "!", "==", "!=",
	"<", "<=", ">", ">=", "=", "+", "-", "*", "/", "%", " ", "\t", "\n", ".", "$", "{",
	"}", "9999999999999999999999", "1e5", "\xff", "\xc3\xa4",
};

static const char *const seeds[] = {
	"total > 1000 and approved", "status == 'open' or not (due < now)",
	"(a + b) * 3 - c / 2 % 5", "'x' + name + \"y\"", "due >= @2027-01-31T00:00:00Z",
	"not not (x != null)", "-(-(1))", "a < b and b < c or d == 'e\\'f'",
};

static unsigned long long rng_state;

static unsigned
rnd(unsigned n)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return (unsigned)(rng_state % n);
}

int
main(void)
{
	const char *env = getenv("EXPR_FUZZ_SECONDS");
	double seconds = env != NULL ? atof(env) : 5.0;
	struct pt_arena *a = pt_arena_new();
	struct timespec start, now, t0, t1;
	static char buf[FL_EXPR_MAX_BYTES + 64];
	unsigned long runs = 0, bad = 0, slow = 0;
	double worst_ms = 0;

	/* An input that never ends its parse ends the test instead. */
	alarm((unsigned)seconds + 60);
	rng_state = (unsigned long long)time(NULL) * 2654435761ULL | 1;
	printf("# seed %llu, %.1f s\n", rng_state, seconds);
	clock_gettime(CLOCK_MONOTONIC, &start);
	do {
		size_t len = 0, n, i;
		unsigned mode = rnd(3);

		if (mode == 0) {
			/* Random bytes, NUL excluded (the parser takes C strings). */
			n = rnd(64);
			for (i = 0; i < n; i++)
				buf[len++] = (char)(1 + rnd(255));
		} else if (mode == 1) {
			n = rnd(rnd(8) == 0 ? 600 : 40);
			for (i = 0; i < n && len + 32 < sizeof(buf) - 1; i++) {
				const char *t = tokens[rnd(sizeof(tokens) / sizeof(*tokens))];

				memcpy(buf + len, t, strlen(t));
				len += strlen(t);
				if (rnd(2))
					buf[len++] = ' ';
			}
		} else {
			const char *s = seeds[rnd(sizeof(seeds) / sizeof(*seeds))];

			len = strlen(s);
			memcpy(buf, s, len);
			n = 1 + rnd(4);
			for (i = 0; i < n && len > 0; i++) {
				size_t at = rnd((unsigned)len);

				switch (rnd(3)) {
				case 0:	/* flip a byte */
					buf[at] = (char)(1 + rnd(255));
					break;
				case 1:	/* cut a byte out */
					memmove(buf + at, buf + at + 1, len - at - 1);
					len--;
					break;
				default:	/* repeat a stretch */
					if (len * 2 < sizeof(buf) - 1) {
						memcpy(buf + len, buf + at, len - at);
						len += len - at;
					}
				}
			}
		}
		buf[len] = '\0';
		clock_gettime(CLOCK_MONOTONIC, &t0);
		if (!one(a, buf, strlen(buf))) {
			if (bad++ < 5)
				printf("# no column or message for: %s\n", buf);
		}
		clock_gettime(CLOCK_MONOTONIC, &t1);
		{
			double ms = (t1.tv_sec - t0.tv_sec) * 1e3 + (t1.tv_nsec - t0.tv_nsec) / 1e6;

			if (ms > worst_ms)
				worst_ms = ms;
			if (ms > 1000 && slow++ < 5)
				printf("# %.1f ms for: %.200s\n", ms, buf);
		}
		pt_arena_reset(a);
		runs++;
		clock_gettime(CLOCK_MONOTONIC, &now);
	} while ((now.tv_sec - start.tv_sec) + (now.tv_nsec - start.tv_nsec) / 1e9 < seconds);
	printf("# %lu inputs, slowest %.2f ms\n", runs, worst_ms);
	ok(runs > 1000, "more than a thousand inputs were tried");
	is_int(bad, 0, "every refusal said where and what");
	is_int(slow, 0, "no input took longer than a second");
	pt_arena_free(a);
	return done_testing();
}
#endif
