/* Rapportverket chart runtime: draws each figure's chart JSON with the site's own copy of plotly.js,
   lazily when it scrolls into view, again when the reader switches light/dark mode, and after
   mkdocs-material's instant navigation (document$). No inline code: the chart's JSON is in an attribute,
   because instant navigation re-runs every <script> in the content as JavaScript, whatever its type. */
(function () {
  "use strict";
  var plotlyUrl = new URL("vendor/plotly-basic.min.js", document.currentScript.src).href;
  var loading = null;
  var observer = null;
  // Okabe–Ito based, each colour at least 3:1 against the page background of its mode.
  var PALETTES = {
    light: ["#0072B2", "#C45200", "#007A5A", "#A8417F", "#5E5E5E", "#7A6200"],
    dark: ["#56B4E9", "#F0A033", "#3CC8A0", "#E38CC0", "#C8C8C8", "#E8D44D"]
  };
  // topojsonURL: map traces (not in the basic bundle) would fetch from plotly's CDN; point it at nothing.
  var CONFIG = { displayModeBar: false, displaylogo: false, responsive: true, showLink: false,
                 showSendToCloud: false, showEditInChartStudio: false, scrollZoom: false, topojsonURL: "" };

  function loadPlotly() {
    if (window.Plotly) return Promise.resolve(window.Plotly);
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        var tag = document.createElement("script");
        tag.src = plotlyUrl;
        tag.onload = function () { resolve(window.Plotly); };
        tag.onerror = reject;
        document.head.appendChild(tag);
      });
    }
    return loading;
  }

  function scheme() {
    return document.body.getAttribute("data-md-color-scheme") === "slate" ? "dark" : "light";
  }

  // Material's colour variables refer to other variables; let the browser resolve them to rgb().
  function resolved(variable, fallback) {
    var probe = document.createElement("span");
    probe.style.color = "var(" + variable + ", " + fallback + ")";
    document.body.appendChild(probe);
    var colour = getComputedStyle(probe).color;
    probe.remove();
    return colour || fallback;
  }

  // plotly never wraps legend text: break long series names so the legend fits a narrow container.
  function wrapped(name, width) {
    var limit = Math.max(12, Math.floor((width - 60) / 8));
    if (typeof name !== "string" || name.length <= limit) return name;
    var lines = [""];
    name.split(" ").forEach(function (word) {
      var line = lines[lines.length - 1];
      if (line && (line + " " + word).length > limit) lines.push(word);
      else lines[lines.length - 1] = line ? line + " " + word : word;
    });
    return lines.join("<br>");
  }

  function themed(figure, width) {
    var style = getComputedStyle(document.body);
    var fg = resolved("--md-default-fg-color", "#222");
    var grid = resolved("--md-default-fg-color--lightest", "#ddd");
    var bg = resolved("--md-default-bg-color", "#fff");
    var palette = PALETTES[scheme()];
    var data = figure.data.map(function (trace, i) {
      var copy = Object.assign({}, trace, { name: wrapped(trace.name, width) });
      var colour = palette[i % palette.length];
      copy.marker = Object.assign({}, trace.marker, { color: colour });
      if (copy.marker.pattern) copy.marker.pattern = Object.assign({}, copy.marker.pattern, { fgcolor: bg, bgcolor: colour });
      if (trace.type === "scatter") copy.line = Object.assign({}, trace.line, { color: colour });
      return copy;
    });
    var layout = Object.assign({}, figure.layout, {
      paper_bgcolor: "rgba(0,0,0,0)", plot_bgcolor: "rgba(0,0,0,0)",
      font: { color: fg, family: style.fontFamily, size: 14 },
      hoverlabel: { font: { family: style.fontFamily } },
      // Above the plot: below it, the legend collides with rotated category labels on a narrow screen.
      legend: Object.assign({}, figure.layout.legend, { orientation: "h", x: 0, xanchor: "left", y: 1.02, yanchor: "bottom" })
    });
    ["xaxis", "yaxis"].forEach(function (axis) {
      layout[axis] = Object.assign({}, figure.layout[axis], { gridcolor: grid, zerolinecolor: fg, linecolor: grid });
    });
    return { data: data, layout: layout };
  }

  function draw(element) {
    var figure = JSON.parse(element.getAttribute("data-rv-figure"));
    loadPlotly().then(function (Plotly) {
      var view = themed(figure, element.clientWidth);
      return Plotly.react(element, view.data, view.layout, CONFIG).then(function () {
        element.setAttribute("data-rv-width", String(element.clientWidth));
        element.setAttribute("data-rv-rendered", scheme());
      });
    }).catch(function (error) {
      element.setAttribute("data-rv-failed", "true");
      if (window.console) console.error("Rapportverket: diagrammet kunde inte ritas", error);
    });
  }

  function setup() {
    if (observer) observer.disconnect();
    var plots = document.querySelectorAll("[data-rv-chart]");
    if (!plots.length) return;
    observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (entry.isIntersecting) {
          observer.unobserve(entry.target);
          draw(entry.target);
        }
      });
    }, { rootMargin: "300px" });
    plots.forEach(function (plot) { observer.observe(plot); });
  }

  new MutationObserver(function () {
    document.querySelectorAll("[data-rv-rendered]").forEach(function (element) {
      if (element.getAttribute("data-rv-rendered") !== scheme()) draw(element);
    });
  }).observe(document.body, { attributes: true, attributeFilter: ["data-md-color-scheme"] });

  // Series names are wrapped for the width a chart was drawn at: draw again when that width changes.
  var resizing = null;
  window.addEventListener("resize", function () {
    clearTimeout(resizing);
    resizing = setTimeout(function () {
      document.querySelectorAll("[data-rv-rendered]").forEach(function (element) {
        if (String(element.clientWidth) !== element.getAttribute("data-rv-width")) draw(element);
      });
    }, 250);
  });

  if (window.document$) window.document$.subscribe(setup);
  else document.addEventListener("DOMContentLoaded", setup);
})();
