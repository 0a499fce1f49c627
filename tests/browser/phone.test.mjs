// The site on a phone and the grouped menu: no page of the real toolkit
// scrolls sideways at 390 px; no tile or title is too narrow for its words; the menu's groups open and are walked by
// keyboard on a phone and on a desktop; a typo in search offers the word
// the pages use.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, buildRealToolkit } from './lib.mjs';
import { fileBase, pagesOf } from './site.mjs';

const out = buildRealToolkit();
const base = fileBase(out);

test('no page of the real toolkit is wider than a 390 px phone', async () => {
  const browser = await launch();
  try {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    const wide = [];
    for (const p of pagesOf(out).filter((p) => !p.startsWith('afdrukken/'))) {
      await page.goto(new URL(p, base).href);
      const [scroll, inner] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
      if (scroll > inner) wide.push(`${p}: ${scroll} px`);
    }
    assert.deepEqual(wide, [], 'pages wider than the viewport');
  } finally {
    await browser.close();
  }
});

// The site lets a word break anywhere as a last resort (overflow-wrap), which
// hides a word too long for its box by cutting it mid-word: switch that off
// and every tile and card title must still fit, broken only at spaces and
// the soft hyphens the build puts in long words.
test('no tile or card title overflows its box at 390 and 1280 px', async () => {
  const browser = await launch();
  try {
    const boxes = '.elementen-raster, .element-tegel, .element-tegel .naam, .kaarten, .kaart h2, .kaart h3, main h1';
    const over = [];
    for (const width of [390, 1280]) {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      for (const p of ['index.html', 'elementen/index.html', 'in-gesprek/index.html', 'procesontwerp/index.html', 'praktijkvoorbeelden/index.html', 'elementen/goc/index.html', 'model/index.html']) {
        await page.goto(new URL(p, base).href);
        await page.addStyleTag({ content: 'main, main * { overflow-wrap: normal !important; word-break: normal !important; }' });
        const found = await page.$$eval(boxes, (els) => els
          .filter((e) => e.scrollWidth > e.clientWidth)
          .map((e) => `${e.textContent.trim().replace(/\u00ad/g, '')} (${e.scrollWidth} > ${e.clientWidth})`));
        const counted = await page.$$eval(boxes, (els) => els.length);
        assert.ok(counted > 0, `${p}: boxes to measure`);
        over.push(...found.map((f) => `${width} px ${p}: ${f}`));
      }
      await page.close();
    }
    assert.deepEqual(over, [], 'boxes whose words do not fit');
  } finally {
    await browser.close();
  }
});

/** Tabs until an element matching `selector` has focus; returns how many presses it took. */
async function tabTo(page, selector, max = 40) {
  for (let i = 1; i <= max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement.matches(s), selector)) return i;
  }
  throw new Error(`${selector} never got focus`);
}

test('the grouped menu is reachable and operable by keyboard at 390 and 1280 px', async (t) => {
  const browser = await launch();
  try {
    for (const width of [390, 1280]) {
      await t.test(`${width} px`, async () => {
        const page = await browser.newPage({ viewport: { width, height: 844 } });
        await page.goto(new URL('index.html', base).href);
        const groups = await page.$$eval('.kop nav .menu-groep-naam', (els) => els.map((e) => e.textContent));
        assert.deepEqual(groups, ['Model', 'Werken', 'Instrumenten', 'Over']);
        const link = '.kop nav a[href$="in-gesprek/index.html"]';
        if (width === 390) {
          assert.equal(await page.isVisible(link), false, 'closed menu hides its links');
          await tabTo(page, '.menu > summary');
          await page.keyboard.press('Enter');
          assert.equal(await page.isVisible(link), true, 'Enter opens the menu');
        } else {
          assert.equal(await page.isVisible('.menu > summary'), false, 'no menu button on a desktop');
          assert.equal(await page.isVisible(link), true);
        }
        await tabTo(page, link);
        await page.keyboard.press('Enter');
        await page.waitForURL(/in-gesprek\/index\.html$/);
        assert.match(await page.getAttribute('.kop nav a[aria-current="page"]', 'href'), /in-gesprek\/index\.html$/);
        await page.close();
      });
    }
  } finally {
    await browser.close();
  }
});

test('a typo in search offers the word the pages use, clickable', async () => {
  const browser = await launch();
  try {
    const page = await browser.newPage();
    await page.goto(new URL('zoeken/index.html?q=leiderschp', base).href);
    await page.waitForSelector('#zoeksuggestie a');
    assert.equal(await page.textContent('#zoeksuggestie a'), 'leiderschap');
    assert.match(await page.textContent('#zoeksuggestie'), /^Bedoel je leiderschap\?$/);
    await page.click('#zoeksuggestie a');
    await page.waitForSelector('#zoekresultaten li');
    assert.equal(await page.inputValue('#zoekveld'), 'leiderschap');
    assert.equal(await page.isHidden('#zoeksuggestie'), true, 'a query with results suggests nothing');
    assert.ok((await page.$$('#zoekresultaten li')).length > 0);
  } finally {
    await browser.close();
  }
});
