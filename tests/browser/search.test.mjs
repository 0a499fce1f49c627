// Search on the real toolkit: Dutch words find the pages they should, first;
// stemming joins word forms; results show section and snippet; the keyboard is
// enough; it works from disk and under a sub-path behind nginx.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, buildRealToolkit, watchRequests } from './lib.mjs';
import { fileBase, startNginx } from './site.mjs';

async function results(page) {
  await page.waitForSelector('#zoekresultaten li');
  return page.$$eval('#zoekresultaten li', (lis) => lis.map((li) => ({
    titel: li.querySelector('h2 a').textContent,
    href: li.querySelector('h2 a').getAttribute('href'),
    sectie: li.querySelector('.sectie').textContent,
    fragment: li.querySelector('.fragment').textContent,
    marks: [...li.querySelectorAll('mark')].map((m) => m.textContent.toLowerCase()),
  })));
}

test('Dutch terms find the expected pages first, from disk and behind nginx', async (t) => {
  const out = buildRealToolkit();
  const browser = await launch();
  const nginx = await startNginx(out, '/toolkit/');
  try {
    for (const [name, base] of [['file://', fileBase(out)], ['nginx /toolkit/', nginx.url]]) {
      await t.test(name, async () => {
        const page = await browser.newPage();
        const requests = watchRequests(page);
        for (const [q, first, section] of [
          ['leiderschap', 'LEA – Leiderschap en autonomie', 'Elementen'],
          ['deep democracy', 'Verschil productief maken: deep democracy', 'Procesontwerp'],
          ['relaties', 'VOR – Vormgeven en onderhouden van relaties', 'Elementen'],
        ]) {
          await page.goto(new URL(`zoeken/index.html?q=${encodeURIComponent(q)}`, base).href);
          const found = await results(page);
          assert.equal(found[0].titel, first, q);
          assert.equal(found[0].sectie, section, q);
          assert.ok(found[0].marks.length > 0, `${q}: the snippet marks the match`);
          // The result link works from here.
          await page.click('#zoekresultaten li:first-child h2 a');
          // Titles carry soft hyphens in long words; the reader sees the same words.
          assert.equal((await page.textContent('main h1')).trim().replace(/\u00ad/g, '').replace(/\s+/g, ' '),
            first.includes('–') ? first.split(' – ')[1] : first);
        }
        assert.deepEqual(requests.foreign, []);
        assert.deepEqual(requests.failed, []);
        await page.close();
      });
    }
  } finally {
    await browser.close();
    await nginx.close();
  }
});

test('stemming: "samenwerken" finds pages that say "samenwerking"', async () => {
  const out = buildRealToolkit();
  const browser = await launch();
  try {
    const page = await browser.newPage();
    await page.goto(new URL('zoeken/index.html?q=samenwerken', fileBase(out)).href);
    const found = await results(page);
    const titles = found.map((r) => r.titel);
    assert.ok(titles.slice(0, 3).includes('Kenmerken van krachtige samenwerking'), titles.join(' | '));
    assert.ok(titles.includes('LOS – Lerend en onderzoekend samenwerken'));
    assert.ok(found[0].marks.some((m) => m.startsWith('samenwerking')), JSON.stringify(found[0]));
    assert.match(await page.textContent('#zoekstatus'), /\d+ resultaten voor “samenwerken”/);
  } finally {
    await browser.close();
  }
});

test('every word of every page finds that page: the query is stemmed as the index was', async () => {
  const out = buildRealToolkit();
  const browser = await launch();
  try {
    const page = await browser.newPage();
    await page.goto(new URL('zoeken/index.html', fileBase(out)).href);
    const missed = await page.evaluate(() => {
      const data = window.werkplaatsZoekindex;
      const index = elasticlunr.Index.load(data.index);
      const missed = [];
      let tried = 0;
      data.docs.forEach((doc, i) => {
        const words = new Set(`${doc.titel} ${doc.tekst}`.split(/\s+/));
        for (const w of words) {
          if (index.pipeline.run(elasticlunr.tokenizer(w)).length === 0) continue; // stop word
          tried++;
          const hits = index.search(w, { fields: { titel: {}, tekst: {} }, bool: 'OR' });
          if (!hits.some((h) => h.ref === String(i))) missed.push(`${w} → ${doc.titel}`);
        }
      });
      return { tried, missed: missed.slice(0, 20) };
    });
    assert.ok(missed.tried > 5000, `${missed.tried} words tried`);
    assert.deepEqual(missed.missed, []);
  } finally {
    await browser.close();
  }
});

test('search works by keyboard alone, from the header of any page', async () => {
  const out = buildRealToolkit();
  const browser = await launch();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(new URL('elementen/los/index.html', fileBase(out)).href);
    // Tab from the top of the page to the header's search field.
    let onField = false;
    for (let i = 0; i < 10 && !onField; i++) {
      await page.keyboard.press('Tab');
      onField = await page.evaluate(() => document.activeElement.id === 'zoek-kop-veld');
    }
    assert.ok(onField, 'Tab reaches the search field');
    await page.keyboard.type('leiderschap');
    await page.keyboard.press('Enter');
    await page.waitForURL(/zoeken\/index\.html\?q=leiderschap$/);
    await results(page);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'zoekveld');
    // Type more: results follow; arrow down to the results, up and down through them.
    await page.keyboard.press('End');
    await page.keyboard.type(' autonomie');
    await page.waitForFunction(() => /leiderschap autonomie/.test(document.getElementById('zoekstatus').textContent));
    await page.keyboard.press('ArrowDown');
    const first = await page.evaluate(() => document.activeElement.textContent);
    assert.equal(first, 'LEA – Leiderschap en autonomie');
    await page.keyboard.press('ArrowDown');
    const second = await page.evaluate(() => document.activeElement.textContent);
    assert.notEqual(second, first);
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'zoekveld');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForURL(/elementen\/lea\/index\.html$/);
  } finally {
    await browser.close();
  }
});
