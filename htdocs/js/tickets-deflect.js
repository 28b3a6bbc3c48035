/*
 * Knowledge base articles while a service's form is filled in
 * (xslt/tickets/deflect-live.xsl places #tk-deflect in the form).
 *
 * As the subject and description are typed (debounced), the kb worker's
 * /kb/suggest is asked for the best matches (as XML), a request that is
 * no longer current is aborted, and an answer that arrives late is
 * dropped.  The articles found are reported to the tickets worker (POST
 * /tickets/deflect/shown), which records the filing and answers its id:
 * the links then go through /tickets/deflect/<id>/open/<article>, which
 * records an opening in this tab or a new one, and the form carries the
 * id (field "deflection") so the ticket raised is tied to it.  The form
 * also says suggested=script, so its submit does not stop at the page of
 * articles that a form sent without this script gets.  A status line (a
 * polite live region) says how many articles there are whenever the list
 * changes.  Without the script, or when anything here fails, the form
 * works as it is.
 */
(function () {
	'use strict';

	var DEBOUNCE_MS = 400;
	var MIN_CHARS = 4;	/* typed before anything is looked up */
	var Q_MAX_CHARS = 200;	/* /kb/suggest takes at most this (PT_SEARCH_MAX_CHARS) */

	function setup() {
		var box = document.getElementById('tk-deflect');
		var form = box !== null ? box.closest('form') : null;
		var subject, description, csrf, list, section, status;
		var timer = null, pending = null, seq = 0, lastQ = '', filing = '';
		var shown = {}, recording = Promise.resolve();

		if (box === null || form === null || !window.fetch || !window.DOMParser ||
		    !window.AbortController)
			return;
		subject = form.querySelector('[name="subject"]');
		description = form.querySelector('[name="description"]');
		csrf = form.querySelector('[name="csrf"]');
		list = box.querySelector('.tk-deflect-list');
		section = box.querySelector('.tk-deflect-box');
		status = document.getElementById('tk-deflect-status');
		if (subject === null || description === null || csrf === null || list === null)
			return;

		hidden('suggested', 'script');

		/* A hidden field of the form, made or set. */
		function hidden(name, value) {
			var input = form.querySelector('input[type="hidden"][name="' + name + '"]');

			if (input === null) {
				input = document.createElement('input');
				input.type = 'hidden';
				input.name = name;
				form.appendChild(input);
			}
			input.value = value;
		}

		/* The text to look up: the subject first, at most Q_MAX_CHARS characters. */
		function query() {
			var q = (subject.value + ' ' + description.value).replace(/\s+/g, ' ').trim();

			return Array.from(q).slice(0, Q_MAX_CHARS).join('');
		}

		function text(key, count) {
			var t = box.getAttribute(count === 1 ? 'data-found-one' : 'data-found') || '';

			return t.replace('{count}', String(count));
		}

		/* The suggestions of /kb/suggest's XML: [{id, title, summary, href, lang}]. */
		function parse(xml) {
			var doc = new DOMParser().parseFromString(xml, 'application/xml');
			var nodes = doc.querySelectorAll('suggestions > suggestion');
			var out = [];

			nodes.forEach(function (n) {
				out.push({
					id: n.getAttribute('id'),
					title: n.getAttribute('title') || '',
					summary: n.getAttribute('summary') || '',
					href: n.getAttribute('href'),
					lang: n.getAttribute('lang') || ''
				});
			});
			return out;
		}

		/*
		 * Tell the tickets worker what is shown; resolves to the filing's
		 * id, or '' on failure.  One report at a time, each with the id the
		 * one before got, so a filing is made once; never aborted, so none
		 * is made without the page learning its id.
		 */
		function record(items) {
			var p = recording.then(function () { return send(items); });

			recording = p.catch(function () { return ''; });
			return p;
		}

		function send(items) {
			var body = new URLSearchParams();

			body.append('csrf', csrf.value);
			body.append('service', box.getAttribute('data-service') || '');
			if (filing !== '')
				body.append('deflection', filing);
			items.forEach(function (s) { body.append('article', s.id); });
			return fetch('/tickets/deflect/shown', {
				method: 'POST',
				body: body,
				credentials: 'same-origin',
				headers: { 'Accept': 'application/xml' }
			}).then(function (res) {
				return res.ok ? res.text() : '';
			}).then(function (xml) {
				var d, id;

				if (xml === '')
					return '';
				d = new DOMParser().parseFromString(xml, 'application/xml').querySelector('deflection');
				id = d !== null ? (d.getAttribute('id') || '') : '';
				if (id !== '') {
					filing = id;
					hidden('deflection', id);
					items.forEach(function (s) { shown[s.id] = true; });
				}
				return id;
			});
		}

		/* The form "my question is answered" posts: outside the ticket's form, which it may not nest in. */
		function answeredForm() {
			var f = document.getElementById('tk-deflect-answered-form'), token;

			if (f === null) {
				f = document.createElement('form');
				f.id = 'tk-deflect-answered-form';
				f.method = 'post';
				token = document.createElement('input');
				token.type = 'hidden';
				token.name = 'csrf';
				token.value = csrf.value;
				f.appendChild(token);
				form.parentNode.insertBefore(f, form.nextSibling);
			}
			f.action = '/tickets/deflect/' + filing + '/answered';
			return f;
		}

		/* "My question is answered", below the list, once the filing has its id. */
		function answeredButton(show) {
			var p = section.querySelector('.tk-deflect-answered'), button;

			if (p === null && show) {
				p = document.createElement('p');
				p.className = 'tk-deflect-answered';
				button = document.createElement('button');
				button.type = 'submit';
				button.className = 'btn btn-secondary';
				button.textContent = box.getAttribute('data-answered') || '';
				p.appendChild(button);
				list.parentNode.insertBefore(p, list.nextSibling);
			}
			if (p !== null) {
				p.hidden = !show;
				if (show)
					p.querySelector('button').setAttribute('form', answeredForm().id);
			}
		}

		function render(items) {
			var pageLang = document.documentElement.lang;

			list.textContent = '';
			items.forEach(function (s) {
				var li = document.createElement('li');
				var a = document.createElement('a');
				var p;

				a.href = filing !== '' ? '/tickets/deflect/' + filing + '/open/' + s.id : s.href;
				a.textContent = s.title;
				if (s.lang !== '' && s.lang !== pageLang)
					a.lang = s.lang;
				li.appendChild(a);
				if (s.summary !== '') {
					p = document.createElement('p');
					p.className = 'tk-deflect-summary';
					p.textContent = s.summary;
					if (s.lang !== '' && s.lang !== pageLang)
						p.lang = s.lang;
					li.appendChild(p);
				}
				list.appendChild(li);
			});
			answeredButton(filing !== '' && items.length > 0);
			section.hidden = items.length === 0;
			status.textContent = items.length > 0 ? text('found', items.length) : '';
		}

		function lookUp() {
			var q = query(), mine, controller;

			if (q === lastQ)
				return;
			lastQ = q;
			if (pending !== null)
				pending.abort();
			pending = null;
			if (Array.from(q).length < MIN_CHARS) {
				render([]);
				return;
			}
			controller = new AbortController();
			pending = controller;
			mine = ++seq;
			fetch('/kb/suggest?q=' + encodeURIComponent(q), {
				credentials: 'same-origin',
				headers: { 'Accept': 'application/xml' },
				signal: controller.signal
			}).then(function (res) {
				return res.ok ? res.text() : '';
			}).then(function (xml) {
				var items = xml !== '' ? parse(xml) : [];
				var fresh = items.filter(function (s) { return !shown[s.id]; });

				if (mine !== seq)
					return null;
				if (fresh.length === 0)
					return items;
				return record(fresh).then(function () { return items; });
			}).then(function (items) {
				if (items !== null && mine === seq)
					render(items);
			}).catch(function () {
				/* Aborted or offline: the form works without suggestions. */
			});
		}

		function typed() {
			if (timer !== null)
				clearTimeout(timer);
			timer = setTimeout(lookUp, DEBOUNCE_MS);
		}

		subject.addEventListener('input', typed);
		description.addEventListener('input', typed);
		/* Values the browser kept (back button) or a refused form brought back. */
		if (query() !== '')
			typed();
	}

	if (document.readyState === 'loading')
		document.addEventListener('DOMContentLoaded', setup);
	else
		setup();
}());
