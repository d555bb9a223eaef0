/* Rapportverket embed pages (a chart alone, for an iframe): light or dark as the reader's system prefers,
   like the site itself. charts.js redraws the chart when the scheme changes. */
(function () {
  "use strict";
  var dark = window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;
  function apply() {
    document.body.setAttribute("data-md-color-scheme", dark && dark.matches ? "slate" : "default");
  }
  apply();
  if (dark && dark.addEventListener) dark.addEventListener("change", apply);
})();
