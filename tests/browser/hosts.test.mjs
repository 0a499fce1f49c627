// Any host: the same public/ works opened from disk, at a domain root and under
// /toolkit/ behind Debian's nginx. Every page is visited; every link, script,
// stylesheet, icon and the manifest resolves; nothing is requested elsewhere.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, buildRealToolkit, serveStatic } from './lib.mjs';
import { pagesOf, fileBase, crawl, startNginx } from './site.mjs';

test('the same output works from file://, at a domain root and under /toolkit/ in nginx', async (t) => {
  const out = buildRealToolkit();
  // 404.html is for the server to send; its links hold at the site root only.
  const pages = pagesOf(out).filter((p) => p !== '404.html');
  const browser = await launch();
  const root = await serveStatic(out);
  const nginx = await startNginx(out, '/toolkit/');
  try {
    for (const [name, base] of [['file://', fileBase(out)], ['domain root', root.url], ['nginx /toolkit/', nginx.url]]) {
      await t.test(name, async () => {
        const { visited, problems } = await crawl(browser, base, pages);
        assert.deepEqual(problems, []);
        // Every page was visited, and every link led to one of them.
        assert.deepEqual([...visited].sort(), pages.map((p) => new URL(p, base).href).sort());
        assert.ok(pages.length > 30, `${pages.length} pages`);
      });
    }
    await t.test('nginx serves nothing outside /toolkit/', async () => {
      const page = await browser.newPage();
      const r = await page.goto(nginx.url.replace('/toolkit/', '/index.html'));
      assert.equal(r.status(), 404);
      await page.close();
    });
  } finally {
    await browser.close();
    await root.close();
    await nginx.close();
  }
});
