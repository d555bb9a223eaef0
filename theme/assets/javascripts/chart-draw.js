/* Rapportverket chart drawing (loaded by charts.js together with plotly.js): the figure from the page, the
   colours of the reader's mode, and a layout for the size the chart has — labels wrapped or shortened so
   that no two overlap (the full text is in the hover and the table), margins that hold them, and no more
   ticks than fit. plotly's automargin is off: it redraws the chart until the margins settle, which doubles
   the cost of a drawing, and it lets the plot shrink instead of the labels. */
(function () {
  "use strict";
  var CONFIG = { displayModeBar: false, displaylogo: false, responsive: false, showLink: false,
                 showSendToCloud: false, showEditInChartStudio: false, scrollZoom: false, doubleClick: false,
                 topojsonURL: "" };   // map traces would fetch from plotly's CDN; they are not in our bundle
  var SERIES = 6;                    // --rv-series-1 … -6 (theme/assets/stylesheets/charts.css)
  var themes = {};
  var canvas = null;

  function decode(text) {
    return String(text).replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
  }
  function encode(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  }

  // The colours of a mode, resolved by the browser from the theme's custom properties.
  function theme(name) {
    if (themes[name]) return themes[name];
    var probe = document.createElement("div");
    probe.setAttribute("data-md-color-scheme", name === "dark" ? "slate" : "default");
    probe.setAttribute("data-md-color-primary", "custom");
    probe.style.display = "none";
    document.body.appendChild(probe);
    var colour = function (variable, fallback) {
      probe.style.color = "var(" + variable + ", " + fallback + ")";
      return getComputedStyle(probe).color || fallback;
    };
    var palette = [];
    for (var i = 1; i <= SERIES; i++) palette.push(colour("--rv-series-" + i, "#0072B2"));
    themes[name] = { fg: colour("--md-default-fg-color", "#222"), grid: colour("--md-default-fg-color--lightest", "#ddd"),
                     bg: colour("--md-default-bg-color", "#fff"), palette: palette,
                     font: getComputedStyle(document.body).fontFamily };
    probe.remove();
    return themes[name];
  }

  function measure(text, size, font) {
    if (!canvas) canvas = document.createElement("canvas").getContext("2d");
    var wanted = size + "px " + font;
    if (canvas.rvFont !== wanted) { canvas.font = wanted; canvas.rvFont = wanted; }   // parsing a font costs
    return canvas.measureText(text).width;
  }

  // Greedy word wrap into at most `lines` lines of `width` px; what does not fit ends in "…".
  function wrap(text, width, lines, size, font) {
    var words = decode(text).split(/\s+/).filter(Boolean);
    var out = [""];
    var cut = false;
    words.forEach(function (word) {
      var line = out[out.length - 1];
      var joined = line ? line + " " + word : word;
      if (measure(joined, size, font) <= width || !line) out[out.length - 1] = joined;
      else out.push(word);
    });
    if (out.length > lines) { out = out.slice(0, lines); cut = true; }
    out = out.map(function (line, i) {
      var last = i === out.length - 1;
      if (measure(line, size, font) <= width && !(cut && last)) return line;
      while (line.length > 1 && measure(line + "…", size, font) > width) line = line.slice(0, -1);
      return line.replace(/\s+$/, "") + "…";
    });
    return out;
  }

  function widest(lines, size, font) {
    return lines.reduce(function (most, line) { return Math.max(most, measure(line, size, font)); }, 0);
  }

  // The extent of the values: a stacked chart adds up each category's positive and negative parts.
  function extent(figure, horizontal) {
    var stacked = figure.layout.barmode === "relative";
    var low = 0, high = 0;
    var count = (horizontal ? figure.data[0].y : figure.data[0].x).length;
    for (var i = 0; i < count; i++) {
      var plus = 0, minus = 0;
      figure.data.forEach(function (trace) {
        var v = (horizontal ? trace.x : trace.y)[i];
        if (v === null || v === undefined) return;
        if (stacked) { if (v > 0) plus += v; else minus += v; }
        else { high = Math.max(high, v); low = Math.min(low, v); }
      });
      high = Math.max(high, plus); low = Math.min(low, minus);
    }
    return { low: low, high: high > low ? high : low + 1 };
  }

  function swedish(value, decimals) {
    var text = Math.abs(value).toFixed(decimals).split(".");
    var whole = text[0].replace(/\B(?=(\d{3})+(?!\d))/g, "\u00a0");
    return (value < 0 ? "\u2212" : "") + whole + (text[1] ? "," + text[1] : "");
  }

  // The smallest round step whose tick labels, as plotly prints them, keep `gap` px apart in `pixels`.
  function valueTicks(range, pixels, size, font, gap, vertical) {
    var span = (range.high - range.low) * 1.1;     // plotly pads the range a little
    // No label is narrower than one digit: start at the step that leaves room for that (few labels to measure).
    var least = span * (size * 0.6 + gap) / Math.max(pixels, 1);
    for (var power = Math.floor(Math.log10(least)); power < 20; power++) {
      var steps = power < 1 ? [1, 2, 5] : [1, 2, 2.5, 5];
      for (var k = 0; k < steps.length; k++) {
        var step = steps[k] * Math.pow(10, power);
        var decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9) + (steps[k] === 2.5 ? 1 : 0));
        var widest = 0;
        for (var v = Math.ceil(range.low / step) * step; v <= range.high + step * 1e-9; v += step) {
          widest = Math.max(widest, measure(swedish(v, decimals), size, font));
        }
        var need = vertical ? size * 1.3 + gap : widest + gap;
        if (pixels * step / span >= need) return { dtick: step, widest: widest };
      }
    }
    return { dtick: span, widest: 0 };
  }

  function categories(figure, horizontal) { return horizontal ? figure.data[0].y : figure.data[0].x; }

  function plan(figure, width, height, font) {
    var horizontal = figure.data[0].orientation === "h";
    var size = width < 480 ? 12 : 13;
    var line = Math.round(size * 1.3);
    var values = horizontal ? "xaxis" : "yaxis";
    var unit = figure.layout[values].title && figure.layout[values].title.text;
    var range = extent(figure, horizontal);
    var cats = categories(figure, horizontal);
    var tick = { size: size };
    var result, ticks, m;
    if (horizontal) {   // the labels set the left margin; the last value label needs half its width on the right
      result = planHorizontal(cats, width, height, size, line, unit, font);
      m = result.margin;
      for (var pass = 0; pass < 2; pass++) {
        ticks = valueTicks(range, width - m.l - m.r, size, font, 14, false);
        m.r = Math.max(m.r, Math.ceil(ticks.widest / 2) + 8);
      }
    } else {            // the value labels set the left margin (ticks first, for at most three lines below)
      ticks = valueTicks(range, height - (line + 8) - (3 * line + 12), size, font, 8, true);
      result = planVertical(cats, width, size, line, unit, ticks.widest, font);
      m = result.margin;
    }
    var layout = { margin: m, height: height, width: width };
    layout[horizontal ? "yaxis" : "xaxis"] = { tickmode: "array", tickvals: cats, ticktext: result.ticktext,
                                               tickfont: tick, ticks: "" };
    layout[values] = { tickmode: "linear", tick0: 0, dtick: ticks.dtick, tickfont: tick,
                       title: { text: unit || "", font: tick, standoff: 4 } };
    return layout;
  }

  function planHorizontal(cats, width, height, size, line, unit, font) {
    var bottom = line + 10 + (unit ? line + 4 : 0);
    var row = (height - 6 - bottom) / cats.length;
    var lines = Math.max(1, Math.min(3, Math.floor((row - 2) / line)));
    var step = Math.max(1, Math.ceil((line + 2) / row));   // a frame too low for a label per row: every step-th
    var room = Math.floor(width * (width < 480 ? 0.42 : 0.34));
    var labels = cats.map(function (c, i) { return i % step ? [""] : wrap(c, room, lines, size, font); });
    var column = Math.ceil(Math.max.apply(null, labels.map(function (l) { return widest(l, size, font); })));
    var margin = { l: column + 12, r: 12, t: 6, b: bottom, autoexpand: false };
    return { margin: margin, ticktext: labels.map(function (l) { return l.map(encode).join("<br>"); }) };
  }

  function planVertical(cats, width, size, line, unit, valueWidth, font) {
    var left = Math.ceil(valueWidth) + 10 + (unit ? line + 6 : 0);
    var slot = (width - left - 10) / cats.length;
    var longest = 0;
    cats.forEach(function (c) {
      decode(c).split(/\s+/).forEach(function (word) { longest = Math.max(longest, measure(word, size, font)); });
    });
    var step = 1;     // a label every `step` categories when one word is wider than a category
    while (step < cats.length && longest > slot * step - 6 && step < 12) step++;
    var labels = cats.map(function (c, i) { return i % step ? [""] : wrap(c, slot * step - 6, 3, size, font); });
    var lines = Math.max.apply(null, labels.map(function (l) { return l.length; }));
    var margin = { l: left, r: 10, t: Math.ceil(line / 2) + 4, b: lines * line + 12, autoexpand: false };
    return { margin: margin, ticktext: labels.map(function (l) { return l.map(encode).join("<br>"); }) };
  }

  function merge(base, extra) {
    var out = Object.assign({}, base);
    Object.keys(extra).forEach(function (key) {
      var value = extra[key];
      out[key] = value && typeof value === "object" && !Array.isArray(value) && base[key] && typeof base[key] === "object"
        ? merge(base[key], value) : value;
    });
    return out;
  }

  function view(figure, colours, width, height) {
    var data = figure.data.map(function (trace, i) {
      var copy = Object.assign({}, trace);
      var colour = colours.palette[i % colours.palette.length];
      copy.marker = Object.assign({}, trace.marker, { color: colour });
      if (copy.marker.pattern) copy.marker.pattern = Object.assign({}, copy.marker.pattern, { fgcolor: colours.bg, bgcolor: colour });
      if (trace.type === "scatter") copy.line = Object.assign({}, trace.line, { color: colour });
      return copy;
    });
    var layout = merge(figure.layout, plan(figure, width, height, colours.font));
    layout = merge(layout, {
      paper_bgcolor: "rgba(0,0,0,0)", plot_bgcolor: "rgba(0,0,0,0)",
      font: { color: colours.fg, family: colours.font, size: 14 }, hoverlabel: { font: { family: colours.font } },
      xaxis: { gridcolor: colours.grid, zerolinecolor: colours.fg, linecolor: colours.grid },
      yaxis: { gridcolor: colours.grid, zerolinecolor: colours.fg, linecolor: colours.grid }
    });
    return { data: data, layout: layout };
  }

  function figureOf(element) {
    if (!element.rvFigure) element.rvFigure = JSON.parse(element.getAttribute("data-rv-figure"));
    return element.rvFigure;
  }

  function draw(element, mode) {
    var width = element.clientWidth, height = element.clientHeight;
    var drawn = view(figureOf(element), theme(mode), width, height);
    // Draws synchronously (no automargin); a failure later in the promise marks the chart for the tests.
    window.Plotly.react(element, drawn.data, drawn.layout, CONFIG).catch(function (error) {
      element.setAttribute("data-rv-failed", "true");
      if (window.console) console.error("Rapportverket: diagrammet kunde inte ritas", error);
    });
    element.setAttribute("data-rv-rendered", mode);
    element.setAttribute("data-rv-size", width + "x" + height);
    var tools = element.parentNode && element.parentNode.querySelector(".rv-chart__images");
    if (tools) tools.hidden = false;
  }

  window.RapportverketDraw = {
    draw: draw, view: view, theme: theme, figureOf: figureOf, measure: measure, wrap: wrap, CONFIG: CONFIG
  };
})();
