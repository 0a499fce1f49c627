/* The team overview: the radar with a line per participant and a legend
   (dash, marker and colour per participant, so they survive a greyscale
   print), where the team differs most, and mean, median and spread per
   element and per aspect, with the participants' own scores. Drawn into the
   markup of the team-overzicht.html macro; shared by the scan's team view and
   the planner's session pack, so both show and print the same overview.
   Needs tools-lib.js with scan-lib.js and radar.js. Text from files is only
   ever set with textContent. */
(function () {
  'use strict';

  /**
   * The overview for `elements` (the scan's), with the UI strings `t(key,
   * values)` and `roleLabel(rol)`. `draw(team)` (re)draws it from the team's
   * members ({naam, rol, scores, antwoorden}).
   */
  window.WerkplaatsTeamOverzicht = function overviewFor(elements, t, roleLabel) {
    const L = window.WerkplaatsTools;
    const $ = (id) => document.getElementById(id);
    const { svg, point, fixed, radarFrame, radarShape, radarDots } = window.WerkplaatsRadar(elements);
    let team = [];
    let highlighted = null;

    /** Per participant: a dash pattern, a marker and a colour, told apart in grey too. */
    const DASHES = ['', '9 4', '2 3', '12 4 2 4', '5 5', '1 6', '16 4', '6 3 1 3 1 3'];
    const MARKERS = ['rondje', 'vierkant', 'driehoek', 'ruit', 'kruis', 'ster'];
    const COLOURS = ['#1b4965', '#9c4f00', '#2d6a4f', '#7b2d8b', '#8a1c1c', '#4a4e69', '#5c4d00', '#005f73'];
    const styleOf = (i) => ({
      dash: DASHES[i % DASHES.length], marker: MARKERS[i % MARKERS.length], colour: COLOURS[i % COLOURS.length],
    });

    /** How many aspects the list of differences shows: enough to start a conversation, not a norm. */
    const ASPECTS_SHOWN = 5;

    function cell(row, text, header) {
      const c = document.createElement(header ? 'th' : 'td');
      if (header) c.scope = 'row';
      c.textContent = text;
      row.appendChild(c);
      return c;
    }

    /** A cell for a value that may be missing: a dash, read out as "geen score", and not counted. */
    function valueCell(row, value, decimals) {
      if (value != null) return cell(row, L.formatNumber(value, decimals));
      const c = cell(row, '');
      c.className = 'ontbreekt';
      const dash = document.createElement('span');
      dash.setAttribute('aria-hidden', 'true');
      dash.textContent = '–';
      const said = document.createElement('span');
      said.className = 'voor-voorlezer';
      said.textContent = t('scan_geen_score');
      c.append(dash, said);
      return c;
    }

    /** A marker of shape `kind` at (x, y). */
    function marker(parent, kind, x, y, attrs) {
      const r = 4.5;
      const at = (pts) => pts.map(([dx, dy]) => `${fixed(x + dx)},${fixed(y + dy)}`).join(' ');
      const shapes = {
        rondje: ['circle', { cx: fixed(x), cy: fixed(y), r: r - 0.5 }],
        vierkant: ['rect', { x: fixed(x - r + 1), y: fixed(y - r + 1), width: 2 * r - 2, height: 2 * r - 2 }],
        driehoek: ['polygon', { points: at([[0, -r], [r, r - 1], [-r, r - 1]]) }],
        ruit: ['polygon', { points: at([[0, -r], [r, 0], [0, r], [-r, 0]]) }],
        kruis: ['path', { d: `M${fixed(x - r)},${fixed(y - r)}L${fixed(x + r)},${fixed(y + r)}M${fixed(x - r)},${fixed(y + r)}L${fixed(x + r)},${fixed(y - r)}` }],
        ster: ['polygon', { points: at([[0, -r], [1.3, -1.3], [r, 0], [1.3, 1.3], [0, r], [-1.3, 1.3], [-r, 0], [-1.3, -1.3]]) }],
      };
      const [name, shape] = shapes[kind];
      return svg(name, Object.assign(shape, { 'data-merk': kind }, attrs), parent);
    }

    /** One participant's line on the radar: its dash, colour and markers. */
    function participantShape(chart, p, i) {
      const style = styleOf(i);
      const g = svg('g', { class: 'deelnemer', 'data-deelnemer': i, 'data-naam': p.naam, stroke: style.colour, color: style.colour }, chart);
      radarShape(g, p.scores, { class: 'vlak-deelnemer', 'data-deelnemer': i, 'stroke-dasharray': style.dash });
      elements.forEach((e, axis) => {
        const v = p.scores[e.code];
        if (v == null) return;
        const at = point(axis, v);
        marker(g, style.marker, at.x, at.y, { class: 'merk', 'data-deelnemer': i, 'data-code': e.code, fill: style.colour });
      });
    }

    /** What a participant scored, as a sentence, for the legend's screen-reader label. */
    function spoken(p) {
      return `${p.naam}: ` + elements.map((e) => `${e.code} ${p.scores[e.code] == null ? t('scan_geen_score') : L.formatNumber(p.scores[e.code], 1)}`).join(', ');
    }

    /** The legend: a button per participant with a sample of their line; pressing one picks it out. */
    function legend() {
      const list = $('team-legenda');
      list.replaceChildren();
      team.forEach((p, i) => {
        const style = styleOf(i);
        const li = document.createElement('li');
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'legenda-knop';
        button.dataset.deelnemer = String(i);
        button.setAttribute('aria-pressed', String(highlighted === i));
        button.setAttribute('aria-label', spoken(p));
        const sample = svg('svg', { width: 40, height: 12, viewBox: '0 0 40 12', 'aria-hidden': 'true', class: 'legenda-lijn' });
        svg('line', { x1: 2, y1: 6, x2: 38, y2: 6, stroke: style.colour, 'stroke-width': 2, 'stroke-dasharray': style.dash, 'data-deelnemer': i }, sample);
        marker(sample, style.marker, 20, 6, { fill: style.colour, stroke: style.colour });
        const name = document.createElement('span');
        name.textContent = `${p.naam} (${roleLabel(p.rol)})`;
        button.append(sample, name);
        button.addEventListener('click', () => {
          highlighted = highlighted === i ? null : i;
          draw(team);
          const again = list.querySelector(`[data-deelnemer="${i}"]`);
          if (again) again.focus();
        });
        li.appendChild(button);
        list.appendChild(li);
      });
    }

    function radar(stats) {
      const chart = radarFrame($('team-radar'));
      chart.classList.toggle('een-uitgelicht', highlighted != null);
      const byCode = Object.fromEntries(stats.perElement.map((s) => [s.code, s]));
      elements.forEach((e, i) => {
        const s = byCode[e.code];
        if (s.n === 0) return;
        const a = point(i, s.min);
        const b = point(i, s.max);
        svg('line', { x1: fixed(a.x), y1: fixed(a.y), x2: fixed(b.x), y2: fixed(b.y), stroke: e.kleur, class: 'bereik', 'data-code': e.code, 'data-min': L.round(s.min, 4), 'data-max': L.round(s.max, 4) }, chart);
      });
      team.forEach((p, i) => participantShape(chart, p, i));
      if (highlighted != null) chart.querySelector(`g.deelnemer[data-deelnemer="${highlighted}"]`).classList.add('uitgelicht');
      const medians = Object.fromEntries(stats.perElement.map((s) => [s.code, s.median]));
      radarShape(chart, medians, { class: 'vlak-mediaan' });
      radarDots(chart, medians, 'mediaan');
      legend();
    }

    /** Where the team differs most: elements, then the aspects, widest first. */
    function differences(stats) {
      const box = $('team-bespreken');
      box.replaceChildren();
      const h = document.createElement('h3');
      h.textContent = t('scan_team_verschil');
      const p = document.createElement('p');
      p.textContent = t('scan_team_verschil_uitleg');
      const ol = document.createElement('ol');
      ol.className = 'verschil-elementen';
      const byCode = Object.fromEntries(stats.perElement.map((s) => [s.code, s]));
      for (const code of stats.byDifference) {
        const s = byCode[code];
        if (s.n < 2) continue;
        const e = elements.find((x) => x.code === code);
        const li = document.createElement('li');
        li.dataset.code = code;
        li.textContent = `${e.code} ${e.naam} (${t('scan_kol_verschil').toLowerCase()} ${L.formatNumber(s.spread, 1)})`;
        ol.appendChild(li);
      }
      const h4 = document.createElement('h4');
      h4.textContent = t('scan_team_verschil_aspecten');
      const aspects = document.createElement('ol');
      aspects.className = 'verschil-aspecten';
      const byId = Object.fromEntries(stats.perAspect.map((s) => [s.id, s]));
      for (const id of stats.aspectsByDifference.slice(0, ASPECTS_SHOWN)) {
        const s = byId[id];
        if (s.n < 2) break;
        const li = document.createElement('li');
        li.dataset.aspect = id;
        li.textContent = t('scan_team_aspect_verschil', {
          code: s.code, aspect: s.tekst, verschil: L.formatNumber(s.spread, 0), laagste: s.min, hoogste: s.max,
        });
        aspects.appendChild(li);
      }
      box.append(h, p, ol);
      if (aspects.children.length) box.append(h4, aspects);
    }

    function summaryRow(body, head, s, attrs) {
      const row = document.createElement('tr');
      Object.assign(row.dataset, attrs);
      cell(row, head, true);
      cell(row, t('scan_van', { n: s.n, totaal: team.length }));
      for (const v of [s.mean, s.median, s.min, s.max, s.spread]) valueCell(row, v, 1);
      body.appendChild(row);
    }

    function tables(stats) {
      const body = $('team-tabel').tBodies[0];
      body.replaceChildren();
      for (const s of stats.perElement) summaryRow(body, s.code, s, { code: s.code });
      const aspects = $('team-aspecten').tBodies[0];
      aspects.replaceChildren();
      for (const s of stats.perAspect) summaryRow(aspects, `${s.code} · ${s.tekst}`, s, { aspect: s.id });

      const people = $('team-deelnemers').tBodies[0];
      people.replaceChildren();
      const counts = {};
      team.forEach((p) => {
        const row = document.createElement('tr');
        cell(row, p.naam, true);
        cell(row, roleLabel(p.rol));
        for (const e of elements) valueCell(row, p.scores[e.code], 1);
        people.appendChild(row);
        const label = roleLabel(p.rol);
        counts[label] = (counts[label] || 0) + 1;
      });
      $('team-rollen').textContent = t('scan_team_rollen') + ': '
        + Object.entries(counts).map(([label, n]) => `${label} (${n})`).join(', ');
    }

    /** Draws the overview of `members`; a participant picked out in the legend stays picked while there. */
    function draw(members) {
      team = members;
      if (highlighted != null && highlighted >= team.length) highlighted = null;
      const stats = L.teamStats(team, elements);
      radar(stats);
      differences(stats);
      tables(stats);
      return stats;
    }

    return { draw, reset: () => { highlighted = null; } };
  };
})();
