// The real toolkit opens in Chromium: home page renders, links to every element
// work, and no request leaves the machine.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, buildRealToolkit, serveStatic, watchRequests } from './lib.mjs';

test('home page of the real toolkit links to all six elements', async () => {
  const out = buildRealToolkit();
  const server = await serveStatic(out);
  const browser = await launch();
  try {
    const page = await browser.newPage();
    const requests = watchRequests(page);
    await page.goto(server.url + 'index.html');
    assert.equal(await page.getAttribute('html', 'lang'), 'nl');
    const codes = await page.$$eval('.element-tegel .code', (els) => els.map((e) => e.textContent.trim()));
    assert.deepEqual([...codes].sort(), ['GOC', 'LEA', 'LOS', 'SRI', 'VMM', 'VOR']);
    for (const code of codes) {
      await page.goto(server.url + 'index.html');
      await page.click(`.element-tegel:has(.code:text-is("${code}"))`);
      assert.equal((await page.textContent('.element-kop .code')).trim(), code);
    }
    assert.deepEqual(requests.foreign, []);
    assert.deepEqual(requests.failed, []);
  } finally {
    await browser.close();
    await server.close();
  }
});
