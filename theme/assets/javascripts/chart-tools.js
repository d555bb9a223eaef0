/* Rapportverket chart tools (loaded by charts.js with plotly.js): the chart as a PNG or SVG file, made in the
   reader's browser from the same figure (light colours, with title, legend and source, 1000 px wide), and
   the "Bädda in" dialog with the iframe code and the link. Nothing is fetched: the SVG comes from plotly,
   the PNG is that SVG painted on a canvas from a data: URL (the site's policy allows data: images), and the
   file is handed to the browser as a download. */
(function () {
  "use strict";
  function d() { return window.RapportverketDraw; }   // chart-draw.js, loaded beside this file
  var WIDTH = 1000;
  var dialog = null;
  var opener = null;

  function text(holder, selector) {
    var found = holder.querySelector(selector);
    return found ? found.textContent.replace(/\s+/g, " ").trim() : "";
  }
  function encode(value) {
    return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  }

  // The figure as a document: title and unit above, legend below them, source under the axis.
  function exported(element) {
    var holder = element.closest("figure");
    var figure = d().figureOf(element);
    var colours = d().theme("light");
    var height = Math.max(parseInt(element.style.height, 10) || element.clientHeight, 300);
    var drawn = d().view(figure, colours, WIDTH, height);
    var names = figure.data.map(function (trace) { return trace.name; });
    var legend = names.length > 1;
    var rows = legend ? legendRows(names, colours.font) : 0;
    var top = 62 + rows * 22, bottom = 30;
    var layout = drawn.layout;
    layout.margin = Object.assign({}, layout.margin, { t: layout.margin.t + top, b: layout.margin.b + bottom });
    layout.height = height + top + bottom;
    layout.paper_bgcolor = layout.plot_bgcolor = "#ffffff";
    layout.title = { text: encode(text(holder, ".rv-chart__title")), font: { size: 18 }, xref: "container", x: 0,
                     xanchor: "left", yref: "container", y: 1, yanchor: "top", pad: { l: 12, t: 12 },
                     subtitle: { text: encode(text(holder, ".rv-chart__meta")), font: { size: 13 } } };
    layout.showlegend = legend;
    layout.legend = { orientation: "h", xref: "container", x: 10 / WIDTH, xanchor: "left", yref: "container",
                      y: 1 - 62 / layout.height, yanchor: "top", font: { size: 13 }, traceorder: "normal" };
    layout.annotations = [{ text: encode(text(holder, ".rv-chart__source")), showarrow: false, xref: "paper", x: 0,
                            xanchor: "left", xshift: 12 - layout.margin.l, yref: "paper", y: 0, yanchor: "top",
                            yshift: 8 - layout.margin.b + bottom, font: { size: 12, color: colours.fg } }];
    return { data: drawn.data, layout: layout, width: WIDTH, height: layout.height };
  }

  function legendRows(names, font) {
    var rows = 1, used = 0;
    names.forEach(function (name) {
      var width = d().measure(name, 13, font) + 50;
      if (used && used + width > WIDTH - 24) { rows += 1; used = 0; }
      used += width;
    });
    return rows;
  }

  // SVG from plotly; PNG by painting that SVG (twice the size, for sharp print) on a canvas.
  function image(element, format) {
    var figure = exported(element);
    var options = { format: "svg", width: figure.width, height: figure.height };
    return window.Plotly.toImage({ data: figure.data, layout: figure.layout, config: d().CONFIG }, options)
      .then(function (url) {
        var svg = decodeURIComponent(url.slice(url.indexOf(",") + 1));
        if (format === "svg") return new Blob([svg], { type: "image/svg+xml" });
        return paint(url, figure.width * 2, figure.height * 2);
      });
  }

  function paint(url, width, height) {
    return new Promise(function (resolve, reject) {
      var picture = new Image();
      picture.onload = function () {
        var canvas = document.createElement("canvas");
        canvas.width = width;
        canvas.height = height;
        canvas.getContext("2d").drawImage(picture, 0, 0, width, height);
        canvas.toBlob(function (blob) { if (blob) resolve(blob); else reject(new Error("ingen bild")); }, "image/png");
      };
      picture.onerror = reject;
      picture.src = url;
    });
  }

  function save(blob, name) {
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 10000);
  }

  function download(button) {
    var holder = button.closest("figure");
    var element = holder && holder.querySelector("[data-rv-chart]");
    if (!element) return;
    var format = button.getAttribute("data-rv-image");
    button.disabled = true;
    image(element, format).then(function (blob) {
      save(blob, element.getAttribute("data-rv-chart") + "." + format);
    }).catch(function (error) {
      if (window.console) console.error("Rapportverket: bilden kunde inte göras", error);
    }).then(function () { button.disabled = false; });
  }

  function field(id, label, tag) {
    var wrapper = document.createElement("div");
    wrapper.className = "rv-dialog__field";
    var name = document.createElement("label");
    name.htmlFor = id;
    name.textContent = label;
    var input = document.createElement(tag);
    input.id = id;
    input.readOnly = true;
    if (tag === "textarea") input.rows = 5;
    else input.type = "text";
    var copy = document.createElement("button");
    copy.type = "button";
    copy.className = "rv-dialog__copy";
    copy.textContent = tag === "textarea" ? "Kopiera koden" : "Kopiera länken";
    copy.addEventListener("click", function () { copied(input); });
    wrapper.append(name, input, copy);
    return wrapper;
  }

  function make() {
    dialog = document.createElement("dialog");
    dialog.className = "rv-dialog md-typeset";
    dialog.setAttribute("aria-labelledby", "rv-embed-rubrik");
    var heading = document.createElement("h2");
    heading.id = "rv-embed-rubrik";
    heading.textContent = "Bädda in diagrammet";
    var intro = document.createElement("p");
    intro.textContent = "Klistra in koden på en annan webbplats. Diagrammet fyller ramen och anpassar sig till " +
      "dess storlek; tabellen och nedladdningarna följer med.";
    var status = document.createElement("p");
    status.className = "rv-dialog__status";
    status.setAttribute("role", "status");
    var close = document.createElement("button");
    close.type = "button";
    close.className = "rv-dialog__close md-button";
    close.textContent = "Stäng";
    close.addEventListener("click", function () { dialog.close(); });
    dialog.append(heading, intro, field("rv-embed-kod", "Kod för inbäddning (iframe)", "textarea"),
                  field("rv-embed-lank", "Länk till diagrammet", "input"), status, close);
    dialog.addEventListener("close", function () {
      if (opener && opener.isConnected) opener.focus();
      opener = null;
    });
    document.body.appendChild(dialog);
  }

  function copied(input) {
    var status = dialog.querySelector(".rv-dialog__status");
    var done = function () { status.textContent = input.tagName === "TEXTAREA" ? "Koden är kopierad." : "Länken är kopierad."; };
    input.select();
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(input.value).then(done, function () { if (document.execCommand("copy")) done(); });
    } else if (document.execCommand("copy")) {
      done();
    }
  }

  function embed(link) {
    if (!dialog || !dialog.isConnected) make();
    var holder = link.closest("figure");
    var plot = holder.querySelector("[data-rv-chart]");
    var frame = document.createElement("iframe");
    frame.setAttribute("src", link.href);
    frame.setAttribute("title", text(holder, ".rv-chart__title"));
    frame.setAttribute("width", "100%");
    // The plot's height plus room for caption, summary, legend and links; the chart fills any frame.
    frame.setAttribute("height", String((parseInt(plot.style.height, 10) || 360) + 330));
    frame.setAttribute("style", "border: 0");
    frame.setAttribute("loading", "lazy");
    dialog.querySelector("#rv-embed-kod").value = frame.outerHTML;
    dialog.querySelector("#rv-embed-lank").value = link.href;
    dialog.querySelector(".rv-dialog__status").textContent = "";
    opener = link;
    dialog.showModal();
    var code = dialog.querySelector("#rv-embed-kod");
    code.focus();
    code.setSelectionRange(0, 0);    // the code from its start, not scrolled to its end
    code.scrollTop = 0;
  }

  document.addEventListener("click", function (event) {
    var target = event.target.closest && event.target.closest("[data-rv-image], [data-rv-embed]");
    if (!target || event.defaultPrevented || event.button > 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
    if (target.hasAttribute("data-rv-embed") && typeof HTMLDialogElement !== "function") return;  // the embed page
    event.preventDefault();
    event.stopPropagation();    // before instant navigation sees the link (this listener captures)
    if (target.hasAttribute("data-rv-image")) download(target);
    else embed(target);
  }, true);

  window.RapportverketTools = { image: image, exported: exported };
})();
