// Browsing the real toolkit: through the model diagram to every element and back,
// on a desktop and on a phone; previous/next through the six elements with the
// "where am I" map; the diagram printed and read out in the model's order.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, buildRealToolkit, watchRequests, repo } from './lib.mjs';
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

test('a screen reader reads the diagram in the model order: aanleiding, elements, opbrengsten', async () => {
  const out = buildRealToolkit();
  const model = readFileSync(join(repo, 'content', 'model.md'), 'utf8');
  const listOf = (key) => {
    const block = model.split(`\n${key}:\n`)[1].split(/\n\S/)[0];
    return [...block.matchAll(/^ {2}- (.+)$/gm)].map((m) => m[1].trim());
  };
  const browser = await launch();
  try {
    for (const [variant, width] of [['breed', 1280], ['smal', 390]]) {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      await page.goto(new URL('index.html', fileBase(out)).href);
      const tree = await page.locator(`.diagram-${variant} svg`).ariaSnapshot();
      const lines = tree.split('\n').map((l) => l.trim());
      // Each column is a list named by its title, one item per point.
      const list = (name) => lines.indexOf(`- list "${name}":`);
      const [reasons, outcomes] = [list('Aanleiding'), list('Opbrengsten')];
      assert.ok(reasons >= 0 && outcomes >= 0, tree);
      const items = (from) => {
        const rest = lines.slice(from + 1);
        const end = rest.findIndex((l) => !l.startsWith('- listitem'));
        return rest.slice(0, end < 0 ? rest.length : end).map((l) => l.replace(/^- listitem: /, ''));
      };
      assert.deepEqual(items(reasons), listOf('aanleiding'), variant);
      assert.deepEqual(items(outcomes), listOf('opbrengsten'), variant);
      // The elements between the two, each link naming its group; the
      // drawn group labels are not read out again on their own.
      const links = lines.map((l, i) => [l, i]).filter(([l]) => l.startsWith('- link '));
      assert.equal(links.length, 6, tree);
      assert.ok(links.every(([, i]) => i > reasons && i < outcomes), tree);
      assert.ok(links.some(([l]) => /LEA .*\(Interpersoonlijke ondersteuning\)/.test(l)), tree);
      assert.ok(!lines.some((l) => /^- text: (Instrumentele|Interpersoonlijke) ondersteuning$/.test(l)), tree);
      await page.close();
    }
  } finally {
    await browser.close();
  }
});
