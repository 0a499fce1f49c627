// The method index: filter and sort the cards of an overview in the page.
// One script serves every overview that has one ("In gesprek",
// Procesontwerp, Praktijkvoorbeelden): the form says what each control
// filters on, the cards carry their facts as data attributes, so a new
// facet is template work only. No server: the filter state lives in the
// URL's hash (so it survives a reload and works from file://), and without
// JavaScript the page stays the plain list.
//
// A control's data-match says how it filters, on the card's data-<veld>
// (data-veld, default the control's name):
//   lijst   the card's '|'-separated values include the chosen one;
//   max     the card's number is at most the chosen one;
//   bereik  the chosen number lies between the card's data-min and data-max.
// The control named sorteer orders the cards: its option's data-sleutel
// (default its value) names a numeric data attribute, or "titel"; without
// either the page's own order is kept.
(function () {
  'use strict';

  var form = document.getElementById('methodefilter');
  var list = document.getElementById('methodes');
  var status = document.getElementById('methodeaantal');
  if (!form || !list || !status) return;
  var cards = Array.prototype.slice.call(list.children);
  var controls = Array.prototype.filter.call(form.elements, function (c) { return c.name; });
  var lang = document.documentElement.lang;

  function state() {
    var s = {};
    controls.forEach(function (c) { s[c.name] = c.value; });
    return s;
  }

  function accepts(control, card, value) {
    var d = card.dataset;
    var own = d[control.dataset.veld || control.name] || '';
    switch (control.dataset.match) {
      case 'lijst': return own.split('|').indexOf(value) >= 0;
      case 'max': return Number(own) <= Number(value);
      case 'bereik': return Number(d.min) <= Number(value) && Number(value) <= Number(d.max);
      default: return true;
    }
  }

  function matches(card, s) {
    return controls.every(function (c) { return !s[c.name] || accepts(c, card, s[c.name]); });
  }

  function sortKey() {
    var sort = form.elements.sorteer;
    var option = sort && sort.options[sort.selectedIndex];
    return option ? option.dataset.sleutel || option.value : '';
  }

  function order() {
    var key = sortKey();
    return cards.slice().sort(function (a, b) {
      if (key === 'titel') return a.dataset.titel.localeCompare(b.dataset.titel, lang);
      var by = key ? Number(a.dataset[key]) - Number(b.dataset[key]) : 0;
      return by || cards.indexOf(a) - cards.indexOf(b);
    });
  }

  function apply() {
    var s = state(), shown = 0;
    order().forEach(function (card) {
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
    controls.forEach(function (c) { if (s[c.name]) params.set(c.name, s[c.name]); });
    var hash = params.toString();
    try { window.history.replaceState(null, '', hash ? '#' + hash : window.location.pathname + window.location.search); }
    catch (e) { window.location.hash = hash; }
  }

  function load() {
    var params = new URLSearchParams(window.location.hash.slice(1));
    controls.forEach(function (c) { c.value = params.get(c.name) || ''; });
  }

  form.hidden = false;
  form.addEventListener('input', function () { apply(); save(); });
  form.addEventListener('change', function () { apply(); save(); });
  form.addEventListener('submit', function (e) { e.preventDefault(); });
  window.addEventListener('hashchange', function () { load(); apply(); });
  load();
  apply();
})();
