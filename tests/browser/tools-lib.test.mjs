// Unit tests of tools-lib.js, the arithmetic of the reflection scan and the
// session planner, loaded into Node exactly as the page loads it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadToolsLib } from './tools-helpers.mjs';

const L = loadToolsLib();
// Values made inside the script's own realm; compare them as plain data.
const plain = (x) => JSON.parse(JSON.stringify(x));
const close = (a, b) => assert.ok(Math.abs(a - b) < 1e-9, `${a} ≉ ${b}`);

test('statistics of a list of numbers, ignoring what is not a number', () => {
  const xs = [4, '?', 2, null, 5, 1, undefined, NaN];
  assert.equal(L.mean(xs), 3);
  assert.equal(L.median(xs), 3);
  assert.equal(L.median([5, 1, 2]), 2);
  assert.equal(L.min(xs), 1);
  assert.equal(L.max(xs), 5);
  assert.equal(L.spread(xs), 4);
  assert.deepEqual(plain(L.summary([2, 4])), { n: 2, min: 2, median: 3, max: 4, mean: 3, spread: 2 });
  for (const f of ['mean', 'median', 'min', 'max', 'spread']) assert.equal(L[f]([]), null, f);
  assert.equal(L.mean('not a list'), null);
});

test('an element scores the mean of its numbered answers; "weet ik niet" does not count', () => {
  close(L.elementScore([4, 5, '?', null, 3]), 4);
  close(L.elementScore(['1', 2]), 1.5);
  assert.equal(L.elementScore(['?', '?']), null);
  assert.equal(L.elementScore([0, 6, 2.5, 'x']), null, 'only whole numbers 1–5');
  assert.equal(L.normaliseAnswer('?'), '?');
  assert.equal(L.normaliseAnswer(7), null);
});

test('the scan has no norms: no verdict function, no thresholds', () => {
  assert.equal(L.verdict, undefined);
  assert.equal(L.teamStats.length, 2, 'team statistics take participants and elements, no thresholds');
});

const elements = [
  { code: 'AAA', naam: 'Een', uitspraken: ['a1', 'a2', 'a3'], ids: ['a1', 'a2', 'a3'] },
  { code: 'BBB', naam: 'Twee', uitspraken: ['b1', 'b2'], ids: ['b1', 'b2'] },
];
const SCAN = { toolkit: 'Kit', versie: 'v-nu' };

function sample() {
  const state = L.emptyAnswers(elements);
  state.deelnemer = 'abc123';
  state.naam = 'Sam';
  state.rol = 'manager';
  state.datum = '2025-03-14';
  state.antwoorden.AAA = [5, '?', 3];
  state.antwoorden.BBB = [null, 2];
  state.notities.AAA = 'goed';
  return state;
}

test('a result shared as a link reads back as the same answers, without notes', () => {
  const state = sample();
  const fragment = L.writeShare(state, elements, SCAN);
  assert.equal(fragment, 'deel=1.Kit.v-nu.5x3_-2.Sam.manager.abc123');
  const back = plain(L.readShare(`https://example.org/kit/reflectiescan/#${fragment}`, elements, SCAN));
  const expected = plain(state);
  expected.notities = { AAA: '', BBB: '' };
  expected.datum = '';
  assert.deepEqual(back, { state: expected, refused: null, notes: [] });
  // Names with separators survive the trip.
  state.naam = 'Jo. de & Vries_#1';
  assert.equal(plain(L.readShare(L.writeShare(state, elements, SCAN), elements, SCAN)).state.naam, 'Jo. de & Vries_#1');
});

test('a shared link of another toolkit, another scan version or damaged is refused', () => {
  const fragment = L.writeShare(sample(), elements, SCAN);
  const refused = (link, scan = SCAN) => plain(L.readShare(link, elements, scan)).refused;
  assert.equal(refused(fragment, { toolkit: 'Ander', versie: 'v-nu' }).key, 'scan_fout_toolkit');
  assert.equal(refused(fragment, { toolkit: 'Kit', versie: 'v-later' }).key, 'scan_fout_link_versie');
  for (const bad of ['', 'https://example.org/', '#deel=2.Kit.v-nu.5x3_-2.Sam.manager.abc', '#deel=1.Kit.v-nu.5x3_-.Sam.m.abc',
    '#deel=1.Kit.v-nu.5x9_-2.Sam.m.abc', '#deel=1.Kit.v-nu.5x3-2.Sam.m.abc', '#deel=%E0%A4%A']) {
    assert.ok(refused(bad), bad);
  }
});

test('an exported scan carries toolkit, scan version, ids and texts, and reads back the same', () => {
  const state = sample();
  const file = plain(L.writeScan(state, elements, SCAN));
  assert.equal(file.soort, L.FILE_KIND);
  assert.equal(file.versie, 2);
  assert.equal(file.toolkit, 'Kit');
  assert.equal(file.scanversie, 'v-nu');
  assert.equal(file.deelnemer, 'abc123');
  assert.equal(file.elementen.AAA.gemiddelde, 4);
  assert.deepEqual(file.elementen.AAA.aspecten, [
    { id: 'a1', tekst: 'a1', antwoord: 5 }, { id: 'a2', tekst: 'a2', antwoord: '?' }, { id: 'a3', tekst: 'a3', antwoord: 3 },
  ]);
  const back = plain(L.readScan(file, elements, SCAN));
  assert.deepEqual(back, { state: plain(state), refused: null, notes: [] });
  assert.deepEqual(plain(L.progress(state, elements)), { answered: 4, total: 5 });
  assert.equal(L.hasAnswers(state), true);
  assert.equal(L.hasAnswers(L.emptyAnswers(elements)), false);
});

test('answers follow the aspect ids, not their positions', () => {
  const file = plain(L.writeScan(sample(), elements, SCAN));
  // Today the aspects of AAA are in another order, and a2 was reworded.
  const moved = [{ code: 'AAA', naam: 'Een', uitspraken: ['a3', 'a2 nieuw', 'a1'], ids: ['a3', 'a2-nieuw', 'a1'] }, elements[1]];
  const got = plain(L.readScan(file, moved, { toolkit: 'Kit', versie: 'v-later' }));
  assert.deepEqual(got.state.antwoorden.AAA, [3, null, 5]);
  assert.deepEqual(got.notes, [
    { key: 'scan_let_andere_versie', values: {} },
    { key: 'scan_let_aspecten_veranderd', values: { code: 'AAA', n: 1 } },
  ]);
});

test('a file of another toolkit, a newer version or no scan at all is refused', () => {
  const file = plain(L.writeScan(sample(), elements, SCAN));
  const refused = (data) => plain(L.readScan(data, elements, SCAN)).refused;
  assert.deepEqual(refused(Object.assign({}, file, { toolkit: 'Andere kit' })), { key: 'scan_fout_toolkit', values: { toolkit: 'Andere kit', hier: 'Kit' } });
  assert.deepEqual(refused(Object.assign({}, file, { toolkit: undefined })), { key: 'scan_fout_toolkit', values: { toolkit: '?', hier: 'Kit' } });
  assert.deepEqual(refused(Object.assign({}, file, { versie: 7 })), { key: 'scan_fout_nieuwer', values: { versie: 7 } });
  for (const bad of [null, [1, 2], { soort: 'iets anders', elementen: {} }, { soort: L.FILE_KIND, versie: 'x', elementen: {} }, { soort: L.FILE_KIND, versie: 2, toolkit: 'Kit' }]) {
    assert.equal(refused(bad).key, 'scan_fout_soort', JSON.stringify(bad));
  }
});

test('a version 1 file is mapped by text; unknown elements, missing ones and invalid values are listed', () => {
  const v1 = {
    soort: L.FILE_KIND, versie: 1, naam: 42,
    elementen: {
      AAA: { aspecten: ['a2', 'weg', 'a1', 'a3', 'a3b'], antwoorden: [4, 5, 9, 'vijf', 3.5] },
      ZZZ: { antwoorden: [1] },
      ['__proto__']: 1,
    },
  };
  const got = plain(L.readScan(v1, elements, SCAN));
  assert.equal(got.refused, null);
  assert.deepEqual(got.state.antwoorden, { AAA: [null, 4, null], BBB: [null, null] });
  assert.equal(got.state.naam, '');
  assert.deepEqual(got.notes, [
    { key: 'scan_let_element_onbekend', values: { code: 'ZZZ' } },
    { key: 'scan_let_element_onbekend', values: { code: '__proto__' } },
    { key: 'scan_let_aspecten_veranderd', values: { code: 'AAA', n: 1 } },
    { key: 'scan_let_ongeldig', values: { code: 'AAA', aspect: 'a1', waarde: '9' } },
    { key: 'scan_let_ongeldig', values: { code: 'AAA', aspect: 'a3', waarde: '"vijf"' } },
    { key: 'scan_let_ongeldig', values: { code: 'AAA', aspect: 'a3b', waarde: '3.5' } },
    { key: 'scan_let_element_ontbreekt', values: { code: 'BBB' } },
  ]);
  // Today's own version 1 exports read back whole.
  const old = { soort: L.FILE_KIND, versie: 1, toolkit: 'Kit', elementen: { AAA: { aspecten: ['a1', 'a2', 'a3'], antwoorden: [1, 2, -1] }, BBB: { aspecten: ['b1', 'b2'], antwoorden: ['?', '5'] } } };
  const back = plain(L.readScan(old, elements, SCAN));
  assert.deepEqual(back.state.antwoorden, { AAA: [1, 2, null], BBB: ['?', 5] });
  assert.deepEqual(back.notes, [{ key: 'scan_let_ongeldig', values: { code: 'AAA', aspect: 'a3', waarde: '-1' } }]);
});

test('the team view: per element min, median, max, mean and spread, and elements by difference', () => {
  const team = [
    { scores: { AAA: 1, BBB: 3 } },
    { scores: { AAA: 4, BBB: 3.5 } },
    { scores: { AAA: 3, BBB: null } },
  ];
  const s = plain(L.teamStats(team, elements));
  assert.deepEqual(s.perElement[0], { code: 'AAA', values: [1, 4, 3], n: 3, min: 1, median: 3, max: 4, mean: 8 / 3, spread: 3 });
  assert.deepEqual(s.perElement[1], { code: 'BBB', values: [3, 3.5], n: 2, min: 3, median: 3.25, max: 3.5, mean: 3.25, spread: 0.5 });
  assert.deepEqual(s.byDifference, ['AAA', 'BBB']);
  // Sorted, no cut-off: a small difference is still listed, after the larger one.
  const calm = plain(L.teamStats([{ scores: { AAA: 3, BBB: 3 } }, { scores: { AAA: 3.2, BBB: 4 } }], elements));
  assert.deepEqual(calm.byDifference, ['BBB', 'AAA']);
  // Ties keep the elements' order; one score or none has no spread and goes last.
  const tie = plain(L.teamStats([{ scores: { AAA: 1, BBB: 2 } }, { scores: { AAA: 3, BBB: 4 } }], elements));
  assert.deepEqual(tie.byDifference, ['AAA', 'BBB']);
  const lonely = plain(L.teamStats([{ scores: { AAA: 2, BBB: 2 } }, { scores: { AAA: null, BBB: 2.5 } }], elements));
  assert.deepEqual(lonely.byDifference, ['BBB', 'AAA']);
  assert.deepEqual(plain(L.teamStats([], elements)).byDifference, ['AAA', 'BBB']);
});

test('a team session is proposed for the two widest spreads or the two lowest means', () => {
  const three = [...elements, { code: 'CCC', uitspraken: ['c1'], ids: ['c1'] }];
  const team = [
    { scores: { AAA: 1, BBB: 3, CCC: 2 } },
    { scores: { AAA: 5, BBB: 3, CCC: 2.5 } },
  ];
  assert.deepEqual(plain(L.sessionFocus(L.teamStats(team, three))), { 'team-verschil': ['AAA', 'CCC'], 'team-laag': ['CCC', 'AAA'] });
  // No spread, no difference to talk about; one participant has no spread at all.
  assert.deepEqual(plain(L.sessionFocus(L.teamStats([team[0], team[0]], three)))['team-verschil'], []);
  assert.deepEqual(plain(L.sessionFocus(L.teamStats([team[0]], three))), { 'team-verschil': [], 'team-laag': ['AAA', 'CCC'] });
});

test('per aspect: mean, median and spread of the answers, missing ones not counted, widest first', () => {
  const team = [
    { scores: {}, antwoorden: { AAA: [5, 1, '?'], BBB: [2, null] } },
    { scores: {}, antwoorden: { AAA: [4, 5, 3], BBB: [2, 3] } },
    { scores: {}, antwoorden: { AAA: [null, 3, 3] } },
  ];
  const s = plain(L.teamStats(team, elements));
  const a = Object.fromEntries(s.perAspect.map((x) => [x.id, x]));
  assert.deepEqual(Object.keys(a), ['AAA/a1', 'AAA/a2', 'AAA/a3', 'BBB/b1', 'BBB/b2']);
  assert.deepEqual([a['AAA/a1'].n, a['AAA/a1'].mean, a['AAA/a1'].median, a['AAA/a1'].spread], [2, 4.5, 4.5, 1]);
  assert.deepEqual([a['AAA/a2'].n, a['AAA/a2'].mean, a['AAA/a2'].median, a['AAA/a2'].spread], [3, 3, 3, 4]);
  assert.deepEqual([a['AAA/a3'].n, a['AAA/a3'].spread], [2, 0]);
  assert.equal(a['BBB/b2'].n, 1);
  assert.equal(a['AAA/a2'].tekst, 'a2');
  assert.deepEqual(s.aspectsByDifference, ['AAA/a2', 'AAA/a1', 'AAA/a3', 'BBB/b1', 'BBB/b2']);
});

test('a participant is counted once: the same answers refused, the same id or name asked about', () => {
  const member = (naam, deelnemer, first) => {
    const state = L.emptyAnswers(elements);
    Object.assign(state, { naam, deelnemer });
    state.antwoorden.AAA = [first, 3, 3];
    return L.teamMember(state, elements, 'bestand');
  };
  const anna = member('Anna', 'id-1', 5);
  const team = [anna];
  assert.deepEqual(plain(L.admit(team, member('Anna', 'id-1', 5))), { action: 'refuse', key: 'scan_team_dubbel', values: { naam: 'Anna' }, index: 0 });
  assert.equal(L.admit(team, member('Anna', 'id-9', 5)).action, 'refuse', 'the same answers under another id: the same file');
  assert.deepEqual(plain(L.admit(team, member('Anna', 'id-1', 4))), { action: 'ask', key: 'scan_team_zelfde_deelnemer', values: { naam: 'Anna' }, index: 0, replace: true });
  assert.deepEqual(plain(L.admit(team, member(' anna ', 'id-2', 4))), { action: 'ask', key: 'scan_team_zelfde_naam', values: { naam: ' anna ' }, index: 0, replace: false });
  assert.deepEqual(plain(L.admit(team, member('Bo', 'id-2', 4))), { action: 'add' });
  assert.deepEqual(plain(L.admit(team, member('', '', 4))), { action: 'add' }, 'no name and no id: only the answers tell');
  assert.equal(member('', '', 1).naam, 'bestand', 'a file without a name is named after the file');
  close(anna.scores.AAA, 11 / 3);
});

test('CSV for Dutch spreadsheets: semicolons, quotes where needed, no formulas', () => {
  const csv = L.toCsv([['a;b', 'zei "ja"', 'regel\nnieuw', 4, null], ['=SOM(A1)', '-3', '@x', 'gewoon']]);
  assert.equal(csv, '\ufeff"a;b";"zei ""ja""";"regel\nnieuw";4;\r\n\'=SOM(A1);\'-3;\'@x;gewoon\r\n');
  assert.equal(L.formatNumber(4.25, 1), '4,3');
  assert.equal(L.formatNumber(3, 2), '3,00');
  assert.equal(L.formatNumber(null, 1), '');
  assert.equal(L.fill('{n} van {totaal}, {onbekend}', { n: 2, totaal: 5 }), '2 van 5, {onbekend}');
});

test('numbers and CSV follow the language: a decimal point and commas in English', () => {
  assert.equal(L.decimalSign('nl'), ',');
  assert.equal(L.decimalSign('en'), '.');
  assert.equal(L.formatNumber(4.25, 1, 'en'), '4.3');
  assert.equal(L.formatNumber(1234.5, 2, 'en'), '1234.50', 'no thousands separator in a score');
  assert.equal(L.formatNumber(1234.5, 2, 'nl'), '1234,50');
  assert.equal(L.formatNumber(2, 0, 'de'), '2');
  assert.equal(L.csvSeparator('nl'), ';');
  assert.equal(L.csvSeparator('de'), ';');
  assert.equal(L.csvSeparator('en'), ',');
  assert.equal(L.toCsv([['a,b', 4.5]], L.csvSeparator('en')), '\ufeff"a,b",4.5\r\n');
});

test('radar points: axis 0 points up, the rest clockwise, distance in proportion', () => {
  const p0 = L.radarPoint(0, 4, 5, 5, 100, 100, 50);
  close(p0.x, 100);
  close(p0.y, 50);
  const p1 = L.radarPoint(1, 4, 2.5, 5, 100, 100, 50);
  close(p1.x, 125);
  close(p1.y, 100);
  const p3 = L.radarPoint(3, 6, 5, 5, 0, 0, 10);
  close(p3.x, 0);
  close(p3.y, 10);
});

test('clock arithmetic and durations', () => {
  assert.equal(L.parseTime('09:30'), 570);
  for (const bad of ['9:30', '24:00', '12:60', 'x', '']) assert.equal(L.parseTime(bad), null, bad);
  assert.equal(L.formatTime(570), '09:30');
  assert.equal(L.formatTime(1440 + 15), '00:15');
  assert.equal(L.formatDuration(45, 'uur', 'min.'), '45 min.');
  assert.equal(L.formatDuration(120, 'uur', 'min.'), '2 uur');
  assert.equal(L.formatDuration(135, 'uur', 'min.'), '2 uur 15 min.');
  const s = L.schedule({ start: '23:30', blokken: [{ duur: 20 }, { duur: 25 }] });
  assert.deepEqual(plain(s.times), [{ start: 1410, end: 1430 }, { start: 1430, end: 1455 }]);
  assert.equal(s.total, 45);
  assert.equal(L.formatTime(s.end), '00:15');
});

const known = { gesprek: ['focusgroep-los', 'kies-een-element'], checklist: ['basisvragen'] };

test('a plan survives the trip through a URL, free text included', () => {
  const plan = {
    titel: 'Teamdag: LOS & GOC, 50% = klaar #1',
    datum: '2025-03-14',
    start: '13:15',
    blokken: [
      { soort: 'welkom', duur: 10, titel: 'Koffie, thee: en <b>koek</b>' },
      { soort: 'gesprek', slug: 'focusgroep-los', duur: 60 },
      { soort: 'pauze', duur: 15 },
      { soort: 'checklist', slug: 'basisvragen', duur: 30 },
      { soort: 'afronding', duur: 15 },
    ],
  };
  const fragment = L.encodePlan(plan);
  assert.match(fragment, /^v=1&titel=[^&]+&datum=2025-03-14&start=13:15&blokken=w:10:[^,]+,g:focusgroep-los:60,p:15,c:basisvragen:30,a:15$/);
  // Nothing a fragment would have to escape.
  assert.match(fragment, /^[A-Za-z0-9\-_.!~*'()%&=:,]+$/);
  assert.deepEqual(plain(L.decodePlan('#' + fragment, known)), plan);
});

test('a damaged or hostile URL gives what it can and never throws', () => {
  const plan = plain(L.decodePlan('#start=25:00&datum=gisteren&titel=%E0%A4%A&blokken=g:bestaat-niet:60,g:focusgroep-los:9999,x:5,w:abc,p:0,a:15:%ZZ,c:basisvragen:-3,c:../x:5', known));
  assert.deepEqual(plan, {
    titel: '',
    datum: '',
    start: '09:00',
    blokken: [
      { soort: 'gesprek', slug: 'focusgroep-los', duur: 480 },
      { soort: 'pauze', duur: 1 },
      { soort: 'afronding', duur: 15 },
      { soort: 'checklist', slug: 'basisvragen', duur: 1 },
    ],
  });
  assert.deepEqual(plain(L.decodePlan('', known)), plain(L.emptyPlan()));
  const many = 'blokken=' + Array.from({ length: 100 }, () => 'p:5').join(',');
  assert.equal(L.decodePlan(many, known).blokken.length, L.MAX_BLOCKS);
});

test("a proposed session: welcome, each element's first prompt and checklist once, a break past 90 minutes, closing", () => {
  const minutes = { gesprek: { 'focusgroep-los': 60, 'focusgroep-goc': 60, kort: 20 }, checklist: 30 };
  const chosen = [
    { code: 'LOS', gesprekken: ['focusgroep-los', 'kort'], checklists: ['basisvragen'] },
    { code: 'GOC', gesprekken: ['focusgroep-goc'], checklists: ['basisvragen'] },
  ];
  const plan = plain(L.proposePlan(chosen, minutes, { soort: 'team-verschil', codes: ['LOS', 'GOC'] }));
  assert.deepEqual(plan.blokken.map((b) => b.slug || b.soort), ['welkom', 'focusgroep-los', 'basisvragen', 'pauze', 'focusgroep-goc', 'afronding']);
  assert.deepEqual(plan.van, { soort: 'team-verschil', codes: ['LOS', 'GOC'] });
  // The origin survives the link; an unknown origin or code does not.
  assert.deepEqual(plain(L.decodePlan(L.encodePlan(plan), known)).van, plan.van);
  assert.equal(L.decodePlan('van=verzonnen:LOS&blokken=p:5', known).van, undefined);
  assert.deepEqual(plain(L.decodePlan('van=scan:LOS+%3Cx%3E', known).van), { soort: 'scan', codes: ['LOS'] });
  // Short enough: no break.
  const short = L.proposePlan([{ code: 'X', gesprekken: ['kort'], checklists: [] }], minutes, { soort: 'scan', codes: ['X'] });
  assert.deepEqual(plain(short.blokken).map((b) => b.slug || b.soort), ['welkom', 'kort', 'afronding']);
  assert.equal(L.proposePlan([{ code: 'X', gesprekken: [], checklists: [] }], minutes, null), null);
});

test('reading a plan says what it dropped and corrected', () => {
  const { plan, changes } = L.readPlan('#start=25:99&datum=gisteren&blokken=g:bestaat-niet:60,g:focusgroep-los:99999,x:5,p:0,a:15', known);
  assert.equal(plan.start, '09:00');
  assert.equal(plan.blokken.length, 3);
  assert.deepEqual(plain(changes), [
    { soort: 'start', deel: '25:99', naar: '09:00' },
    { soort: 'datum', deel: 'gisteren' },
    { soort: 'blok', deel: 'g:bestaat-niet:60' },
    { soort: 'duur', deel: 'focusgroep-los', van: '99999', naar: 480 },
    { soort: 'blok', deel: 'x:5' },
    { soort: 'duur', deel: 'pauze', van: '0', naar: 1 },
  ]);
  // A plan the page wrote itself reads back without a word.
  const clean = L.encodePlan({ titel: 'x', datum: '2026-03-02', start: '13:30', blokken: [{ soort: 'gesprek', slug: 'focusgroep-los', duur: 30 }] });
  assert.deepEqual(plain(L.readPlan(clean, known).changes), []);
  const many = 'blokken=' + Array.from({ length: 45 }, () => 'p:5').join(',');
  assert.deepEqual(plain(L.readPlan(many, known).changes), [{ soort: 'te_veel', deel: '45', naar: L.MAX_BLOCKS }]);
});

test('a step plan scales to the planned minutes in whole minutes that add up', () => {
  assert.deepEqual(plain(L.scaleSteps([5, 5, 10, 35, 5], 30)), [3, 3, 5, 17, 2]);
  for (const total of [1, 7, 30, 45, 60, 90, 480]) {
    const steps = L.scaleSteps([5, 5, 10, 35, 5], total);
    assert.equal(steps.reduce((a, b) => a + b, 0), total, String(total));
    assert.ok(steps.every((m) => Number.isInteger(m) && m >= 0));
  }
  assert.deepEqual(plain(L.scaleSteps([5, 5, 10, 35, 5], 60)), [5, 5, 10, 35, 5]);
  assert.deepEqual(plain(L.scaleSteps([], 30)), []);
});

test('worksheets and element cards: each once, in order of first use', () => {
  const plan = {
    blokken: [
      { soort: 'welkom', duur: 10 },
      { soort: 'checklist', slug: 'basisvragen', duur: 30 },
      { soort: 'gesprek', slug: 'focusgroep-los', duur: 60 },
      { soort: 'checklist', slug: 'basisvragen', duur: 30 },
    ],
  };
  assert.deepEqual(plain(L.sheets(plan)), [{ soort: 'checklist', slug: 'basisvragen' }, { soort: 'gesprek', slug: 'focusgroep-los' }]);
  const cardsOf = (s) => ({ basisvragen: ['SRI', 'VMM'], 'focusgroep-los': ['LOS', 'SRI'] })[s.slug];
  assert.deepEqual(plain(L.cards(plan, cardsOf)), ['SRI', 'VMM', 'LOS']);
});
