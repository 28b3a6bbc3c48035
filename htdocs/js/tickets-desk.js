/*
 * The agent desk's progressive script (xslt/tickets/ticket-desk.xsl,
 * desk.xsl).  Every page works without it:
 *
 *   - canned responses: "Insert" posts the reply form and the page comes
 *     back with the text added; here the chosen response's text (the
 *     option's data-body, its placeholders filled by the server) goes
 *     into the reply at once, where the cursor is;
 *   - who else has the ticket open: the notice is part of the page; here
 *     it is asked for again every 30 seconds (which also tells the others
 *     that this agent still has it open);
 *   - the desk's table: "select all" ticks every ticket of the page.
 */
(function () {
	'use strict';

	function insertCanned(select, body) {
		var option = select.options[select.selectedIndex];
		var text = option ? option.getAttribute('data-body') : null;
		var start, end, before, after, glue;

		if (!text)
			return false;
		start = body.selectionStart;
		end = body.selectionEnd;
		if (typeof start !== 'number' || document.activeElement !== body) {
			start = end = body.value.length;
		}
		before = body.value.slice(0, start);
		after = body.value.slice(end);
		glue = before === '' || /\n\n$/.test(before) ? '' : (/\n$/.test(before) ? '\n' : '\n\n');
		body.value = before + glue + text + after;
		body.focus();
		body.setSelectionRange(before.length + glue.length + text.length,
		    before.length + glue.length + text.length);
		return true;
	}

	function canned() {
		var select = document.getElementById('canned');
		var body = document.getElementById('body');
		var button;

		if (select === null || body === null || select.form === null)
			return;
		button = select.form.querySelector('button[name="insert"]');
		if (button === null)
			return;
		button.addEventListener('click', function (ev) {
			if (insertCanned(select, body))
				ev.preventDefault();
		});
	}

	function viewers() {
		var box = document.querySelector('.tk-viewers[data-href]');

		if (box === null || typeof fetch !== 'function' || typeof DOMParser !== 'function')
			return;
		window.setInterval(function () {
			if (document.hidden)
				return;
			fetch(box.getAttribute('data-href'), { credentials: 'same-origin' })
			    .then(function (res) { return res.ok ? res.text() : null; })
			    .then(function (html) {
				var doc, fresh;

				if (html === null)
					return;
				doc = new DOMParser().parseFromString(html, 'text/html');
				fresh = doc.querySelector('.tk-viewers');
				if (fresh !== null)
					box.replaceChildren.apply(box, Array.prototype.slice.call(fresh.childNodes));
			    })
			    .catch(function () { /* the next turn tries again */ });
		}, 30000);
	}

	function selectAll() {
		var all = document.getElementById('select-all');
		var boxes;

		if (all === null)
			return;
		boxes = document.querySelectorAll('input[name="ticket"][type="checkbox"]');
		all.hidden = false;
		all.addEventListener('change', function () {
			Array.prototype.forEach.call(boxes, function (b) { b.checked = all.checked; });
		});
	}

	function init() {
		canned();
		viewers();
		selectAll();
	}

	if (document.readyState === 'loading')
		document.addEventListener('DOMContentLoaded', init);
	else
		init();
}());
