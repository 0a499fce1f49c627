// Inlined into 404.html (its CSP allows this script by its hash). A server
// shows the 404 page at whatever address was missing, e.g.
// /toolkit/bestaat-niet/x/, so the page's relative links would point below
// that address. This finds the site root, the nearest folder up that holds
// static/site.css, and points every relative link and stylesheet there.
(function () {
  var marker = 'static/site.css';
  if (!window.fetch || location.protocol === 'file:') return;
  var folders = location.pathname.replace(/[^/]*$/, '').split('/').filter(Boolean);
  var candidates = [];
  for (var n = folders.length; n >= 0; n--) {
    candidates.push('/' + folders.slice(0, n).map(function (f) { return f + '/'; }).join(''));
  }
  function relink(root) {
    if (root === location.pathname.replace(/[^/]*$/, '')) return;
    if (document.readyState === 'loading') {
      document.addEventListener('DOMContentLoaded', function () { relink(root); });
      return;
    }
    document.querySelectorAll('[href], [src], [action]').forEach(function (el) {
      ['href', 'src', 'action'].forEach(function (attr) {
        var value = el.getAttribute(attr);
        if (value === null || /^([a-z][a-z0-9+.-]*:|\/|#)/i.test(value)) return;
        el.setAttribute(attr, root + value.replace(/^\.\//, ''));
      });
    });
  }
  function probe(i) {
    if (i >= candidates.length) return;
    fetch(candidates[i] + marker, { method: 'HEAD', cache: 'no-store' })
      .then(function (r) { if (r.ok) relink(candidates[i]); else probe(i + 1); })
      .catch(function () { probe(i + 1); });
  }
  probe(0);
})();
