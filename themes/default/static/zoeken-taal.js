// Lets lunr-languages' Dutch stemmer (vendor/lunr.nl.js) load without lunr itself:
// it only needs somewhere to hang its functions. zoeken.js picks them up from here
// and registers them with elasticlunr under the names the index was built with.
window.lunr = {
  version: '1',
  Pipeline: { registerFunction: function () {} },
  generateStopWordFilter: function (words) {
    var stop = Object.create(null);
    words.forEach(function (w) { stop[w] = true; });
    return function (token) { return stop[token] ? undefined : token; };
  }
};
