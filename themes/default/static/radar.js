/* The radar both the scan and the session planner draw: rings 1-5, an axis
   per element, and shapes and dots for values per element. Shared so the
   scan's own result, its team view and the planner's session pack draw the
   same chart. Needs tools-lib.js (window.WerkplaatsTools) for the geometry. */
(function () {
  'use strict';
  const SVG = 'http://www.w3.org/2000/svg';

  /** The drawing helpers for a radar over `elements` ([{code, kleur}]). */
  window.WerkplaatsRadar = function radarFor(elements) {
    const L = window.WerkplaatsTools;
    const BOX = 440;
    const C = BOX / 2;
    const R = 150;
    const TOP = 5;

    function svg(name, attrs, parent) {
      const node = document.createElementNS(SVG, name);
      for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
      if (parent) parent.appendChild(node);
      return node;
    }

    const point = (i, v) => L.radarPoint(i, elements.length, v, TOP, C, C, R);
    const fixed = (x) => x.toFixed(2);

    /** Clears the chart (keeping its <title>) and draws rings, axes and labels. */
    function radarFrame(chart) {
      for (const node of Array.from(chart.childNodes)) if (node.nodeName !== 'title') node.remove();
      const grid = svg('g', { class: 'raster', 'aria-hidden': 'true' }, chart);
      for (let ring = 1; ring <= TOP; ring++) {
        const pts = elements.map((_, i) => point(i, ring)).map((p) => `${fixed(p.x)},${fixed(p.y)}`);
        svg(elements.length > 2 ? 'polygon' : 'circle', elements.length > 2
          ? { points: pts.join(' '), class: 'ring' }
          : { cx: C, cy: C, r: (R * ring) / TOP, class: 'ring' }, grid);
        // Ring numbers sit in the gap before axis 0, clear of the dots on it.
        const at = L.radarPoint(-0.5, elements.length, ring, TOP, C, C, R);
        const label = svg('text', { x: fixed(at.x), y: fixed(at.y), class: 'ring-getal', 'text-anchor': 'middle', 'dominant-baseline': 'middle' }, grid);
        label.textContent = String(ring);
      }
      elements.forEach((e, i) => {
        const end = point(i, TOP);
        svg('line', { x1: C, y1: C, x2: fixed(end.x), y2: fixed(end.y), class: 'as' }, grid);
        const at = point(i, TOP + 0.75);
        const label = svg('text', {
          x: fixed(at.x), y: fixed(at.y), class: 'as-label', fill: e.kleur,
          'text-anchor': Math.abs(at.x - C) < 1 ? 'middle' : at.x > C ? 'start' : 'end',
          'dominant-baseline': 'middle',
        }, grid);
        label.textContent = e.code;
      });
      return chart;
    }

    /** A closed line through the axes that have a value. */
    function radarShape(chart, values, attrs) {
      const pts = elements.map((e, i) => (values[e.code] == null ? null : point(i, values[e.code]))).filter(Boolean);
      if (pts.length > 1) svg('polygon', Object.assign({ points: pts.map((p) => `${fixed(p.x)},${fixed(p.y)}`).join(' ') }, attrs), chart);
    }

    /** One dot per element that has a value, carrying the value for tests and tools. */
    function radarDots(chart, values, cls) {
      elements.forEach((e, i) => {
        const v = values[e.code];
        if (v == null) return;
        const p = point(i, v);
        svg('circle', { cx: fixed(p.x), cy: fixed(p.y), r: 6, fill: e.kleur, class: cls, 'data-code': e.code, 'data-waarde': L.round(v, 4) }, chart);
      });
    }

    return { svg, point, fixed, radarFrame, radarShape, radarDots };
  };
})();
