/*
 * Money arithmetic: integer minor units of one currency, never floating
 * point.  An order line is quantity x unit price (net), its tax is the
 * net at the line's rate rounded to the minor unit once, on the line, and
 * its gross is net plus tax; an order's totals are the sums of its lines,
 * so the totals always add up to what the lines show.  Tax is rounded half
 * away from zero (commercial rounding: 0.5 of a minor unit goes up, -0.5
 * down), which a credit note's negative amounts mirror exactly.
 *
 * Every amount stays within PT_MONEY_MAX_MINOR, far inside a long long, so
 * sums of many lines cannot overflow unnoticed; the product of an amount
 * and a rate is formed in 128 bits.
 */
#include <stdio.h>
#include <string.h>

#include "portico.h"

static int
in_range(long long v)
{
	return v >= -PT_MONEY_MAX_MINOR && v <= PT_MONEY_MAX_MINOR;
}

int
pt_money_tax(long long net_minor, int rate_bp, long long *tax_minor)
{
	__int128 p;
	long long q, r;

	*tax_minor = 0;
	if (rate_bp < 0 || rate_bp > PT_TAX_RATE_MAX_BP)
		return PT_EINVAL;
	if (!in_range(net_minor))
		return PT_ELIMIT;
	p = (__int128)net_minor * rate_bp;
	q = (long long)(p / 10000);
	r = (long long)(p % 10000);	/* takes the sign of p */
	if (r >= 5000)
		q++;
	else if (r <= -5000)
		q--;
	*tax_minor = q;
	return PT_OK;
}

int
pt_money_line(long long unit_minor, long long quantity, int rate_bp, struct pt_money *line)
{
	long long net, tax;
	int rc;

	line->net_minor = line->tax_minor = line->gross_minor = 0;
	if (quantity < 0 || rate_bp < 0 || rate_bp > PT_TAX_RATE_MAX_BP)
		return PT_EINVAL;
	if (!in_range(unit_minor) || __builtin_mul_overflow(unit_minor, quantity, &net) ||
	    !in_range(net))
		return PT_ELIMIT;
	if ((rc = pt_money_tax(net, rate_bp, &tax)) != PT_OK)
		return rc;
	if (!in_range(net + tax))
		return PT_ELIMIT;
	line->net_minor = net;
	line->tax_minor = tax;
	line->gross_minor = net + tax;
	return PT_OK;
}

int
pt_money_add(struct pt_money *total, const struct pt_money *line)
{
	struct pt_money t;

	t.net_minor = total->net_minor + line->net_minor;
	t.tax_minor = total->tax_minor + line->tax_minor;
	t.gross_minor = total->gross_minor + line->gross_minor;
	if (!in_range(total->net_minor) || !in_range(total->tax_minor) ||
	    !in_range(total->gross_minor) || !in_range(line->net_minor) ||
	    !in_range(line->tax_minor) || !in_range(line->gross_minor) ||
	    !in_range(t.net_minor) || !in_range(t.tax_minor) || !in_range(t.gross_minor))
		return PT_ELIMIT;
	*total = t;
	return PT_OK;
}

void
pt_money_text(long long minor, char out[PT_MONEY_TEXT_MAX])
{
	unsigned long long a = minor < 0 ? 0ULL - (unsigned long long)minor : (unsigned long long)minor;

	snprintf(out, PT_MONEY_TEXT_MAX, "%s%llu.%02llu", minor < 0 ? "-" : "", a / 100, a % 100);
}

void
pt_money_shown(long long minor, const char *currency, const char *lang,
    char out[PT_MONEY_SHOWN_MAX])
{
	unsigned long long a = minor < 0 ? 0ULL - (unsigned long long)minor : (unsigned long long)minor;
	unsigned long long major = a / 100;
	int de = lang != NULL && strcmp(lang, "de") == 0;
	char digits[24], grouped[40];
	size_t n, i, j = 0;

	n = (size_t)snprintf(digits, sizeof(digits), "%llu", major);
	for (i = 0; i < n; i++) {
		if (i > 0 && (n - i) % 3 == 0)
			grouped[j++] = de ? '.' : ',';
		grouped[j++] = digits[i];
	}
	grouped[j] = '\0';
	/* U+00A0 NO-BREAK SPACE between the amount and its currency. */
	snprintf(out, PT_MONEY_SHOWN_MAX, "%s%s%c%02llu\xc2\xa0%s", minor < 0 ? "-" : "", grouped,
	    de ? ',' : '.', a % 100, currency != NULL ? currency : "");
}
