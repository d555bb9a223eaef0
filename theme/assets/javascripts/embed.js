/* Rapportverket embed pages (a chart alone, for an iframe): light or dark as the reader's system prefers, like
   the site itself, and a plot that fills the frame it is given. The page sizes itself to the iframe, not the
   iframe to the page: the host page needs no script of ours (its policy may forbid one), and any height the
   host writes works. The plot gets the frame's height minus caption, summary, legend and links, but never
   less than its chart allows (data-rv-least: a line per category of a horizontal chart, at least MIN px);
   a table opened under it scrolls inside the frame. charts.js draws the chart again when
   the plot's size or the scheme changes. */
(function () {
  "use strict";
  var MIN = 200;
  var dark = window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;

  function apply() {
    document.body.setAttribute("data-md-color-scheme", dark && dark.matches ? "slate" : "default");
  }

  function fit() {
    var plot = document.querySelector("[data-rv-chart]");
    var main = document.querySelector(".rv-embed__main");
    if (!plot || !main) return;
    var details = document.querySelector("details.rv-chart__data");
    var table = details && details.open
      ? details.getBoundingClientRect().height - details.querySelector("summary").getBoundingClientRect().height : 0;
    var bottom = main.getBoundingClientRect().bottom + window.scrollY;
    var others = bottom - plot.getBoundingClientRect().height - table;
    var least = Math.max(MIN, parseInt(plot.getAttribute("data-rv-least"), 10) || 0);
    var height = Math.max(least, Math.floor(window.innerHeight - others));
    document.documentElement.style.setProperty("--rv-frame-plot", height + "px");
  }

  apply();
  fit();
  if (dark && dark.addEventListener) dark.addEventListener("change", apply);
  window.addEventListener("resize", fit);
  document.addEventListener("toggle", fit, true);
})();
