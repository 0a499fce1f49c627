// The method index on the real toolkit's "In gesprek" page: each filter
// shows as many cards as the content files say, from file://; the state
// is kept in the URL and survives a reload; without JavaScript the page
// is the plain list.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { launch, buildRealToolkit, repo } from './lib.mjs';
import { fileBase } from './site.mjs';

/** The facts the filter uses, read from a prompt's front matter. */
function facts(file) {
  const fm = readFileSync(file, 'utf8').split(/^---$/m)[1];
  const list = (key) => {
    const m = fm.match(new RegExp(`^${key}:\\n((?:  - .*\\n)+)`, 'm'));
    return m ? m[1].trim().split('\n').map((l) => l.replace(/^\s*- /, '').trim()) : [];
  };
  const num = (re) => { const m = fm.match(re); return m ? Number(m[1]) : undefined; };
  const min = num(/^groepsgrootte:\n  min: (\d+)/m);
  return {
    elementen: list('elementen'), werkvorm: list('werkvorm'), duur: num(/^duur: (\d+)/m),
    min, max: num(/^groepsgrootte:\n  min: \d+\n  max: (\d+)/m) ?? min,
  };
}

const dir = join(repo, 'content', 'in-gesprek');
const prompts = readdirSync(dir).filter((f) => f.endsWith('.md') && !f.startsWith('_')).map((f) => facts(join(dir, f)));
const strings = Object.fromEntries(readFileSync(join(repo, 'themes/default/i18n/nl.yaml'), 'utf8')
  .split('\n').map((l) => l.match(/^(werkvorm_\w+): (.*)$/)).filter(Boolean).map((m) => [m[1], m[2]]));

const out = buildRealToolkit();
const url = new URL('in-gesprek/index.html', fileBase(out)).href;

async function shown(page) {
  return page.$$eval('#methodes > li', (lis) => lis.filter((li) => !li.hidden && li.offsetParent !== null).length);
}

test('each filter shows the cards the content says, and the state survives a reload', async (t) => {
  const browser = await launch();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(url);
    assert.equal(await shown(page), prompts.length, 'no filter: every prompt');
    const cases = [
      ...['LOS', 'SRI', 'VMM', 'GOC', 'LEA', 'VOR'].map((c) => ['element', c, prompts.filter((p) => p.elementen.includes(c)).length]),
      ...['individueel', 'duo', 'subgroepen', 'plenair'].map((w) => ['werkvorm', strings[`werkvorm_${w}`], prompts.filter((p) => p.werkvorm.includes(w)).length]),
      ...[20, 30, 45, 60].map((d) => ['duur', String(d), prompts.filter((p) => p.duur <= d).length]),
      ...[2, 5, 12, 25].map((n) => ['groep', String(n), prompts.filter((p) => p.min <= n && n <= p.max).length]),
    ];
    for (const [field, value, expected] of cases) {
      await t.test(`${field} = ${value}`, async () => {
        await page.goto(url);
        const control = page.locator(`#methodefilter [name="${field}"]`);
        if (field === 'groep') await control.fill(value);
        else if ((await control.locator(`option[value="${value}"]`).count()) === 0) { assert.equal(expected, 0, `${value} offered when used`); return; }
        else await control.selectOption(value);
        assert.equal(await shown(page), expected);
        assert.match(await page.textContent('#methodeaantal'), new RegExp(`^${expected} van ${prompts.length} `));
        await page.reload();
        assert.equal(await page.inputValue(`#methodefilter [name="${field}"]`), value, 'state from the URL');
        assert.equal(await shown(page), expected, 'same cards after a reload');
      });
    }
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

test('without JavaScript the index is the plain list', async () => {
  const browser = await launch();
  try {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(url);
    assert.equal(await page.isVisible('#methodefilter'), false);
    assert.equal(await shown(page), prompts.length);
  } finally {
    await browser.close();
  }
});
