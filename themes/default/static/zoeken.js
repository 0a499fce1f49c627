// Search in the browser, on the index built by werkplaats (zoekindex.js).
// Works from disk: the index is a script that sets a global, nothing is fetched.
// Keyboard: type in the field; arrow down moves to the results, arrow up/down
// through them, Escape back to the field, Enter opens a result.
(function () {
  'use strict';

  var data = window.werkplaatsZoekindex;
  var form = document.getElementById('zoekformulier');
  var input = document.getElementById('zoekveld');
  var status = document.getElementById('zoekstatus');
  var list = document.getElementById('zoekresultaten');
  if (!data || !form || !input || !status || !list || !window.elasticlunr) return;

  // The query must go through the pipeline the index was built with
  // (elasticlunr-rs): trim to Latin letters, drop stop words, stem. For a
  // Dutch site the page loads lunr-languages' Dutch functions (the "-du"
  // labels); English uses elasticlunr's built-in ones.
  var nl = window.lunr && window.lunr.nl;
  var edges = /^[^\p{Script=Latin}]+|[^\p{Script=Latin}]+$/gu;
  function trimmer(token) {
    var t = token.replace(edges, '');
    return t === '' ? undefined : t;
  }
  function register(fn, label) {
    if (!elasticlunr.Pipeline.getRegisteredFunction(label)) elasticlunr.Pipeline.registerFunction(fn, label);
  }
  register(trimmer, 'trimmer-du');
  if (nl) {
    register(nl.stopWordFilter, 'stopWordFilter-du');
    register(nl.stemmer, 'stemmer-du');
  }
  var index = elasticlunr.Index.load(data.index);
  var root = form.dataset.root || '';

  var fields = { titel: { boost: 3 }, tekst: { boost: 1 } };
  function search(q) {
    var hits = index.search(q, { fields: fields, bool: 'AND', expand: true });
    if (hits.length === 0) hits = index.search(q, { fields: fields, bool: 'OR', expand: true });
    return hits.slice(0, 30);
  }

  // The stems of the query, to find where a page mentions them.
  function stems(text) {
    return index.pipeline.run(elasticlunr.tokenizer(text));
  }

  // About 30 words around the first word that matches the query, matches marked.
  function snippet(text, queryStems) {
    var words = text.split(/\s+/);
    var hit = function (w) {
      var s = stems(w)[0];
      return s !== undefined && queryStems.some(function (q) { return s.indexOf(q) === 0; });
    };
    var first = -1;
    for (var i = 0; i < words.length && first < 0; i++) if (hit(words[i])) first = i;
    var start = Math.max(0, first - 10);
    var end = Math.min(words.length, start + 30);
    var p = document.createElement('p');
    p.className = 'fragment';
    if (start > 0) p.appendChild(document.createTextNode('… '));
    for (var k = start; k < end; k++) {
      if (hit(words[k])) {
        // Mark the word, not the punctuation around it.
        var parts = words[k].match(/^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}]*)$/u);
        var mark = document.createElement('mark');
        mark.textContent = parts[2];
        p.appendChild(document.createTextNode(parts[1]));
        p.appendChild(mark);
        p.appendChild(document.createTextNode(parts[3]));
      } else {
        p.appendChild(document.createTextNode(words[k]));
      }
      if (k < end - 1) p.appendChild(document.createTextNode(' '));
    }
    if (end < words.length) p.appendChild(document.createTextNode(' …'));
    return p;
  }

  function say(q, n) {
    if (!q) return form.dataset.leeg;
    var count = n === 0 ? form.dataset.geen : n === 1 ? form.dataset.een : n + ' ' + form.dataset.meer;
    return count + ' “' + q + '”';
  }

  function show(q) {
    list.textContent = '';
    var query = q.trim();
    var hits = query ? search(query) : [];
    var queryStems = stems(query);
    hits.forEach(function (h) {
      var doc = data.docs[Number(h.ref)];
      if (!doc) return;
      var li = document.createElement('li');
      var section = document.createElement('p');
      section.className = 'sectie';
      section.textContent = doc.sectie;
      var a = document.createElement('a');
      a.href = root + doc.href;
      a.textContent = doc.titel;
      var h2 = document.createElement('h2');
      h2.appendChild(a);
      li.appendChild(h2);
      li.appendChild(section);
      li.appendChild(snippet(doc.tekst, queryStems));
      list.appendChild(li);
    });
    status.textContent = say(query, hits.length);
    if (suggestion) suggest(query, hits.length);
  }

  // "Did you mean": for a query that finds nothing, the nearest words the
  // indexed pages themselves use (edit distance), so a typo such as
  // "leiderschp" leads to "leiderschap". Built once, on the first miss.
  var suggestion = document.getElementById('zoeksuggestie');
  var vocabulary = null;
  function words() {
    if (vocabulary) return vocabulary;
    var count = Object.create(null);
    data.docs.forEach(function (doc) {
      ((doc.titel + ' ' + doc.tekst).toLowerCase().match(/\p{L}{4,}/gu) || []).forEach(function (w) {
        count[w] = (count[w] || 0) + 1;
      });
    });
    vocabulary = count;
    return count;
  }
  function distance(a, b, limit) {
    if (Math.abs(a.length - b.length) > limit) return limit + 1;
    var prev = [];
    for (var j = 0; j <= b.length; j++) prev[j] = j;
    for (var i = 1; i <= a.length; i++) {
      var cur = [i], best = i;
      for (var k = 1; k <= b.length; k++) {
        cur[k] = Math.min(prev[k] + 1, cur[k - 1] + 1, prev[k - 1] + (a[i - 1] === b[k - 1] ? 0 : 1));
        if (cur[k] < best) best = cur[k];
      }
      if (best > limit) return limit + 1;
      prev = cur;
    }
    return prev[b.length];
  }
  // Each query word replaced by its nearest known word; null when no word changes.
  function correct(query) {
    var known = words(), changed = false;
    var out = query.toLowerCase().split(/\s+/).map(function (w) {
      if (w.length < 4 || known[w]) return w;
      var limit = w.length < 7 ? 1 : 2, best = null, bestD = limit + 1;
      Object.keys(known).forEach(function (k) {
        var d = distance(w, k, limit);
        if (d < bestD || (d === bestD && best && known[k] > known[best])) { best = k; bestD = d; }
      });
      if (best && bestD <= limit) { changed = true; return best; }
      return w;
    });
    return changed ? out.join(' ') : null;
  }
  function suggest(query, found) {
    suggestion.textContent = '';
    suggestion.hidden = true;
    var better = query && found === 0 ? correct(query) : null;
    if (!better || search(better).length === 0) return;
    var a = document.createElement('a');
    var url = new URL(window.location.href);
    url.searchParams.set('q', better);
    a.href = url.href;
    a.textContent = better;
    a.addEventListener('click', function (e) {
      e.preventDefault();
      input.value = better;
      show(better);
      try { window.history.replaceState(null, '', url.href); } catch (err) { /* file:// may refuse */ }
      input.focus();
    });
    suggestion.appendChild(document.createTextNode(form.dataset.bedoel + ' '));
    suggestion.appendChild(a);
    suggestion.appendChild(document.createTextNode('?'));
    suggestion.hidden = false;
  }

  function links() { return Array.prototype.slice.call(list.querySelectorAll('a')); }

  var timer = null;
  input.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      show(input.value);
      var url = new URL(window.location.href);
      url.searchParams.set('q', input.value);
      try { window.history.replaceState(null, '', url.href); } catch (e) { /* file:// may refuse */ }
    }, 120);
  });
  form.addEventListener('submit', function (e) {
    e.preventDefault();
    clearTimeout(timer);
    show(input.value);
    var first = links()[0];
    if (first) first.focus();
  });
  input.addEventListener('keydown', function (e) {
    if (e.key === 'ArrowDown') {
      var first = links()[0];
      if (first) { e.preventDefault(); first.focus(); }
    }
  });
  list.addEventListener('keydown', function (e) {
    var all = links();
    var i = all.indexOf(document.activeElement);
    if (i < 0) return;
    if (e.key === 'ArrowDown' && i < all.length - 1) { e.preventDefault(); all[i + 1].focus(); }
    else if (e.key === 'ArrowUp') { e.preventDefault(); (i > 0 ? all[i - 1] : input).focus(); }
    else if (e.key === 'Escape') { e.preventDefault(); input.focus(); }
  });

  var q = new URLSearchParams(window.location.search).get('q') || '';
  input.value = q;
  show(q);
  input.focus();
})();
