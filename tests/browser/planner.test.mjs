// The session planner of the real toolkit in headless Chromium, opened from disk:
// build a plan with the keyboard, check the running clock, reload it from its
// URL in a fresh browser, print it to PDF (agenda times, one page per worksheet
// and element card), accessibility, and a hostile link that must do no harm.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch, buildRealToolkit, watchRequests } from './lib.mjs';
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
