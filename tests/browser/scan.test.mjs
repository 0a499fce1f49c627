// The reflection scan of the real toolkit in headless Chromium, opened from disk:
// fill it in, check the radar against the answers, keep, export, clear and
// re-import, then read three participants' files into the team view and check
// its statistics against values computed here. Print, accessibility, no network.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch, buildRealToolkit, watchRequests } from './lib.mjs';
import { axeViolations, pdfInfo, pdfPages } from './tools-helpers.mjs';
import jsQR from 'jsqr';

const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
const median = (xs) => {
  const v = [...xs].sort((a, b) => a - b);
  const m = Math.floor(v.length / 2);
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
};
const dutch = (x, d = 1) => (Math.round(x * 10 ** d) / 10 ** d).toFixed(d).replace('.', ',');
const numbersOf = (answers) => answers.filter((a) => typeof a === 'number');

/** Answers per element: a pattern per element index, with some "weet ik niet". */
function answersFor(data, patterns) {
  return Object.fromEntries(data.elementen.map((e, ei) => [
    e.code, e.uitspraken.map((_, i) => patterns[ei % patterns.length][i % patterns[ei % patterns.length].length]),
  ]));
}

/** Where a value lands on the radar, computed here independently of the page. */
function expectedPoint(i, n, v) {
  const angle = -Math.PI / 2 + (2 * Math.PI * i) / n;
  const d = (150 * v) / 5;
  return { x: 220 + d * Math.cos(angle), y: 220 + d * Math.sin(angle) };
}

async function fill(page, answers) {
  for (const [code, list] of Object.entries(answers)) {
    for (const [i, a] of list.entries()) {
      if (a == null) continue;
      await page.check(`input[name="${code}-${i}"][value="${a}"]`);
    }
  }
}

async function dots(page, cls) {
  return page.$$eval(`svg circle.${cls}`, (cs) => cs.map((c) => ({
    code: c.dataset.code, value: Number(c.dataset.waarde), x: Number(c.getAttribute('cx')), y: Number(c.getAttribute('cy')),
  })));
}

/** A participant's file as the page writes it (version 2), made here from the page's data. */
function participantFile(data, naam, rol, patterns, deelnemer = naam ? `id-${naam}` : 'id-anoniem') {
  const elementen = {};
  const answers = answersFor(data, patterns);
  for (const e of data.elementen) {
    elementen[e.code] = { aspecten: e.uitspraken.map((tekst, i) => ({ id: e.ids[i], tekst, antwoord: answers[e.code][i] })), notitie: '' };
  }
  return { answers, file: { soort: 'werkplaats-reflectiescan', versie: 2, toolkit: data.toolkit, scanversie: data.versie, deelnemer, naam, rol, datum: '2025-03-14', elementen } };
}

function openScan() {
  const out = buildRealToolkit();
  return pathToFileURL(join(out, 'reflectiescan', 'index.html')).href;
}

const buffer = (x) => Buffer.from(JSON.stringify(x));

test('reflection scan: answers, radar, readings, files, team view, print and accessibility', async () => {
  const url = openScan();
  const browser = await launch();
  try {
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    const requests = watchRequests(page);
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('dialog', (d) => d.accept());
    await page.goto(url);

    const data = await page.evaluate(() => window.WERKPLAATS_SCAN);
    const codes = data.elementen.map((e) => e.code);
    assert.deepEqual([...codes].sort(), ['GOC', 'LEA', 'LOS', 'SRI', 'VMM', 'VOR']);
    assert.equal(await page.$$eval('svg#radar circle.punt', (c) => c.length), 0, 'no dots before any answer');

    // Fill in: high and low scores, "weet ik niet" in places.
    const answers = answersFor(data, [[5, 4, 5, 4, 5, 5], [3, '?', 3, 4, 2, 3], [1, 2, '?', 2, 1, 3], [4, 4, 3, 4, 4, 4], [2, 3, 3, 2, 3, 3], ['?', '?', '?', '?', '?', '?']]);
    await fill(page, answers);
    await page.fill('#scan-naam', 'Sam <img src=x onerror="window.__xss=1">');
    await page.selectOption('#scan-rol', 'bruggenbouwer');
    const note = 'Vooral \'s ochtends; "overdracht" <script>window.__xss=2</script>';
    await page.fill(`#notitie-${codes[2]}`, note);

    const n = codes.length;
    const scores = Object.fromEntries(codes.map((c) => [c, numbersOf(answers[c]).length ? mean(numbersOf(answers[c])) : null]));
    const check = async () => {
      const found = await dots(page, 'punt');
      const expected = codes.filter((c) => scores[c] != null);
      assert.deepEqual(found.map((d) => d.code), expected, 'one dot per element with a score, in axis order');
      for (const d of found) {
        const i = codes.indexOf(d.code);
        assert.ok(Math.abs(d.value - scores[d.code]) < 1e-3, `${d.code}: ${d.value} vs ${scores[d.code]}`);
        const p = expectedPoint(i, n, scores[d.code]);
        assert.ok(Math.abs(d.x - p.x) < 0.02 && Math.abs(d.y - p.y) < 0.02, `${d.code} at ${d.x},${d.y}, expected ${p.x},${p.y}`);
      }
      for (const c of codes) {
        const item = page.locator(`.duiding-element[data-code="${c}"]`);
        const own = numbersOf(answers[c]);
        const reading = await item.locator('.score').textContent();
        if (scores[c] == null) assert.match(reading, /Nog geen score/, c);
        else {
          assert.match(reading, new RegExp(`gemiddeld ${dutch(scores[c])}`), c);
          assert.match(reading, new RegExp(`antwoorden van ${Math.min(...own)} tot ${Math.max(...own)}`), c);
        }
        // No verdict: the same links for every element, whatever its score.
        const work = item.locator('.interventie');
        if (await work.count()) assert.ok(await work.isVisible(), `${c}: links shown`);
      }
      const shown = await page.textContent('#resultaat');
      for (const verdict of ['Sterk', 'In ontwikkeling', 'Aandacht', 'vraagt aandacht']) assert.ok(!shown.includes(verdict), `no verdict "${verdict}"`);
    };
    await check();
    const known = codes.filter((c) => scores[c] != null);
    const low = Math.min(...known.map((c) => scores[c]));
    const lowest = known.filter((c) => scores[c] - low < 1e-9);
    assert.equal(await page.locator(`.duiding-element[data-code="${codes[2]}"] .oordeel-notitie`).textContent(), note);
    // The planner link proposes a session for the (at most two) elements
    // scored lowest: each one's first prompt and checklist, and says so.
    const plannerHref = await page.getAttribute('#naar-planner', 'href');
    const proposed = lowest.slice(0, 2);
    assert.match(plannerHref, new RegExp(`van=scan:${proposed.join('\\+')}&`));
    for (const c of proposed) {
      const e = data.elementen.find((x) => x.code === c);
      if (e.gesprekken.length) assert.match(plannerHref, new RegExp(`g:${e.gesprekken[0]}:`));
      if (e.checklists.length) assert.match(plannerHref, new RegExp(`c:${e.checklists[0]}:`));
    }
    const progress = await page.textContent('#voortgang');
    const total = data.elementen.reduce((s, e) => s + e.uitspraken.length, 0);
    assert.equal(progress, `${total} van ${total} aspecten beantwoord.`);

    assert.deepEqual(await axeViolations(page), [], 'axe-core on the filled-in scan');

    // Kept in this browser: a reload brings everything back.
    await page.reload();
    await check();
    assert.equal(await page.inputValue('#scan-rol'), 'bruggenbouwer');

    // Export JSON and CSV.
    const [jsonDownload] = await Promise.all([page.waitForEvent('download'), page.click('#export-json')]);
    assert.match(jsonDownload.suggestedFilename(), /^reflectiescan-sam-img-src-x-onerror-window-xss-1-\d{4}-\d{2}-\d{2}\.json$/);
    const exported = JSON.parse(readFileSync(await jsonDownload.path(), 'utf8'));
    assert.equal(exported.soort, 'werkplaats-reflectiescan');
    assert.equal(exported.versie, 2);
    assert.equal(exported.toolkit, data.toolkit);
    assert.equal(exported.scanversie, data.versie);
    assert.match(exported.deelnemer, /^[0-9a-f]{18}$/);
    assert.equal(exported.rol, 'bruggenbouwer');
    for (const e of data.elementen) {
      assert.deepEqual(exported.elementen[e.code].aspecten, e.uitspraken.map((tekst, i) => ({ id: e.ids[i], tekst, antwoord: answers[e.code][i] })), e.code);
    }
    assert.equal(exported.elementen[codes[2]].notitie, note);

    const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
    const csv = readFileSync(await csvDownload.path(), 'utf8');
    assert.ok(csv.startsWith('\ufeffcode;element;nr;aspect;antwoord;gemiddelde element;notitie\r\n'), csv.slice(0, 80));
    assert.ok(!/;(Sterk|In ontwikkeling|Aandacht);/.test(csv), 'no verdict in the CSV');
    const lines = csv.trim().split('\r\n');
    assert.equal(lines.length, total + 1, 'a header and one row per aspect');
    const first = lines[1].split(';');
    assert.deepEqual(first.slice(0, 3), [codes[0], data.elementen[0].naam, '1']);
    assert.equal(first[4], String(answers[codes[0]][0]));
    assert.ok(lines.some((l) => l.includes(';weet ik niet;')));

    // Clear, then import the exported file again.
    await page.click('#wissen');
    assert.equal(await page.$$eval('#scan input[type=radio]:checked', (r) => r.length), 0);
    assert.equal(await page.$$eval('svg#radar circle.punt', (c) => c.length), 0);
    await page.reload();
    assert.equal(await page.$$eval('#scan input[type=radio]:checked', (r) => r.length), 0, 'cleared from storage too');
    await page.setInputFiles('#import-json', { name: 'mijn.json', mimeType: 'application/json', buffer: readFileSync(await jsonDownload.path()) });
    await page.waitForSelector('svg#radar circle.punt');
    await check();
    assert.match(await page.textContent('#scan-melding'), /mijn\.json/);

    // A one-page A4 result.
    const result = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
    const info = pdfInfo(result);
    assert.equal(info.pages, 1, 'the result prints on one page');
    assert.ok(Math.abs(info.widthMm - 210) < 1 && Math.abs(info.heightMm - 297) < 1, 'A4');
    const printed = pdfPages(result)[0];
    assert.match(printed, /Jouw resultaat/);
    assert.ok(!/In hoeverre is dit er nu/.test(printed), 'the form itself is not printed');
    assert.match(printed, /Bronnen: Swennenhuis e\.a\., z\.d\./, 'the result names its sources');

    // Team view: three participants' files, plus one that is not a scan.
    const people = [
      participantFile(data, 'Anna', 'manager', [[5, 5, 4, 5, 5, 5], [4, 4, 4, 4, 4, 4], [2, 2, 2, 2, 2, 2]]),
      participantFile(data, 'Bo', 'student', [[1, 2, 1, 2, 1, 1], [4, 3, 4, 4, 3, 4], [2, 3, '?', 2, 2, 3]]),
      participantFile(data, '', '', [[3, 3, 3, 3, 4, 3], ['?', 4, 5, 4, 4, 4], ['?', '?', '?', '?', '?', '?']]),
    ];
    await page.setInputFiles('#team-bestanden', [
      { name: 'anna.json', mimeType: 'application/json', buffer: buffer(people[0].file) },
      { name: 'bo.json', mimeType: 'application/json', buffer: buffer(people[1].file) },
      { name: 'derde.json', mimeType: 'application/json', buffer: buffer(people[2].file) },
      { name: 'kapot.json', mimeType: 'application/json', buffer: Buffer.from('{"soort": "iets anders"}') },
    ]);
    await page.waitForSelector('#team-resultaat:not([hidden])');
    assert.equal(await page.textContent('#team-melding p'), '3 deelnemers ingelezen.');
    assert.deepEqual(await page.$$eval('#team-melding li', (lis) => lis.map((li) => li.textContent)), ['kapot.json is geen bestand van de reflectiescan en is niet gebruikt.']);

    const teamScores = people.map((p) => Object.fromEntries(codes.map((c) => {
      const v = numbersOf(p.answers[c]);
      return [c, v.length ? mean(v) : null];
    })));
    const stats = Object.fromEntries(codes.map((c) => {
      const v = teamScores.map((s) => s[c]).filter((x) => x != null);
      return [c, { n: v.length, mean: mean(v), min: Math.min(...v), median: median(v), max: Math.max(...v), spread: Math.max(...v) - Math.min(...v) }];
    }));
    // Where the team differs most: every element with two or more scores, widest first, no cut-off.
    const byDifference = codes.filter((c) => stats[c].n >= 2).map((c, i) => ({ c, i }))
      .sort((a, b) => stats[b.c].spread - stats[a.c].spread || a.i - b.i).map(({ c }) => c);

    const rows = await page.$$eval('#team-tabel tbody tr', (trs) => trs.map((tr) => ({
      code: tr.dataset.code, cells: Array.from(tr.cells).slice(1).map((td) => td.textContent),
    })));
    assert.deepEqual(rows.map((r) => r.code), codes);
    for (const r of rows) {
      const s = stats[r.code];
      assert.deepEqual(r.cells, [`${s.n} van 3`, dutch(s.mean), dutch(s.median), dutch(s.min), dutch(s.max), dutch(s.spread)], r.code);
    }
    assert.deepEqual(await page.$$eval('#team-bespreken .verschil-elementen li', (lis) => lis.map((li) => li.dataset.code)), byDifference);
    const teamShown = await page.textContent('#team');
    assert.ok(!/eerst te bespreken|Sterk|Aandacht/.test(teamShown), 'no verdict in the team view');
    const medians = await dots(page, 'mediaan');
    assert.deepEqual(medians.map((d) => d.code), codes);
    for (const d of medians) {
      assert.ok(Math.abs(d.value - stats[d.code].median) < 1e-3, d.code);
      const p = expectedPoint(codes.indexOf(d.code), n, stats[d.code].median);
      assert.ok(Math.abs(d.x - p.x) < 0.02 && Math.abs(d.y - p.y) < 0.02, `median of ${d.code}`);
    }
    const ranges = await page.$$eval('#team-radar line.bereik', (ls) => ls.map((l) => [l.dataset.code, Number(l.dataset.min), Number(l.dataset.max)]));
    for (const [code, lo, hi] of ranges) {
      assert.ok(Math.abs(lo - stats[code].min) < 1e-3 && Math.abs(hi - stats[code].max) < 1e-3, code);
    }
    assert.equal(await page.$$eval('#team-radar polygon.vlak-deelnemer', (p) => p.length), 3, 'each participant a line');
    const participants = await page.$$eval('#team-deelnemers tbody tr', (trs) => trs.map((tr) => Array.from(tr.cells).map((c) => c.textContent)));
    assert.deepEqual(participants.map((p) => p.slice(0, 2)), [
      ['Anna', 'Manager'], ['Bo', 'Student (professional in opleiding)'], ['derde', 'geen rol opgegeven'],
    ]);
    assert.deepEqual(participants[1].slice(2), codes.map((c) => dutch(teamScores[1][c])));
    // The third has no score at the third element: shown as missing, read out as such, not counted.
    assert.equal(teamScores[2][codes[2]], null);
    assert.equal(participants[2][4], '–Nog geen score');
    assert.equal(stats[codes[2]].n, 2);
    assert.equal(await page.textContent('#team-rollen'), 'Rollen: Manager (1), Student (professional in opleiding) (1), geen rol opgegeven (1)');

    assert.deepEqual(await axeViolations(page), [], 'axe-core with the team view');

    // A file dropped on the team section is read as well.
    const dropped = participantFile(data, 'Chris', 'client', [[4]]);
    const transfer = await page.evaluateHandle((json) => {
      const dt = new DataTransfer();
      dt.items.add(new File([json], 'chris.json', { type: 'application/json' }));
      return dt;
    }, JSON.stringify(dropped.file));
    await page.dispatchEvent('#sleepvak', 'drop', { dataTransfer: transfer });
    await page.waitForFunction(() => document.querySelectorAll('#team-deelnemers tbody tr').length === 4);
    assert.match(await page.textContent('#team-rollen'), /Cliënt \(1\)/);

    // The team's page prints on one page too.
    await page.evaluate(() => { document.body.dataset.afdruk = 'team'; });
    const teamPdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
    assert.equal(pdfInfo(teamPdf).pages, 1);
    assert.match(pdfPages(teamPdf)[0], /Teamweergave/);
    assert.match(pdfPages(teamPdf)[0], /Bronnen: Swennenhuis e\.a\./, 'the team overview names its sources');

    assert.equal(await page.evaluate(() => window.__xss), undefined, 'no text from a file or field ran as code');
    assert.deepEqual(errors, []);
    assert.deepEqual(requests.foreign, []);
    assert.deepEqual(requests.failed, []);
  } finally {
    await browser.close();
  }
});

/** The page's messages under an import: the lines, then the list of what was not used. */
async function messages(page, id) {
  return {
    lines: await page.$$eval(`#${id} p`, (ps) => ps.map((p) => p.textContent)),
    notes: await page.$$eval(`#${id} li`, (lis) => lis.map((li) => li.textContent)),
  };
}

const checked = (page) => page.$$eval('#scan input[type=radio]:checked', (rs) => Object.fromEntries(rs.map((r) => [r.name, r.value])));

test('importing a file: another toolkit refused, an older version mapped by id, invalid values listed, asks first', async () => {
  const url = openScan();
  const browser = await launch();
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    const dialogs = [];
    let answer = false;
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      return answer ? d.accept() : d.dismiss();
    });
    await page.goto(url);
    const data = await page.evaluate(() => window.WERKPLAATS_SCAN);
    const [los, goc] = data.elementen;
    assert.equal(los.code, 'LOS');
    const load = (name, file) => page.setInputFiles('#import-json', { name, mimeType: 'application/json', buffer: buffer(file) });

    // Another toolkit's file, or a newer version's, is refused and changes nothing.
    const mine = participantFile(data, 'Sam', 'manager', [[4, 4, 4, 4, 4, 4]]).file;
    await load('ander.json', Object.assign({}, mine, { toolkit: 'Een andere toolkit' }));
    await page.waitForFunction(() => document.querySelector('#scan-melding').textContent !== '');
    assert.deepEqual(await messages(page, 'scan-melding'), {
      lines: [`ander.json hoort bij een andere toolkit (Een andere toolkit), niet bij ${data.toolkit}, en is niet gebruikt.`], notes: [],
    });
    await load('nieuw.json', Object.assign({}, mine, { versie: 7 }));
    await page.waitForFunction(() => /nieuwere versie/.test(document.querySelector('#scan-melding').textContent));
    assert.deepEqual(await checked(page), {}, 'nothing read from refused files');

    // An older scan: LOS's aspects in another order, two of them worded differently
    // back then, invalid values at GOC, an element this toolkit lacks, and no VOR.
    const older = participantFile(data, 'Sam', 'manager', [[1, 2, 3, 4, 5], [4, 4, 4, 4, 4, 4, 4]]).file;
    older.scanversie = 'oud';
    const l = older.elementen.LOS.aspecten;
    l.reverse();
    l[0] = { id: 'een-oud-aspect', tekst: 'een oud aspect', antwoord: 2 };
    l[1] = { id: 'nog-een-oud-aspect', tekst: 'nog een oud aspect', antwoord: 5 };
    const g = older.elementen.GOC.aspecten;
    g[0].antwoord = 9;
    g[1].antwoord = 'vijf';
    g[2].antwoord = -1;
    g[3].antwoord = 3.5;
    older.elementen.XYZ = { aspecten: [{ id: 'x', tekst: 'x', antwoord: 3 }] };
    delete older.elementen.VOR;
    await load('oud.json', older);
    await page.waitForFunction(() => /oud\.json/.test(document.querySelector('#scan-melding').textContent));
    assert.deepEqual(dialogs, [], 'no answers yet: nothing to ask');
    const got = await checked(page);
    // Mapped by id: LOS's remaining aspects keep their own answers, wherever they stood in the file.
    const kept = los.ids.map((id, i) => [i, l.find((a) => a.id === id)]).filter(([, a]) => a);
    assert.equal(kept.length, los.ids.length - 2);
    for (const [i, a] of kept) assert.equal(got[`LOS-${i}`], String(a.antwoord), `LOS ${i}`);
    for (let i = 0; i < 4; i++) assert.equal(got[`GOC-${i}`], undefined, `GOC ${i}: an invalid value is not used`);
    assert.equal(got['GOC-4'], '4');
    const shown = await messages(page, 'scan-melding');
    assert.deepEqual(shown.lines, ['Antwoorden ingelezen uit oud.json.', 'Niet alles uit het bestand is gebruikt:']);
    assert.deepEqual(shown.notes, [
      'Het bestand is gemaakt met een andere versie van de scan; de antwoorden zijn per aspect overgezet.',
      'Element XYZ komt in deze toolkit niet voor; die antwoorden zijn niet gebruikt.',
      '2 aspecten van LOS zijn veranderd sinds het bestand gemaakt is; hun antwoorden zijn niet gebruikt.',
      `GOC, ‘${goc.uitspraken[0]}’: 9 is geen antwoord (1 tot 5 of ‘weet ik niet’) en is niet gebruikt.`,
      `GOC, ‘${goc.uitspraken[1]}’: "vijf" is geen antwoord (1 tot 5 of ‘weet ik niet’) en is niet gebruikt.`,
      `GOC, ‘${goc.uitspraken[2]}’: -1 is geen antwoord (1 tot 5 of ‘weet ik niet’) en is niet gebruikt.`,
      `GOC, ‘${goc.uitspraken[3]}’: 3.5 is geen antwoord (1 tot 5 of ‘weet ik niet’) en is niet gebruikt.`,
      'Het bestand heeft geen antwoorden bij VOR.',
    ]);

    // Now there are answers: loading another file asks first; "no" keeps them.
    const before = await checked(page);
    await load('mijn.json', mine);
    await page.waitForFunction(() => /niet ingelezen/.test(document.querySelector('#scan-melding').textContent));
    assert.deepEqual(dialogs, ['Je hebt al antwoorden op dit apparaat. Wil je die vervangen door de antwoorden uit mijn.json?']);
    assert.deepEqual(await checked(page), before, 'declined: answers unchanged');
    answer = true;
    await load('mijn.json', mine);
    await page.waitForFunction(() => /ingelezen uit mijn\.json/.test(document.querySelector('#scan-melding').textContent));
    assert.equal(dialogs.length, 2);
    assert.equal((await checked(page))['LOS-0'], '4', 'accepted: replaced');
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});

test('team view: each participant once, labelled lines on the radar, mean and median per aspect, differences first', async () => {
  const url = openScan();
  const browser = await launch();
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    const dialogs = [];
    const answers = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      return answers.shift() ? d.accept() : d.dismiss();
    });
    await page.goto(url);
    const data = await page.evaluate(() => window.WERKPLAATS_SCAN);
    const codes = data.elementen.map((e) => e.code);
    const load = (files) => page.setInputFiles('#team-bestanden', files.map(([name, file]) => ({ name, mimeType: 'application/json', buffer: buffer(file) })));
    const count = () => page.$$eval('#team-deelnemers tbody tr', (trs) => trs.length);
    const said = () => page.$$eval('#team-melding li', (lis) => lis.map((li) => li.textContent));

    const anna = participantFile(data, 'Anna', 'manager', [[5, 5, 4, 5, 5, 5], [2, 2, 2, 2, 2, 2]]);
    const bo = participantFile(data, 'Bo', 'student', [[1, 2, 1, 2, 1, 1], [4, 4, 4, 4, 4, 4]]);
    // Cas has no score at GOC (all "weet ik niet").
    const cas = participantFile(data, 'Cas', '', [[3, 3, 3, 3, 4, 3], ['?', '?', '?', '?', '?', '?'], [3]]);
    await load([['anna.json', anna.file], ['bo.json', bo.file], ['cas.json', cas.file]]);
    await page.waitForSelector('#team-resultaat:not([hidden])');
    assert.equal(await count(), 3);

    // The same file again, even renamed: refused, counts unchanged.
    const before = await page.$$eval('#team-tabel tbody tr', (trs) => trs.map((tr) => tr.textContent));
    await load([['anna-kopie.json', anna.file]]);
    await page.waitForFunction(() => /anna-kopie/.test(document.querySelector('#team-melding').textContent));
    assert.equal(await count(), 3);
    assert.deepEqual(await said(), ['anna-kopie.json: deze antwoorden van Anna zijn al ingelezen; het bestand is niet nog eens meegeteld.']);
    assert.equal(await page.textContent('#team-melding p'), '3 deelnemers ingelezen.');
    assert.deepEqual(await page.$$eval('#team-tabel tbody tr', (trs) => trs.map((tr) => tr.textContent)), before, 'statistics unchanged');
    assert.deepEqual(dialogs, []);

    // The same participant id with other answers (a later export): asked, declined, not counted.
    const annaLater = participantFile(data, 'Anna', 'manager', [[4, 4, 4, 4, 4, 4]], anna.file.deelnemer);
    answers.push(false);
    await load([['anna-later.json', annaLater.file]]);
    await page.waitForFunction(() => /anna-later/.test(document.querySelector('#team-melding').textContent));
    assert.equal(dialogs.pop(), 'anna-later.json is van dezelfde deelnemer als Anna, met andere antwoorden: een nieuwere export? De eerdere antwoorden vervangen?');
    assert.equal(await count(), 3);
    // Another person called Anna: asked, accepted, counted as a fourth.
    const otherAnna = participantFile(data, 'Anna', 'docent', [[2, 2, 2, 2, 2, 2]], 'een-ander-id');
    answers.push(true);
    await load([['anna-2.json', otherAnna.file]]);
    await page.waitForFunction(() => document.querySelectorAll('#team-deelnemers tbody tr').length === 4);
    assert.equal(dialogs.pop(), 'Er is al een deelnemer Anna, met andere antwoorden. anna-2.json toch meetellen als aparte deelnemer?');
    // ... and the later export of the first Anna, accepted, replaces hers.
    answers.push(true);
    await load([['anna-later.json', annaLater.file]]);
    await page.waitForFunction(() => /ingelezen/.test(document.querySelector('#team-melding p').textContent) && document.querySelector('#team-deelnemers tbody tr th').textContent === 'Anna');
    assert.equal(await count(), 4);
    const team = [annaLater, bo, cas, otherAnna];
    const scoresOf = (p) => Object.fromEntries(codes.map((c) => {
      const v = numbersOf(p.answers[c]);
      return [c, v.length ? mean(v) : null];
    }));
    const teamScores = team.map(scoresOf);
    const firstRow = await page.$$eval('#team-deelnemers tbody tr:first-child td', (tds) => tds.map((td) => td.textContent));
    assert.deepEqual(firstRow.slice(1), codes.map((c) => dutch(teamScores[0][c])), 'the later answers replaced the earlier');

    // Mean and median per element, computed here; the missing score is not counted.
    const rows = await page.$$eval('#team-tabel tbody tr', (trs) => trs.map((tr) => [tr.dataset.code, ...Array.from(tr.cells).slice(1).map((td) => td.textContent)]));
    for (const [code, ...cells] of rows) {
      const v = teamScores.map((s) => s[code]).filter((x) => x != null);
      assert.deepEqual(cells, [`${v.length} van 4`, dutch(mean(v)), dutch(median(v)), dutch(Math.min(...v)), dutch(Math.max(...v)), dutch(Math.max(...v) - Math.min(...v))], code);
    }
    assert.equal(rows.find((r) => r[0] === 'GOC')[1], '3 van 4');

    // Per aspect, likewise; and the aspects that differ most come first.
    const aspectStats = data.elementen.flatMap((e) => e.ids.map((id, i) => {
      const v = team.map((p) => p.answers[e.code][i]).filter((a) => typeof a === 'number');
      return { id: `${e.code}/${id}`, code: e.code, tekst: e.uitspraken[i], v, spread: v.length ? Math.max(...v) - Math.min(...v) : -1 };
    }));
    const aspectRows = await page.$$eval('#team-aspecten tbody tr', (trs) => trs.map((tr) => [tr.dataset.aspect, ...Array.from(tr.cells).slice(1).map((td) => td.textContent)]));
    assert.equal(aspectRows.length, aspectStats.length);
    for (const [id, ...cells] of aspectRows) {
      const { v } = aspectStats.find((a) => a.id === id);
      if (!v.length) continue;
      assert.deepEqual(cells.slice(0, 3), [`${v.length} van 4`, dutch(mean(v)), dutch(median(v))], id);
    }
    const widest = aspectStats.map((a, i) => ({ a, i })).filter(({ a }) => a.v.length >= 2)
      .sort((x, y) => y.a.spread - x.a.spread || x.i - y.i).slice(0, 5).map(({ a }) => a.id);
    assert.deepEqual(await page.$$eval('#team-bespreken .verschil-aspecten li', (lis) => lis.map((li) => li.dataset.aspect)), widest);
    const order = await page.$$eval('#team-bespreken, #team-tabel, #team-aspecten', (els) => els.map((el) => el.id));
    assert.deepEqual(order, ['team-bespreken', 'team-tabel', 'team-aspecten'], 'differences listed before the tables');

    // The radar: a legend entry per participant, each line with its own dash, marker and colour.
    const legend = await page.$$eval('#team-legenda button', (bs) => bs.map((b) => ({
      text: b.textContent, label: b.getAttribute('aria-label'), pressed: b.getAttribute('aria-pressed'),
      dash: b.querySelector('line').getAttribute('stroke-dasharray'), marker: b.querySelector('[data-merk]').dataset.merk,
    })));
    assert.deepEqual(legend.map((l) => l.text), ['Anna (Manager)', 'Bo (Student (professional in opleiding))', 'Cas (geen rol opgegeven)', 'Anna (Docent)']);
    assert.equal(legend[2].label, `Cas: ${codes.map((c) => `${c} ${teamScores[2][c] == null ? 'Nog geen score' : dutch(teamScores[2][c])}`).join(', ')}`);
    const lines = await page.$$eval('#team-radar g.deelnemer', (gs) => gs.map((g) => ({
      i: Number(g.dataset.deelnemer), naam: g.dataset.naam, colour: g.getAttribute('stroke'),
      dash: g.querySelector('polygon.vlak-deelnemer').getAttribute('stroke-dasharray'),
      markers: Array.from(g.querySelectorAll('.merk')).map((m) => [m.dataset.merk, m.dataset.code]),
    })));
    assert.deepEqual(lines.map((l) => l.naam), ['Anna', 'Bo', 'Cas', 'Anna']);
    assert.equal(new Set(lines.map((l) => l.dash)).size, 4, 'a dash pattern each: apart in greyscale too');
    assert.equal(new Set(lines.map((l) => l.markers[0][0])).size, 4, 'a marker shape each');
    assert.equal(new Set(lines.map((l) => l.colour)).size, 4);
    lines.forEach((l, i) => {
      assert.equal(l.dash, legend[i].dash, `legend ${i} shows the line's dash`);
      assert.equal(l.markers[0][0], legend[i].marker, `legend ${i} shows the line's marker`);
      assert.deepEqual(l.markers.map((m) => m[1]), codes.filter((c) => teamScores[i][c] != null), `${l.naam}: a marker per score`);
    });
    // A legend entry picks its line out, from the keyboard too.
    await page.focus('#team-legenda button[data-deelnemer="1"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#team-radar g.deelnemer.uitgelicht[data-deelnemer="1"]');
    assert.equal(await page.getAttribute('#team-legenda button[data-deelnemer="1"]', 'aria-pressed'), 'true');
    assert.equal(await page.evaluate(() => document.activeElement.dataset.deelnemer), '1', 'focus stays on the button');

    assert.match(await page.textContent('#team-radar-titel'), /1 \(binnenste ring\) tot 5 \(buitenste ring\)/);
    assert.deepEqual(await axeViolations(page), [], 'axe-core on the team view');
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});

/** Reads the share QR code the page drew: its modules rasterised here, decoded by jsQR. */
async function decodeShareQr(page) {
  const { d, size } = await page.$eval('#deel-qr svg', (svg) => ({
    d: svg.querySelector('path').getAttribute('d'),
    size: Number(svg.getAttribute('viewBox').split(' ')[2]),
  }));
  const scale = 4;
  const w = size * scale;
  const pixels = new Uint8ClampedArray(w * w * 4).fill(255);
  for (const [, x, y] of d.matchAll(/M(\d+) (\d+)h1v1h-1z/g)) {
    for (let dy = 0; dy < scale; dy++) {
      for (let dx = 0; dx < scale; dx++) {
        const at = ((Number(y) * scale + dy) * w + Number(x) * scale + dx) * 4;
        pixels[at] = pixels[at + 1] = pixels[at + 2] = 0;
      }
    }
  }
  const code = jsQR(pixels, w, w);
  return code && code.data;
}

test('a team on phones only: results shared as links and QR codes, read into the team view as files are', async () => {
  const url = openScan();
  const browser = await launch();
  try {
    const errors = [];
    const phone = async () => {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
      const page = await context.newPage();
      page.on('pageerror', (e) => errors.push(String(e)));
      return page;
    };
    const first = await phone();
    await first.goto(url);
    const data = await first.evaluate(() => window.WERKPLAATS_SCAN);

    // Two participants fill in the scan on their own phone and share a link.
    const people = [
      { naam: 'Anna', rol: 'manager', patterns: [[5, 5, 4, 5, 5, 5], [2, 2, 2, 2, 2, 2]] },
      { naam: 'Bo', rol: 'student', patterns: [[1, 2, 1, 2, 1, 1], ['?', 4, 4, 4, 4, 4]] },
    ];
    const links = [];
    for (const [i, p] of people.entries()) {
      const page = i === 0 ? first : await phone();
      if (i > 0) await page.goto(url);
      await page.fill('#scan-naam', p.naam);
      await page.selectOption('#scan-rol', p.rol);
      await fill(page, answersFor(data, p.patterns));
      await page.click('#deel-maak');
      const link = await page.inputValue('#deel-link');
      assert.match(link, /#deel=1\./);
      assert.equal(await decodeShareQr(page), link, 'the QR code holds the link');
      assert.equal(await page.isVisible('#deel-lokaal'), true, 'from disk the page says the link stays on this computer');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `page is ${overflow}px wider than the phone`);
      links.push(link);
    }

    // The facilitator's phone opens each scanned link: asked, added, kept
    // across the links, and the answers leave the address bar.
    // Each scan opens the page anew (a new tab in the same browser).
    const dialogs = [];
    let facilitator = await phone();
    for (const [i, link] of links.entries()) {
      if (i > 0) facilitator = await facilitator.context().newPage();
      facilitator.on('dialog', (d) => {
        dialogs.push(d.message());
        d.accept();
      });
      facilitator.on('pageerror', (e) => errors.push(String(e)));
      await facilitator.goto(link);
      await facilitator.waitForFunction((n) => document.querySelectorAll('#team-deelnemers tbody tr').length === n, i + 1);
    }
    assert.deepEqual(dialogs.map((m) => /van (Anna|Bo)\./.exec(m)[1]), ['Anna', 'Bo']);
    assert.equal(new URL(facilitator.url()).hash, '');
    await facilitator.waitForSelector('#team-resultaat:not([hidden])');
    assert.equal(await facilitator.$$eval('#team-deelnemers tbody tr', (trs) => trs.length), 2);
    const viaLinks = await facilitator.$$eval('#team-tabel tbody tr', (trs) => trs.map((tr) => tr.textContent));

    // A link pasted again is refused; one of another scan version too.
    const otherVersion = links[0].replace(`.${data.versie}.`, '.0000beef.');
    await facilitator.fill('#team-links', `${links[0]}\n${otherVersion}`);
    await facilitator.click('#team-links-voeg');
    const said = await facilitator.$$eval('#team-melding li', (lis) => lis.map((li) => li.textContent));
    assert.equal(said.length, 2, said.join(' | '));
    assert.match(said[0], /al ingelezen/);
    assert.match(said[1], /andere versie/);
    assert.equal(await facilitator.$$eval('#team-deelnemers tbody tr', (trs) => trs.length), 2);

    // The same answers as files give the same team statistics.
    const desk = await phone();
    await desk.goto(url);
    const files = people.map((p) => participantFile(data, p.naam, p.rol, p.patterns).file);
    await desk.setInputFiles('#team-bestanden', files.map((f, i) => ({ name: `${i}.json`, mimeType: 'application/json', buffer: buffer(f) })));
    await desk.waitForSelector('#team-resultaat:not([hidden])');
    assert.deepEqual(await desk.$$eval('#team-tabel tbody tr', (trs) => trs.map((tr) => tr.textContent)), viaLinks);

    // From the team view to a session: where the team differs most, computed
    // here from the answers, and the planner says where the plan came from.
    const spreadOf = (code) => {
      const values = people.map((p) => {
        const nums = answersFor(data, p.patterns)[code].filter((a) => typeof a === 'number');
        return nums.reduce((a, b) => a + b, 0) / nums.length;
      });
      return Math.max(...values) - Math.min(...values);
    };
    const codes = data.elementen.map((e) => e.code);
    const widest = codes.map((c, i) => [c, spreadOf(c), i]).filter(([, s]) => s > 0)
      .sort((a, b) => b[1] - a[1] || a[2] - b[2]).slice(0, 2).map(([c]) => c);
    const href = await facilitator.getAttribute('#team-plan-verschil', 'href');
    assert.match(href, new RegExp(`van=team-verschil:${widest.join('\\+')}&`));
    await facilitator.click('#team-plan-verschil');
    await facilitator.waitForSelector('#plan-van:not([hidden])');
    const from = await facilitator.textContent('#plan-van');
    assert.match(from, /grootste verschil/);
    for (const c of widest) assert.ok(from.includes(c), from);
    const blocks = await facilitator.$$eval('#plan-lijst > li', (lis) => lis.map((li) => li.dataset.slug || li.dataset.soort));
    assert.equal(blocks[0], 'welkom');
    assert.equal(blocks[blocks.length - 1], 'afronding');
    for (const c of widest) {
      const e = data.elementen.find((x) => x.code === c);
      if (e.gesprekken.length) assert.ok(blocks.includes(e.gesprekken[0]), blocks.join());
    }
    await facilitator.goBack();

    // Wiping the team empties what the browser kept.
    await facilitator.click('#team-wissen');
    await facilitator.reload();
    assert.equal(await facilitator.isVisible('#team-resultaat'), false);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});
