/*
 * Which text of several to show.  Articles, FAQ entries and topics have a
 * text per language; the page shows the one in the reader's language, else
 * the English one, else the first.  Statements return every text (plain
 * joins, one row each, rows of one object adjacent and ordered by
 * language) and the choice is made here, which costs MariaDB far less
 * than a correlated subquery per row.
 */
#include <string.h>

#include "kb.h"

size_t
kb_pick_text(const struct pt_rows *rows, size_t first, size_t end, size_t col, const char *lang)
{
	size_t r, en = end;

	for (r = first; r < end; r++) {
		const char *l = pt_cell(rows, r, col);

		if (l == NULL)
			continue;
		if (lang != NULL && strcmp(l, lang) == 0)
			return r;
		if (en == end && strcmp(l, "en") == 0)
			en = r;
	}
	return en != end ? en : first;
}

size_t
kb_same_run(const struct pt_rows *rows, size_t first, size_t col)
{
	size_t end = first + 1;
	const char *v = pt_cell(rows, first, col);

	while (end < rows->nrows && v != NULL && pt_cell(rows, end, col) != NULL &&
	    strcmp(pt_cell(rows, end, col), v) == 0)
		end++;
	return end;
}
