// The print bar's button opens the browser's print dialog. Kept out of the HTML
// because the pages' Content-Security-Policy allows no inline script.
document.querySelectorAll('[data-afdrukken]').forEach((button) => {
  button.addEventListener('click', () => window.print());
});

// The whole toolkit's contents get their page numbers from `werkplaats pdf`,
// which prints it twice: the second time as `…?paginas=id.3,id.5`, the pages
// the first print put each section on. Ids are percent-encoded.
const paginas = location.search
  .slice(1)
  .split('&')
  .find((part) => part.startsWith('paginas='));
if (paginas) {
  const pages = new Map();
  for (const entry of paginas.slice('paginas='.length).split(',')) {
    const dot = entry.lastIndexOf('.');
    if (dot > 0) pages.set(decodeURIComponent(entry.slice(0, dot)), entry.slice(dot + 1));
  }
  document.querySelectorAll('[data-pagina]').forEach((el) => {
    const page = pages.get(el.dataset.pagina);
    if (page) el.textContent = page;
  });
}

// The duplex offset control. The layout already moved the backs by the site's
// offset (`data-x`, `data-y`); a facilitator's own printer may drift another
// way, so the backs move by the difference, through two CSS custom properties.
// The choice is kept in the address (`?x=1.5&y=-1`, to share or bookmark) and
// in local storage (to survive the next visit); the address wins.
const offsetControl = document.querySelector('[data-verschuiving]');
if (offsetControl) {
  const KEY = 'werkplaats-duplex-verschuiving';
  const inputs = {
    x: offsetControl.querySelector('input[name="x"]'),
    y: offsetControl.querySelector('input[name="y"]'),
  };
  const max = Number(inputs.x.max) || 5;
  const site = { x: Number(offsetControl.dataset.x) || 0, y: Number(offsetControl.dataset.y) || 0 };
  const clamp = (v, fallback) => (Number.isFinite(v) ? Math.min(max, Math.max(-max, v)) : fallback);

  const stored = () => {
    try {
      return JSON.parse(localStorage.getItem(KEY) || 'null');
    } catch {
      return null;
    }
  };
  const fromAddress = () => {
    const q = new URLSearchParams(location.search);
    return q.has('x') || q.has('y') ? { x: Number(q.get('x')), y: Number(q.get('y')) } : null;
  };

  const apply = (offset, remember) => {
    const o = { x: clamp(offset.x, site.x), y: clamp(offset.y, site.y) };
    const sheets = document.querySelector('.vellen');
    sheets.style.setProperty('--duplex-dx', String(o.x - site.x));
    sheets.style.setProperty('--duplex-dy', String(o.y - site.y));
    inputs.x.value = String(o.x);
    inputs.y.value = String(o.y);
    if (!remember) return;
    const q = new URLSearchParams(location.search);
    const isSite = o.x === site.x && o.y === site.y;
    try {
      if (isSite) localStorage.removeItem(KEY);
      else localStorage.setItem(KEY, JSON.stringify(o));
    } catch {
      // Storage can be off (private windows, some file:// setups): the address still keeps it.
    }
    q.delete('x');
    q.delete('y');
    if (!isSite) {
      q.set('x', String(o.x));
      q.set('y', String(o.y));
    }
    const search = q.toString();
    try {
      history.replaceState(null, '', location.pathname + (search ? `?${search}` : '') + location.hash);
    } catch {
      // Some browsers refuse to change a file:// address; the offset still applies.
    }
  };

  apply(fromAddress() || stored() || site, false);
  for (const input of Object.values(inputs)) {
    input.addEventListener('change', () =>
      apply({ x: Number(inputs.x.value), y: Number(inputs.y.value) }, true));
  }
  offsetControl.querySelector('[data-verschuiving-terug]').addEventListener('click', () => apply(site, true));
  offsetControl.hidden = false;
}
