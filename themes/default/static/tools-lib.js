/* The pure part shared by the reflection scan and the session planner:
   statistics, CSV, numbers, radar geometry, and a plan in a URL. The scan's
   own answers, files and team view are in scan-lib.js.

   No DOM and no storage here, so it is unit-tested in Node (tests/browser/
   tools-lib.test.mjs). A classic script that attaches one namespace,
   WerkplaatsTools, because ES modules do not load from disk (file://) in
   Chromium, and the site must work from disk. */
(function (root) {
  'use strict';

  /* ---------- statistics ---------- */

  /** The finite numbers in `xs` (null, "?" and the like are left out). */
  function numbers(xs) {
    return (Array.isArray(xs) ? xs : []).filter((x) => typeof x === 'number' && Number.isFinite(x));
  }

  function mean(xs) {
    const v = numbers(xs);
    return v.length ? v.reduce((a, b) => a + b, 0) / v.length : null;
  }

  function median(xs) {
    const v = numbers(xs).sort((a, b) => a - b);
    if (!v.length) return null;
    const mid = Math.floor(v.length / 2);
    return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
  }

  function min(xs) {
    const v = numbers(xs);
    return v.length ? Math.min(...v) : null;
  }

  function max(xs) {
    const v = numbers(xs);
    return v.length ? Math.max(...v) : null;
  }

  /** How far the values lie apart: highest minus lowest. */
  function spread(xs) {
    const v = numbers(xs);
    return v.length ? Math.max(...v) - Math.min(...v) : null;
  }

  function summary(xs) {
    return { n: numbers(xs).length, min: min(xs), median: median(xs), max: max(xs), mean: mean(xs), spread: spread(xs) };
  }

  function own(obj, key) {
    return obj != null && typeof obj === 'object' && Object.prototype.hasOwnProperty.call(obj, key);
  }

  /* ---------- numbers, CSV, text ---------- */

  function round(x, decimals) {
    const f = 10 ** decimals;
    return Math.round(x * f) / f;
  }

  /**
   * The language numbers and CSV files follow: the page's own (`<html lang>`),
   * so a Dutch site writes 4,2 and an English one 4.2.
   */
  const pageLanguage = (typeof document !== 'undefined' && document.documentElement.lang) || 'nl';

  /** The decimal sign of `language` ("," for nl, "." for en). */
  function decimalSign(language) {
    const parts = new Intl.NumberFormat(language || pageLanguage).formatToParts(1.5);
    const part = parts.find((p) => p.type === 'decimal');
    return part ? part.value : '.';
  }

  /** A number in `language` (the page's by default): 4,2 in Dutch, 4.2 in English. */
  function formatNumber(x, decimals, language) {
    if (x == null) return '';
    return new Intl.NumberFormat(language || pageLanguage, {
      minimumFractionDigits: decimals, maximumFractionDigits: decimals, useGrouping: false,
    }).format(round(x, decimals));
  }

  /**
   * One CSV field. Quoted when it holds the separator, a quote or a line break;
   * text that a spreadsheet would run as a formula (=, +, -, @) gets a leading '.
   */
  function csvField(value, separator) {
    let s = value == null ? '' : String(value);
    if (/^[=+\-@\t\r]/.test(s)) s = "'" + s;
    if (s.includes(separator) || /["\r\n]/.test(s)) s = '"' + s.replace(/"/g, '""') + '"';
    return s;
  }

  /**
   * The field separator spreadsheets in `language` expect: ";" where the comma
   * is the decimal sign (Dutch, German, French …), else ",".
   */
  function csvSeparator(language) {
    return decimalSign(language) === ',' ? ';' : ',';
  }

  /**
   * Rows as CSV for spreadsheets set to the page's language (see
   * [csvSeparator]), CRLF line ends, and a byte-order mark so accents survive.
   */
  function toCsv(rows, separator) {
    const sep = separator || csvSeparator();
    return '\ufeff' + rows.map((r) => r.map((f) => csvField(f, sep)).join(sep)).join('\r\n') + '\r\n';
  }

  /** Fills {name} placeholders in a UI string. */
  function fill(template, values) {
    return String(template).replace(/\{(\w+)\}/g, (m, k) => (values && own(values, k) ? String(values[k]) : m));
  }

  /* ---------- radar geometry ---------- */

  /**
   * Where value `v` on axis `i` of `n` lands in a radar centred on (cx, cy) with
   * radius `r` for the value `top`. Axis 0 points up, the others follow clockwise.
   */
  function radarPoint(i, n, v, top, cx, cy, r) {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / n;
    const d = (r * v) / top;
    return { x: cx + d * Math.cos(angle), y: cy + d * Math.sin(angle) };
  }

  /* ---------- a session plan in a URL ---------- */

  const LETTERS = { gesprek: 'g', checklist: 'c', welkom: 'w', pauze: 'p', afronding: 'a' };
  const KINDS = { g: 'gesprek', c: 'checklist', w: 'welkom', p: 'pauze', a: 'afronding' };
  const MAX_BLOCKS = 40;
  const MAX_MINUTES = 480;
  const SLUG = /^[a-z0-9-]{1,100}$/;

  function emptyPlan() {
    return { titel: '', datum: '', start: '09:00', blokken: [] };
  }

  /** Where a proposed plan came from: the scan's lowest score, or the team's lowest or widest spread. */
  const ORIGINS = ['scan', 'team-laag', 'team-verschil'];
  const CODE = /^[A-Za-z0-9]{1,12}$/;

  /**
   * A session for the elements `chosen` ([{code, gesprekken, checklists}]):
   * a welcome, per element its first prompt and first checklist (each once),
   * a break when the middle runs past 90 minutes, and a closing; `minutes`
   * ({gesprek: {slug: duur}, checklist}) gives the durations. `van` says where
   * the proposal came from ({soort, codes}); the planner shows it.
   */
  function proposePlan(chosen, minutes, van) {
    const plan = emptyPlan();
    const middle = [];
    const add = (soort, slug, duur) => {
      if (slug && !middle.some((b) => b.soort === soort && b.slug === slug)) middle.push({ soort, slug, duur });
    };
    for (const e of chosen) {
      const g = (e.gesprekken || [])[0];
      add('gesprek', g, minutes.gesprek[g]);
      add('checklist', (e.checklists || [])[0], minutes.checklist);
    }
    if (!middle.length) return null;
    let total = 0;
    const withBreak = [];
    const full = middle.reduce((a, b) => a + b.duur, 0);
    for (const b of middle) {
      if (full > 90 && withBreak.length && total >= full / 2 && !withBreak.some((x) => x.soort === 'pauze')) {
        withBreak.push({ soort: 'pauze', duur: 15 });
      }
      withBreak.push(b);
      total += b.duur;
    }
    plan.blokken = [{ soort: 'welkom', duur: 10 }].concat(withBreak, [{ soort: 'afronding', duur: 15 }]).slice(0, MAX_BLOCKS);
    const codes = van && ORIGINS.includes(van.soort) ? van.codes.filter((c) => CODE.test(c)).slice(0, 12) : [];
    if (codes.length) plan.van = { soort: van.soort, codes };
    return plan;
  }

  /** Minutes since midnight for "HH:MM"; null when it is not a time. */
  function parseTime(s) {
    const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(String(s));
    return m ? Number(m[1]) * 60 + Number(m[2]) : null;
  }

  /** "HH:MM" for minutes since midnight, past midnight wrapping round. */
  function formatTime(minutes) {
    const m = ((Math.round(minutes) % 1440) + 1440) % 1440;
    return String(Math.floor(m / 60)).padStart(2, '0') + ':' + String(m % 60).padStart(2, '0');
  }

  /** "1 uur 15 min." with the given unit words. */
  function formatDuration(minutes, hourWord, minuteWord) {
    const h = Math.floor(minutes / 60);
    const m = minutes % 60;
    if (!h) return `${m} ${minuteWord}`;
    return m ? `${h} ${hourWord} ${m} ${minuteWord}` : `${h} ${hourWord}`;
  }

  function clampMinutes(n) {
    const x = Math.round(Number(n));
    return Number.isFinite(x) ? Math.min(MAX_MINUTES, Math.max(1, x)) : null;
  }

  function safeDecode(s) {
    try {
      return decodeURIComponent(s);
    } catch (e) {
      return '';
    }
  }

  /**
   * The plan as a URL fragment (without "#"): readable, and only characters that
   * need no escaping in a fragment. Free text is escaped with encodeURIComponent,
   * so it never holds the separators & = , :.
   */
  function encodePlan(plan) {
    const parts = ['v=1'];
    if (plan.titel) parts.push('titel=' + encodeURIComponent(plan.titel));
    if (plan.datum) parts.push('datum=' + plan.datum);
    if (plan.van) parts.push('van=' + plan.van.soort + ':' + plan.van.codes.join('+'));
    parts.push('start=' + plan.start);
    const blocks = plan.blokken.map((b) => {
      const head = LETTERS[b.soort];
      if (b.slug) return `${head}:${b.slug}:${b.duur}`;
      return `${head}:${b.duur}` + (b.titel ? ':' + encodeURIComponent(b.titel) : '');
    });
    parts.push('blokken=' + blocks.join(','));
    return parts.join('&');
  }

  /**
   * A plan from a URL fragment. Never throws: whatever is not understood is left
   * out, as are prompts and checklists not in `known` ({gesprek: [slugs],
   * checklist: [slugs]}); minutes are kept between 1 and 480.
   */
  function decodePlan(fragment, known) {
    return readPlan(fragment, known).plan;
  }

  /**
   * A plan from a URL fragment, with what had to be changed to read it, so the
   * page can say so: `changes` lists {soort: 'blok' | 'duur' | 'start' |
   * 'datum' | 'te_veel', deel, van?, naar?} — a block left out, a duration
   * brought within 1–480 minutes, a start or date that is no time or date
   * (the default kept), blocks beyond the maximum.
   */
  function readPlan(fragment, known) {
    const plan = emptyPlan();
    const changes = [];
    const s = String(fragment || '').replace(/^#/, '');
    for (const part of s.split('&')) {
      const i = part.indexOf('=');
      if (i < 0) continue;
      const key = part.slice(0, i);
      const value = part.slice(i + 1);
      if (key === 'titel') plan.titel = safeDecode(value).slice(0, 120);
      else if (key === 'datum') {
        if (/^\d{4}-\d{2}-\d{2}$/.test(value)) plan.datum = value;
        else if (value) changes.push({ soort: 'datum', deel: safeDecode(value) });
      } else if (key === 'start') {
        if (parseTime(value) != null) plan.start = value;
        else changes.push({ soort: 'start', deel: safeDecode(value), naar: plan.start });
      } else if (key === 'van') {
        const [soort, codes] = value.split(':');
        const list = String(codes || '').split('+').filter((c) => CODE.test(c)).slice(0, 12);
        if (ORIGINS.includes(soort) && list.length) plan.van = { soort, codes: list };
      } else if (key === 'blokken' && value) {
        const blocks = [];
        for (const text of value.split(',')) {
          const b = decodeBlock(text, known, changes);
          if (b) blocks.push(b);
        }
        if (blocks.length > MAX_BLOCKS) changes.push({ soort: 'te_veel', deel: String(blocks.length), naar: MAX_BLOCKS });
        plan.blokken = blocks.slice(0, MAX_BLOCKS);
      }
    }
    return { plan, changes };
  }

  /** Minutes for a block, noting in `changes` when they had to be brought in range. */
  function blockMinutes(text, part, changes) {
    const duur = clampMinutes(text);
    if (duur != null && String(duur) !== String(text)) {
      changes.push({ soort: 'duur', deel: safeDecode(part), van: safeDecode(String(text)), naar: duur });
    }
    return duur;
  }

  function decodeBlock(text, known, changes = []) {
    const f = text.split(':');
    const soort = KINDS[f[0]];
    const dropped = () => {
      changes.push({ soort: 'blok', deel: safeDecode(text) });
      return null;
    };
    if (!soort) return dropped();
    if (soort === 'gesprek' || soort === 'checklist') {
      const list = (known && known[soort]) || [];
      if (!SLUG.test(f[1] || '') || !list.includes(f[1])) return dropped();
      const duur = blockMinutes(f[2], f[1], changes);
      if (duur == null) return dropped();
      return { soort, slug: f[1], duur };
    }
    const duur = blockMinutes(f[1], soort, changes);
    if (duur == null) return dropped();
    const titel = f.length > 2 ? safeDecode(f[2]).slice(0, 120) : '';
    return titel ? { soort, duur, titel } : { soort, duur };
  }

  /**
   * A step plan fitted to `total` minutes: each step scaled in proportion,
   * rounded to whole minutes so that they add up to `total` exactly (largest
   * remainder first). With fewer minutes than steps some steps get 0.
   */
  function scaleSteps(minutes, total) {
    const sum = minutes.reduce((a, b) => a + b, 0);
    if (!sum || !(total >= 0)) return minutes.slice();
    const exact = minutes.map((m) => (m * total) / sum);
    const out = exact.map(Math.floor);
    let left = Math.round(total) - out.reduce((a, b) => a + b, 0);
    const order = exact.map((x, i) => [x - Math.floor(x), i]).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
    for (let k = 0; left > 0 && order.length; k = (k + 1) % order.length, left--) out[order[k][1]] += 1;
    return out;
  }

  /** Start and end (minutes since midnight) of each block, and the total minutes. */
  function schedule(plan) {
    let at = parseTime(plan.start);
    if (at == null) at = 9 * 60;
    const begin = at;
    const times = plan.blokken.map((b) => {
      const start = at;
      at += b.duur;
      return { start, end: at };
    });
    return { times, start: begin, end: at, total: at - begin };
  }

  /** The prompts and checklists of a plan, each once, in order of first use. */
  function sheets(plan) {
    const seen = new Set();
    const out = [];
    for (const b of plan.blokken) {
      const key = b.soort + ':' + b.slug;
      if (b.slug && !seen.has(key)) {
        seen.add(key);
        out.push({ soort: b.soort, slug: b.slug });
      }
    }
    return out;
  }

  /**
   * The element cards a plan needs, each once, in order of first use: `cardsOf`
   * gives a sheet's element codes.
   */
  function cards(plan, cardsOf) {
    const out = [];
    for (const s of sheets(plan)) {
      for (const code of cardsOf(s) || []) if (!out.includes(code)) out.push(code);
    }
    return out;
  }

  root.WerkplaatsTools = {
    numbers, mean, median, min, max, spread, summary, own,
    round, formatNumber, decimalSign, csvField, csvSeparator, toCsv, fill,
    radarPoint,
    MAX_BLOCKS, MAX_MINUTES, emptyPlan, parseTime, formatTime, formatDuration, encodePlan, decodePlan, readPlan,
    scaleSteps, proposePlan, schedule,
    sheets, cards,
  };
})(typeof globalThis !== 'undefined' ? globalThis : this);
