// The session planner of the real toolkit in headless Chromium, opened from disk:
// build a plan with the keyboard, check the running clock, reload it from its
// URL in a fresh browser, print it to PDF (agenda times, one page per worksheet
// and element card), accessibility, and a hostile link that must do no harm.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { cpSync, mkdtempSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { launch, buildRealToolkit, watchRequests, werkplaats, serveStatic, repo } from './lib.mjs';
import { axeViolations, pdfInfo, pdfPages } from './tools-helpers.mjs';

const duration = (m) => (m % 60 ? `${Math.floor(m / 60)} uur ${m % 60} min.` : `${m / 60} uur`);
const hhmm = (m) => `${String(Math.floor(m / 60) % 24).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

async function blocks(page) {
  return page.$$eval('#plan-lijst > li', (lis) => lis.map((li) => ({
    soort: li.dataset.soort,
    slug: li.dataset.slug || null,
    tijd: li.querySelector('.blok-tijd').textContent,
    duur: Number(li.querySelector('.blok-duur-veld').value),
  })));
}

/** Presses Enter on a block's button, as a keyboard user would. */
async function press(page, index, action) {
  await page.focus(`#plan-lijst > li:nth-child(${index + 1}) [data-actie="${action}"]`);
  await page.keyboard.press('Enter');
}

test('session planner: plan, clock, link, print and accessibility', async () => {
  const out = buildRealToolkit();
  const url = pathToFileURL(join(out, 'sessieplanner', 'index.html')).href;
  const browser = await launch();
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    const requests = watchRequests(page);
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('dialog', (d) => d.accept());
    await page.goto(url);
    const data = await page.evaluate(() => window.WERKPLAATS_PLANNER);
    const prompt = data.gesprekken.find((g) => g.slug === 'focusgroep-los');
    const checklist = data.checklists.find((c) => c.slug === 'basisvragen');
    assert.ok(prompt && checklist);
    assert.equal(await page.isVisible('#plan-leeg'), true);

    // The session: a title, a date, a start time, and five blocks.
    await page.fill('#plan-titel', 'Teamdag LOS');
    await page.fill('#plan-datum', '2025-03-14');
    await page.fill('#plan-start', '09:30');
    await page.click('.voeg-vrij[data-soort="welkom"]');
    await page.selectOption('#kies-gesprek', prompt.slug);
    await page.click('#voeg-gesprek');
    await page.click('.voeg-vrij[data-soort="pauze"]');
    await page.selectOption('#kies-checklist', checklist.slug);
    await page.click('#voeg-checklist');
    await page.click('.voeg-vrij[data-soort="afronding"]');
    assert.equal(await page.isVisible('#plan-leeg'), false);

    // Durations: the prompt's own by default; the checklist set to 40 minutes.
    await page.fill('#blok-duur-3', '40');
    // Move the break down past the checklist, with the keyboard; focus stays on the moved block.
    await press(page, 2, 'omlaag');
    assert.equal(await page.evaluate(() => document.activeElement.closest('li').dataset.soort), 'pauze');
    assert.equal(await page.evaluate(() => document.activeElement.dataset.actie), 'omlaag');
    assert.match(await page.textContent('#plan-status'), /Pauze staat nu op plaats 4/);
    // Up and down again leaves the order as it was.
    await press(page, 3, 'omhoog');
    await press(page, 2, 'omlaag');

    const durations = [10, prompt.duur, 40, 15, 15];
    const starts = durations.reduce((acc, d) => [...acc, acc[acc.length - 1] + d], [9 * 60 + 30]);
    const expected = [
      { soort: 'welkom', slug: null },
      { soort: 'gesprek', slug: prompt.slug },
      { soort: 'checklist', slug: checklist.slug },
      { soort: 'pauze', slug: null },
      { soort: 'afronding', slug: null },
    ].map((b, i) => ({ ...b, tijd: `${hhmm(starts[i])}–${hhmm(starts[i + 1])}`, duur: durations[i] }));
    assert.deepEqual(await blocks(page), expected);
    const total = durations.reduce((a, b) => a + b, 0);
    const totalText = `Totaal ${duration(total)}, van 09:30 tot ${hhmm(starts[5])}.`;
    assert.equal(await page.textContent('#plan-totaal'), totalText);
    assert.equal(await page.textContent('#plan-elementen'), 'Deze sessie werkt aan: LOS SRI VMM ');

    // The start time moves every block.
    await page.fill('#plan-start', '13:00');
    assert.equal((await blocks(page))[0].tijd, '13:00–13:10');
    await page.fill('#plan-start', '09:30');

    assert.deepEqual(await axeViolations(page), [], 'axe-core with a plan');

    // The plan is in the URL: a fresh browser (no storage) opens the same plan.
    const link = page.url();
    assert.match(link, /#v=1&titel=Teamdag%20LOS&datum=2025-03-14&start=09:30&blokken=w:10,g:focusgroep-los:\d+,c:basisvragen:40,p:15,a:15$/);
    assert.equal(await page.inputValue('#plan-link'), link);
    const fresh = await browser.newContext();
    const other = await fresh.newPage();
    await other.goto(link);
    assert.deepEqual(await blocks(other), expected);
    assert.equal(await other.inputValue('#plan-titel'), 'Teamdag LOS');
    await fresh.close();
    // And in this browser's storage: the page without the fragment brings it back.
    const again = await context.newPage();
    await again.goto(url);
    assert.deepEqual(await blocks(again), expected);
    await again.close();

    // Print: the agenda, then a worksheet per prompt and checklist, then a card
    // per element they touch (LOS from the prompt, SRI and VMM from the checklist).
    const cards = [...new Set([...prompt.kaarten, ...checklist.kaarten])];
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
    const info = pdfInfo(pdf);
    assert.ok(Math.abs(info.widthMm - 210) < 1 && Math.abs(info.heightMm - 297) < 1, 'A4');
    assert.equal(info.pages, 1 + 2 + cards.length, 'agenda, two worksheets, one page per card');
    const pages = pdfPages(pdf);
    assert.match(pages[0], /Teamdag LOS/);
    assert.match(pages[0], /vrijdag 14 maart 2025/);
    const agendaTimes = [...pages[0].matchAll(/(\d\d:\d\d)–(\d\d:\d\d)/g)].map((m) => `${m[1]}–${m[2]}`);
    assert.deepEqual(agendaTimes, [`09:30–${hhmm(starts[5])}`, ...expected.map((b) => b.tijd)]);
    assert.ok(pages[0].includes(`Totaal ${duration(total)}`));
    for (const m of prompt.materialen) assert.ok(pages[0].replace(/\s+/g, ' ').includes(m), `materials: ${m}`);
    assert.match(pages[1], /Focusgroep LOS/);
    assert.match(pages[1], /Bron: Swennenhuis e\.a\., z\.d\./, 'the worksheet names its source');
    assert.match(pages[1], new RegExp(`Gepland ${expected[1].tijd}`, 'i'));
    assert.match(pages[2], /Basisvragen voor procesontwerp/);
    cards.forEach((code, i) => assert.match(pages[3 + i], new RegExp(`\\b${code}\\b`), `card ${code} on page ${4 + i}`));
    assert.ok(!/Sessieplanner|Voeg gespreksvorm toe/.test(pages.join('')), 'no screen controls in print');

    // Removing a block: focus moves on, and the print follows.
    await press(page, 2, 'verwijder');
    assert.equal(await page.evaluate(() => document.activeElement.closest('li').dataset.soort), 'pauze');
    const shorter = await page.pdf({ format: 'A4', preferCSSPageSize: true });
    assert.equal(pdfInfo(shorter).pages, 1 + 1 + prompt.kaarten.length);

    // Clearing empties the plan, its link and its storage.
    await page.click('#plan-wissen');
    assert.deepEqual(await blocks(page), []);
    assert.match(page.url(), /blokken=$/);

    // A damaged, hostile link gives what it can, runs nothing and breaks nothing.
    const hostile = `${url}#start=9:7&titel=%3Cimg%20src%3Dx%20onerror%3Dwindow.__xss%3D1%3E&blokken=g:bestaat-niet:60,w:10:%3Cscript%3Ewindow.__xss%3D2%3C%2Fscript%3E,x:1,p:%ZZ,a:15`;
    const bad = await context.newPage();
    const badErrors = [];
    bad.on('pageerror', (e) => badErrors.push(String(e)));
    await bad.goto(hostile);
    const got = await blocks(bad);
    assert.deepEqual(got.map((b) => [b.soort, b.tijd]), [['welkom', '09:00–09:10'], ['afronding', '09:10–09:25']]);
    assert.equal(await bad.inputValue('#blok-titel-0'), '<script>window.__xss=2</script>');
    assert.equal(await bad.inputValue('#plan-titel'), '<img src=x onerror=window.__xss=1>');
    assert.equal(await bad.evaluate(() => window.__xss), undefined);
    assert.deepEqual(badErrors, []);
    await bad.close();

    assert.deepEqual(errors, []);
    assert.deepEqual(requests.foreign, []);
    assert.deepEqual(requests.failed, []);
  } finally {
    await browser.close();
  }
});

test('session planner on a phone: blocks stack and nothing scrolls sideways', async () => {
  const out = buildRealToolkit();
  const browser = await launch();
  try {
    const page = await browser.newPage({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
    await page.goto(`${pathToFileURL(join(out, 'sessieplanner', 'index.html')).href}#blokken=w:10,g:focusgroep-los:60,a:15`);
    assert.equal((await blocks(page)).length, 3);
    await page.tap('#plan-lijst > li:nth-child(2) [data-actie="omhoog"]');
    assert.deepEqual((await blocks(page)).map((b) => b.soort), ['gesprek', 'welkom', 'afronding']);
    // The session pack's button fits the phone, and pressing it shows nothing extra on screen.
    const pack = await page.$eval('#plan-pakket', (b) => b.getBoundingClientRect().toJSON());
    assert.ok(pack.left >= 0 && pack.right <= 375, `pack button within the screen: ${JSON.stringify(pack)}`);
    await page.evaluate(() => { window.print = () => {}; });
    await page.tap('#plan-pakket');
    assert.equal(await page.isVisible('#afdruk-team'), false);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `page is ${overflow}px wider than the phone`);
  } finally {
    await browser.close();
  }
});

test('a shortened block prints its planned minutes, and a tampered link says what it changed', async () => {
  const out = buildRealToolkit();
  const url = pathToFileURL(join(out, 'sessieplanner', 'index.html')).href;
  const browser = await launch();
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    // A link the planner wrote itself: no message.
    await page.goto(`${url}#v=1&start=13:50&blokken=g:focusgroep-los:60`);
    assert.equal(await page.isVisible('#plan-correcties'), false);
    const sheet = 'article.afdruk-blad[data-soort="gesprek"][data-slug="focusgroep-los"]';
    const designed = await page.$$eval(`${sheet} .blad-stappen .minuten`, (els) => els.map((e) => parseInt(e.textContent, 10)));
    assert.deepEqual(designed, [5, 5, 10, 35, 5]);
    assert.equal(await page.isVisible(`${sheet} .blad-noot`), false);
    assert.equal(await page.textContent('.blok-waarschuwing'), '');

    // Shortened to 30 minutes: the worksheet shows 30, its steps add up to
    // 30 in proportion, it says it was shortened, and the planner warns that
    // the focus group is now below its minimum (half of 60).
    await page.fill('#blok-duur-0', '25');
    const fitted = await page.$$eval(`${sheet} .blad-stappen .minuten`, (els) => els.map((e) => parseInt(e.textContent, 10)));
    assert.equal(fitted.reduce((a, b) => a + b, 0), 25);
    assert.deepEqual(fitted, [2, 2, 4, 15, 2]);
    assert.match(await page.textContent(`${sheet} .blad-duur`), /^25 min/);
    assert.match(await page.textContent(`${sheet} .blad-noot`), /Ingekort van 60 naar 25 min/);
    assert.match(await page.textContent(`${sheet} .blad-tijd`), /13:50–14:15/);
    assert.match(await page.textContent('.blok-waarschuwing'), /minstens/);
    const described = await page.getAttribute('#blok-duur-0', 'aria-describedby');
    assert.equal(await page.textContent(`#${described}`), await page.textContent('.blok-waarschuwing'));
    await page.fill('#blok-duur-0', '40');
    assert.equal(await page.textContent('.blok-waarschuwing'), '');

    // A tampered link opened fresh: each change is listed, nothing is
    // silently dropped; the corrected plan is what the link then holds.
    const tampered = await browser.newPage();
    tampered.on('pageerror', (e) => errors.push(String(e)));
    await tampered.goto(`${url}#start=25:99&blokken=g:bestaat-niet:60,g:focusgroep-los:99999,p:15`);
    assert.equal(await tampered.isVisible('#plan-correcties'), true);
    const items = await tampered.$$eval('#plan-correcties li', (lis) => lis.map((li) => li.textContent));
    assert.equal(items.length, 3, items.join(' | '));
    assert.match(items[0], /25:99.*09:00/);
    assert.match(items[1], /bestaat-niet.*weggelaten/);
    assert.match(items[2], /99999.*480/);
    assert.deepEqual((await blocks(tampered)).map((b) => b.duur), [480, 15]);
    assert.match(tampered.url(), /start=09:00&blokken=g:focusgroep-los:480,p:15$/);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});

const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
const median = (xs) => {
  const v = [...xs].sort((a, b) => a - b);
  const m = Math.floor(v.length / 2);
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
};
const dutch = (x) => (Math.round(x * 10) / 10).toFixed(1).replace('.', ',');

/** A participant's scan file as the scan writes it, with `answer(element index, aspect index)`. */
function participantFile(data, naam, rol, answer) {
  const elementen = {};
  data.elementen.forEach((e, ei) => {
    elementen[e.code] = { aspecten: e.uitspraken.map((tekst, i) => ({ id: e.ids[i], tekst, antwoord: answer(ei, i) })), notitie: '' };
  });
  return { soort: 'werkplaats-reflectiescan', versie: 2, toolkit: data.toolkit, scanversie: data.versie, deelnemer: `id-${naam}`, naam, rol, datum: '2025-03-14', elementen };
}

/** Per element, computed here: each participant's mean of their numbered answers, then the team's summary. */
function expectedTeam(data, files) {
  return data.elementen.map((e) => {
    const scores = files.map((f) => f.elementen[e.code].aspecten.map((a) => a.antwoord).filter((a) => typeof a === 'number'))
      .filter((xs) => xs.length).map(mean);
    return [e.code, `${scores.length} van ${files.length}`, mean(scores), median(scores), Math.min(...scores), Math.max(...scores), Math.max(...scores) - Math.min(...scores)]
      .map((v, i) => (i > 1 ? dutch(v) : v));
  });
}

/** The parts of the printout as print media shows them, in document order. */
async function printedParts(page) {
  return page.evaluate(() => Array.from(document.querySelectorAll('.afdruk-agenda, .afdruk-blad, .afdruk-kaart, .afdruk-team'))
    .filter((n) => getComputedStyle(n).display !== 'none')
    .map((n) => ({
      deel: n.classList.contains('afdruk-agenda') ? 'agenda' : n.classList.contains('afdruk-team') ? 'team' : n.classList.contains('afdruk-blad') ? 'blad' : 'kaart',
      slug: n.dataset.slug || null,
      duur: n.querySelector('.blad-duur') ? parseInt(n.querySelector('.blad-duur').textContent, 10) : null,
      tijd: n.querySelector('.blad-tijd') ? n.querySelector('.blad-tijd').textContent : null,
    })));
}

/** Clicks the pack's button with the print dialog replaced by a counter (headless has none). */
async function printPack(page) {
  await page.evaluate(() => { window.print = () => { window.__printed = (window.__printed || 0) + 1; }; });
  await page.click('#plan-pakket');
  assert.equal(await page.evaluate(() => window.__printed), 1, 'the button opens the print dialog');
}

/** Words on a PDF page besides its running title (first line): a near-empty page has few. */
const wordsBelowTitle = (text) => text.split('\n').slice(1).join(' ').split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;

test('the session pack: agenda, a worksheet per block at its planned time, then the team overview', async () => {
  const out = buildRealToolkit();
  const scanUrl = pathToFileURL(join(out, 'reflectiescan', 'index.html')).href;
  const browser = await launch();
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    const requests = watchRequests(page);
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(scanUrl);
    const data = await page.evaluate(() => window.WERKPLAATS_SCAN);

    // Three participants; Cas has no score on the second element.
    const files = [
      participantFile(data, 'Anna', 'manager', (e, i) => 1 + ((e + i) % 5)),
      participantFile(data, 'Bo', 'student', (e, i) => 5 - ((2 * e + i) % 5)),
      participantFile(data, 'Cas', '', (e, i) => (e === 1 ? '?' : 2 + (i % 2))),
    ];
    await page.setInputFiles('#team-bestanden', files.map((f, i) => ({ name: `p${i}.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(f)) })));
    await page.waitForSelector('#team-resultaat:not([hidden])');
    const expected = expectedTeam(data, files);
    const rows = (p) => p.$$eval('#team-tabel tbody tr', (trs) => trs.map((tr) => Array.from(tr.cells, (c) => c.textContent)));
    assert.deepEqual(await rows(page), expected, 'the team view itself');

    // The team view's step to the planner; then one block shortened.
    await page.click('#team-plan-verschil');
    await page.waitForSelector('#plan-lijst > li');
    assert.match(await page.textContent('#plan-van'), /teamoverzicht/);
    const planned = await blocks(page);
    const first = planned.findIndex((b) => b.soort === 'gesprek');
    await page.fill(`#blok-duur-${first}`, '45');
    const plan = await blocks(page);
    const sheets = plan.filter((b) => b.slug);
    assert.ok(sheets.length >= 2, 'the proposal has prompts and checklists');
    assert.match(await page.textContent('#plan-pakket-inhoud'), /teamoverzicht van 3 deelnemers/);

    await printPack(page);
    assert.equal(await page.isVisible('#afdruk-team'), false, 'the pack is for paper, not the screen');
    await page.emulateMedia({ media: 'print' });
    // Agenda first, then each block's worksheet at its planned time and minutes, then the team; no element cards.
    const parts = await printedParts(page);
    assert.deepEqual(parts.map((p) => p.deel), ['agenda', ...sheets.map(() => 'blad'), 'team']);
    sheets.forEach((b, i) => {
      assert.equal(parts[1 + i].slug, b.slug);
      assert.match(parts[1 + i].tijd, new RegExp(`${b.tijd}$`));
      if (b.soort === 'gesprek') assert.equal(parts[1 + i].duur, b.duur, `${b.slug}: planned minutes`);
    });
    assert.equal(parts[1].duur, 45);
    const agenda = await page.$$eval('#agenda-regels tr', (trs) => trs.map((tr) => tr.cells[0].textContent));
    assert.deepEqual(agenda, plan.map((b) => b.tijd));
    assert.equal(await page.isVisible('#pakket-zonder-team'), false);
    // The team overview: three participants, the values computed here.
    assert.equal(await page.$$eval('#afdruk-team #team-deelnemers tbody tr', (trs) => trs.length), 3);
    assert.deepEqual(await rows(page), expected);
    assert.match(await page.textContent('#afdruk-team-wie'), /^3 deelnemers/);
    assert.equal(await page.$$eval('#afdruk-team g.deelnemer', (gs) => gs.length), 3, 'a line per participant on the radar');

    // As one PDF: a page for the agenda, one per worksheet, one for the team; none near-empty.
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
    const pages = pdfPages(pdf);
    assert.equal(pages.length, 1 + sheets.length + 1, pages.map((p) => p.slice(0, 200)).join('\n----\n'));
    pages.forEach((text, i) => {
      assert.match(text.split('\n')[0], new RegExp(`LOS in PW · Agenda\\s+${i + 1}/${pages.length}`), `running title on page ${i + 1}`);
      assert.ok(wordsBelowTitle(text) >= 40, `page ${i + 1} is not near-empty: ${wordsBelowTitle(text)} words`);
    });
    assert.match(pages[0], new RegExp(plan[0].tijd));
    const titles = await page.$$eval('.afdruk-blad.gekozen h2', (hs) => hs.map((h) => h.textContent));
    titles.forEach((title, i) => assert.ok(pages[1 + i].replace(/\s+/g, ' ').includes(title.split(' – ')[0]), `worksheet ${title} on page ${2 + i}`));
    assert.match(pages[1], /Duur: 45 min/);
    const last = pages[pages.length - 1];
    assert.match(last, /Teamoverzicht uit de reflectiescan/);
    for (const name of ['Anna', 'Bo', 'Cas']) assert.match(last, new RegExp(`\\b${name}\\b`));
    assert.ok(!/Gemiddeld[^\n]*(Sterk|Aandacht)/.test(last), 'no verdict labels');

    // The planner's own print still has its element cards and no team.
    await page.emulateMedia({ media: 'screen' });
    await page.click('#plan-afdrukken');
    await page.emulateMedia({ media: 'print' });
    const own = await printedParts(page);
    assert.ok(own.some((p) => p.deel === 'kaart') && !own.some((p) => p.deel === 'team'));

    // Without the team in this browser (another browser opened the link): the pack says so in a line.
    const link = page.url();
    const elsewhere = await (await browser.newContext()).newPage();
    elsewhere.on('pageerror', (e) => errors.push(String(e)));
    await elsewhere.goto(link);
    assert.match(await elsewhere.textContent('#plan-pakket-inhoud'), /staat niet \(meer\) in deze browser/);
    await printPack(elsewhere);
    await elsewhere.emulateMedia({ media: 'print' });
    assert.deepEqual((await printedParts(elsewhere)).map((p) => p.deel), ['agenda', ...sheets.map(() => 'blad')]);
    assert.equal(await elsewhere.isVisible('#pakket-zonder-team'), true);
    const alone = pdfPages(await elsewhere.pdf({ format: 'A4', preferCSSPageSize: true }));
    assert.equal(alone.length, 1 + sheets.length);
    assert.match(alone[0].replace(/\s+/g, ' '), /het sessiepakket bevat de agenda en de werkbladen/);

    // The team in this browser no longer proposes what the link came from: the pack says so, on screen and on paper.
    const [, proposed] = /van=team-verschil:([^&]*)/.exec(link);
    assert.equal(await page.textContent('#afdruk-team-anders'), '');
    const otherCode = data.elementen.map((e) => e.code).find((c) => !proposed.split('+').includes(c));
    const changed = await context.newPage();
    await changed.goto(link.replace(/van=team-verschil:[^&]*/, `van=team-verschil:${otherCode}`));
    const warning = new RegExp(`veranderd sinds dit plan werd voorgesteld; nu zou het voorstel ${proposed.replace('+', ', ')} zijn`);
    assert.match(await changed.textContent('#plan-pakket-inhoud'), warning);
    await printPack(changed);
    await changed.emulateMedia({ media: 'print' });
    assert.equal(await changed.isVisible('#afdruk-team-anders'), true);
    assert.match(await changed.textContent('#afdruk-team-anders'), warning);

    // A plan made by hand, not from a team result: the same, in its own words.
    const byHand = await context.newPage();
    await byHand.goto(link.replace(/&van=[^&]*/, ''));
    assert.match(await byHand.textContent('#plan-pakket-inhoud'), /komt niet uit een teamresultaat/);
    await printPack(byHand);
    await byHand.emulateMedia({ media: 'print' });
    assert.equal(await byHand.isVisible('#afdruk-team'), false);
    assert.match(await byHand.textContent('#pakket-zonder-team'), /komt niet uit een teamresultaat/);

    assert.deepEqual(errors, []);
    assert.deepEqual(requests.foreign, []);
    assert.deepEqual(requests.failed, []);
  } finally {
    await browser.close();
  }
});

test('the session pack on Letter paper, served under a sub-path: no sheet spills onto a near-empty page', async () => {
  // The real toolkit with papier: letter.
  const root = mkdtempSync(join(tmpdir(), 'wp-letter-'));
  cpSync(join(repo, 'content'), join(root, 'content'), { recursive: true });
  cpSync(join(repo, 'site.yaml'), join(root, 'site.yaml'));
  appendFileSync(join(root, 'site.yaml'), '\npapier: letter\n');
  const out = join(root, 'public');
  werkplaats(['build', '--root', root, '--out', out]);
  const server = await serveStatic(out, '/toolkit/');
  const browser = await launch();
  try {
    const page = await browser.newPage();
    const requests = watchRequests(page);
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${server.url}reflectiescan/`);
    const data = await page.evaluate(() => window.WERKPLAATS_SCAN);
    const files = ['Anna', 'Bo', 'Cas'].map((naam, p) => participantFile(data, naam, '', (e, i) => 1 + ((e * (p + 1) + i) % 5)));
    await page.setInputFiles('#team-bestanden', files.map((f, i) => ({ name: `p${i}.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(f)) })));
    await page.waitForSelector('#team-resultaat:not([hidden])');
    await page.click('#team-plan-laag');
    await page.waitForSelector('#plan-lijst > li');
    assert.ok(page.url().startsWith(`${server.url}sessieplanner/`));
    const sheets = (await blocks(page)).filter((b) => b.slug);
    await printPack(page);
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    const info = pdfInfo(pdf);
    assert.ok(Math.abs(info.widthMm - 215.9) < 1 && Math.abs(info.heightMm - 279.4) < 1, 'Letter');
    const pages = pdfPages(pdf);
    assert.equal(pages.length, 1 + sheets.length + 1);
    pages.forEach((text, i) => assert.ok(wordsBelowTitle(text) >= 40, `page ${i + 1}: ${wordsBelowTitle(text)} words`));
    assert.match(pages[pages.length - 1], /Teamoverzicht uit de reflectiescan/);
    assert.deepEqual(errors, []);
    assert.deepEqual(requests.foreign, []);
    assert.deepEqual(requests.failed, []);
  } finally {
    await browser.close();
    await server.close();
  }
});
