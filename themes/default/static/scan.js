/* The reflection scan page: keeps the answers in this browser (localStorage),
   draws the radar and the scores per element, and exports and imports files.
   The team view is scan-team.js, which uses the helpers this script shares.
   Nothing leaves the browser.

   The page (statements, links) is rendered by the build; data.js
   (window.WERKPLAATS_SCAN) adds colours, aspect ids, prompts and UI strings,
   and tools-lib.js with scan-lib.js (window.WerkplaatsTools) the arithmetic. Text from files is only
   ever set with textContent. */
(function () {
  'use strict';
  const D = window.WERKPLAATS_SCAN;
  const L = window.WerkplaatsTools;
  const form = document.getElementById('scan');
  if (!D || !L || !form) return;

  const elements = D.elementen;
  const t = (key, values) => L.fill(D.t[key] || key, values);
  const $ = (id) => document.getElementById(id);
  const roleLabel = (r) => (r ? D.t['rol_' + r] || r : t('scan_rol_geen'));
  const SCAN = { toolkit: D.toolkit, versie: D.versie };

  /* ---------- the form and storage ---------- */

  /** A random id for this participant, kept with the answers, so a team view counts them once. */
  function newParticipantId() {
    const bytes = new Uint8Array(9);
    crypto.getRandomValues(bytes);
    return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  }
  let participant = '';

  function readForm() {
    const state = L.emptyAnswers(elements);
    state.deelnemer = participant || (participant = newParticipantId());
    state.naam = form.elements.naam.value.trim();
    state.rol = form.elements.rol.value;
    state.datum = new Date().toISOString().slice(0, 10);
    for (const e of elements) {
      state.antwoorden[e.code] = e.uitspraken.map((_, i) => {
        const field = form.elements.namedItem(`${e.code}-${i}`);
        return field ? L.normaliseAnswer(field.value) : null;
      });
      const note = form.elements.namedItem('notitie-' + e.code);
      state.notities[e.code] = note ? note.value : '';
    }
    return state;
  }

  function writeForm(state) {
    if (state.deelnemer) participant = state.deelnemer;
    form.elements.naam.value = state.naam;
    const roles = Array.from(form.elements.rol.options).map((o) => o.value);
    form.elements.rol.value = roles.includes(state.rol) ? state.rol : '';
    for (const e of elements) {
      e.uitspraken.forEach((_, i) => {
        const a = state.antwoorden[e.code][i];
        const field = form.elements.namedItem(`${e.code}-${i}`);
        if (!field) return;
        for (const radio of field) radio.checked = a != null && radio.value === String(a);
      });
      const note = form.elements.namedItem('notitie-' + e.code);
      if (note) note.value = state.notities[e.code] || '';
    }
  }

  function save(state) {
    try {
      localStorage.setItem(D.sleutel, JSON.stringify(L.writeScan(state, elements, SCAN)));
    } catch (e) {
      /* Storage off or full: the page still works, it just forgets on reload. */
    }
  }

  function restore() {
    try {
      const saved = localStorage.getItem(D.sleutel);
      return saved ? L.readScan(JSON.parse(saved), elements, SCAN).state : null;
    } catch (e) {
      return null;
    }
  }

  /* ---------- radar (radar.js) ---------- */

  const { svg, point, fixed, radarFrame, radarShape, radarDots } = window.WerkplaatsRadar(elements);

  /* ---------- the individual result ---------- */

  function render(state) {
    const scores = L.scores(state, elements);
    const p = L.progress(state, elements);
    $('voortgang').textContent = t('scan_voortgang', { n: p.answered, totaal: p.total });
    const who = [state.naam, state.rol ? roleLabel(state.rol) : '', state.datum].filter(Boolean).join(' · ');
    $('resultaat-wie').textContent = who;

    const chart = radarFrame($('radar'));
    radarShape(chart, scores, { class: 'vlak-jij' });
    radarDots(chart, scores, 'punt');

    for (const e of elements) {
      const item = document.querySelector(`.duiding-element[data-code="${CSS.escape(e.code)}"]`);
      if (item) readingOf(item, e, state, scores[e.code]);
    }
    plannerLink(lowest(scores));
  }

  /** One element's score, how many aspects carry it and how far they lie apart: no verdict. */
  function readingOf(item, e, state, score) {
    const numbered = L.numbers((state.antwoorden[e.code] || []).map(L.normaliseAnswer));
    item.dataset.score = score == null ? '' : String(L.round(score, 4));
    item.querySelector('.score-waarde').textContent = score == null ? t('scan_geen_score')
      : t('scan_score', { score: L.formatNumber(score, 1) });
    item.querySelector('.score-detail').textContent = score == null ? ''
      : [t('scan_beantwoord', { n: numbered.length, totaal: e.uitspraken.length }),
        t('scan_bereik', { laagste: L.min(numbered), hoogste: L.max(numbered) })].join(' · ');
    const note = item.querySelector('.oordeel-notitie');
    note.textContent = state.notities[e.code] || '';
    note.hidden = !state.notities[e.code];
  }

  /** The element(s) with your lowest score: a place to start, not a verdict. */
  function lowest(scores) {
    const known = elements.filter((e) => scores[e.code] != null);
    if (!known.length) return [];
    const low = Math.min(...known.map((e) => scores[e.code]));
    return known.filter((e) => scores[e.code] - low < 1e-9);
  }

  /** A planner link proposing a session for `chosen` elements, saying where it came from (`soort`). */
  function plannerHref(chosen, soort) {
    const minutes = { gesprek: Object.fromEntries(D.gesprekken.map((g) => [g.slug, g.duur])), checklist: D.checklist_duur };
    const plan = L.proposePlan(chosen, minutes, { soort, codes: chosen.map((e) => e.code) });
    return plan && $('naar-planner').getAttribute('href').split('#')[0] + '#' + L.encodePlan(plan);
  }

  /** The link from your result to the planner: the element(s) you scored lowest, at most two. */
  function plannerLink(chosen) {
    const href = plannerHref(chosen.slice(0, 2), 'scan');
    $('naar-planner-regel').hidden = !href;
    if (href) $('naar-planner').href = href;
  }

  let current = L.emptyAnswers(elements);

  function update() {
    current = readForm();
    save(current);
    render(current);
  }

  form.addEventListener('change', update);
  form.addEventListener('input', (e) => {
    if (e.target.matches('textarea, #scan-naam')) update();
  });
  form.addEventListener('submit', (e) => e.preventDefault());

  /* ---------- files ---------- */

  function slug(s) {
    return s.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  }

  function fileName(state, ext) {
    return ['reflectiescan', slug(state.naam), state.datum].filter(Boolean).join('-') + '.' + ext;
  }

  function download(name, type, content) {
    const url = URL.createObjectURL(new Blob([content], { type }));
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  function say(id, message) {
    $(id).textContent = message;
  }

  $('export-json').addEventListener('click', () => {
    const state = readForm();
    download(fileName(state, 'json'), 'application/json', JSON.stringify(L.writeScan(state, elements, SCAN), null, 2) + '\n');
  });

  $('export-csv').addEventListener('click', () => {
    const state = readForm();
    const scores = L.scores(state, elements);
    const rows = [t('scan_csv_kolommen').split(';')];
    for (const e of elements) {
      e.uitspraken.forEach((u, i) => {
        const a = state.antwoorden[e.code][i];
        rows.push([e.code, e.naam, i + 1, u, a === L.DONT_KNOW ? t('scan_weet_niet') : a,
          L.formatNumber(scores[e.code], 2), state.notities[e.code]]);
      });
    }
    download(fileName(state, 'csv'), 'text/csv;charset=utf-8', L.toCsv(rows));
  });

  /* ---------- sharing a result as a link and a QR code ---------- */

  /** The QR code of `text` as an SVG drawn from the vendored encoder's modules. */
  function qrSvg(text) {
    if (typeof window.qrcode !== 'function') return null;
    const code = window.qrcode(0, 'M');
    code.addData(text);
    code.make();
    const n = code.getModuleCount();
    const quiet = 4;
    const node = svg('svg', { viewBox: `0 0 ${n + 2 * quiet} ${n + 2 * quiet}`, role: 'img', class: 'qr-code' });
    const title = svg('title', {});
    title.textContent = t('scan_deel_qr');
    node.appendChild(title);
    node.appendChild(svg('rect', { x: 0, y: 0, width: n + 2 * quiet, height: n + 2 * quiet, fill: '#fff' }));
    let d = '';
    for (let r = 0; r < n; r++) {
      for (let c = 0; c < n; c++) if (code.isDark(r, c)) d += `M${c + quiet} ${r + quiet}h1v1h-1z`;
    }
    node.appendChild(svg('path', { d, fill: '#000' }));
    return node;
  }

  $('deel-maak').addEventListener('click', () => {
    const link = location.href.split('#')[0] + '#' + L.writeShare(readForm(), elements, SCAN);
    $('deel-link').value = link;
    const qr = qrSvg(link);
    $('deel-qr').replaceChildren(...(qr ? [qr] : []));
    $('deel-lokaal').hidden = location.protocol !== 'file:';
    $('deel').hidden = false;
    $('deel-maak').setAttribute('aria-expanded', 'true');
    $('deel-link').focus();
    $('deel-link').select();
  });
  $('deel-kopieer').addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText($('deel-link').value);
      say('scan-melding', t('scan_deel_gekopieerd'));
    } catch (e) {
      $('deel-link').select();
      say('scan-melding', t('scan_deel_kopieer_mislukt'));
    }
  });

  /** A file read: {state, refused, notes} as readScan gives it; a file that is no JSON is refused too. */
  async function readFile(file) {
    let data;
    try {
      data = JSON.parse(await file.text());
    } catch (e) {
      return { state: null, refused: { key: 'scan_fout_soort', values: {} }, notes: [] };
    }
    return L.readScan(data, elements, SCAN);
  }

  /** A message from the lib's {key, values}, about file `name`. */
  const message = (m, name) => {
    const one = m.values.n === 1 && D.t[m.key + '_een'];
    return t(one ? m.key + '_een' : m.key, Object.assign({ bestand: name }, m.values));
  };

  /** Shows a headline and, as a list below it, what could not be used. */
  function report(id, lines, notes) {
    const box = $(id);
    box.replaceChildren();
    for (const line of lines) {
      const p = document.createElement('p');
      p.textContent = line;
      box.appendChild(p);
    }
    if (!notes.length) return;
    const ul = document.createElement('ul');
    for (const n of notes) {
      const li = document.createElement('li');
      li.textContent = n;
      ul.appendChild(li);
    }
    box.appendChild(ul);
  }

  $('import-json').addEventListener('change', async (event) => {
    const file = event.target.files[0];
    event.target.value = '';
    if (!file) return;
    const got = await readFile(file);
    if (got.refused) {
      report('scan-melding', [message(got.refused, file.name)], []);
      return;
    }
    if (L.hasAnswers(readForm()) && !window.confirm(t('scan_import_vraag', { bestand: file.name }))) {
      report('scan-melding', [t('scan_import_niet', { bestand: file.name })], []);
      return;
    }
    writeForm(got.state);
    update();
    const notes = got.notes.map((n) => message(n, file.name));
    report('scan-melding', [t('scan_ingelezen', { bestand: file.name })].concat(notes.length ? [t('scan_let_kop')] : []), notes);
  });

  $('wissen').addEventListener('click', () => {
    if (!window.confirm(t('scan_wissen_vraag'))) return;
    try {
      localStorage.removeItem(D.sleutel);
    } catch (e) {
      /* nothing stored */
    }
    form.reset();
    participant = '';
    current = L.emptyAnswers(elements);
    render(current);
    say('scan-melding', t('scan_gewist'));
  });

  /* ---------- printing: one result at a time ---------- */

  function print(what) {
    document.body.dataset.afdruk = what;
    window.print();
  }
  $('afdrukken').addEventListener('click', () => print('jij'));
  $('team-afdrukken').addEventListener('click', () => print('team'));
  window.addEventListener('afterprint', () => delete document.body.dataset.afdruk);

  /* ---------- what the team view (scan-team.js) shares ---------- */

  window.WerkplaatsScanPage = { D, L, t, $, elements, roleLabel, readFile, message, report, download, SCAN, plannerHref };

  /* ---------- start ---------- */

  const saved = restore();
  if (saved) writeForm(saved);
  current = readForm();
  render(current);
})();
