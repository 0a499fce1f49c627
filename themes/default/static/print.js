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

// Worksheets end full: a sheet whose last page would hold a few lines gets
// answer lines added, one question at a time, until that page is full. The
// page breaks are simulated on screen, where the document has the printed
// width: a question is never split, so one that crosses a page edge starts
// the next page. Pages are the paper's height less the document margins.
const PAGE_MARGINS_MM = 16 + 18;
function mmToPx(mm) {
  return (mm * 96) / 25.4;
}
function pagesUsed(sheet, pageHeight) {
  const top = sheet.getBoundingClientRect().top;
  let shift = 0;
  for (const item of sheet.querySelectorAll('.item')) {
    const box = item.getBoundingClientRect();
    const start = box.top - top + shift;
    const end = start + box.height;
    const edge = Math.ceil(start / pageHeight) * pageHeight;
    if (end > edge && start < edge && box.height < pageHeight) shift += edge - start;
  }
  return (sheet.getBoundingClientRect().height + shift) / pageHeight;
}
function fillWorksheet(sheet, pageHeight) {
  const answers = Array.from(sheet.querySelectorAll('.antwoord'));
  if (answers.length === 0) return;
  const pages = Math.ceil(pagesUsed(sheet, pageHeight) - 0.01);
  // Each round gives one more line to the first question, from the last one
  // back, that takes it without a new page; a line on an early question can
  // push a later one over a page edge where a line on the last one fits.
  const fits = (answer) => {
    const line = document.createElement('span');
    line.className = 'regel';
    answer.appendChild(line);
    if (pagesUsed(sheet, pageHeight) <= pages - 0.015) return true;
    line.remove();
    return false;
  };
  const lines = (a) => a.children.length;
  for (let round = 0; round < 80; round++) {
    // Fewest lines first, so the space is shared; later questions first on a tie.
    const order = answers.map((a, i) => [a, i]).sort(([a, i], [b, j]) => lines(a) - lines(b) || j - i);
    if (!order.some(([a]) => fits(a))) break;
  }
}
const documentEl = document.querySelector('.document');
if (documentEl) {
  const paperHeight = document.body.dataset.papier === 'letter' ? 279.4 : 297;
  const pageHeight = mmToPx(paperHeight - PAGE_MARGINS_MM);
  document.querySelectorAll('.werkblad').forEach((sheet) => fillWorksheet(sheet, pageHeight));
}
