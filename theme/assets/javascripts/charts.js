/* Rapportverket chart runtime: when a chart nears the viewport, load the site's own plotly.js and the drawing
   code (chart-draw.js) once; then draw the charts the reader sees at once and the others one per task right
   after (the page stays responsive between them), so that a chart is ready before the reader scrolls to it
   and a printed page has them all. A chart scrolled to before its turn is drawn first.
   Charts are drawn again when their width changes (resize, orientation, a frame's size) and when the reader
   switches light/dark mode. chart-tools.js adds the image downloads and the "Bädda in" dialog. After mkdocs-material's instant navigation (document$) plotly.js is already there,
   so the new page's charts are drawn right away, without waiting for the scroll observer.
   No inline code: the chart's JSON is in an attribute, because instant navigation re-runs every <script> in
   the content as JavaScript, whatever its type. */
(function () {
  "use strict";
  var base = document.currentScript.src;
  var SCRIPTS = ["vendor/plotly-basic.min.js", "chart-draw.js", "chart-tools.js"].map(function (name) {
    return new URL(name, base).href;
  });
  var NEAR = 300;                 // px outside the viewport that count as "about to be seen"
  var loading = null;
  var observer = null;
  var resizer = null;
  var queue = [];
  var pumping = false;

  function script(url) {
    return new Promise(function (resolve, reject) {
      var tag = document.createElement("script");
      tag.src = url;
      tag.onload = resolve;
      tag.onerror = reject;
      document.head.appendChild(tag);
    });
  }

  function ready() { return Boolean(window.Plotly && window.RapportverketDraw); }

  function load() {
    if (ready()) return Promise.resolve();
    if (!loading) loading = Promise.all(SCRIPTS.map(script));
    return loading;
  }

  function plots() { return Array.prototype.slice.call(document.querySelectorAll("[data-rv-chart]")); }

  function scheme() {
    return document.body.getAttribute("data-md-color-scheme") === "slate" ? "dark" : "light";
  }

  function draw(element) {
    if (!element.isConnected) return;
    try {
      window.RapportverketDraw.draw(element, scheme());
      if (resizer) resizer.observe(element);
    } catch (error) {
      element.setAttribute("data-rv-failed", "true");
      if (window.console) console.error("Rapportverket: diagrammet kunde inte ritas", error);
    }
  }

  // A hidden plot (print media, a closed container) has no size to lay out for: it waits until it has one.
  function current(element) {
    if (!element.clientWidth || !element.clientHeight) return true;
    return element.getAttribute("data-rv-rendered") === scheme() &&
      element.getAttribute("data-rv-size") === element.clientWidth + "x" + element.clientHeight;
  }

  // Charts in tasks of at most about SLICE_MS: drawing one takes a few tens of ms, and the browser handles
  // input between the tasks. (Not requestIdleCallback: while anything else runs, a page is rarely idle, and
  // the charts would wait.)
  var SLICE_MS = 40;
  function pump() {
    pumping = false;
    var started = performance.now();
    while (queue.length && performance.now() - started < SLICE_MS) {
      var next = queue.shift();
      if (next.isConnected && !current(next)) draw(next);
    }
    later();
  }

  function later() {
    if (pumping || !queue.length) return;
    pumping = true;
    setTimeout(pump, 0);
  }

  // Charts near the viewport now; then the ones below it, then those above (the reader reads down).
  function refresh(elements) {
    var now = [], below = [], above = [];
    elements.forEach(function (element) {
      var box = element.getBoundingClientRect();
      if (box.bottom > -NEAR && box.top < window.innerHeight + NEAR) now.push(element);
      else (box.top > 0 ? below : above).push(element);
    });
    now.forEach(function (element) { if (!current(element)) draw(element); });
    // the charts still waiting keep their turn after these (a resize must not drop them)
    queue = below.concat(above, queue.filter(function (element) { return elements.indexOf(element) < 0; }));
    later();
  }

  // Before plotly.js is loaded: the first chart near the viewport loads it. After: a chart the reader
  // reaches before its turn in the queue is drawn at once.
  function watch(elements) {
    if (observer) observer.disconnect();
    observer = new IntersectionObserver(function (entries) {
      var seen = entries.filter(function (entry) { return entry.isIntersecting; }).map(function (e) { return e.target; });
      if (!seen.length) return;
      if (ready()) {
        seen.forEach(function (element) { observer.unobserve(element); if (!current(element)) draw(element); });
        return;
      }
      load().then(function () { refresh(plots()); }).catch(function (error) {
        elements.forEach(function (element) { element.setAttribute("data-rv-failed", "true"); });
        if (window.console) console.error("Rapportverket: plotly.js kunde inte laddas", error);
      });
    }, { rootMargin: NEAR + "px" });
    elements.forEach(function (element) { observer.observe(element); });
  }

  function setup() {
    queue = [];
    if (resizer) resizer.disconnect();
    var elements = plots();
    if (!elements.length) return;
    watch(elements);
    if (ready()) refresh(elements);
  }

  // A chart's labels, margins and ticks are laid out for its size: lay it out again when that changes.
  if (window.ResizeObserver) {
    var pending = null;
    resizer = new ResizeObserver(function () {
      clearTimeout(pending);
      pending = setTimeout(function () {
        if (ready()) refresh(plots().filter(function (e) { return e.hasAttribute("data-rv-rendered"); }));
      }, 120);
    });
  }

  new MutationObserver(function () {
    if (ready()) refresh(plots().filter(function (e) { return e.hasAttribute("data-rv-rendered"); }));
  }).observe(document.body, { attributes: true, attributeFilter: ["data-md-color-scheme"] });

  // For print.js: whether charts can be drawn (plotly.js and chart-draw.js are loaded).
  window.RapportverketCharts = { ready: ready };

  if (window.document$) window.document$.subscribe(setup);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup);
  else setup();
})();
