// Live reload for `werkplaats serve`. The preview adds this script to the pages
// it serves; a built site never contains it.
//
// It listens on a WebSocket for what changed. A page whose own file changed
// reloads and keeps its scroll position; a stylesheet change is swapped in
// without a reload; a failed build shows the error over the page until the next
// good save. When the server goes away the script keeps trying to reconnect, and
// reloads if the server that answers has a build this page has not seen.
(() => {
  'use strict';
  const script = document.currentScript;
  if (!script) return;
  let build = script.dataset.build;
  const page = script.dataset.page;
  const socketUrl = new URL('live', script.src);
  socketUrl.protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
  const scrollKey = 'werkplaats-scroll:' + location.pathname;
  let reloading = false;

  // Scroll back to where the page was before a reload this script asked for.
  const saved = sessionStorage.getItem(scrollKey);
  if (saved !== null) {
    sessionStorage.removeItem(scrollKey);
    const restore = () => {
      try {
        const [x, y] = JSON.parse(saved);
        window.scrollTo(x, y);
      } catch (_) { /* an unreadable position is no reason to fail */ }
    };
    if (document.readyState === 'complete') restore();
    else window.addEventListener('load', restore, { once: true });
  }

  function reload() {
    if (reloading) return;
    reloading = true;
    try {
      sessionStorage.setItem(scrollKey, JSON.stringify([window.scrollX, window.scrollY]));
    } catch (_) { /* storage may be full or disabled; reload anyway */ }
    location.reload();
  }

  // The output files this page shows: its own, the one at its address (a 404
  // page stands in for a page that may appear), and every file of this site it
  // loaded, such as a search index or a script's data.
  function shownKeys() {
    const keys = new Set([page, keyOf(location.href)]);
    for (const entry of performance.getEntriesByType('resource')) keys.add(keyOf(entry.name));
    return keys;
  }

  function keyOf(href) {
    const url = new URL(href, location.href);
    if (url.origin !== location.origin) return '';
    let path;
    try {
      path = decodeURIComponent(url.pathname).slice(1);
    } catch (_) {
      return '';
    }
    return path === '' || path.endsWith('/') ? path + 'index.html' : path;
  }

  // Adds a fresh copy of each stylesheet after the old one, and removes the old
  // one once the new one has loaded, so the page never shows unstyled.
  function swapStylesheets() {
    const stamp = String(Date.now());
    const links = document.querySelectorAll('link[rel~="stylesheet"]:not([data-werkplaats-stale])');
    for (const link of links) {
      const url = new URL(link.href);
      if (url.origin !== location.origin) continue;
      url.searchParams.set('werkplaats', stamp);
      const fresh = link.cloneNode();
      fresh.href = url.href;
      link.dataset.werkplaatsStale = '';
      fresh.addEventListener('load', () => removeStale(url.pathname));
      fresh.addEventListener('error', reload);
      link.after(fresh);
    }
  }

  function removeStale(pathname) {
    for (const old of document.querySelectorAll('link[data-werkplaats-stale]')) {
      if (new URL(old.href).pathname === pathname) old.remove();
    }
  }

  // The error overlay lives in a shadow root so the site's CSS cannot touch it.
  const overlayId = 'werkplaats-fout';
  const overlayStyle = `
    :host { all: initial; }
    .achtergrond { position: fixed; inset: 0; z-index: 2147483647; overflow: auto;
      background: rgba(20, 20, 20, 0.55); font: 16px/1.5 system-ui, sans-serif; color: #1a1a1a; }
    .venster { position: relative; box-sizing: border-box; width: min(60rem, calc(100% - 1rem));
      margin: 5vh auto; padding: 1.25rem 1.5rem;
      background: #fff; border-top: 6px solid #b3261e; border-radius: 4px;
      box-shadow: 0 8px 32px rgba(0, 0, 0, 0.35); }
    h2 { margin: 0 2.5rem 0.5rem 0; font-size: 1.25rem; color: #b3261e; }
    p { margin: 0 0 1rem; }
    pre { margin: 0; padding: 1rem; overflow: auto; max-height: 70vh; background: #f6f6f6;
      border-radius: 4px; font: 14px/1.45 ui-monospace, 'DejaVu Sans Mono', monospace;
      white-space: pre; }
    button { position: absolute; top: 0.75rem; right: 0.75rem; width: 2rem; height: 2rem;
      border: 1px solid #999; border-radius: 4px; background: #fff; font-size: 1.25rem;
      line-height: 1; cursor: pointer; }
    button:focus-visible { outline: 3px solid #1f5f7a; outline-offset: 2px; }
  `;

  function showError(overlay) {
    hideError();
    const host = document.createElement('div');
    host.id = overlayId;
    const root = host.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = overlayStyle;
    const backdrop = document.createElement('div');
    backdrop.className = 'achtergrond';
    const box = document.createElement('div');
    box.className = 'venster';
    box.setAttribute('role', 'alertdialog');
    if (overlay.title) {
      const h = document.createElement('h2');
      h.id = 'titel';
      h.textContent = overlay.title;
      box.setAttribute('aria-labelledby', 'titel');
      box.append(h);
    }
    if (overlay.hint) {
      const p = document.createElement('p');
      p.textContent = overlay.hint;
      box.append(p);
    }
    const pre = document.createElement('pre');
    pre.textContent = overlay.report;
    const close = document.createElement('button');
    close.type = 'button';
    close.textContent = '×';
    if (overlay.close) {
      close.setAttribute('aria-label', overlay.close);
      close.title = overlay.close;
    }
    close.addEventListener('click', () => host.remove());
    box.append(pre, close);
    backdrop.append(box);
    root.append(style, backdrop);
    document.documentElement.append(host);
  }

  function hideError() {
    document.getElementById(overlayId)?.remove();
  }

  function handle(message) {
    switch (message.type) {
      case 'hello':
        if (message.build !== build) return reload();
        if (message.error) showError(message.error);
        else hideError();
        break;
      case 'change': {
        // An error may stand until the rest of a rebuild is done.
        if (!message.error) hideError();
        if (message.build === build) return;
        build = message.build;
        const shown = shownKeys();
        if (message.pages === null || message.pages.some((k) => shown.has(k))) return reload();
        if (message.css) swapStylesheets();
        break;
      }
      case 'error':
        showError(message.overlay);
        break;
    }
  }

  function connect() {
    const socket = new WebSocket(socketUrl.href);
    socket.addEventListener('message', (event) => {
      let message;
      try {
        message = JSON.parse(event.data);
      } catch (_) {
        return;
      }
      handle(message);
    });
    // Also after the server stopped: try again until it is back.
    socket.addEventListener('close', () => setTimeout(connect, 500));
  }

  connect();
})();
