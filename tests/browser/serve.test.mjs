// `werkplaats serve` in headless Chromium, the way an editor uses it: a page
// follows its Markdown file as it is saved (in place and by rename), shows the
// build error over the page and recovers, swaps a stylesheet without reloading,
// picks up changes made while the server was down, and ends on the last of 500
// saves; and neither a page of another origin nor a script in a download can
// read the unpublished site. Every server listens on 127.0.0.1 on a free port
// and is killed when its test ends, passed or not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, werkplaats, watchRequests, bin, repo, serveStatic } from './lib.mjs';

/** Upper bound for anything a test waits for; it only ends a broken test. */
const PATIENCE = 20000;

/** Servers still running, killed if the test process ends early. */
const running = new Set();
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** A fresh toolkit from `werkplaats new`, with helpers to save its files. */
function newKit() {
  const root = join(mkdtempSync(join(tmpdir(), 'wp-serve-')), 'kit');
  werkplaats(['new', root]);
  // `new` writes content only; the tests that edit the stylesheet need it here.
  werkplaats(['theme', 'eject', '--root', root, 'static/site.css']);
  const path = (rel) => join(root, rel);
  return {
    root,
    read: (rel) => readFileSync(path(rel), 'utf8'),
    /** Saves in place, as most editors do. */
    write: (rel, text) => writeFileSync(path(rel), text),
    /** Saves to a temp file and renames it over the original (vim, VS Code, JetBrains). */
    renameOver: (rel, text) => {
      const temp = path(rel).replace(/([^/]+)$/, '.$1.tmp');
      writeFileSync(temp, text);
      renameSync(temp, path(rel));
    },
    edit(rel, from, to) {
      const text = this.read(rel);
      assert.ok(text.includes(from), `${rel} lacks ${from}`);
      this.write(rel, text.replace(from, to));
    },
  };
}

/** Starts `werkplaats serve` on `port` (0: any free one) and waits for its URL. */
async function serve(root, port = 0) {
  const child = spawn(bin, ['serve', '--root', root, '--port', String(port)], {
    env: { ...process.env, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const url = await new Promise((resolve, reject) => {
    let stdout = '';
    const timer = setTimeout(() => reject(new Error(`serve did not start:\n${stderr}`)), PATIENCE);
    child.stdout.on('data', (d) => {
      stdout += d;
      const m = stdout.match(/http:\/\/\S+/);
      if (m) {
        clearTimeout(timer);
        resolve(m[0]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code}:\n${stderr}`));
    });
  });
  return {
    url,
    port: new URL(url).port,
    stderr: () => stderr,
    stop: () => new Promise((done) => {
      running.delete(child);
      if (child.exitCode !== null || child.signalCode !== null) return done();
      child.once('exit', done);
      child.kill('SIGTERM');
    }),
  };
}

/** Opens a page and records what an editor would notice going wrong. */
async function open(browser, url) {
  const page = await browser.newPage();
  const requests = watchRequests(page);
  const cspErrors = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) cspErrors.push(m.text());
  });
  await page.goto(url);
  // The live-reload connection is up once the greeting has been handled.
  await page.waitForFunction(() => performance.getEntriesByType('resource')
    .some((e) => e.name.endsWith('/__werkplaats/live.js')), null, { timeout: PATIENCE });
  return { page, requests, cspErrors };
}

// Without the soft hyphens the build puts into long words of titles.
const heading = async (page) => (await page.locator('main h1').first().textContent()).replace(/\u00ad/g, '');
const waitForHeading = (page, text) => page.waitForFunction(
  (t) => document.querySelector('main h1')?.textContent.trim() === t, text, { timeout: PATIENCE });

const ABC = 'content/elementen/abc.md';

test('a page follows its Markdown file, saved in place and by rename, and keeps its place', { timeout: 90000 }, async () => {
  const kit = newKit();
  // Long enough to scroll.
  const filler = Array.from({ length: 80 }, (_, i) => `Alinea ${i} met genoeg tekst om de pagina lang te maken.`).join('\n\n');
  kit.write(ABC, `${kit.read(ABC)}\n${filler}\n`);
  const server = await serve(kit.root);
  const browser = await launch();
  try {
    const { page, requests, cspErrors } = await open(browser, `${server.url}elementen/abc/`);
    assert.equal((await heading(page)).trim(), 'Een voorbeeldelement');
    await page.evaluate(() => { window.scrollTo(0, 1500); window.eerder = true; });

    kit.edit(ABC, 'naam: Een voorbeeldelement', 'naam: Ter plekke bewaard');
    await waitForHeading(page, 'Ter plekke bewaard');
    assert.equal(await page.evaluate(() => window.eerder), undefined, 'the page reloaded');
    await page.waitForFunction(() => Math.abs(window.scrollY - 1500) < 2, null, { timeout: PATIENCE });

    kit.renameOver(ABC, kit.read(ABC).replace('naam: Ter plekke bewaard', 'naam: Via hernoemen'));
    await waitForHeading(page, 'Via hernoemen');
    await page.waitForFunction(() => Math.abs(window.scrollY - 1500) < 2, null, { timeout: PATIENCE });

    assert.deepEqual(requests.foreign, []);
    assert.deepEqual(requests.failed, []);
    assert.deepEqual(cspErrors, []);
  } finally {
    await browser.close();
    await server.stop();
  }
});

test('a broken save shows the error over the page; the next good save clears it', { timeout: 90000 }, async () => {
  const kit = newKit();
  const server = await serve(kit.root);
  const browser = await launch();
  try {
    const { page, cspErrors } = await open(browser, `${server.url}elementen/abc/`);
    kit.edit(ABC, 'naam: Een voorbeeldelement', 'naam: [kapot');

    const overlay = page.locator('#werkplaats-fout');
    await overlay.locator('pre').waitFor({ timeout: PATIENCE });
    const report = await overlay.locator('pre').textContent();
    assert.match(report, /content\/elementen\/abc\.md/);
    assert.match(report, /naam: \[kapot/, 'quotes the broken line');
    assert.equal(await overlay.locator('h2').textContent(), 'De site kan niet worden bijgewerkt');
    // The last good page is still there underneath.
    assert.equal((await heading(page)).trim(), 'Een voorbeeldelement');
    // The terminal shows the same report.
    assert.match(server.stderr(), /naam: \[kapot/);

    kit.edit(ABC, 'naam: [kapot', 'naam: Weer heel');
    await waitForHeading(page, 'Weer heel');
    assert.equal(await overlay.count(), 0);

    // The editor can close the overlay to look at the page.
    kit.edit(ABC, 'naam: Weer heel', 'naam: [weer kapot');
    await overlay.locator('pre').waitFor({ timeout: PATIENCE });
    await overlay.getByRole('button', { name: 'Melding sluiten' }).click();
    assert.equal(await overlay.count(), 0);
    assert.deepEqual(cspErrors, []);
  } finally {
    await browser.close();
    await server.stop();
  }
});

test('a stylesheet change is swapped in without reloading the page', { timeout: 90000 }, async () => {
  const kit = newKit();
  const server = await serve(kit.root);
  const browser = await launch();
  try {
    const { page, requests, cspErrors } = await open(browser, `${server.url}elementen/abc/`);
    await page.evaluate(() => { window.blijft = 42; });
    const sheets = await page.locator('link[rel="stylesheet"]').count();
    const css = 'themes/default/static/site.css';
    kit.write(css, `${kit.read(css)}\nbody { background-color: rgb(1, 2, 3) !important; }\n`);
    await page.waitForFunction(
      () => getComputedStyle(document.body).backgroundColor === 'rgb(1, 2, 3)', null, { timeout: PATIENCE });
    assert.equal(await page.evaluate(() => window.blijft), 42, 'no reload');
    // The old stylesheets are gone once the new ones have loaded.
    await page.waitForFunction(
      (n) => document.querySelectorAll('link[rel="stylesheet"]').length === n, sheets, { timeout: PATIENCE });

    // And again, renamed over: still no reload, the new rule replaces the old.
    kit.renameOver(css, kit.read(css).replace('rgb(1, 2, 3)', 'rgb(4, 5, 6)'));
    await page.waitForFunction(
      () => getComputedStyle(document.body).backgroundColor === 'rgb(4, 5, 6)', null, { timeout: PATIENCE });
    assert.equal(await page.evaluate(() => window.blijft), 42, 'no reload');
    assert.deepEqual(requests.failed, []);
    assert.deepEqual(cspErrors, []);
  } finally {
    await browser.close();
    await server.stop();
  }
});

test('a page reloads when something it shows changed, and only then', { timeout: 90000 }, async () => {
  const kit = newKit();
  const server = await serve(kit.root);
  const browser = await launch();
  try {
    // The search page shows the search index; the prompt page nothing of the element's text.
    const search = (await open(browser, `${server.url}zoeken/`)).page;
    const prompt = (await open(browser, `${server.url}in-gesprek/kennismaken/`)).page;
    for (const p of [search, prompt]) await p.evaluate(() => { window.eerder = true; });

    kit.edit(ABC, 'Vertel hier het verhaal', 'Vertel hier een ander verhaal');
    await search.waitForFunction(() => window.eerder === undefined, null, { timeout: PATIENCE });

    // Messages arrive in order: once a later stylesheet change shows on the prompt
    // page, it has handled the content change too, and must not have reloaded.
    const css = 'themes/default/static/site.css';
    kit.write(css, `${kit.read(css)}\nbody { outline: 3px solid rgb(7, 8, 9); }\n`);
    await prompt.waitForFunction(
      () => getComputedStyle(document.body).outlineColor === 'rgb(7, 8, 9)', null, { timeout: PATIENCE });
    assert.equal(await prompt.evaluate(() => window.eerder), true, 'the prompt page did not reload');
  } finally {
    await browser.close();
    await server.stop();
  }
});

test('the real toolkit previews without blocked or failed requests', { timeout: 120000 }, async () => {
  const server = await serve(repo);
  const browser = await launch();
  try {
    for (const path of ['', 'model/', 'elementen/los/', 'zoeken/', 'reflectiescan/', 'sessieplanner/', 'afdrukken/']) {
      const { page, requests, cspErrors } = await open(browser, server.url + path);
      await page.waitForLoadState('load');
      assert.deepEqual(requests.foreign, [], path);
      assert.deepEqual(requests.failed, [], path);
      assert.deepEqual(cspErrors, [], path);
      await page.close();
    }
  } finally {
    await browser.close();
    await server.stop();
  }
});

test('the 404 page is styled at any depth', { timeout: 60000 }, async () => {
  const kit = newKit();
  const server = await serve(kit.root);
  const browser = await launch();
  try {
    const page = await browser.newPage();
    const response = await page.goto(`${server.url}bestaat/niet/hier/`);
    assert.equal(response.status(), 404);
    // The page finds the site root with a request of its own and only then
    // points its stylesheet there: wait for that, not just for 'load'.
    const styled = await page.waitForFunction(() => [...document.styleSheets]
      .some((s) => s.href?.endsWith('/static/site.css') && s.cssRules.length > 0), null, { timeout: 10000 })
      .then(() => true, () => false);
    assert.ok(styled, 'site.css applies to the 404 page');
  } finally {
    await browser.close();
    await server.stop();
  }
});

test('after a restart the page reconnects and shows what changed meanwhile', { timeout: 90000 }, async () => {
  const kit = newKit();
  let server = await serve(kit.root);
  const browser = await launch();
  try {
    const { page } = await open(browser, `${server.url}elementen/abc/`);
    await server.stop();
    kit.edit(ABC, 'naam: Een voorbeeldelement', 'naam: Terwijl de server stil lag');
    server = await serve(kit.root, server.port);
    await waitForHeading(page, 'Terwijl de server stil lag');
  } finally {
    await browser.close();
    await server.stop();
  }
});

test('500 saves in a burst: the page ends on the last one and the server still answers', { timeout: 120000 }, async () => {
  const kit = newKit();
  const server = await serve(kit.root);
  const browser = await launch();
  try {
    const { page } = await open(browser, `${server.url}elementen/abc/`);
    const original = kit.read(ABC);
    for (let i = 0; i < 500; i++) {
      const text = original.replace('naam: Een voorbeeldelement', `naam: Versie ${i}`);
      if (i % 2 === 0) kit.write(ABC, text);
      else kit.renameOver(ABC, text);
    }
    await waitForHeading(page, 'Versie 499');
    assert.equal(await page.locator('#werkplaats-fout').count(), 0);
    const home = await page.request.get(server.url);
    assert.equal(home.status(), 200);
    assert.doesNotMatch(server.stderr(), /fout/);
  } finally {
    await browser.close();
    await server.stop();
  }
});

test('a page of another origin cannot read the unpublished site', { timeout: 60000 }, async () => {
  const server = await serve(newKit().root);
  // Another port of this machine: the same site, another origin.
  const other = mkdtempSync(join(tmpdir(), 'wp-other-'));
  writeFileSync(join(other, 'index.html'), `<!doctype html><title>ander</title>
<script src="${server.url}zoekindex.js" onload="document.title = 'geladen'" onerror="document.title = 'geweigerd'"></script>`);
  const foreign = await serveStatic(other);
  const browser = await launch();
  try {
    const page = await browser.newPage();
    await page.goto(foreign.url);
    await page.waitForFunction(() => document.title !== 'ander', null, { timeout: PATIENCE });
    assert.equal(await page.title(), 'geweigerd');
    assert.equal(await page.evaluate(() => typeof window.werkplaatsZoekindex), 'undefined');
  } finally {
    await browser.close();
    await foreign.close();
    await server.stop();
  }
});

test('a download with a script in it cannot read the unpublished site', { timeout: 60000 }, async () => {
  const kit = newKit();
  const steal = '<script>window.gestolen = "nee"; fetch("/zoekindex.js").then((r) => r.text())'
    + '.then((t) => { window.gestolen = t; document.title = "gestolen"; });</script>';
  // With raw HTML allowed the build lets such files through; the preview
  // must still keep their script away from its origin.
  kit.write('site.yaml', `${kit.read('site.yaml')}ruwe_html: true\n`);
  mkdirSync(join(kit.root, 'content/bestanden'), { recursive: true });
  writeFileSync(join(kit.root, 'content/bestanden/kwaad.html'), `<!doctype html><title>kwaad</title>${steal}`);
  writeFileSync(join(kit.root, 'content/bestanden/kwaad.svg'),
    `<svg xmlns="http://www.w3.org/2000/svg">${steal.replace('<script>', '<script><![CDATA[').replace('</script>', ']]></script>')}</svg>`);
  const server = await serve(kit.root);
  const browser = await launch();
  try {
    const page = await browser.newPage();
    for (const file of ['kwaad.html', 'kwaad.svg']) {
      await page.goto(`${server.url}bestanden/${file}`);
      await page.waitForTimeout(500);
      assert.notEqual(await page.title(), 'gestolen', file);
      assert.equal(await page.evaluate(() => window.gestolen ?? null), null, `${file}: its script ran`);
    }
  } finally {
    await browser.close();
    await server.stop();
  }
});
