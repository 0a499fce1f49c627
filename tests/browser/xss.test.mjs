// XSS corpus: script payloads in every kind of field and body of a toolkit. The
// built site is loaded page by page in headless Chromium; no payload may run, and
// no page may carry an event-handler attribute or a javascript: URL.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, mkdirSync, readdirSync, statSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { join, dirname, relative } from 'node:path';
import { launch, werkplaats, serveStatic } from './lib.mjs';

const payloads = [
  '<script>window.__xss = "script"</script>',
  '<img src=x onerror="window.__xss = \'img\'">',
  '<svg onload="window.__xss = \'svg\'"><script>window.__xss = "svg-script"</script></svg>',
  '"><script>window.__xss = "attr-break"</script>',
  '\'><img src=x onerror=window.__xss=1>',
  '<iframe srcdoc="<script>parent.__xss = 1</script>"></iframe>',
  '<a href="javascript:window.__xss=1">klik</a>',
  '<details open ontoggle="window.__xss = \'details\'">',
  '{{ 7 * 7 }} {% raw %}',
  '</textarea><script>window.__xss = "textarea"</script>',
];
let n = 0;
const p = () => JSON.stringify(`${payloads[n++ % payloads.length]} #${n}`);

function write(root, rel, text) {
  mkdirSync(dirname(join(root, rel)), { recursive: true });
  writeFileSync(join(root, rel), text);
}

function hostileToolkit() {
  const root = join(mkdtempSync(join(tmpdir(), 'wp-xss-')), 'kit');
  werkplaats(['new', root]);
  write(root, 'site.yaml', `titel: ${p()}\nbeschrijving: ${p()}\ntaal: nl\n`);
  write(root, 'content/bronnen.yaml', `bron:\n  kort: ${p()}\n  tekst: ${p()}\n  url: "https://example.org/?q=<script>window.__xss=1</script>"\n`);
  const body = payloads.join('\n\n') + '\n\n[veilig](@ABC) ![plaatje](https://example.org/x.png "<script>")\n';
  write(root, 'content/model.md', `---\ntitel: ${p()}\nnaam: ${p()}\ndefinitie: ${p()}\nkenmerken:\n  - kort: ${p()}\n    tekst: ${p()}\naanleiding: [${p()}]\nopbrengsten: [${p()}]\nordening: {kern: [ABC], cultuur: [], instrumenteel: [], interpersoonlijk: []}\nbronnen: [bron]\n---\n${body}`);
  write(root, 'content/elementen/abc.md', `---\ncode: ABC\nnaam: ${p()}\nkern: ${p()}\nkleur: "#1f5f7a"\nvolgorde: 1\nwat: [${p()}]\ndoel: [${p()}]\nbenodigdheden: [${p()}]\naspecten: [${p()}]\naspecten_herkomst: toolkit\nciteten_placeholder: null\n---\n`.replace('citeten_placeholder: null\n', `citaten:\n  - tekst: ${p()}\n    rol: ${p()}\nbronnen: [bron]\n`) + body);
  write(root, 'content/in-gesprek/kennismaken.md', `---\ntitel: ${p()}\ndoel: ${p()}\nelementen: [ABC]\nwerkvorm: [duo]\nduur: 10\ngroepsgrootte: {min: 2}\nmaterialen: [${p()}]\nstappen:\n  - tekst: ${p()}\n    minuten: 10\nvragen: [${p()}]\nbronnen: [bron]\n---\n${body}`);
  write(root, 'content/procesontwerp/startvragen.md', `---\ntitel: ${p()}\ninleiding: ${p()}\nitems:\n  - tekst: ${p()}\n    hulp: ${p()}\nelementen: [ABC]\nbronnen: [bron]\n---\n${body}`);
  write(root, 'content/paginas/over.md', `---\ntitel: ${p()}\nbeschrijving: ${p()}\nvolgorde: 1\nbronnen: [bron]\n---\n${body}`);
  return root;
}

function htmlFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return htmlFiles(path);
    return name.endsWith('.html') ? [path] : [];
  });
}

/** The 404 page's inline script, as the built-in theme has it. */
const notFoundScript = readFileSync(
  join(dirname(fileURLToPath(import.meta.url)), '../../themes/default/static/niet-gevonden.js'), 'utf8').trim();

test('no payload in any field or body runs in the browser', async () => {
  const root = hostileToolkit();
  const out = join(root, 'public');
  werkplaats(['build', '--root', root, '--out', out]);
  const server = await serveStatic(out);
  const browser = await launch();
  try {
    const pages = htmlFiles(out);
    assert.ok(pages.length >= 10, `${pages.length} pages`);
    for (const file of pages) {
      const page = await browser.newPage();
      let dialog = null;
      page.on('dialog', async (d) => { dialog = d.message(); await d.dismiss(); });
      await page.goto(server.url + relative(out, file));
      await page.waitForTimeout(50);
      const state = await page.evaluate(() => ({
        xss: window.__xss,
        handlers: [...document.querySelectorAll('*')].flatMap((el) =>
          [...el.attributes].filter((a) => a.name.startsWith('on')).map((a) => `${el.tagName} ${a.name}`)),
        jsUrls: [...document.querySelectorAll('[href], [src]')]
          .map((el) => el.getAttribute('href') || el.getAttribute('src'))
          .filter((u) => /^\s*javascript:/i.test(u)),
        scripts: [...document.querySelectorAll('script:not([src])')].map((s) => s.textContent.trim()),
        iframes: document.querySelectorAll('iframe').length,
        text: document.body.innerText,
      }));
      const where = relative(out, file);
      assert.equal(state.xss, undefined, `payload ran on ${where}`);
      assert.equal(dialog, null, `dialog on ${where}`);
      assert.deepEqual(state.handlers, [], `event handlers on ${where}`);
      assert.deepEqual(state.jsUrls, [], `javascript: URLs on ${where}`);
      // The one inline script is the theme's own on the 404 page (its CSP
      // allows it by hash); no other page has one.
      const allowed = where === '404.html' ? [notFoundScript] : [];
      assert.deepEqual(state.scripts, allowed, `inline scripts on ${where}`);
      assert.equal(state.iframes, 0, `iframes on ${where}`);
      await page.close();
    }
    // The payloads are shown as text where they were written (not silently lost).
    const page = await browser.newPage();
    await page.goto(server.url + 'over/index.html');
    const text = await page.textContent('main');
    assert.ok(text.includes('<script>window.__xss = "script"</script>'), 'raw HTML shows as text');
    assert.ok(text.includes('{{ 7 * 7 }}'), 'template syntax in content is not evaluated');
  } finally {
    await browser.close();
    await server.close();
  }
});
