/* The pure part of the reflection scan: answers, scores, the scan's files
   (written and read back, older versions mapped by aspect id) and the team
   view's statistics and who is who.

   No DOM, no storage and no UI text: messages are {key, values} for the page
   to translate. Unit-tested in Node (tests/browser/tools-lib.test.mjs). Adds
   to the WerkplaatsTools namespace of tools-lib.js, which loads first. The
   file format is described in docs/scan-file.md, its schema in
   schemas/reflectiescan.json. */
(function (root) {
  'use strict';
  const L = root.WerkplaatsTools;

  /** What an exported file says it is; files without it are refused on import. */
  const FILE_KIND = 'werkplaats-reflectiescan';
  /** The file format this page writes; it reads this one and every older one. */
  const FILE_VERSION = 2;
  /** The answer "weet ik niet": answered, but not a score. */
  const DONT_KNOW = '?';

  /** An answer as stored: a whole number 1–5, "?" for "weet ik niet", or null. */
  function normaliseAnswer(x) {
    if (x === DONT_KNOW) return DONT_KNOW;
    const n = typeof x === 'string' && /^[1-5]$/.test(x) ? Number(x) : x;
    return Number.isInteger(n) && n >= 1 && n <= 5 ? n : null;
  }

  /** Whether a value in a file is an answer at all (a missing one, null, counts as one). */
  function isAnswer(x) {
    return x == null || normaliseAnswer(x) != null;
  }

  /** An element's score: the mean of its answers 1–5; null when none has a number. */
  function elementScore(answers) {
    return L.mean((Array.isArray(answers) ? answers : []).map(normaliseAnswer).filter((a) => a !== DONT_KNOW));
  }

  function text(x, maxLength) {
    return typeof x === 'string' ? x.slice(0, maxLength) : '';
  }

  /** An empty set of answers for `elements` ({code, uitspraken}). */
  function emptyAnswers(elements) {
    const state = { deelnemer: '', naam: '', rol: '', datum: '', antwoorden: {}, notities: {} };
    for (const e of elements) {
      state.antwoorden[e.code] = e.uitspraken.map(() => null);
      state.notities[e.code] = '';
    }
    return state;
  }

  /** Whether any aspect has an answer or any element a note. */
  function hasAnswers(state) {
    return Object.values(state.antwoorden).some((list) => list.some((a) => a != null))
      || Object.values(state.notities).some(Boolean);
  }

  /**
   * The file a participant exports: the toolkit and scan version it belongs
   * to, and per element each aspect's id, text and answer. `scan` is
   * {toolkit, versie} of this page.
   */
  function writeScan(state, elements, scan) {
    const elementen = {};
    for (const e of elements) {
      const answers = state.antwoorden[e.code] || [];
      const score = elementScore(answers);
      elementen[e.code] = {
        naam: e.naam,
        aspecten: e.uitspraken.map((tekst, i) => ({ id: e.ids[i], tekst, antwoord: normaliseAnswer(answers[i]) })),
        gemiddelde: score == null ? null : L.round(score, 2),
        notitie: state.notities[e.code] || '',
      };
    }
    return {
      soort: FILE_KIND, versie: FILE_VERSION, toolkit: scan.toolkit, scanversie: scan.versie,
      deelnemer: state.deelnemer, naam: state.naam, rol: state.rol, datum: state.datum, elementen,
    };
  }

  const refuse = (key, values) => ({ state: null, refused: { key, values: values || {} }, notes: [] });

  /**
   * Reads a file (a parsed JSON value) into answers for `elements`.
   * Returns {state, refused, notes}: `refused` ({key, values}) when it is no
   * scan file, another toolkit's or a newer version's; otherwise `state`, and
   * in `notes` whatever could not be used: elements this toolkit lacks or the
   * file lacks, aspects that changed since the file was made (matched by id,
   * or in version 1 files by text), values that are not an answer.
   */
  function readScan(data, elements, scan) {
    if (!data || typeof data !== 'object' || Array.isArray(data) || data.soort !== FILE_KIND) return refuse('scan_fout_soort');
    const version = data.versie;
    if (!Number.isInteger(version) || version < 1) return refuse('scan_fout_soort');
    if (version > FILE_VERSION) return refuse('scan_fout_nieuwer', { versie: version });
    const toolkit = typeof data.toolkit === 'string' ? data.toolkit : '';
    if ((version >= 2 || toolkit) && toolkit !== scan.toolkit) {
      return refuse('scan_fout_toolkit', { toolkit: toolkit || '?', hier: scan.toolkit });
    }
    if (!data.elementen || typeof data.elementen !== 'object' || Array.isArray(data.elementen)) return refuse('scan_fout_soort');

    const state = emptyAnswers(elements);
    state.deelnemer = typeof data.deelnemer === 'string' && /^[A-Za-z0-9-]{1,64}$/.test(data.deelnemer) ? data.deelnemer : '';
    state.naam = text(data.naam, 80);
    state.rol = text(data.rol, 40);
    state.datum = typeof data.datum === 'string' && /^\d{4}-\d{2}-\d{2}/.test(data.datum) ? data.datum.slice(0, 10) : '';
    const notes = [];
    if (version >= 2 && data.scanversie !== scan.versie) notes.push({ key: 'scan_let_andere_versie', values: {} });
    const codes = elements.map((e) => e.code);
    for (const code of Object.keys(data.elementen)) {
      if (!codes.includes(code)) notes.push({ key: 'scan_let_element_onbekend', values: { code: text(code, 20) } });
    }
    for (const e of elements) {
      const got = L.own(data.elementen, e.code) ? data.elementen[e.code] : null;
      if (!got || typeof got !== 'object') {
        notes.push({ key: 'scan_let_element_ontbreekt', values: { code: e.code } });
        continue;
      }
      const { answers, changed, invalid } = (version >= 2 ? byId : byText)(got, e);
      state.antwoorden[e.code] = answers;
      state.notities[e.code] = text(got.notitie, 2000);
      if (changed) notes.push({ key: 'scan_let_aspecten_veranderd', values: { code: e.code, n: changed } });
      for (const bad of invalid) notes.push({ key: 'scan_let_ongeldig', values: Object.assign({ code: e.code }, bad) });
    }
    return { state, refused: null, notes };
  }

  /** Pairs of (where the answer goes in `e`, or -1; the answer; the aspect's text in the file). */
  function pairs(entries, find) {
    return entries.map((entry) => Object.assign({ at: find(entry) }, entry));
  }

  /** Answers of a version 2 element: each aspect found by its id. */
  function byId(got, e) {
    const list = Array.isArray(got.aspecten) ? got.aspecten.filter((a) => a && typeof a === 'object') : [];
    const entries = list.map((a) => ({ id: a.id, tekst: text(a.tekst, 300), waarde: a.antwoord }));
    return place(pairs(entries, (x) => e.ids.indexOf(x.id)), e);
  }

  /** Answers of a version 1 element: positional lists, matched to today's aspects by their text. */
  function byText(got, e) {
    const texts = Array.isArray(got.aspecten) ? got.aspecten : [];
    const values = Array.isArray(got.antwoorden) ? got.antwoorden : [];
    const entries = values.map((waarde, i) => ({ tekst: text(texts[i], 300), waarde }));
    return place(pairs(entries, (x) => (x.tekst ? e.uitspraken.indexOf(x.tekst) : -1)), e);
  }

  /** Puts matched answers in place; counts answered aspects that no longer exist, lists values that are no answer. */
  function place(found, e) {
    const answers = e.uitspraken.map(() => null);
    let changed = 0;
    const invalid = [];
    for (const f of found) {
      if (!isAnswer(f.waarde)) {
        invalid.push({ aspect: f.at >= 0 ? e.uitspraken[f.at] : f.tekst || '?', waarde: shown(f.waarde) });
      } else if (f.at < 0) {
        if (f.waarde != null) changed += 1;
      } else {
        answers[f.at] = normaliseAnswer(f.waarde);
      }
    }
    return { answers, changed, invalid };
  }

  /** A value from a file as it can be shown in a message. */
  function shown(x) {
    const s = typeof x === 'string' ? `"${x}"` : JSON.stringify(x);
    return String(s === undefined ? x : s).slice(0, 40);
  }

  /** Each element's score for a set of answers: {code: score or null}. */
  function scores(state, elements) {
    const out = {};
    for (const e of elements) out[e.code] = elementScore(state.antwoorden[e.code]);
    return out;
  }

  /** How many statements have an answer (a number or "weet ik niet"), of how many. */
  function progress(state, elements) {
    let answered = 0;
    let total = 0;
    for (const e of elements) {
      const a = state.antwoorden[e.code] || [];
      total += e.uitspraken.length;
      answered += e.uitspraken.filter((_, i) => normaliseAnswer(a[i]) != null).length;
    }
    return { answered, total };
  }

  /* ---------- a result as a link ---------- */

  /** The fragment key of a shared result, and its format's version. */
  const SHARE_KEY = 'deel';
  const SHARE_VERSION = 1;
  const SHARE_SIGNS = { '?': 'x', 1: '1', 2: '2', 3: '3', 4: '4', 5: '5' };

  /**
   * A participant's answers as a URL fragment (without "#"), short enough for
   * a QR code: the format, the toolkit, the scan version (which fixes the
   * elements and aspects and their order, so answers can go by position) and
   * one sign per aspect (1–5, x for "weet ik niet", - for no answer), elements
   * separated by "_"; then name, role and participant id. Notes stay out: a
   * link is for handing a score over, not what someone wrote.
   */
  function writeShare(state, elements, scan) {
    const signs = elements.map((e) => (state.antwoorden[e.code] || e.uitspraken.map(() => null))
      .map((a) => SHARE_SIGNS[normaliseAnswer(a)] || '-').join('')).join('_');
    const parts = [SHARE_VERSION, scan.toolkit, scan.versie, signs, state.naam, state.rol, state.deelnemer];
    // '.' separates the parts, so it is escaped too (encodeURIComponent keeps it).
    return SHARE_KEY + '=' + parts.map((p) => encodeURIComponent(String(p || '')).replace(/\./g, '%2E')).join('.');
  }

  /**
   * Reads a shared link (a whole URL or its fragment) as readScan reads a file:
   * {state, refused, notes}. A link of another toolkit or another scan version
   * is refused (its answers go by position, which only this version fixes).
   */
  function readShare(link, elements, scan) {
    const s = String(link || '').trim();
    const at = s.indexOf('#');
    const fragment = at >= 0 ? s.slice(at + 1) : s;
    const m = new RegExp('(?:^|&)' + SHARE_KEY + '=([^&]*)').exec(fragment);
    if (!m) return refuse('scan_fout_link');
    const parts = m[1].split('.').map((p) => {
      try {
        return decodeURIComponent(p);
      } catch (e) {
        return '';
      }
    });
    if (parts.length !== 7 || parts[0] !== String(SHARE_VERSION)) return refuse('scan_fout_link');
    const [, toolkit, version, signs, naam, rol, deelnemer] = parts;
    if (toolkit !== scan.toolkit) return refuse('scan_fout_toolkit', { toolkit: toolkit || '?', hier: scan.toolkit });
    if (version !== scan.versie) return refuse('scan_fout_link_versie');
    const groups = signs.split('_');
    if (groups.length !== elements.length || elements.some((e, i) => groups[i].length !== e.uitspraken.length)
      || !/^[1-5x_-]*$/.test(signs)) return refuse('scan_fout_link');
    const state = emptyAnswers(elements);
    elements.forEach((e, i) => {
      state.antwoorden[e.code] = Array.from(groups[i]).map((c) => (c === 'x' ? DONT_KNOW : c === '-' ? null : Number(c)));
    });
    state.naam = naam.slice(0, 80);
    state.rol = rol.slice(0, 40);
    state.deelnemer = /^[A-Za-z0-9-]{1,64}$/.test(deelnemer) ? deelnemer : '';
    return { state, refused: null, notes: [] };
  }

  /* ---------- the team view ---------- */

  /** What a participant answered, for telling two files apart: name, role, answers and notes. */
  function fingerprint(state) {
    const codes = Object.keys(state.antwoorden).sort();
    return JSON.stringify([state.naam, state.rol, codes.map((c) => [c, state.antwoorden[c], state.notities[c] || ''])]);
  }

  /** One participant in the team view, from a file read with readScan. */
  function teamMember(state, elements, fallbackName) {
    return {
      deelnemer: state.deelnemer, naam: state.naam || fallbackName, rol: state.rol,
      vingerafdruk: fingerprint(state), antwoorden: state.antwoorden, scores: scores(state, elements),
    };
  }

  const sameName = (a, b) => a.trim() !== '' && a.trim().toLowerCase() === b.trim().toLowerCase();

  /**
   * Whether `member` may join `team`, so each participant counts once:
   * {action: 'add'}; {action: 'refuse', key} for the same answers again;
   * {action: 'ask', key, index} for the same participant id with other
   * answers (replace `index`?) or the same name with other answers (add anyway?).
   */
  function admit(team, member) {
    const values = { naam: member.naam };
    const same = team.findIndex((m) => m.vingerafdruk === member.vingerafdruk);
    if (same >= 0) return { action: 'refuse', key: 'scan_team_dubbel', values, index: same };
    const id = member.deelnemer ? team.findIndex((m) => m.deelnemer === member.deelnemer) : -1;
    if (id >= 0) return { action: 'ask', key: 'scan_team_zelfde_deelnemer', values, index: id, replace: true };
    const named = team.findIndex((m) => sameName(m.naam, member.naam));
    if (named >= 0) return { action: 'ask', key: 'scan_team_zelfde_naam', values, index: named, replace: false };
    return { action: 'add' };
  }

  /**
   * The team view: per element and per aspect the participants' values and
   * their summary (n, min, median, max, mean, spread; missing values are not
   * counted), and both ordered by how far the values lie apart, widest first.
   * No cut-off: the team judges what a difference means.
   */
  function teamStats(participants, elements) {
    const perElement = elements.map((e) => {
      const values = L.numbers(participants.map((p) => p.scores[e.code]));
      return Object.assign({ code: e.code, values }, L.summary(values));
    });
    const perAspect = [];
    for (const e of elements) {
      e.uitspraken.forEach((tekst, i) => {
        const values = L.numbers(participants.map((p) => normaliseAnswer(((p.antwoorden && p.antwoorden[e.code]) || [])[i])));
        perAspect.push(Object.assign({ id: e.code + '/' + e.ids[i], code: e.code, tekst, values }, L.summary(values)));
      });
    }
    return {
      perElement, byDifference: byDifference(perElement, 'code'),
      perAspect, aspectsByDifference: byDifference(perAspect, 'id'),
    };
  }

  /** The `key` of `rows` ({n, spread}) by spread, widest first; order kept on ties, fewer than two values last. */
  function byDifference(rows, key) {
    const spreadOf = (r) => (r.n >= 2 ? r.spread : -1);
    return rows.map((r, i) => ({ r, i }))
      .sort((a, b) => spreadOf(b.r) - spreadOf(a.r) || a.i - b.i)
      .map(({ r }) => r[key]);
  }

  /**
   * The elements a team session is proposed for, by where the proposal comes
   * from: 'team-verschil' the (at most two) where the team differs most,
   * 'team-laag' the two with the lowest team mean. Places to start a
   * conversation, not verdicts. The planner's session pack uses it to tell
   * whether the team in this browser is still the one a plan came from.
   */
  function sessionFocus(stats) {
    const byCode = Object.fromEntries(stats.perElement.map((s) => [s.code, s]));
    return {
      'team-verschil': stats.byDifference.filter((c) => byCode[c].n >= 2 && byCode[c].spread > 0).slice(0, 2),
      'team-laag': stats.perElement.filter((s) => s.mean != null).sort((a, b) => a.mean - b.mean).slice(0, 2).map((s) => s.code),
    };
  }

  root.WerkplaatsTools = Object.assign(L, {
    FILE_KIND, FILE_VERSION, DONT_KNOW, normaliseAnswer, isAnswer, elementScore, emptyAnswers, hasAnswers,
    readScan, writeScan, writeShare, readShare, scores, progress, fingerprint, teamMember, admit, teamStats, byDifference, sessionFocus,
  });
})(typeof globalThis !== 'undefined' ? globalThis : this);
