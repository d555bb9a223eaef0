/* Rapportverket chart runtime: when a chart nears the viewport, load the site's own plotly.js and the drawing
   code (chart-draw.js) once; then draw the charts the reader sees at once and the others one by one when the
   browser is idle, so that a chart is ready before the reader scrolls to it and a printed page has them all.
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

  function current(element) {
    return element.getAttribute("data-rv-rendered") === scheme() &&
      element.getAttribute("data-rv-size") === element.clientWidth + "x" + element.clientHeight;
  }

  function near(element) {
    var box = element.getBoundingClientRect();
    return box.bottom > -NEAR && box.top < window.innerHeight + NEAR;
  }

  // One chart per idle moment: drawing one takes a few tens of ms, so scrolling stays smooth.
  function pump() {
    pumping = false;
    while (queue.length && (!queue[0].isConnected || current(queue[0]))) queue.shift();
    if (!queue.length) return;
    draw(queue.shift());
    later();
  }

  function later() {
    if (pumping || !queue.length) return;
    pumping = true;
    if (window.requestIdleCallback) window.requestIdleCallback(pump, { timeout: 250 });
    else setTimeout(pump, 30);
  }

  // Charts near the viewport now, the rest when idle (first the ones after the viewport).
  function refresh(elements) {
    var now = elements.filter(near);
    now.forEach(function (element) { if (!current(element)) draw(element); });
    queue = elements.filter(function (element) { return now.indexOf(element) < 0; }).concat(queue);
    later();
  }

  function watch(elements) {
    if (observer) observer.disconnect();
    observer = new IntersectionObserver(function (entries) {
      if (!entries.some(function (entry) { return entry.isIntersecting; })) return;
      observer.disconnect();
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
    if (ready()) refresh(elements);
    else watch(elements);
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

  // For print.js: every chart drawn now, if plotly.js is there (a printed page gets its charts as images).
  window.RapportverketCharts = {
    ready: ready,
    drawAll: function () {
      if (!ready()) return false;
      plots().forEach(function (element) { if (!current(element)) draw(element); });
      return true;
    }
  };

  if (window.document$) window.document$.subscribe(setup);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup);
  else setup();
})();
