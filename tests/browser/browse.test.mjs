// Browsing the real toolkit: through the model diagram to every element and back,
// on a desktop and on a phone; previous/next through the six elements with the
// "where am I" map; the diagram printed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, buildRealToolkit, watchRequests } from './lib.mjs';
import { fileBase } from './site.mjs';

const CODES = ['GOC', 'LEA', 'LOS', 'SRI', 'VMM', 'VOR'];

async function diagramCodes(page, variant) {
  return page.$$eval(`${variant} a.diagram-element`, (as) => as.map((a) => a.dataset.code));
}

test('the home page diagram leads to every element and back', async (t) => {
  const out = buildRealToolkit();
  const home = new URL('index.html', fileBase(out)).href;
  const browser = await launch();
  try {
    for (const [name, viewport, shown, hidden] of [
      ['desktop', { width: 1280, height: 900 }, '.diagram-breed', '.diagram-smal'],
      ['phone', { width: 390, height: 844 }, '.diagram-smal', '.diagram-breed'],
    ]) {
      await t.test(name, async () => {
        const page = await browser.newPage({ viewport });
        const requests = watchRequests(page);
        await page.goto(home);
        assert.ok(await page.isVisible(`${shown} svg`), `${shown} shown`);
        assert.ok(!(await page.isVisible(`${hidden} svg`)), `${hidden} hidden`);
        // The page does not scroll sideways on a phone.
        assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth));
        assert.deepEqual((await diagramCodes(page, shown)).sort(), CODES);
        for (const code of CODES) {
          // Near the top edge: the middle of GOC's band is LOS, inside it.
          const link = page.locator(`${shown} a.diagram-element[data-code="${code}"]`);
          const box = await link.boundingBox();
          await link.click({ position: { x: box.width / 2, y: 12 } });
          await page.waitForURL(new RegExp(`elementen/${code.toLowerCase()}/index\\.html$`));
          assert.equal((await page.textContent('.element-kop .code')).trim(), code);
          await page.goBack();
          await page.waitForURL(home);
          assert.ok(await page.isVisible(`${shown} a.diagram-element[data-code="${code}"]`));
        }
        assert.deepEqual(requests.foreign, []);
        assert.deepEqual(requests.failed, []);
        await page.close();
      });
    }
  } finally {
    await browser.close();
  }
});

test('previous and next lead through all elements; the map marks where you are', async () => {
  const out = buildRealToolkit();
  const browser = await launch();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(new URL('elementen/index.html', fileBase(out)).href);
    await page.click('.kaart:first-child h2 a');
    const order = [];
    for (;;) {
      const code = (await page.textContent('.element-kop .code')).trim();
      order.push(code);
      const current = await page.$$eval('.waar-in-model a[aria-current="page"]', (as) => as.map((a) => a.dataset.code));
      assert.deepEqual(current, [code]);
      assert.equal(await page.$$eval('.waar-in-model a.diagram-element', (as) => as.length), 6);
      const crumbs = await page.$$eval('.kruimels li', (lis) => lis.map((l) => l.textContent.trim()));
      assert.equal(crumbs.length, 3);
      if (!(await page.$('.vorige-volgende a[rel="next"]'))) break;
      await page.click('.vorige-volgende a[rel="next"]');
    }
    assert.deepEqual([...order].sort(), CODES);
    // Back again with "previous", and from the map to another element.
    await page.click('.vorige-volgende a[rel="prev"]');
    assert.equal((await page.textContent('.element-kop .code')).trim(), order[order.length - 2]);
    await page.click('.waar-in-model a[data-code="LOS"]');
    assert.equal((await page.textContent('.element-kop .code')).trim(), 'LOS');
  } finally {
    await browser.close();
  }
});

test('the diagram prints: the wide drawing, within the page', async () => {
  const out = buildRealToolkit();
  const browser = await launch();
  try {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(new URL('model/index.html', fileBase(out)).href);
    await page.emulateMedia({ media: 'print' });
    assert.ok(await page.isVisible('.diagram-breed svg'));
    assert.ok(!(await page.isVisible('.diagram-smal svg')));
    const pdf = await page.pdf({ format: 'A4' });
    assert.ok(pdf.length > 1000);
    // On A4 (about 700 px wide inside the margins) the drawing fits the width.
    await page.setViewportSize({ width: 700, height: 1000 });
    const box = await page.$eval('.diagram-breed svg', (s) => s.getBoundingClientRect().width);
    assert.ok(box > 0 && box <= 700, `${box}`);
  } finally {
    await browser.close();
  }
});
