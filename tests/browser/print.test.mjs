// Print pages in headless Chromium: the card decks fit and line up for duplex
// printing, nothing overflows, print pages carry no navigation, and `werkplaats
// pdf` makes every PDF with the right page count and page size, on A4 and Letter.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { launch, repo, serveStatic, watchRequests, werkplaats } from './lib.mjs';

const BASE_URL = 'https://example.org/los-in-pw/';
/** Page sizes in PDF points (1/72 inch). */
const SIZES = { a4: [595.28, 841.89], letter: [612, 792] };
const MM = 96 / 25.4; // CSS pixels per millimetre

let out;
let server;
let browser;

before(async () => {
  out = join(mkdtempSync(join(tmpdir(), 'wp-print-')), 'public');
  werkplaats(['build', '--root', repo, '--out', out, '--base-url', BASE_URL]);
  server = await serveStatic(out);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

function htmlFiles(dir) {
  return readdirSync(dir, { recursive: true })
    .filter((f) => f.endsWith('index.html'))
    .map((f) => join(dir, f));
}

/** Geometry of every sheet and card, in CSS pixels relative to the sheet, and
 * every card part whose content is larger than its box. */
async function measureDeck(page) {
  return page.evaluate(() => {
    const sheets = [...document.querySelectorAll('section.vel')].map((v) => {
      const s = v.getBoundingClientRect();
      return {
        soort: v.dataset.soort,
        vel: v.dataset.vel,
        w: s.width,
        h: s.height,
        cards: [...v.querySelectorAll('.kaart')].map((k) => {
          const b = k.getBoundingClientRect();
          return {
            id: k.dataset.kaart,
            kant: k.classList.contains('kaart-voor') ? 'voor' : 'achter',
            x: b.left - s.left, y: b.top - s.top, w: b.width, h: b.height,
          };
        }),
      };
    });
    const overflowing = [...document.querySelectorAll('.kaart-inhoud, .kaart-qr, .kaart-url, .kaart-voet, .vel-noot')]
      .filter((e) => e.scrollHeight > e.clientHeight + 1 || e.scrollWidth > e.clientWidth + 1)
      .map((e) => `${e.closest('.kaart')?.dataset.kaart ?? 'vel'} ${e.className}`);
    return { sheets, overflowing };
  });
}

const decks = [
  { doc: 'elementkaarten', cards: 6, layout: 'duplex' },
  { doc: 'elementkaarten/vouwen', cards: 6, layout: 'fold' },
  // 10 prompts, and after each element's focus group the element's card.
  { doc: 'gesprekskaarten', cards: 16, layout: 'duplex' },
  { doc: 'gesprekskaarten/vouwen', cards: 16, layout: 'fold' },
  { doc: 'voorbeeldkaarten', cards: 10, layout: 'duplex' },
  { doc: 'voorbeeldkaarten/vouwen', cards: 10, layout: 'fold' },
];

for (const paper of ['a4', 'letter']) {
  for (const deck of decks) {
    test(`${paper} ${deck.doc}: cards fit their boxes, sit on the sheet, backs behind fronts`, async () => {
      const page = await browser.newPage();
      const requests = watchRequests(page);
      await page.emulateMedia({ media: 'print' });
      await page.goto(`${server.url}afdrukken/${paper}/${deck.doc}/index.html`);
      const { sheets, overflowing } = await measureDeck(page);
      assert.deepEqual(overflowing, []);

      const perSheet = deck.layout === 'duplex' ? 4 : 2;
      const sheetsOfPaper = Math.ceil(deck.cards / perSheet);
      assert.equal(sheets.length, deck.layout === 'duplex' ? 2 * sheetsOfPaper : sheetsOfPaper);
      const [wMm, hMm] = paper === 'a4' ? [210, 297] : [215.9, 279.4];
      const ids = new Set();
      for (const s of sheets) {
        assert.ok(Math.abs(s.w - wMm * MM) < 1 && Math.abs(s.h - hMm * MM) < 1, `sheet ${s.w}x${s.h}`);
        for (const c of s.cards) {
          ids.add(c.id);
          assert.ok(Math.abs(c.w - 89 * MM) < 1 && Math.abs(c.h - 127 * MM) < 1, `${c.id} size`);
          // Inside the printable area (5 mm from every edge).
          const m = 5 * MM;
          assert.ok(c.x >= m && c.y >= m && c.x + c.w <= s.w - m && c.y + c.h <= s.h - m, `${c.id} on ${paper}`);
        }
      }
      assert.equal(ids.size, deck.cards);

      if (deck.layout === 'duplex') {
        assert.deepEqual(sheets.map((s) => s.soort), sheets.map((_, i) => (i % 2 ? 'achterkant' : 'voorkant')));
        for (let i = 0; i < sheets.length; i += 2) {
          const [front, back] = [sheets[i], sheets[i + 1]];
          assert.equal(front.vel, back.vel);
          assert.equal(back.cards.length, front.cards.length);
          for (const f of front.cards) {
            const b = back.cards.find((c) => c.id === f.id);
            assert.ok(b, `back of ${f.id} on the next page`);
            // Flip on the long edge: the back's distance from the right edge is
            // the front's distance from the left edge; the height is the same.
            assert.ok(Math.abs(f.x - (back.w - b.x - b.w)) < 0.5, `${f.id} x ${f.x} vs ${b.x}`);
            assert.ok(Math.abs(f.y - b.y) < 0.5, `${f.id} y`);
          }
        }
      } else {
        for (const s of sheets) {
          for (const f of s.cards.filter((c) => c.kant === 'voor')) {
            const b = s.cards.find((c) => c.id === f.id && c.kant === 'achter');
            assert.ok(Math.abs(b.x - (f.x + f.w)) < 0.5 && Math.abs(b.y - f.y) < 0.5, `${f.id} fold pair`);
          }
        }
      }
      if (deck.doc.startsWith('elementkaarten')) {
        // Every back carries a QR code that leads to the card's page.
        const urls = await page.$$eval('.kaart-achter .kaart-url', (els) => els.map((e) => e.textContent));
        assert.equal(urls.length, 6);
        assert.ok(urls.every((u) => u.includes(`${BASE_URL}elementen/`)), urls.join());
        assert.equal(await page.locator('.kaart-achter svg.qr-code').count(), 6);
      }
      assert.deepEqual(requests.foreign, []);
      assert.deepEqual(requests.failed, []);
      await page.close();
    });
  }
}

test('the overflow check sees text that is too long for a card', async () => {
  // Guards the test above: an overflowing card must be reported, not missed.
  const page = await browser.newPage();
  await page.emulateMedia({ media: 'print' });
  await page.goto(`${server.url}afdrukken/a4/elementkaarten/index.html`);
  await page.evaluate(() => {
    document.querySelector('.kaart-achter li').textContent = 'veel te lange tekst '.repeat(200);
  });
  const { overflowing } = await measureDeck(page);
  assert.equal(overflowing.length, 1);
  await page.close();
});

test('print pages carry no navigation, no dark backgrounds, and never split an item', async () => {
  const page = await browser.newPage();
  await page.emulateMedia({ media: 'print' });
  const files = htmlFiles(join(out, 'afdrukken', 'a4')).concat(htmlFiles(join(out, 'afdrukken', 'letter')));
  assert.ok(files.length > 60, `${files.length} print pages`);
  for (const file of files) {
    await page.goto(server.url + relative(out, file).split('\\').join('/'));
    const r = await page.evaluate(() => {
      const visible = (e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden';
      const dark = [...document.querySelectorAll('.document *, .document')].filter((e) => {
        const m = getComputedStyle(e).backgroundColor.match(/rgba?\(([\d.]+), ([\d.]+), ([\d.]+)(?:, ([\d.]+))?\)/);
        if (!m || (m[4] !== undefined && Number(m[4]) === 0)) return false;
        const [r, g, b] = m.slice(1, 4).map(Number);
        return 0.2126 * r + 0.7152 * g + 0.0722 * b < 200;
      }).map((e) => e.className);
      return {
        nav: document.querySelectorAll('nav, header.kop, .kruimels').length,
        bar: [...document.querySelectorAll('.afdruk-balk, button')].filter(visible).length,
        dark,
        items: [...document.querySelectorAll('.item')].map((e) => getComputedStyle(e).breakInside),
      };
    });
    assert.equal(r.nav, 0, file);
    assert.equal(r.bar, 0, file);
    assert.deepEqual(r.dark, [], file);
    assert.ok(r.items.every((b) => b === 'avoid'), file);
  }
  await page.close();
});

test('every site page shows a print action that leads to its print version', async () => {
  const page = await browser.newPage();
  const requests = watchRequests(page);
  for (const path of ['index.html', 'model/index.html', 'elementen/index.html', 'elementen/los/index.html',
    'in-gesprek/focusgroep-los/index.html', 'procesontwerp/basisvragen/index.html', 'bronnen/index.html',
    'over/index.html']) {
    await page.goto(server.url + path);
    const action = page.locator('.afdruk-actie a');
    assert.ok(await action.isVisible(), path);
    await action.click();
    await page.waitForSelector('body.afdruk');
    assert.match(page.url(), /\/afdrukken\/a4\//, path);
  }
  assert.deepEqual(requests.foreign, []);
  assert.deepEqual(requests.failed, []);
  await page.close();
});

test('the browser print path (preferCSSPageSize) gives the same pages as the deck', async () => {
  const page = await browser.newPage();
  for (const [paper, size] of Object.entries(SIZES)) {
    await page.goto(`${server.url}afdrukken/${paper}/elementkaarten/index.html`);
    const pdf = await PDFDocument.load(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    assert.equal(pdf.getPageCount(), 4, paper);
    for (const p of pdf.getPages()) {
      const { width, height } = p.getSize();
      assert.ok(Math.abs(width - size[0]) < 1.5 && Math.abs(height - size[1]) < 1.5, `${paper}: ${width}x${height}`);
    }
  }
  await page.close();
});

async function pdfPages(file) {
  const pdf = await PDFDocument.load(readFileSync(file));
  return pdf.getPages().map((p) => p.getSize());
}

for (const [paper, size] of Object.entries(SIZES)) {
  test(`werkplaats pdf --paper ${paper}: decks, worksheets and the whole toolkit`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wp-pdf-'));
    // A folder of PDFs werkplaats did not write (say from an older version,
    // without its manifest) is taken over only with --force; afterwards it
    // holds just this run's PDFs.
    mkdirSync(join(dir, paper, 'werkbladen'), { recursive: true });
    writeFileSync(join(dir, paper, 'werkbladen', 'procesontwerp-weg.pdf'), '%PDF-1.4');
    const r = werkplaats(['pdf', '--root', repo, '--out', dir, '--paper', paper, '--base-url', BASE_URL, '--force']);
    assert.match(r.stderr, /26 pdf-bestanden/);
    const expected = {
      'elementkaarten.pdf': 4, // 6 cards, 4 per sheet: 2 front and 2 back pages
      'elementkaarten-vouwen.pdf': 3, // 2 cards per page
      'gesprekskaarten.pdf': 8, // 10 prompts and 6 element cards: 4 sheets
      'gesprekskaarten-vouwen.pdf': 8,
      'voorbeeldkaarten.pdf': 6, // 10 practice examples: 3 sheets
      'voorbeeldkaarten-vouwen.pdf': 5,
    };
    for (const [name, count] of Object.entries(expected)) {
      const pages = await pdfPages(join(dir, paper, name));
      assert.equal(pages.length, count, name);
    }
    const worksheets = readdirSync(join(dir, paper, 'werkbladen'));
    assert.equal(worksheets.filter((f) => f.startsWith('in-gesprek-')).length, 10);
    assert.equal(worksheets.filter((f) => f.startsWith('procesontwerp-')).length, 9);
    const toolkit = await pdfPages(join(dir, paper, 'toolkit.pdf'));
    assert.ok(toolkit.length > 40, `toolkit has ${toolkit.length} pages`);
    const all = [...Object.keys(expected), 'toolkit.pdf', ...worksheets.map((w) => `werkbladen/${w}`)];
    for (const name of all) {
      for (const { width, height } of await pdfPages(join(dir, paper, name))) {
        assert.ok(Math.abs(width - size[0]) < 1.5 && Math.abs(height - size[1]) < 1.5, `${name}: ${width}x${height}`);
      }
    }
  });
}

/** `s` with the character references Tera writes in attributes decoded. */
function decodeEntities(s) {
  return s.replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16))).replace(/&amp;/g, '&');
}

/** Text of page `n` of a PDF (poppler's pdftotext), whitespace collapsed. */
function pageText(file, n, layout = false) {
  const args = ['-f', String(n), '-l', String(n), ...(layout ? ['-layout'] : []), file, '-'];
  const r = spawnSync('pdftotext', args, { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return layout ? r.stdout : r.stdout.replace(/\s+/g, ' ');
}

/** The PDF's outline (bookmarks) as [title, page, depth], from poppler's pdftohtml. */
function outline(file) {
  const r = spawnSync('pdftohtml', ['-xml', '-i', '-q', '-stdout', file], { encoding: 'utf8', maxBuffer: 1 << 28 });
  assert.equal(r.status, 0, r.stderr);
  const xml = r.stdout.slice(r.stdout.indexOf('<outline>'));
  const items = [];
  let depth = 0;
  for (const m of xml.matchAll(/<outline>|<\/outline>|<item page="(\d+)">([^<]*)<\/item>/g)) {
    if (m[0] === '<outline>') depth++;
    else if (m[0] === '</outline>') depth--;
    else items.push([m[2].replace(/&amp;/g, '&').replace(/&#39;/g, "'"), Number(m[1]), depth - 1]);
  }
  return items;
}

test('build --pdf: print pages and the hub link real PDFs; the toolkit PDF has chapter bookmarks and page numbers', async () => {
  const site = join(mkdtempSync(join(tmpdir(), 'wp-site-pdf-')), 'public');
  const chromium = process.env.CHROMIUM ? ['--chromium', process.env.CHROMIUM] : [];
  const r = werkplaats(['build', '--root', repo, '--out', site, '--base-url', BASE_URL, '--pdf', ...chromium]);
  assert.match(r.stderr, /52 pdf-bestanden/);

  // Every download link, on the hub and on each print page, is a PDF of its paper.
  const pages = [join(site, 'afdrukken', 'index.html'), ...htmlFiles(join(site, 'afdrukken'))];
  const linked = new Set();
  for (const file of pages) {
    for (const [, href] of readFileSync(file, 'utf8').matchAll(/href="([^"]+\.pdf)"/g)) {
      linked.add(resolve(dirname(file), decodeEntities(href)));
    }
  }
  assert.equal(linked.size, 52);
  for (const file of linked) {
    assert.ok(existsSync(file), file);
    const paper = relative(join(site, 'afdrukken'), file).split('/')[0];
    for (const { width, height } of await pdfPages(file)) {
      const [w, h] = SIZES[paper];
      assert.ok(Math.abs(width - w) < 1.5 && Math.abs(height - h) < 1.5, `${file}: ${width}x${height}`);
    }
  }
  const deck = decodeEntities(readFileSync(join(site, 'afdrukken', 'a4', 'elementkaarten', 'index.html'), 'utf8'));
  assert.match(deck, /href="\.\.\/\.\.\/\.\.\/afdrukken\/letter\/elementkaarten\.pdf"/);

  for (const paper of Object.keys(SIZES)) {
    const pdf = join(site, 'afdrukken', paper, 'toolkit.pdf');
    // The contents (from page 2 up to the first section): "1. Model   3".
    const entries = [];
    for (let n = 2; entries.length === 0 || n < entries[0][1]; n++) {
      for (const line of pageText(pdf, n, true).split('\n')) {
        const m = line.match(/^\s*(?:\d+\.\s+)?(\S.*?)\s{2,}(\d+)\s*$/);
        if (m) entries.push([m[1], Number(m[2])]);
      }
    }
    assert.ok(entries.length > 40, `${paper}: ${entries.length} contents entries`);
    const bookmarks = outline(pdf);
    // A chapter ("2. Elementen") starts where its first entry does; a chapter
    // of one section ("1. Model") where that section's first bookmark is.
    const chapters = ['Model', 'Elementen', 'In gesprek', 'Procesontwerp', 'Praktijkvoorbeelden', 'Achtergrond'];
    entries.forEach(([title, page], i) => {
      if (chapters.includes(title)) {
        const next = entries[i + 1];
        if (next && !chapters.includes(next[0])) assert.equal(page, next[1], `${paper}: chapter ${title}`);
        else assert.ok(bookmarks.some(([, p]) => p === page), `${paper}: chapter ${title} on page ${page}`);
        return;
      }
      // An element's heading is its name; the contents put its code before it.
      const heading = title.replace(/^[A-Z]{2,4} – /, '');
      assert.ok(pageText(pdf, page).includes(heading), `${paper}: "${heading}" is not on page ${page}`);
      assert.ok(
        // Chromium drops the space where a heading wraps. A section is a
        // bookmark one level below its chapter.
        bookmarks.some(([t, p, d]) => t.replace(/\s/g, '').includes(heading.replace(/\s/g, '')) && p === page && d === 1),
        `${paper}: no bookmark "${heading}" to page ${page} below its chapter`,
      );
    });
    // The first level of bookmarks: the cover, then the chapters in the
    // contents' order, each at the page its first section starts on.
    const top = bookmarks.filter(([, , d]) => d === 0).map(([t]) => t);
    assert.deepEqual(top.slice(1), [...chapters, 'Bronnen'], `${paper}: ${top}`);
    for (const [t, p, d] of bookmarks) {
      if (d !== 0 || !chapters.includes(t)) continue;
      const first = bookmarks[bookmarks.findIndex((b) => b[0] === t && b[2] === 0) + 1];
      assert.equal(first[2], 1, `${paper}: ${t} has sections below it`);
      assert.equal(p, first[1], `${paper}: ${t} starts where its first section does`);
    }
  }
});
