/* The session planner page: a plan of blocks (prompts, checklists, free blocks)
   with durations and a running clock. The plan lives in the URL fragment (so a
   link or bookmark brings it back, also from disk) and in localStorage. The
   print section (agenda, worksheets, element cards) is kept in step with the
   plan, so printing in any way gives the same pages.

   The page is rendered by the build; data.js (window.WERKPLAATS_PLANNER) adds
   the catalogue and UI strings, tools-lib.js (window.WerkplaatsTools) the plan's
   encoding and clock arithmetic. Text is only ever set with textContent. */
(function () {
  'use strict';
  const D = window.WERKPLAATS_PLANNER;
  const L = window.WerkplaatsTools;
  const list = document.getElementById('plan-lijst');
  if (!D || !L || !list || !window.WerkplaatsPakket) return;

  const $ = (id) => document.getElementById(id);
  const t = (key, values) => L.fill(D.t[key] || key, values);
  const catalogue = {
    gesprek: Object.fromEntries(D.gesprekken.map((g) => [g.slug, g])),
    checklist: Object.fromEntries(D.checklists.map((c) => [c.slug, c])),
  };
  const known = { gesprek: Object.keys(catalogue.gesprek), checklist: Object.keys(catalogue.checklist) };
  const free = Object.fromEntries(D.vrij.map((b) => [b.soort, b]));
  const elementByCode = Object.fromEntries(D.elementen.map((e) => [e.code, e]));

  let plan = L.emptyPlan();
  const pack = window.WerkplaatsPakket(D, t);

  const entry = (b) => (b.slug ? catalogue[b.soort][b.slug] : null);
  const title = (b) => (b.slug ? entry(b).titel : b.titel || free[b.soort].titel);
  const duration = (m) => L.formatDuration(m, t('plan_uur'), t('plan_min'));

  /* ---------- storage: URL fragment and localStorage ---------- */

  function store() {
    const fragment = L.encodePlan(plan);
    try {
      history.replaceState(null, '', '#' + fragment);
    } catch (e) {
      location.replace('#' + fragment);
    }
    try {
      localStorage.setItem(D.sleutel, fragment);
    } catch (e) {
      /* Storage off: the link still holds the plan. */
    }
    $('plan-link').value = location.href;
  }

  /** A plan read from a fragment; what had to be dropped or corrected is said on the page. */
  function read(fragment) {
    const { plan: read, changes } = L.readPlan(fragment, known);
    const box = $('plan-correcties');
    box.querySelector('ul').replaceChildren(...changes.map((c) => {
      const li = document.createElement('li');
      li.textContent = t('plan_correctie_' + c.soort, c);
      return li;
    }));
    box.hidden = changes.length === 0;
    return read;
  }

  function initial() {
    if (location.hash.length > 1) return read(location.hash);
    try {
      const saved = localStorage.getItem(D.sleutel);
      if (saved) return read(saved);
    } catch (e) {
      /* nothing stored */
    }
    return L.emptyPlan();
  }

  /* ---------- the list of blocks ---------- */

  function button(text, label, action, index) {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = text;
    b.setAttribute('aria-label', label);
    b.dataset.actie = action;
    b.dataset.index = String(index);
    return b;
  }

  function chips(codes) {
    const span = document.createElement('span');
    span.className = 'blok-elementen';
    for (const code of codes) {
      const e = elementByCode[code];
      if (!e) continue;
      const chip = document.createElement('abbr');
      chip.className = 'chip';
      chip.title = e.naam;
      chip.style.setProperty('--kleur', e.kleur);
      chip.textContent = e.code;
      span.append(chip, ' ');
    }
    return span;
  }

  function blockItem(b, i) {
    const li = document.createElement('li');
    li.className = 'blok blok-' + b.soort;
    li.dataset.soort = b.soort;
    if (b.slug) li.dataset.slug = b.slug;

    const time = document.createElement('p');
    time.className = 'blok-tijd';
    li.appendChild(time);

    const main = document.createElement('div');
    main.className = 'blok-hoofd';
    const name = title(b);
    if (b.slug) {
      const a = document.createElement('a');
      a.href = entry(b).href;
      a.textContent = name;
      a.className = 'blok-titel';
      main.appendChild(a);
      const codes = entry(b).elementen;
      const about = codes.length ? chips(codes) : document.createElement('span');
      if (!codes.length && b.soort === 'gesprek') {
        about.className = 'blok-elementen';
        about.textContent = t('plan_model_geheel');
      }
      main.appendChild(about);
    } else {
      const id = 'blok-titel-' + i;
      const label = document.createElement('label');
      label.htmlFor = id;
      label.className = 'sr-only';
      label.textContent = t('plan_blok_titel');
      const input = document.createElement('input');
      input.id = id;
      input.className = 'blok-titel-veld';
      input.maxLength = 120;
      input.value = name;
      input.dataset.index = String(i);
      main.append(label, input);
    }
    li.appendChild(main);

    const minutes = document.createElement('p');
    minutes.className = 'blok-duur';
    const id = 'blok-duur-' + i;
    const label = document.createElement('label');
    label.htmlFor = id;
    label.textContent = t('plan_duur');
    const input = document.createElement('input');
    input.type = 'number';
    input.id = id;
    // Arrows step by 5 minutes from 0; any whole number of minutes may be typed.
    input.min = '0';
    input.max = String(L.MAX_MINUTES);
    input.step = '5';
    input.inputMode = 'numeric';
    input.value = String(b.duur);
    input.dataset.index = String(i);
    input.className = 'blok-duur-veld';
    minutes.append(label, ' ', input);
    li.appendChild(minutes);
    const warning = document.createElement('p');
    warning.className = 'blok-waarschuwing';
    warning.id = 'blok-waarschuwing-' + i;
    input.setAttribute('aria-describedby', warning.id);
    li.appendChild(warning);

    const tools = document.createElement('p');
    tools.className = 'blok-knoppen';
    tools.append(
      button(t('plan_knop_omhoog'), t('plan_omhoog', { titel: name }), 'omhoog', i),
      button(t('plan_knop_omlaag'), t('plan_omlaag', { titel: name }), 'omlaag', i),
      button(t('plan_knop_verwijder'), t('plan_verwijder', { titel: name }), 'verwijder', i),
    );
    tools.querySelector('[data-actie="omhoog"]').disabled = i === 0;
    tools.querySelector('[data-actie="omlaag"]').disabled = i === plan.blokken.length - 1;
    li.appendChild(tools);
    return li;
  }

  /** Rebuilds the list; then times, totals, storage and print follow. */
  /** Where a proposed plan came from (the scan or its team view), with the elements named. */
  function origin() {
    const box = $('plan-van');
    const codes = plan.van ? plan.van.codes.filter((c) => elementByCode[c]) : [];
    box.hidden = !codes.length;
    box.textContent = codes.length
      ? t('plan_van_' + plan.van.soort, { elementen: codes.map((c) => `${c} (${elementByCode[c].naam})`).join(', ') })
      : '';
  }

  function render() {
    origin();
    list.replaceChildren(...plan.blokken.map(blockItem));
    $('plan-leeg').hidden = plan.blokken.length > 0;
    $('plan-titel').value = plan.titel;
    $('plan-datum').value = plan.datum;
    $('plan-start').value = plan.start;
    refresh();
  }

  /** Everything that follows from the plan without rebuilding the list (kept while typing). */
  function refresh() {
    const s = L.schedule(plan);
    list.querySelectorAll('.blok-tijd').forEach((p, i) => {
      const { start, end } = s.times[i];
      p.replaceChildren(timeNode(start), '–', timeNode(end));
    });
    list.querySelectorAll('.blok-waarschuwing').forEach((p, i) => {
      const b = plan.blokken[i];
      const min = b && b.slug ? entry(b).min_duur : null;
      p.textContent = min && b.duur < min ? t('plan_te_kort', { min }) : '';
    });
    $('plan-totaal').textContent = plan.blokken.length
      ? t('plan_totaal', { duur: duration(s.total), start: L.formatTime(s.start), eind: L.formatTime(s.end) })
      : '';
    const codes = L.cards(plan, (sheet) => catalogue[sheet.soort][sheet.slug].elementen);
    const about = $('plan-elementen');
    about.replaceChildren();
    if (codes.length) about.append(t('plan_elementen') + ' ', chips(codes));
    store();
    printable(s);
  }

  function timeNode(minutes) {
    const node = document.createElement('time');
    node.textContent = L.formatTime(minutes);
    return node;
  }

  /* ---------- print: agenda, worksheets, element cards ---------- */

  function printable(s) {
    $('agenda-titel').textContent = plan.titel || t('plan_agenda');
    pack.runningTitle(plan);
    pack.contents(plan);
    const when = [];
    if (plan.datum) {
      const [y, m, d] = plan.datum.split('-').map(Number);
      when.push(new Date(y, m - 1, d).toLocaleDateString(document.documentElement.lang || 'nl', {
        weekday: 'long', day: 'numeric', month: 'long', year: 'numeric',
      }));
    }
    if (plan.blokken.length) when.push(`${L.formatTime(s.start)}–${L.formatTime(s.end)}`);
    $('agenda-wanneer').textContent = when.join(' · ');
    $('agenda-totaal').textContent = plan.blokken.length
      ? t('plan_totaal', { duur: duration(s.total), start: L.formatTime(s.start), eind: L.formatTime(s.end) })
      : '';

    const rows = plan.blokken.map((b, i) => {
      const tr = document.createElement('tr');
      const cells = [
        `${L.formatTime(s.times[i].start)}–${L.formatTime(s.times[i].end)}`,
        title(b),
        duration(b.duur),
        b.slug ? (entry(b).elementen.join(', ') || (b.soort === 'gesprek' ? t('plan_model_geheel') : '')) : '',
      ];
      for (const text of cells) {
        const td = document.createElement('td');
        td.textContent = text;
        tr.appendChild(td);
      }
      return tr;
    });
    $('agenda-regels').replaceChildren(...rows);

    const things = [];
    for (const sheet of L.sheets(plan)) {
      for (const m of catalogue[sheet.soort][sheet.slug].materialen) if (!things.includes(m)) things.push(m);
    }
    $('agenda-materialen-lijst').replaceChildren(...things.map((m) => {
      const li = document.createElement('li');
      li.textContent = m;
      return li;
    }));
    $('agenda-materialen').hidden = things.length === 0;

    const sheetBox = $('afdruk-bladen');
    const chosen = L.sheets(plan);
    for (const node of sheetBox.children) node.classList.remove('gekozen');
    for (const sheet of chosen) {
      const node = Array.from(sheetBox.children).find((n) => n.dataset.soort === sheet.soort && n.dataset.slug === sheet.slug);
      if (!node) continue;
      const times = plan.blokken
        .map((b, i) => (b.soort === sheet.soort && b.slug === sheet.slug ? `${L.formatTime(s.times[i].start)}–${L.formatTime(s.times[i].end)}` : null))
        .filter(Boolean);
      node.querySelector('.blad-tijd').textContent = `${t('plan_gepland')} ${times.join(', ')}`;
      if (sheet.soort === 'gesprek') fitSheet(node, plan.blokken.find((b) => b.soort === 'gesprek' && b.slug === sheet.slug));
      node.classList.add('gekozen');
      sheetBox.appendChild(node);
    }

    const cardBox = $('afdruk-kaarten');
    for (const node of cardBox.children) node.classList.remove('gekozen');
    for (const code of L.cards(plan, (sheet) => catalogue[sheet.soort][sheet.slug].kaarten)) {
      const node = Array.from(cardBox.children).find((n) => n.dataset.code === code);
      if (!node) continue;
      node.classList.add('gekozen');
      cardBox.appendChild(node);
    }
  }

  /**
   * A prompt's worksheet follows its block's planned minutes: the duration, and
   * the step plan scaled to it, with a note saying it was shortened or
   * lengthened from the designed plan.
   */
  function fitSheet(node, block) {
    const g = entry(block);
    const steps = Array.from(node.querySelectorAll('.blad-stappen .minuten'));
    const designed = steps.map((s) => Number(s.dataset.minuten));
    const fitted = block.duur === g.duur ? designed : L.scaleSteps(designed, block.duur);
    steps.forEach((s, i) => {
      s.textContent = `${fitted[i]} ${t('plan_min')}`;
    });
    node.querySelector('.blad-duur').textContent = `${block.duur} ${t('plan_min')}`;
    const note = node.querySelector('.blad-noot');
    const changed = block.duur !== g.duur;
    note.hidden = !changed;
    note.textContent = changed
      ? t(block.duur < g.duur ? 'plan_ingekort' : 'plan_verlengd', { van: g.duur, naar: block.duur })
      : '';
  }

  /* ---------- editing ---------- */

  function say(message) {
    $('plan-status').textContent = message;
  }

  function add(block) {
    if (plan.blokken.length >= L.MAX_BLOCKS) return;
    plan.blokken.push(block);
    render();
    say(t('plan_toegevoegd', { titel: title(block), n: plan.blokken.length }));
  }

  const pick = $('kies-gesprek');
  if (pick) {
    $('voeg-gesprek').addEventListener('click', () => {
      const g = catalogue.gesprek[pick.value];
      if (g) add({ soort: 'gesprek', slug: g.slug, duur: g.duur });
    });
  }
  const pickList = $('kies-checklist');
  if (pickList) {
    $('voeg-checklist').addEventListener('click', () => {
      const c = catalogue.checklist[pickList.value];
      if (c) add({ soort: 'checklist', slug: c.slug, duur: c.duur });
    });
  }
  document.querySelectorAll('.voeg-vrij').forEach((b) => {
    b.addEventListener('click', () => {
      const kind = free[b.dataset.soort];
      if (kind) add({ soort: kind.soort, duur: kind.duur });
    });
  });

  /** After a move or removal the list is rebuilt: put focus back where the person was. */
  function focusAfter(action, index) {
    const buttons = (i) => list.children[i] && list.children[i].querySelector('.blok-knoppen');
    const row = buttons(index);
    if (!row) {
      const last = buttons(plan.blokken.length - 1);
      if (last) last.querySelector('[data-actie="verwijder"]').focus();
      else $('programma-kop').focus();
      return;
    }
    const same = row.querySelector(`[data-actie="${action}"]`);
    const other = row.querySelector(`[data-actie="${action === 'omhoog' ? 'omlaag' : 'omhoog'}"]`);
    if (same && !same.disabled) same.focus();
    else if (other && !other.disabled) other.focus();
    else row.querySelector('[data-actie="verwijder"]').focus();
  }

  list.addEventListener('click', (event) => {
    const b = event.target.closest('button[data-actie]');
    if (!b) return;
    const i = Number(b.dataset.index);
    const block = plan.blokken[i];
    if (!block) return;
    const name = title(block);
    if (b.dataset.actie === 'verwijder') {
      plan.blokken.splice(i, 1);
      render();
      focusAfter('verwijder', i);
      say(t('plan_verwijderd', { titel: name }));
      return;
    }
    const to = b.dataset.actie === 'omhoog' ? i - 1 : i + 1;
    if (to < 0 || to >= plan.blokken.length) return;
    plan.blokken.splice(i, 1);
    plan.blokken.splice(to, 0, block);
    render();
    focusAfter(b.dataset.actie, to);
    say(t('plan_verplaatst', { titel: name, n: to + 1 }));
  });

  list.addEventListener('input', (event) => {
    const field = event.target;
    const block = plan.blokken[Number(field.dataset.index)];
    if (!block) return;
    if (field.classList.contains('blok-duur-veld')) {
      const n = Math.round(Number(field.value));
      if (!Number.isFinite(n) || n < 1) return;
      block.duur = Math.min(L.MAX_MINUTES, n);
    } else if (field.classList.contains('blok-titel-veld')) {
      const text = field.value.trim();
      if (text && text !== free[block.soort].titel) block.titel = text;
      else delete block.titel;
    }
    refresh();
  });
  /* A duration left empty or out of range snaps back to what the plan holds. */
  list.addEventListener('change', (event) => {
    const field = event.target;
    const block = plan.blokken[Number(field.dataset.index)];
    if (block && field.classList.contains('blok-duur-veld')) field.value = String(block.duur);
  });

  $('plan-titel').addEventListener('input', (e) => {
    plan.titel = e.target.value.slice(0, 120);
    refresh();
  });
  $('plan-datum').addEventListener('change', (e) => {
    plan.datum = /^\d{4}-\d{2}-\d{2}$/.test(e.target.value) ? e.target.value : '';
    refresh();
  });
  $('plan-start').addEventListener('change', (e) => {
    if (L.parseTime(e.target.value) != null) plan.start = e.target.value;
    refresh();
  });

  $('plan-kopieer').addEventListener('click', async () => {
    const field = $('plan-link');
    try {
      await navigator.clipboard.writeText(field.value);
      say(t('plan_gekopieerd'));
    } catch (e) {
      field.focus();
      field.select();
      say(t('plan_kopieer_mislukt'));
    }
  });
  $('plan-afdrukken').addEventListener('click', () => {
    delete document.body.dataset.afdruk;
    window.print();
  });
  $('plan-pakket').addEventListener('click', () => {
    pack.prepare(plan);
    window.print();
  });
  window.addEventListener('afterprint', () => delete document.body.dataset.afdruk);
  /* The team read in (or cleared) on the scan page in another tab. */
  window.addEventListener('storage', (e) => {
    if (e.key === D.team_sleutel || e.key === null) pack.contents(plan);
  });
  $('plan-wissen').addEventListener('click', () => {
    if (!window.confirm(t('plan_wissen_vraag'))) return;
    plan = L.emptyPlan();
    render();
    $('programma-kop').focus();
    say(t('plan_gewist'));
  });

  /* A link pasted into the address bar, or back/forward between fragments. */
  window.addEventListener('hashchange', () => {
    if (location.hash.slice(1) === L.encodePlan(plan)) return;
    plan = read(location.hash);
    render();
  });

  plan = initial();
  render();
})();
