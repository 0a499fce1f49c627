// The English fixture (tests/fixtures/english: taal: en, no theme of its
// own) in Chromium: English search stems, every link resolves, axe is clean.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
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
