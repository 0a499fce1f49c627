// Helpers for the browsing tests: the pages of a built site, a crawler that
// checks every link and asset, axe-core, and a real nginx serving the site under
// a sub-path. nginx runs as the current user with a temp prefix, a temp config
// and a free port on 127.0.0.1, and is stopped by its own process id.

import { spawn } from 'node:child_process';
import { createServer, get } from 'node:http';
import { mkdtempSync, writeFileSync, existsSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { once } from 'node:events';
import { watchRequests } from './lib.mjs';

const require = createRequire(import.meta.url);
export const axePath = require.resolve('axe-core/axe.min.js');

/** Every HTML page of the built site, as paths relative to `out` ("elementen/los/index.html"). */
export function pagesOf(out) {
  const walk = (dir) => readdirSync(join(out, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.html') ? [join(dir, e.name).split(sep).join('/')] : []);
  return walk('').sort();
}

/** file:// URL of the output folder, ending in a slash. */
export function fileBase(out) {
  return pathToFileURL(out + sep).href;
}

/** Runs axe-core on the loaded page; returns its violations, shortened for messages. */
// Evaluated rather than added as a script tag: the pages' Content-Security-Policy
// rightly refuses inline scripts. Stylesheets are not preloaded, since axe cannot
// re-fetch them from file://. `target-size` (WCAG 2.2 AA 2.5.8) is off in
// axe's defaults and switched on here.
export async function axeViolations(page) {
  await page.evaluate(readFileSync(axePath, 'utf8'));
  const options = { resultTypes: ['violations'], preload: false, rules: { 'target-size': { enabled: true } } };
  const violations = await page.evaluate(async (o) => (await window.axe.run(document, o)).violations, options);
  return violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
}

/**
 * Starting at the pages `start`, visits every page reachable through links below `base`
 * and checks that every link, script, stylesheet, icon and manifest resolves and
 * that nothing is requested from another host. Returns { visited, problems }.
 */
export async function crawl(browser, base, start = ['index.html']) {
  let page = await browser.newPage();
  const watchers = [watchRequests(page)];
  const problems = [];
  const seen = new Set();
  const assets = new Set();
  const queue = start.map((p) => new URL(p, base).href);
  while (queue.length > 0) {
    const url = queue.shift();
    if (seen.has(url)) continue;
    seen.add(url);
    try {
      const response = await page.goto(url);
      if (response && response.status() >= 400) problems.push(`${url}: ${response.status()}`);
    } catch (e) {
      problems.push(`${url}: ${e.message.split('\n')[0]}`);
      // Chromium's error page goes on navigating: carry on in a fresh tab, so the
      // next visit is not reported as interrupted.
      await page.close();
      page = await browser.newPage();
      watchers.push(watchRequests(page));
      continue;
    }
    const found = await page.evaluate(() => ({
      // SVG links have no string .href: resolve the attribute.
      links: [...document.querySelectorAll('a[href]')].map((a) => new URL(a.getAttribute('href'), document.baseURI).href),
      assets: [...document.querySelectorAll('link[href], script[src], img[src]')].map((e) => e.href || e.src),
      ids: [...document.querySelectorAll('[id]')].map((e) => e.id),
    }));
    for (const link of found.links) {
      const u = new URL(link);
      if (u.protocol === 'mailto:') continue;
      if (!link.startsWith(base)) {
        // Links to other sites are fine to have; the page must not load them.
        if (u.protocol === 'http:' || u.protocol === 'https:') continue;
        problems.push(`${url}: link outside the site ${link}`);
        continue;
      }
      const hash = u.hash.slice(1);
      u.hash = '';
      u.search = '';
      if (hash && u.href === url.split('#')[0] && !found.ids.includes(decodeURIComponent(hash))) {
        problems.push(`${url}: no id for #${hash}`);
      }
      if (!seen.has(u.href)) queue.push(u.href);
    }
    for (const a of found.assets) assets.add(a);
  }
  // Assets the browser does not load by itself (manifest, icons) are fetched here.
  for (const a of assets) {
    if (!a.startsWith(base)) { problems.push(`asset outside the site: ${a}`); continue; }
    if (a.startsWith('file:')) {
      if (!existsSync(fileURLToPath(a))) problems.push(`missing asset ${a}`);
    } else {
      const r = await page.request.get(a);
      if (r.status() >= 400) problems.push(`asset ${a}: ${r.status()}`);
    }
  }
  await page.close();
  for (const requests of watchers) {
    problems.push(...requests.failed.map((f) => `failed request ${f}`));
    problems.push(...requests.foreign.map((f) => `request to another host ${f}`));
  }
  return { visited: [...seen], problems };
}

async function freePort() {
  const server = createServer();
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  await new Promise((ok) => server.close(ok));
  return port;
}

function answers(url) {
  return new Promise((ok) => {
    const req = get(url, (res) => { res.resume(); ok(true); });
    req.on('error', () => ok(false));
  });
}

/**
 * Serves `dir` with Debian's nginx under `prefix` on 127.0.0.1. Returns
 * { url, close }. The server is this test's own process, stopped in close().
 * With `notFound`, missing addresses below the prefix get the site's
 * 404.html, as a host would set it up.
 */
export async function startNginx(dir, prefix = '/toolkit/', { notFound = false } = {}) {
  const bin = existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : 'nginx';
  const tmp = mkdtempSync(join(tmpdir(), 'wp-nginx-'));
  const port = await freePort();
  const conf = `
daemon off;
master_process off;
worker_processes 1;
pid ${tmp}/nginx.pid;
error_log ${tmp}/error.log warn;
events { worker_connections 64; }
http {
  include /etc/nginx/mime.types;
  types { application/manifest+json webmanifest; }
  default_type application/octet-stream;
  access_log ${tmp}/access.log;
  client_body_temp_path ${tmp}/client_body;
  proxy_temp_path ${tmp}/proxy;
  fastcgi_temp_path ${tmp}/fastcgi;
  uwsgi_temp_path ${tmp}/uwsgi;
  scgi_temp_path ${tmp}/scgi;
  server {
    listen 127.0.0.1:${port};
    location ${prefix} { alias ${dir}/; index index.html;${notFound ? ` error_page 404 ${prefix}404.html;` : ''} }
    location / { return 404; }
  }
}
`;
  writeFileSync(join(tmp, 'nginx.conf'), conf);
  const proc = spawn(bin, ['-p', tmp, '-e', join(tmp, 'error.log'), '-c', join(tmp, 'nginx.conf')], { stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}${prefix}`;
  let up = false;
  for (let i = 0; i < 200 && !up && proc.exitCode === null; i++) {
    up = await answers(url);
    if (!up) await new Promise((ok) => setTimeout(ok, 50));
  }
  if (!up) {
    proc.kill('SIGTERM');
    const log = existsSync(join(tmp, 'error.log')) ? readFileSync(join(tmp, 'error.log'), 'utf8') : '';
    throw new Error(`nginx did not start on ${url}:\n${log}`);
  }
  return {
    url,
    close: async () => {
      if (proc.exitCode === null) {
        proc.kill('SIGQUIT');
        await once(proc, 'exit');
      }
    },
  };
}
