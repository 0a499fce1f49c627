// The method indexes on the real toolkit's "In gesprek", Procesontwerp and
// Praktijkvoorbeelden pages: each filter shows as many cards as the content
// files say, from file://; the state is kept in the URL and survives a
// reload; without JavaScript the page is the plain list. The same filters
// work behind nginx under a sub-path.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { launch, buildRealToolkit, repo } from './lib.mjs';
import { fileBase, startNginx } from './site.mjs';

/** The front matter of a content file, and its top-level lists of scalars. */
function frontMatter(file) {
  const fm = readFileSync(file, 'utf8').split(/^---$/m)[1];
  const list = (key) => {
    const m = fm.match(new RegExp(`^${key}:\\n((?:  - .*\\n)+)`, 'm'));
    return m ? m[1].trim().split('\n').map((l) => l.replace(/^\s*- /, '').trim()) : [];
  };
  return { fm, list };
}

/** The facts the filter uses, read from a prompt's front matter. */
function facts(file) {
  const { fm, list } = frontMatter(file);
  const num = (re) => { const m = fm.match(re); return m ? Number(m[1]) : undefined; };
  const min = num(/^groepsgrootte:\n  min: (\d+)/m);
  return {
    elementen: list('elementen'), werkvorm: list('werkvorm'), duur: num(/^duur: (\d+)/m),
    min, max: num(/^groepsgrootte:\n  min: \d+\n  max: (\d+)/m) ?? min,
  };
}

/** The content files of a folder below content/, without its _index.md. */
function files(folder) {
  const dir = join(repo, 'content', folder);
  return readdirSync(dir).filter((f) => f.endsWith('.md') && !f.startsWith('_')).map((f) => join(dir, f));
}

const prompts = files('in-gesprek').map(facts);
const checklists = files('procesontwerp').map((file) => {
  const { fm, list } = frontMatter(file);
  return {
    elementen: list('elementen'), bronnen: list('bronnen'),
    vorm: (fm.match(/^vorm: (\w+)/m) || [, 'afvinken'])[1],
    vragen: (fm.match(/^  - tekst:/gm) || []).length,
  };
});
const examples = files('praktijkvoorbeelden').map((file) => {
  const { fm, list } = frontMatter(file);
  return { elementen: list('elementen'), groep: fm.match(/^groep: (.*)$/m)[1].trim() };
});
const codes = ['LOS', 'SRI', 'VMM', 'GOC', 'LEA', 'VOR'];
const strings = Object.fromEntries(readFileSync(join(repo, 'themes/default/i18n/nl.yaml'), 'utf8')
  .split('\n').map((l) => l.match(/^(werkvorm_\w+): (.*)$/)).filter(Boolean).map((m) => [m[1], m[2]]));

const out = buildRealToolkit();
const url = new URL('in-gesprek/index.html', fileBase(out)).href;
const checklistsUrl = new URL('procesontwerp/index.html', fileBase(out)).href;
const examplesUrl = new URL('praktijkvoorbeelden/index.html', fileBase(out)).href;

/** Checks that choosing each of `cases` ([field, value, expected count])
 *  on the index at `at` shows that many of `total` cards, also after a reload. */
async function filterCases(t, page, at, total, cases) {
  for (const [field, value, expected] of cases) {
    await t.test(`${field} = ${value}`, async () => {
      await page.goto(at);
      const control = page.locator(`#methodefilter [name="${field}"]`);
      if ((await control.evaluate((c) => c.tagName)) === 'INPUT') await control.fill(value);
      else if ((await control.locator(`option[value="${value}"]`).count()) === 0) { assert.equal(expected, 0, `${value} offered when used`); return; }
      else await control.selectOption(value);
      assert.equal(await shown(page), expected);
      assert.match(await page.textContent('#methodeaantal'), new RegExp(`^${expected} (van|of) ${total} `));
      await page.reload();
      assert.equal(await page.inputValue(`#methodefilter [name="${field}"]`), value, 'state from the URL');
      assert.equal(await shown(page), expected, 'same cards after a reload');
    });
  }
}

async function shown(page) {
  return page.$$eval('#methodes > li', (lis) => lis.filter((li) => !li.hidden && li.offsetParent !== null).length);
}

test('each filter shows the cards the content says, and the state survives a reload', async (t) => {
  const browser = await launch();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(url);
    assert.equal(await shown(page), prompts.length, 'no filter: every prompt');
    await filterCases(t, page, url, prompts.length, [
      ...codes.map((c) => ['element', c, prompts.filter((p) => p.elementen.includes(c)).length]),
      ...['individueel', 'duo', 'subgroepen', 'plenair'].map((w) => ['werkvorm', strings[`werkvorm_${w}`], prompts.filter((p) => p.werkvorm.includes(w)).length]),
      ...[20, 30, 45, 60].map((d) => ['duur', String(d), prompts.filter((p) => p.duur <= d).length]),
      ...[2, 5, 12, 25].map((n) => ['groep', String(n), prompts.filter((p) => p.min <= n && n <= p.max).length]),
    ]);
    await t.test('sort by duration', async () => {
      await page.goto(`${url}#sorteer=duur`);
      const durations = await page.$$eval('#methodes > li', (lis) => lis.map((li) => Number(li.dataset.duur)));
      assert.deepEqual(durations, [...durations].sort((a, b) => a - b));
      assert.deepEqual([...durations].sort((a, b) => a - b), prompts.map((p) => p.duur).sort((a, b) => a - b));
    });
  } finally {
    await browser.close();
  }
});

test('the checklists index filters by element, form and source, and sorts by questions', async (t) => {
  const browser = await launch();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(checklistsUrl);
    assert.equal(await shown(page), checklists.length, 'no filter: every checklist');
    const sources = [...new Set(checklists.flatMap((c) => c.bronnen))];
    await filterCases(t, page, checklistsUrl, checklists.length, [
      ...codes.map((c) => ['element', c, checklists.filter((k) => k.elementen.includes(c)).length]),
      ...['afvinken', 'beantwoorden'].map((v) => ['vorm', v, checklists.filter((k) => k.vorm === v).length]),
      ...sources.map((b) => ['bron', b, checklists.filter((k) => k.bronnen.includes(b)).length]),
    ]);
    await t.test('sort by number of questions', async () => {
      await page.goto(`${checklistsUrl}#sorteer=vragen`);
      const counts = await page.$$eval('#methodes > li', (lis) => lis.map((li) => Number(li.dataset.vragen)));
      assert.deepEqual(counts, checklists.map((c) => c.vragen).sort((a, b) => a - b));
      const facts = await page.$$eval('#methodes > li .feiten', (ps) => ps.map((p) => Number(p.textContent.match(/\d+/)[0])));
      assert.deepEqual(facts, counts, 'each card says its number of questions');
    });
  } finally {
    await browser.close();
  }
});

test('the practice examples index filters by element and kind', async (t) => {
  const browser = await launch();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(examplesUrl);
    assert.equal(await shown(page), examples.length, 'no filter: every example');
    const groups = [...new Set(examples.map((e) => e.groep))];
    assert.ok(groups.length > 1, 'the content has several kinds of example');
    await filterCases(t, page, examplesUrl, examples.length, [
      ...codes.map((c) => ['element', c, examples.filter((e) => e.elementen.includes(c)).length]),
      ...groups.map((g) => ['groep', g, examples.filter((e) => e.groep === g).length]),
    ]);
    await t.test('sort by title, then back to the toolkit order', async () => {
      await page.goto(examplesUrl);
      const own = await page.$$eval('#methodes > li', (lis) => lis.map((li) => li.dataset.titel));
      await page.selectOption('#methodefilter [name="sorteer"]', 'titel');
      const titles = await page.$$eval('#methodes > li', (lis) => lis.map((li) => li.dataset.titel));
      assert.deepEqual(titles, [...own].sort((a, b) => a.localeCompare(b, 'nl')));
      await page.selectOption('#methodefilter [name="sorteer"]', '');
      assert.deepEqual(await page.$$eval('#methodes > li', (lis) => lis.map((li) => li.dataset.titel)), own);
    });
  } finally {
    await browser.close();
  }
});

test('without JavaScript the index is the plain list', async () => {
  const browser = await launch();
  try {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    for (const [at, total] of [[url, prompts.length], [checklistsUrl, checklists.length], [examplesUrl, examples.length]]) {
      await page.goto(at);
      assert.equal(await page.isVisible('#methodefilter'), false);
      assert.equal(await shown(page), total);
    }
  } finally {
    await browser.close();
  }
});

test('the three indexes filter the same behind nginx under a sub-path', async (t) => {
  const nginx = await startNginx(out, '/toolkit/');
  const browser = await launch();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    for (const [path, items] of [['in-gesprek/', prompts], ['procesontwerp/', checklists], ['praktijkvoorbeelden/', examples]]) {
      const at = new URL(`${path}index.html`, nginx.url).href;
      assert.ok(at.includes('/toolkit/'), at);
      await filterCases(t, page, at, items.length, ['LOS', 'VOR'].map((c) => ['element', c, items.filter((i) => i.elementen.includes(c)).length]));
    }
  } finally {
    await browser.close();
    await nginx.close();
  }
});
