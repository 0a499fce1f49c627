// Shared helpers for the browser tests: build a toolkit with the real binary,
// serve a folder on 127.0.0.1, and launch Debian's Chromium through playwright-core.
// Test tools never download a browser: the executable is /usr/bin/chromium (or
// $CHROMIUM).

import { chromium } from 'playwright-core';
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, statSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, extname, resolve, sep, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const bin = process.env.WERKPLAATS_BIN || join(repo, 'target', 'release', 'werkplaats');

/** The flags the project starts Chromium with (no network chatter, no sandbox as root). */
export const chromiumArgs = [
  '--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: chromiumArgs,
    headless: true,
  });
}

/** Runs the werkplaats binary; throws with its stderr when it fails unexpectedly. */
export function werkplaats(args, { allowFail = false } = {}) {
  const r = spawnSync(bin, args, { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  if (!allowFail && r.status !== 0) {
    throw new Error(`werkplaats ${args.join(' ')} failed (${r.status}):\n${r.stderr}`);
  }
  return r;
}

/** Builds the real toolkit of this repository into a fresh temp folder. */
export function buildRealToolkit() {
  const out = join(mkdtempSync(join(tmpdir(), 'wp-real-')), 'public');
  werkplaats(['build', '--root', repo, '--out', out]);
  return out;
}

const types = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript',
  '.mjs': 'text/javascript', '.svg': 'image/svg+xml', '.json': 'application/json',
  '.xml': 'application/xml', '.png': 'image/png', '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json', '.pdf': 'application/pdf',
};

/**
 * Serves `dir` on 127.0.0.1 (a random port), optionally under a path prefix.
 * Returns { url, close }. Test-only: the product's own server is `werkplaats serve`.
 */
export async function serveStatic(dir, prefix = '/') {
  const root = resolve(dir);
  const server = createServer((req, res) => {
    let path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (!path.startsWith(prefix)) { res.writeHead(404).end(); return; }
    path = path.slice(prefix.length);
    let file = resolve(root, '.' + sep + path);
    if (!file.startsWith(root)) { res.writeHead(404).end(); return; }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) { res.writeHead(404).end(); return; }
    res.writeHead(200, { 'content-type': types[extname(file)] || 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}${prefix}`, close: () => new Promise((ok) => server.close(ok)) };
}

/** Collects requests that leave 127.0.0.1/file:// and responses that fail. */
export function watchRequests(page) {
  const foreign = [];
  const failed = [];
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (!['file:', 'data:', 'blob:', 'about:'].includes(u.protocol) && u.hostname !== '127.0.0.1') foreign.push(r.url());
  });
  // ERR_ABORTED is a load that a navigation cancelled (the icon, often), not a
  // missing file: those fail with a status or ERR_FILE_NOT_FOUND.
  page.on('requestfailed', (r) => {
    const error = r.failure()?.errorText;
    if (error !== 'net::ERR_ABORTED') failed.push(`${r.url()} (${error})`);
  });
  page.on('response', (r) => { if (r.status() >= 400) failed.push(`${r.url()} (${r.status()})`); });
  return { foreign, failed };
}
