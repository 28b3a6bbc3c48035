/*
 * The knowledge base article form, with JavaScript: a live preview beside
 * the body and title suggestions for the related articles.  Without it
 * the form has a Preview and a Find button that do the same on the server.
 *
 * The preview is what the server makes of the body (POST
 * /kb/editor/preview, the same rendering and sanitiser as a save), never
 * a rendering of its own, so what the editor sees is what is stored.
 * Server answers are parsed with DOMParser and moved in as nodes; text
 * typed by the editor only ever becomes textContent or a form value.
 * Loaded from the page's <head> (no inline script: the CSP is
 * default-src 'self').
 */
(function () {
  'use strict';

  var PREVIEW_DELAY_MS = 400;
  var SUGGEST_DELAY_MS = 250;

  var form = document.querySelector('form.kb-form');
  if (!form || !window.fetch || !window.DOMParser || !window.FormData) {
    return;
  }
  var csrfInput = form.querySelector('input[name="csrf"]');
  var csrf = csrfInput ? csrfInput.value : '';

  /* The children of the first element matching selector in an HTML answer. */
  function fragment(html, selector) {
    var doc = new DOMParser().parseFromString(html, 'text/html');
    var root = doc.querySelector(selector);
    var nodes = [];
    if (root) {
      root.childNodes.forEach(function (n) { nodes.push(document.importNode(n, true)); });
    }
    return { root: root, nodes: nodes };
  }

  function debounce(fn, ms) {
    var timer = null;
    return function () {
      clearTimeout(timer);
      timer = setTimeout(fn, ms);
    };
  }

  /* ---- live preview ---- */

  function livePreview() {
    var live = document.getElementById('kb-live');
    var body = document.getElementById('body');
    var format = document.getElementById('format');
    if (!live || !body) {
      return;
    }
    var target = live.querySelector('.kb-live-body');
    var status = document.getElementById('kb-live-status');
    var seq = 0;

    function update() {
      var n = ++seq;
      var data = new FormData();
      data.append('csrf', csrf);
      data.append('format', format ? format.value : 'markdown');
      data.append('body', body.value);
      fetch(live.getAttribute('data-preview'), {
        method: 'POST', body: data, credentials: 'same-origin'
      }).then(function (res) {
        if (!res.ok && res.status !== 422) {
          throw new Error('status ' + res.status);
        }
        return res.text();
      }).then(function (html) {
        if (n !== seq) {
          return;	/* a newer request is on its way */
        }
        var f = fragment(html, '.kb-live-fragment');
        if (!f.root) {
          throw new Error('no fragment');
        }
        target.replaceChildren.apply(target, f.nodes);
        status.textContent = '';
        live.setAttribute('data-state', 'ok');
      }).catch(function () {
        if (n === seq) {
          status.textContent = live.getAttribute('data-failed');
          live.setAttribute('data-state', 'failed');
        }
      });
    }

    live.hidden = false;
    live.parentNode.classList.add('kb-live-on');
    body.addEventListener('input', debounce(update, PREVIEW_DELAY_MS));
    if (format) {
      format.addEventListener('change', update);
    }
    update();
  }

  /* ---- related articles: suggestions as one types ---- */

  function relatedSuggestions() {
    var q = document.getElementById('related_q');
    var list = document.getElementById('related-suggestions');
    var chosen = document.getElementById('related-chosen');
    if (!q || !list || !chosen) {
      return;
    }
    var seq = 0;

    function isChosen(id) {
      var boxes = form.querySelectorAll('input[name="related"]');
      for (var i = 0; i < boxes.length; i++) {
        if (boxes[i].value === id && boxes[i].checked) {
          return true;
        }
      }
      return false;
    }

    function label(li) {
      var l = document.createDocumentFragment();
      l.appendChild(document.createTextNode(li.textContent.trim()));
      var st = li.getAttribute('data-status');
      if (st && st !== 'published') {
        var badge = document.createElement('span');
        badge.className = 'status-badge kb-status-' + st;
        badge.textContent = li.getAttribute('data-status-label');
        l.appendChild(document.createTextNode(' '));
        l.appendChild(badge);
      }
      return l;
    }

    function choose(li) {
      var id = li.getAttribute('data-id');
      var existing = document.getElementById('related-' + id);
      if (existing) {
        existing.checked = true;
        existing.closest('li') && chosen.appendChild(existing.closest('li'));
      } else {
        var item = document.createElement('li');
        var box = document.createElement('input');
        box.type = 'checkbox';
        box.name = 'related';
        box.value = id;
        box.id = 'related-' + id;
        box.checked = true;
        var lab = document.createElement('label');
        lab.htmlFor = box.id;
        lab.appendChild(label(li));
        item.appendChild(box);
        item.appendChild(document.createTextNode(' '));
        item.appendChild(lab);
        chosen.appendChild(item);
      }
    }

    function show(items) {
      list.replaceChildren();
      items.forEach(function (li) {
        if (!li.getAttribute('data-id') || isChosen(li.getAttribute('data-id'))) {
          return;
        }
        var item = document.createElement('li');
        var b = document.createElement('button');
        b.type = 'button';
        b.className = 'kb-suggestion';
        var add = document.createElement('span');
        add.className = 'kb-suggestion-add';
        add.textContent = list.getAttribute('data-add') + ': ';
        b.appendChild(add);
        b.appendChild(label(li));
        b.addEventListener('click', function () {
          choose(li);
          item.remove();
          if (!list.children.length) {
            list.hidden = true;
          }
          q.focus();
        });
        item.appendChild(b);
        list.appendChild(item);
      });
      list.hidden = list.children.length === 0;
    }

    function suggest() {
      var v = q.value.trim();
      var n = ++seq;
      if (v.length < 2) {
        show([]);
        return;
      }
      var url = q.getAttribute('data-titles') + '?q=' + encodeURIComponent(v) +
        (q.getAttribute('data-exclude') ? '&exclude=' + encodeURIComponent(q.getAttribute('data-exclude')) : '');
      fetch(url, { credentials: 'same-origin' }).then(function (res) {
        if (!res.ok) {
          throw new Error('status ' + res.status);
        }
        return res.text();
      }).then(function (html) {
        if (n !== seq) {
          return;
        }
        var doc = new DOMParser().parseFromString(html, 'text/html');
        show(Array.prototype.slice.call(doc.querySelectorAll('.kb-titles li')));
      }).catch(function () {
        if (n === seq) {
          show([]);
        }
      });
    }

    q.addEventListener('input', debounce(suggest, SUGGEST_DELAY_MS));
    q.addEventListener('keydown', function (e) {
      if (e.key === 'Escape') {
        show([]);
      } else if (e.key === 'Enter') {
        /* Enter in the search finds, as its button does (the form's default is Preview). */
        var find = form.querySelector('button[name="action"][value="find"]');
        if (find) {
          e.preventDefault();
          find.click();
        }
      }
    });
  }

  livePreview();
  relatedSuggestions();
}());
