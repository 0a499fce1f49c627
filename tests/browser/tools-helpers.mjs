// Helpers for the tests of the reflection scan and the session planner:
// axe-core in the page, PDFs read with poppler (pdfinfo, pdftotext), and
// tools-lib.js loaded into Node the way a classic script loads in a page.

import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import vm from 'node:vm';
import { repo } from './lib.mjs';

const require = createRequire(import.meta.url);

/**
 * axe-core's violations on the page as it is now, as "rule: target" lines.
 * The script is evaluated through the DevTools protocol, which the pages'
 * Content-Security-Policy (script-src 'self') does not block. No preloading of
 * stylesheets: axe would fetch them again, which fails from disk (file://).
 */
export { axeViolations } from './site.mjs';

function tool(cmd, args) {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}

/** Writes a PDF buffer to a temp file and returns its path. */
function pdfFile(buffer) {
  const file = join(mkdtempSync(join(tmpdir(), 'wp-pdf-')), 'out.pdf');
  writeFileSync(file, buffer);
  return file;
}

/** The number of pages and the paper size of a PDF, as pdfinfo reports them. */
export function pdfInfo(buffer) {
  const info = tool('pdfinfo', [pdfFile(buffer)]);
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)[1]);
  const [, w, h] = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(info);
  return { pages, widthMm: (Number(w) * 25.4) / 72, heightMm: (Number(h) * 25.4) / 72 };
}

/** The text of each page of a PDF, in layout order. */
export function pdfPages(buffer) {
  const file = pdfFile(buffer);
  const { pages } = pdfInfo(buffer);
  return Array.from({ length: pages }, (_, i) => tool('pdftotext', ['-layout', '-f', String(i + 1), '-l', String(i + 1), file, '-']));
}

/**
 * tools-lib.js (and scan-lib.js, which adds the scan's part) as the browser
 * runs them: classic scripts attaching WerkplaatsTools, in one realm.
 */
export function loadToolsLib() {
  const context = {};
  vm.createContext(context);
  for (const file of ['tools-lib.js', 'scan-lib.js']) {
    const code = readFileSync(join(repo, 'themes/default/static', file), 'utf8');
    vm.runInContext(code, context, { filename: file });
  }
  return context.WerkplaatsTools;
}
