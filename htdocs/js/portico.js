/*
 * Portico's progressive script: the pages work without it; it only makes
 * them easier to use.  Loaded with defer on every page (no inline script:
 * the Content-Security-Policy is default-src 'self').
 *
 * After a form was sent with mistakes, the page comes back with an error
 * summary (layout.xsl pt-messages): move the focus there, so keyboard and
 * screen reader users land on what went wrong and its links to the fields.
 */
(function () {
	'use strict';

	function focusErrorSummary() {
		var summary = document.querySelector('.error-summary');

		if (summary !== null)
			summary.focus();
	}

	if (document.readyState === 'loading')
		document.addEventListener('DOMContentLoaded', focusErrorSummary);
	else
		focusErrorSummary();
}());
