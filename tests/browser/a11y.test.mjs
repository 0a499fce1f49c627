// Accessibility: axe-core (WCAG 2.2 A/AA and best practices, target-size
// included) finds nothing on any
// page of the real toolkit, on a desktop and a phone screen, also with search
// results shown; focus is visible on the diagram's links; the page says lang="nl".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, buildRealToolkit } from './lib.mjs';
import { pagesOf, fileBase, axeViolations } from './site.mjs';

test('axe-core reports no violations on any page', async (t) => {
  const out = buildRealToolkit();
  const base = fileBase(out);
  const browser = await launch();
  try {
    for (const [name, viewport] of [['desktop', { width: 1280, height: 900 }], ['phone', { width: 390, height: 844 }]]) {
      await t.test(name, async () => {
        const page = await browser.newPage({ viewport });
        const found = {};
        for (const p of pagesOf(out)) {
          await page.goto(new URL(p, base).href);
          assert.equal(await page.getAttribute('html', 'lang'), 'nl', p);
          const v = await axeViolations(page);
          if (v.length) found[p] = v;
        }
        await page.goto(new URL('zoeken/index.html?q=samenwerken', base).href);
        await page.waitForSelector('#zoekresultaten li');
        const v = await axeViolations(page);
        if (v.length) found['zoeken met resultaten'] = v;
        assert.deepEqual(found, {});
        await page.close();
      });
    }
  } finally {
    await browser.close();
  }
});

test('keyboard focus on the diagram is visible', async () => {
  const out = buildRealToolkit();
  const browser = await launch();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(new URL('index.html', fileBase(out)).href);
    let focused = null;
    for (let i = 0; i < 60 && !focused; i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => document.activeElement.closest('.diagram-breed a.diagram-element')?.dataset.code ?? null);
    }
    assert.ok(focused, 'Tab reaches the diagram');
    const stroke = await page.evaluate(() => getComputedStyle(document.activeElement.querySelector('.vorm')).stroke);
    assert.equal(stroke, 'rgb(180, 83, 9)');
    await page.keyboard.press('Enter');
    await page.waitForURL(/elementen\/[a-z]+\/index\.html$/);
    assert.equal((await page.textContent('.element-kop .code')).trim(), focused);
  } finally {
    await browser.close();
  }
});
