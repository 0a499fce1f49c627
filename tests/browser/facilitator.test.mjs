// What a facilitator meets around the print pages: the duplex offset control
// on a deck's print page, the site icon on print pages, the colophon in the
// footer, and a 404 page that still leads home from a nested address behind
// nginx under /toolkit/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, buildRealToolkit, repo, werkplaats, watchRequests } from './lib.mjs';
import { fileBase, startNginx } from './site.mjs';

const MM = 96 / 25.4;

/**
 * How far down the last page of a PDF its drawing reaches, in mm from the top,
 * ignoring the bottom margin (where the page number is): poppler renders the
 * page in grey and the lowest row with ink is found.
 */
function lastPageInkMm(pdf, pages, bottomMarginMm) {
  const dir = mkdtempSync(join(tmpdir(), 'wp-ink-'));
  writeFileSync(join(dir, 'x.pdf'), pdf);
  const dpi = 50;
  const r = spawnSync('pdftoppm', ['-f', String(pages), '-l', String(pages), '-gray', '-r', String(dpi), '-singlefile', join(dir, 'x.pdf'), join(dir, 'p')]);
  assert.equal(r.status, 0, String(r.stderr));
  const pgm = readFileSync(join(dir, 'p.pgm'));
  // P5 header: magic, width, height, maxval, each followed by whitespace.
  const header = pgm.subarray(0, 40).toString('latin1').split(/\s+/);
  const [w, h] = [Number(header[1]), Number(header[2])];
  const start = pgm.length - w * h;
  const limit = h - Math.round((bottomMarginMm / 25.4) * dpi);
  let lowest = 0;
  for (let y = 0; y < limit; y++) {
    for (let x = 0; x < w; x++) {
      if (pgm[start + y * w + x] < 200) { lowest = y; break; }
    }
  }
  return (lowest / dpi) * 25.4;
}

function pageCount(pdf) {
  const dir = mkdtempSync(join(tmpdir(), 'wp-info-'));
  writeFileSync(join(dir, 'x.pdf'), pdf);
  const info = spawnSync('pdfinfo', [join(dir, 'x.pdf')], { encoding: 'utf8' }).stdout;
  return Number(/^Pages:\s+(\d+)/m.exec(info)[1]);
}

/** The real toolkit with extra site.yaml settings, built into a temp folder. */
function buildWith(extra) {
  const root = mkdtempSync(join(tmpdir(), 'wp-kit-'));
  for (const part of ['content', 'themes', 'site.yaml']) {
    cpSync(join(repo, part), join(root, part), { recursive: true });
  }
  writeFileSync(join(root, 'site.yaml'), readFileSync(join(root, 'site.yaml'), 'utf8') + extra);
  const out = join(root, 'public');
  werkplaats(['build', '--root', root, '--out', out]);
  return out;
}

test('facilitator print pages, icon, colophon and 404', async (t) => {
  const out = buildRealToolkit();
  const browser = await launch();
  const nginx = await startNginx(out, '/toolkit/', { notFound: true });
  try {
    await t.test('the duplex offset control moves only the backs and is remembered', async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      const url = new URL('afdrukken/a4/elementkaarten/index.html', nginx.url).href;
      await page.goto(url);
      const control = page.locator('[data-verschuiving]');
      await control.waitFor({ state: 'visible' });
      assert.equal(await page.locator('.balk-uitleg').filter({ hasText: 'site.yaml' }).count(), 0);
      const boxes = async () => ({
        front: await page.locator('.vel-voorkant .kaart').first().boundingBox(),
        back: await page.locator('.vel-achterkant .kaart').first().boundingBox(),
      });
      const before = await boxes();
      await page.getByLabel('Naar rechts').fill('2');
      await page.getByLabel('Naar rechts').dispatchEvent('change');
      await page.getByLabel('Omlaag').fill('-1.5');
      await page.getByLabel('Omlaag').dispatchEvent('change');
      const after = await boxes();
      assert.ok(Math.abs(after.back.x - before.back.x - 2 * MM) < 0.5, `${after.back.x} vs ${before.back.x}`);
      assert.ok(Math.abs(after.back.y - before.back.y + 1.5 * MM) < 0.5);
      assert.deepEqual(after.front, before.front);
      const q = new URL(page.url()).searchParams;
      assert.equal(q.get('x'), '2');
      assert.equal(q.get('y'), '-1.5');
      // The same browser, another visit without the address: storage keeps it.
      await page.goto(url);
      assert.equal(await page.getByLabel('Naar rechts').inputValue(), '2');
      const again = await boxes();
      assert.ok(Math.abs(again.back.x - after.back.x) < 0.5);
      // Beyond a printer's drift is clamped to the limit site.yaml also has.
      await page.goto(`${url}?x=40&y=0`);
      assert.equal(await page.getByLabel('Naar rechts').inputValue(), '5');
      await page.getByRole('button', { name: 'Standaard' }).click();
      assert.equal(await page.getByLabel('Naar rechts').inputValue(), '0');
      assert.equal(new URL(page.url()).search, '');
      await context.close();
    });

    await t.test('print pages link the site icon and never ask the server root for one', async () => {
      const page = await browser.newPage();
      const seen = [];
      page.on('request', (r) => seen.push(new URL(r.url()).pathname));
      for (const doc of ['afdrukken/a4/elementkaarten/', 'afdrukken/letter/toolkit/', 'afdrukken/a4/procesontwerp/basisvragen/']) {
        await page.goto(new URL(`${doc}index.html`, nginx.url).href);
        const icon = await page.locator('link[rel="icon"][type="image/svg+xml"]').getAttribute('href');
        const r = await page.request.get(new URL(icon, page.url()).href);
        assert.equal(r.status(), 200, `${doc}: ${icon}`);
      }
      assert.ok(!seen.includes('/favicon.ico'), seen.join('\n'));
      await page.close();
    });

    await t.test('the print title is the document title and the cover names the document', async () => {
      const page = await browser.newPage();
      await page.goto(`${fileBase(out)}afdrukken/a4/toolkit/index.html`);
      assert.equal(await page.title(), 'LOS in PW');
      assert.equal(await page.locator('.omslag-kop').textContent(), 'De hele toolkit');
      await page.goto(`${fileBase(out)}afdrukken/a4/elementkaarten/index.html`);
      assert.equal(await page.title(), 'Elementkaarten · LOS in PW');
      await page.close();
    });

    await t.test('worksheets have name, team and date and end on a full page', async (t) => {
      const page = await browser.newPage();
      for (const [paper, height] of [['a4', 297], ['letter', 279.4]]) {
        for (const doc of ['procesontwerp/basisvragen', 'procesontwerp/niveau-van-samenwerken', 'in-gesprek/model-in-duos']) {
          await page.goto(`${fileBase(out)}afdrukken/${paper}/${doc}/index.html`);
          assert.deepEqual(await page.locator('.werkblad-veld').allInnerTexts(), ['Naam', 'Team', 'Datum']);
          const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
          const pages = pageCount(pdf);
          const ink = lastPageInkMm(pdf, pages, 18);
          // The page's writing area is 16 mm to height - 18 mm: the sheet's
          // last page is used for more than half of it, never a near-empty page.
          const used = (ink - 16) / (height - 34);
          assert.ok(used > 0.5, `${paper} ${doc}: ${pages} pages, last page drawn to ${ink.toFixed(0)} mm`);
          t.diagnostic(`${paper} ${doc}: ${pages} pages, last page ${(used * 100).toFixed(0)} % used`);
        }
      }
      await page.close();
    });

    await t.test('the model diagram is printed', async () => {
      const page = await browser.newPage();
      await page.emulateMedia({ media: 'print' });
      for (const doc of ['toolkit', 'model']) {
        await page.goto(`${fileBase(out)}afdrukken/a4/${doc}/index.html`);
        const svg = page.locator('.sectie-model .modelfiguur svg');
        assert.ok(await svg.isVisible(), doc);
        const box = await svg.boundingBox();
        assert.ok(box.width > 150 * MM && box.height > 40 * MM, `${doc}: ${JSON.stringify(box)}`);
        assert.equal(await page.locator('.model-stroom').count(), 0);
      }
      await page.close();
    });

    await t.test('404 at depth 2 under /toolkit/ is styled and leads home', async () => {
      const page = await browser.newPage();
      const { failed } = watchRequests(page);
      const csp = [];
      page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) csp.push(m.text()); });
      const r = await page.goto(new URL('bestaat-niet/x/', nginx.url).href);
      assert.equal(r.status(), 404);
      const home = page.getByRole('link', { name: 'Naar de startpagina' });
      await page.waitForFunction(() => document.querySelector('.niet-gevonden a').getAttribute('href').startsWith('/toolkit/'));
      // Styled: the site's stylesheet applies (the header is a flex row).
      await page.waitForFunction(() => getComputedStyle(document.querySelector('.kop')).display !== 'block');
      // The inline script ran under the page's CSP (it is allowed by its hash).
      assert.deepEqual(csp, []);
      await home.click();
      await page.waitForURL(`${nginx.url}index.html`);
      // The menu leads to real pages too.
      await page.goto(new URL('bestaat-niet/x/', nginx.url).href);
      await page.waitForFunction(() => document.querySelector('.kop nav a').getAttribute('href').startsWith('/toolkit/'));
      const nav = await page.locator('.kop nav a').first().getAttribute('href');
      assert.equal((await page.request.get(new URL(nav, page.url()).href)).status(), 200);
      const wrong = failed.filter((f) => !f.includes('/bestaat-niet/'));
      assert.deepEqual(wrong, []);
      await page.close();
    });
  } finally {
    await browser.close();
    await nginx.close();
  }
});

test('colophon in the footer and an absolute 404 with a base URL', async () => {
  const out = buildWith('colofon:\n  uitgever: Testuitgever\n  licentie: CC BY 4.0\n  versie: december 2026\nbasis_url: https://example.org/toolkit/\n');
  const browser = await launch();
  try {
    const page = await browser.newPage();
    await page.goto(`${fileBase(out)}index.html`);
    const footer = (await page.locator('footer.voet').innerText()).replace(/\s+/g, ' ');
    assert.equal(footer, 'LOS in PW · Uitgave: Testuitgever · Licentie: CC BY 4.0 · Versie december 2026 Gemaakt met werkplaats');
    const html = readFileSync(join(out, '404.html'), 'utf8');
    assert.ok(!html.includes('<script>'), 'no root-finding script with a base URL');
    await page.goto(`${fileBase(out)}404.html`);
    const hrefs = await page.locator('main a, .kop nav a, link[rel="stylesheet"]').evaluateAll((els) => els.map((e) => e.getAttribute('href')));
    assert.ok(hrefs.length > 5);
    for (const h of hrefs) assert.ok(h.startsWith('https://example.org/toolkit/'), h);
    await page.close();
  } finally {
    await browser.close();
  }
});
