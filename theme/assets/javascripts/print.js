/* Rapportverket print helper. A printed report shows each chart as a picture beside its caption: before
   printing, every chart is drawn once more for paper (light colours, 680 px wide, off screen) and its SVG is
   put in the figure, scaled to the page by its viewBox; after printing it is removed. A chart can only be
   drawn when plotly.js has been loaded (charts.js loads it when the first chart nears the screen); a chart
   without a picture prints its data table instead. Download links print their address. The print stylesheet
   opens the tables (details::details-content); for browsers without it, closed tables are opened here. */
(function () {
  "use strict";
  var WIDTH = 680;
  var opened = [];

  function picture(element) {
    var D = window.RapportverketDraw;
    var height = parseInt(element.style.height, 10) || element.clientHeight;
    var drawn = D.view(D.figureOf(element), D.theme("light"), WIDTH, height);
    var scratch = document.createElement("div");
    scratch.style.cssText = "position:absolute;left:-10000px;top:0;width:" + WIDTH + "px;height:" + height + "px";
    document.body.appendChild(scratch);
    // newPlot draws synchronously without automargin; what it still does later needs the scratch plot.
    var done = window.Plotly.newPlot(scratch, drawn.data, drawn.layout, D.CONFIG);
    var clear = function () { window.Plotly.purge(scratch); scratch.remove(); };
    done.then(clear, clear);
    // plotly draws in two layers: the plot, and above it the titles (infolayer): one picture of both
    var layers = scratch.querySelectorAll("svg.main-svg");
    var svg = layers[0].cloneNode(true);
    Array.prototype.slice.call(layers, 1).forEach(function (layer) {
      Array.prototype.forEach.call(layer.cloneNode(true).childNodes, function (node) { svg.appendChild(node.cloneNode(true)); });
    });
    ["width", "height", "style"].forEach(function (name) { svg.removeAttribute(name); });
    svg.setAttribute("viewBox", "0 0 " + WIDTH + " " + height);
    svg.setAttribute("class", "rv-chart__print");
    svg.setAttribute("aria-hidden", "true");
    return svg;
  }

  function pictures() {
    if (!window.RapportverketCharts || !window.RapportverketCharts.ready()) return;
    document.querySelectorAll("[data-rv-chart]").forEach(function (element) {
      var figure = element.closest("figure");
      if (!figure || figure.hasAttribute("data-rv-printed")) return;
      try {
        element.insertAdjacentElement("afterend", picture(element));
        figure.setAttribute("data-rv-printed", "");
      } catch (error) {
        if (window.console) console.error("Rapportverket: diagrammet kunde inte göras till en bild", error);
      }
    });
  }

  window.addEventListener("beforeprint", function () {
    pictures();
    document.querySelectorAll(".md-content a[download]").forEach(function (link) {
      link.setAttribute("data-rv-url", link.href);
    });
    opened = Array.prototype.filter.call(document.querySelectorAll("details.rv-chart__data"), function (details) {
      return !details.open;
    });
    opened.forEach(function (details) { details.open = true; });
  });

  window.addEventListener("afterprint", function () {
    document.querySelectorAll(".rv-chart__print").forEach(function (svg) { svg.remove(); });
    document.querySelectorAll("[data-rv-printed]").forEach(function (figure) { figure.removeAttribute("data-rv-printed"); });
    opened.forEach(function (details) { details.open = false; });
    opened = [];
  });
})();
