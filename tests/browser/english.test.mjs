// The English fixture (tests/fixtures/english: taal: en, no theme of its
// own) in Chromium: English search stems, every link resolves, axe is clean.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, repo, werkplaats } from './lib.mjs';
import { axeViolations, crawl, fileBase } from './site.mjs';

function buildEnglish() {
  const out = join(mkdtempSync(join(tmpdir(), 'wp-en-')), 'public');
  werkplaats(['build', '--root', join(repo, 'tests/fixtures/english'), '--out', out]);
  return out;
}

test('English search finds other forms of a word', async () => {
  const out = buildEnglish();
  const browser = await launch();
  try {
    const page = await browser.newPage();
    // Neither "trusted" nor "reflecting" is in the text; their stems are.
    for (const [q, want] of [['trusted', 'TRU – Trust'], ['reflecting', 'REF – Reflection']]) {
      await page.goto(new URL(`zoeken/index.html?q=${q}`, fileBase(out)).href);
      await page.waitForSelector('#zoekresultaten li');
      const titles = await page.$$eval('#zoekresultaten li h2 a', (as) => as.map((a) => a.textContent));
      assert.ok(titles.includes(want), `${q}: ${titles}`);
      const status = await page.textContent('#zoekstatus');
      assert.match(status, /results? for/, status);
    }
  } finally {
    await browser.close();
  }
});

test('every link of the English site resolves and its pages pass axe', async () => {
  const out = buildEnglish();
  const browser = await launch();
  try {
    const { visited, problems } = await crawl(browser, fileBase(out));
    assert.deepEqual(problems, []);
    assert.ok(visited.length > 8, `${visited.length} pages`);
    const page = await browser.newPage();
    for (const path of ['index.html', 'elementen/tru/index.html', 'zoeken/index.html']) {
      await page.goto(new URL(path, fileBase(out)).href);
      assert.equal(await page.getAttribute('html', 'lang'), 'en');
      assert.deepEqual(await axeViolations(page), [], path);
    }
  } finally {
    await browser.close();
  }
});

test('the English scan writes numbers with a decimal point and a comma-separated CSV', async () => {
  const out = buildEnglish();
  const browser = await launch();
  try {
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(new URL('index.html', fileBase(out)).href);
    // Reached as a reader would, whatever the section's path is called.
    const href = await page.getAttribute('nav a[href*="scan"]', 'href');
    await page.goto(new URL(href, page.url()).href);
    const data = await page.evaluate(() => window.WERKPLAATS_SCAN);
    const first = data.elementen[0];
    assert.ok(first.uitspraken.length >= 2, 'two aspects make a mean with decimals');
    await page.check(`input[name="${first.code}-0"][value="4"]`);
    await page.check(`input[name="${first.code}-1"][value="3"]`);
    const reading = await page.locator(`.duiding-element[data-code="${first.code}"] .score`).textContent();
    assert.match(reading, /3\.5\b/, reading);
    assert.ok(!/\d,\d/.test(reading), `no decimal comma: ${reading}`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
    const csv = readFileSync(await download.path(), 'utf8');
    const [header, row] = csv.replace(/^\ufeff/, '').split('\r\n');
    assert.ok(header.split(',').length >= 6 && !header.includes(';'), header);
    assert.ok(row.startsWith(`${first.code},`), row);
    assert.ok(row.includes(',3.50,'), `the element's mean with a point: ${row}`);
  } finally {
    await browser.close();
  }
});
