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
