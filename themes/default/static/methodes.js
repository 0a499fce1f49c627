// The method index: filter and sort the cards of an overview in the page.
// No server: the cards carry their facts as data attributes, the filter
// state lives in the URL's hash (so it survives a reload and works from
// file://), and without JavaScript the page stays the plain list.
(function () {
  'use strict';

  var form = document.getElementById('methodefilter');
  var list = document.getElementById('methodes');
  var status = document.getElementById('methodeaantal');
  if (!form || !list || !status) return;
  var cards = Array.prototype.slice.call(list.children);
  var fields = ['element', 'werkvorm', 'duur', 'groep', 'sorteer'];

  function state() {
    var s = {};
    fields.forEach(function (f) { s[f] = form.elements[f].value; });
    return s;
  }

  function matches(card, s) {
    var d = card.dataset;
    if (s.element && d.elementen.split(' ').indexOf(s.element) < 0) return false;
    if (s.werkvorm && d.werkvormen.split('|').indexOf(s.werkvorm) < 0) return false;
    if (s.duur && Number(d.duur) > Number(s.duur)) return false;
    if (s.groep && (Number(s.groep) < Number(d.min) || Number(s.groep) > Number(d.max))) return false;
    return true;
  }

  function order(s) {
    var key = s.sorteer;
    return cards.slice().sort(function (a, b) {
      var by = key === 'duur' ? Number(a.dataset.duur) - Number(b.dataset.duur)
        : key === 'groep' ? Number(a.dataset.min) - Number(b.dataset.min) : 0;
      return by || a.dataset.titel.localeCompare(b.dataset.titel, document.documentElement.lang);
    });
  }

  function apply() {
    var s = state(), shown = 0;
    order(s).forEach(function (card) {
      var on = matches(card, s);
      card.hidden = !on;
      if (on) shown++;
      list.appendChild(card);
    });
    status.textContent = form.dataset.aantal.replace('{aantal}', shown).replace('{totaal}', cards.length);
  }

  // The hash holds only the fields that are set, e.g. #element=LOS&duur=45.
  function save() {
    var params = new URLSearchParams();
    var s = state();
    fields.forEach(function (f) { if (s[f]) params.set(f, s[f]); });
    var hash = params.toString();
    try { window.history.replaceState(null, '', hash ? '#' + hash : window.location.pathname + window.location.search); }
    catch (e) { window.location.hash = hash; }
  }

  function load() {
    var params = new URLSearchParams(window.location.hash.slice(1));
    fields.forEach(function (f) { form.elements[f].value = params.get(f) || ''; });
  }

  form.hidden = false;
  form.addEventListener('input', function () { apply(); save(); });
  form.addEventListener('change', function () { apply(); save(); });
  form.addEventListener('submit', function (e) { e.preventDefault(); });
  window.addEventListener('hashchange', function () { load(); apply(); });
  load();
  apply();
})();
