/*
 * Money arithmetic (money.c): a table of order lines (unit price,
 * quantity, tax rate) with the net, tax and gross each must give, tax
 * rounded per line half away from zero; totals as sums of rounded lines;
 * the bounds; and amounts as text.
 */
#include <stdio.h>

#include "portico.h"
#include "tap.h"

static const struct {
	const char	*what;
	long long	 unit, qty;
	int		 rate_bp;
	long long	 net, tax, gross;
} lines[] = {
	{ "19 % of 100.00", 10000, 1, 1900, 10000, 1900, 11900 },
	{ "20 % of 12.34 x 3", 1234, 3, 2000, 3702, 740, 4442 },		/* 740.4 */
	{ "19 % of 0.05: 0.0095 rounds to 0.01", 5, 1, 1900, 5, 1, 6 },
	{ "19 % of 0.02: 0.0038 rounds to 0.00", 2, 1, 1900, 2, 0, 2 },
	{ "half a cent goes up: 10 % of 0.05", 5, 1, 1000, 5, 1, 6 },		/* 0.5 */
	{ "just under half stays: 10 % of 0.04", 4, 1, 1000, 4, 0, 4 },	/* 0.4 */
	{ "8.1 % (Swiss) of 99.95", 9995, 1, 810, 9995, 810, 10805 },		/* 809.595 */
	{ "8.1 % of 12.50 x 7", 1250, 7, 810, 8750, 709, 9459 },		/* 708.75 */
	{ "2.6 % of 3.85 x 3", 385, 3, 260, 1155, 30, 1185 },			/* 30.03 */
	{ "7 % of 1.07 x 5", 107, 5, 700, 535, 37, 572 },			/* 37.45 */
	{ "5 % of 0.10 x 1", 10, 1, 500, 10, 1, 11 },				/* 0.5 */
	{ "zero rate", 65060, 4, 0, 260240, 0, 260240 },
	{ "100 %", 1999, 2, 10000, 3998, 3998, 7996 },
	{ "quantity 0 is nothing", 12345, 0, 1900, 0, 0, 0 },
	{ "a free line", 0, 10, 1900, 0, 0, 0 },
	{ "a large line: 99 999 x 1 000 000.00", 100000000, 99999, 2000,
	  9999900000000, 1999980000000, 11999880000000 },
	{ "a credit: -0.05 at 10 % rounds away from zero", -5, 1, 1000, -5, -1, -6 },
	{ "a credit: -12.34 x 3 at 20 %", -1234, 3, 2000, -3702, -740, -4442 },
};

int
main(void)
{
	struct pt_money line, total = { 0, 0, 0 }, big;
	char name[200], text[PT_MONEY_TEXT_MAX];
	long long tax;
	size_t i;

	for (i = 0; i < sizeof(lines) / sizeof(lines[0]); i++) {
		int rc = pt_money_line(lines[i].unit, lines[i].qty, lines[i].rate_bp, &line);

		snprintf(name, sizeof(name), "%s: net %lld, tax %lld, gross %lld", lines[i].what,
		    lines[i].net, lines[i].tax, lines[i].gross);
		ok(rc == PT_OK && line.net_minor == lines[i].net && line.tax_minor == lines[i].tax &&
		    line.gross_minor == lines[i].gross, name);
		if (rc != PT_OK || line.net_minor != lines[i].net || line.tax_minor != lines[i].tax)
			printf("#   rc %d, got %lld / %lld / %lld\n", rc, line.net_minor,
			    line.tax_minor, line.gross_minor);
	}

	/* Rounded per line, then summed: three lines of 0.05 at 10 % are 0.03 of tax, not 0.02. */
	for (i = 0; i < 3; i++) {
		pt_money_line(5, 1, 1000, &line);
		is_int(pt_money_add(&total, &line), PT_OK, "a line adds");
	}
	ok(total.net_minor == 15 && total.tax_minor == 3 && total.gross_minor == 18,
	    "totals are the sums of the rounded lines (0.15 + 0.03 = 0.18)");
	pt_money_tax(15, 1000, &tax);
	is_int(tax, 2, "... where the tax of the summed net would be 0.02");

	/* Lines of different rates keep their own tax. */
	total = (struct pt_money){ 0, 0, 0 };
	pt_money_line(10000, 1, 1900, &line);
	pt_money_add(&total, &line);
	pt_money_line(10000, 1, 700, &line);
	pt_money_add(&total, &line);
	ok(total.net_minor == 20000 && total.tax_minor == 2600 && total.gross_minor == 22600,
	    "19 % and 7 % lines: 200.00 + 26.00 = 226.00");

	/* Bounds. */
	is_int(pt_money_line(100, -1, 1900, &line), PT_EINVAL, "a negative quantity is refused");
	is_int(pt_money_line(100, 1, -1, &line), PT_EINVAL, "a negative rate is refused");
	is_int(pt_money_line(100, 1, 10001, &line), PT_EINVAL, "a rate over 100 % is refused");
	ok(line.net_minor == 0 && line.tax_minor == 0 && line.gross_minor == 0,
	    "a refused line is all zero");
	is_int(pt_money_line(PT_MONEY_MAX_MINOR, 2, 0, &line), PT_ELIMIT,
	    "a net past the maximum is refused");
	is_int(pt_money_line(PT_MONEY_MAX_MINOR, 100, 0, &line), PT_ELIMIT,
	    "a product past 64 bits is refused, not wrapped");
	is_int(pt_money_line(PT_MONEY_MAX_MINOR / 2, 1, 10000, &line), PT_OK,
	    "half the maximum at 100 % reaches the maximum exactly");
	is_int(pt_money_line(PT_MONEY_MAX_MINOR / 2 + 1, 1, 10000, &line), PT_ELIMIT,
	    "... one more minor unit is refused");
	is_int(pt_money_tax(PT_MONEY_MAX_MINOR, 10000, &tax), PT_OK,
	    "the tax of the maximum needs 128 bits and has them");
	is_int(tax, PT_MONEY_MAX_MINOR, "... and is right");
	big = (struct pt_money){ PT_MONEY_MAX_MINOR, 0, PT_MONEY_MAX_MINOR };
	line = (struct pt_money){ 1, 0, 1 };
	is_int(pt_money_add(&big, &line), PT_ELIMIT, "a sum past the maximum is refused");
	is_int(big.net_minor, PT_MONEY_MAX_MINOR, "... and the total is unchanged");

	/* As text. */
	pt_money_text(0, text);
	is_str(text, "0.00", "0 is 0.00");
	pt_money_text(5, text);
	is_str(text, "0.05", "5 is 0.05");
	pt_money_text(123456, text);
	is_str(text, "1234.56", "123456 is 1234.56");
	pt_money_text(-1205, text);
	is_str(text, "-12.05", "-1205 is -12.05");
	pt_money_text(-5, text);
	is_str(text, "-0.05", "-5 is -0.05");
	pt_money_text(PT_MONEY_MAX_MINOR, text);
	is_str(text, "1000000000000000.00", "the maximum");
	/* As a reader writes it (the PDF's amounts, as the pages' or-money). */
	{
		char shown[PT_MONEY_SHOWN_MAX];

		pt_money_shown(1234567, "EUR", "en", shown);
		is_str(shown, "12,345.67\xc2\xa0" "EUR", "English groups thousands with commas");
		pt_money_shown(1234567, "EUR", "de", shown);
		is_str(shown, "12.345,67\xc2\xa0" "EUR", "German with points and a decimal comma");
		pt_money_shown(5, "GBP", "en", shown);
		is_str(shown, "0.05\xc2\xa0" "GBP", "a few pence");
		pt_money_shown(-100000, "CHF", "de", shown);
		is_str(shown, "-1.000,00\xc2\xa0" "CHF", "a credit note's negative thousand");
		pt_money_shown(99999, "EUR", "en", shown);
		is_str(shown, "999.99\xc2\xa0" "EUR", "no separator below a thousand");
		pt_money_shown(PT_MONEY_MAX_MINOR, "EUR", "en", shown);
		is_str(shown, "1,000,000,000,000,000.00\xc2\xa0" "EUR", "the maximum fits");
	}
	return done_testing();
}
