/* The reflection scan's team view: participants' files and shared links read
   in, each participant counted once, kept in this browser, drawn as the team
   overview (team-overzicht.js: radar with legend, where the team differs
   most, mean, median and spread), with links to the planner. Uses the helpers
   scan.js shares. Nothing leaves the browser; text from files is only ever
   set with textContent. */
(function () {
  'use strict';
  const P = window.WerkplaatsScanPage;
  if (!P) return;
  const { D, L, t, $, elements, roleLabel } = P;
  const overview = window.WerkplaatsTeamOverzicht(elements, t, roleLabel);

  let team = [];

  /* ---------- the team, kept in this browser ---------- */

  /* Kept in localStorage, so a facilitator who opens participants' shared
     links one after another (each scanned QR code opens the page anew)
     builds up one team. "Team wissen" empties it. The planner's session
     pack reads the same key. */
  const TEAM_KEY = D.team_sleutel;

  function saveTeam() {
    try {
      if (team.length) localStorage.setItem(TEAM_KEY, JSON.stringify(team));
      else localStorage.removeItem(TEAM_KEY);
    } catch (e) {
      /* Storage off: the team lasts as long as the page. */
    }
  }

  function loadTeam() {
    try {
      const saved = JSON.parse(localStorage.getItem(TEAM_KEY) || '[]');
      return Array.isArray(saved) ? saved.filter((m) => m && typeof m === 'object' && m.scores && m.antwoorden) : [];
    } catch (e) {
      return [];
    }
  }

  /* ---------- adding participants: files and shared links ---------- */

  /** Adds what was read ({name, got, fallback}), each participant once; returns the notes. */
  function addRead(items) {
    const notes = [];
    for (const { name, got, fallback } of items) {
      if (got.refused) {
        notes.push(P.message(got.refused, name));
        continue;
      }
      const member = L.teamMember(got.state, elements, fallback || t('scan_deelnemer', { n: team.length + 1 }));
      const verdict = L.admit(team, member);
      const values = Object.assign({ bestand: name }, verdict.values);
      if (verdict.action === 'refuse') {
        notes.push(t(verdict.key, values));
        continue;
      }
      if (verdict.action === 'ask' && !window.confirm(t(verdict.key, values))) {
        notes.push(t('scan_team_overgeslagen', values));
        continue;
      }
      if (verdict.action === 'ask' && verdict.replace) team[verdict.index] = member;
      else team.push(member);
      notes.push(...got.notes.map((n) => `${name}: ${P.message(n, name)}`));
    }
    saveTeam();
    renderTeam();
    P.report('team-melding', [t('scan_team_ingelezen', { n: team.length })], notes);
    return notes;
  }

  async function addFiles(files) {
    const items = [];
    for (const file of Array.from(files)) {
      items.push({ name: file.name, got: await P.readFile(file), fallback: file.name.replace(/\.json$/i, '') });
    }
    addRead(items);
  }

  /** Links pasted one per line (blank lines skipped). */
  function addLinks(text) {
    const links = String(text).split(/\s+/).filter(Boolean);
    addRead(links.map((link, i) => ({ name: t('scan_team_link_naam', { n: i + 1 }), got: L.readShare(link, elements, P.SCAN) })));
  }

  /** The page opened from a shared link (a scanned QR code): offer to add it, then drop it from the address. */
  function incoming() {
    if (!/(^#|&)deel=/.test(location.hash)) return;
    const got = L.readShare(location.hash, elements, P.SCAN);
    try {
      history.replaceState(null, '', location.pathname + location.search);
    } catch (e) {
      /* the fragment stays; reading it again asks again */
    }
    const name = t('scan_team_link_naam', { n: 1 });
    if (!got.refused && !window.confirm(t('scan_team_binnen', { naam: got.state.naam || name }))) return;
    addRead([{ name, got }]);
    $('team').scrollIntoView();
  }

  /**
   * From the team result to a session: links to the planner for the (at most
   * two) elements where the team differs most, and for those with the lowest
   * team mean. Places to start a conversation, not verdicts.
   */
  function toPlanner(stats) {
    const focus = L.sessionFocus(stats);
    const of = (codes) => codes.map((c) => elements.find((e) => e.code === c));
    for (const [id, codes, soort] of [['team-plan-verschil', focus['team-verschil'], 'team-verschil'], ['team-plan-laag', focus['team-laag'], 'team-laag']]) {
      const href = codes.length ? P.plannerHref(of(codes), soort) : null;
      const a = $(id);
      a.parentElement.hidden = !href;
      if (href) {
        a.href = href;
        a.textContent = t('scan_team_plan_' + (soort === 'team-verschil' ? 'verschil' : 'laag'), { elementen: codes.join(', ') });
      }
    }
  }

  function renderTeam() {
    $('team-resultaat').hidden = team.length === 0;
    if (!team.length) return;
    toPlanner(overview.draw(team));
  }

  /* ---------- controls ---------- */

  $('team-bestanden').addEventListener('change', async (event) => {
    const files = Array.from(event.target.files);
    event.target.value = '';
    await addFiles(files);
  });

  const zone = $('team');
  zone.addEventListener('dragover', (e) => {
    e.preventDefault();
    zone.classList.add('slepen');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('slepen'));
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    zone.classList.remove('slepen');
    if (e.dataTransfer && e.dataTransfer.files.length) addFiles(e.dataTransfer.files);
  });
  /* A file dropped beside the zone would replace the page; dropped text still goes into fields. */
  const carriesFiles = (e) => e.dataTransfer && Array.from(e.dataTransfer.types).includes('Files');
  window.addEventListener('dragover', (e) => {
    if (carriesFiles(e)) e.preventDefault();
  });
  window.addEventListener('drop', (e) => {
    if (carriesFiles(e)) e.preventDefault();
  });

  $('team-links-voeg').addEventListener('click', () => {
    addLinks($('team-links').value);
    $('team-links').value = '';
  });

  $('team-wissen').addEventListener('click', () => {
    team = [];
    overview.reset();
    saveTeam();
    renderTeam();
    P.report('team-melding', [], []);
  });

  $('team-csv').addEventListener('click', () => {
    const stats = L.teamStats(team, elements);
    const numbers = (s) => [s.mean, s.median, s.min, s.max, s.spread].map((v) => L.formatNumber(v, 2));
    const rows = [t('scan_team_csv_kolommen').split(';')];
    for (const s of stats.perElement) {
      const e = elements.find((x) => x.code === s.code);
      rows.push([e.code, e.naam, s.n].concat(numbers(s)));
    }
    rows.push([]);
    rows.push(t('scan_team_csv_aspect_kolommen').split(';'));
    for (const s of stats.perAspect) rows.push([s.code, s.id.split('/')[1], s.tekst, s.n].concat(numbers(s)));
    rows.push([]);
    rows.push([t('scan_kol_deelnemer'), t('scan_kol_rol')].concat(elements.map((e) => e.code)));
    for (const p of team) rows.push([p.naam, roleLabel(p.rol)].concat(elements.map((e) => L.formatNumber(p.scores[e.code], 2))));
    P.download('reflectiescan-team.csv', 'text/csv;charset=utf-8', L.toCsv(rows));
  });
  team = loadTeam();
  if (team.length) renderTeam();
  incoming();
  window.addEventListener('hashchange', incoming);
})();
