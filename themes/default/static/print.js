// The print bar's button opens the browser's print dialog. Kept out of the HTML
// because the pages' Content-Security-Policy allows no inline script.
document.querySelectorAll('[data-afdrukken]').forEach((button) => {
  button.addEventListener('click', () => window.print());
});
