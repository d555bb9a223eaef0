/* mkdocs-material's instant navigation fetches the whole sitemap.xml as soon as a page opens (it takes over
   only the links listed there): a file that grows with the archive, 140 kB at 500 reports, on every first visit.
   Loaded before material's script, this holds that one request until the reader first moves the pointer,
   touches the screen or uses the keyboard. A click on a link to another page that comes before the sitemap
   has arrived keeps the browser from loading the page; instant navigation takes that click once its sitemap is
   there, and a page the sitemap does not list (or no navigation within WAIT_MS) is loaded as usual. The page
   itself needs no sitemap; search engines read sitemap.xml as before. */
(function () {
  "use strict";
  if (window.RapportverketSitemap) return;
  var WAIT_MS = 3000;
  var EVENTS = ["pointermove", "pointerdown", "touchstart", "keydown", "focusin"];
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  var parse = DOMParser.prototype.parseFromString;
  var held = null;        // [request, body] of the sitemap request, until the reader interacts
  var released = false;
  var state = "none";     // the sitemap: "none" asked for, "held", "sent", "read"
  var listed = null;      // the paths the sitemap lists (the links instant navigation takes)
  var waiting = [];       // what early clicks do once the sitemap is read

  function isSitemap(url) {
    try { return /\/sitemap\.xml$/.test(new URL(url, location.href).pathname); } catch (error) { return false; }
  }

  function read() {
    state = "read";
    var clicks = waiting;
    waiting = [];
    setTimeout(function () { clicks.forEach(function (click) { click(); }); }, 0);
  }

  function sendSitemap(request, body) {
    state = "sent";
    request.addEventListener("loadend", function () {   // (0: material dropped this request for a new one)
      if (request.status >= 400 && state === "sent") read();       // material goes on without: so does the click
    });
    send.call(request, body);
  }

  function release() {
    if (released) return;
    released = true;
    EVENTS.forEach(function (type) { window.removeEventListener(type, release, true); });
    if (held) sendSitemap(held[0], held[1]);
    held = null;
  }

  XMLHttpRequest.prototype.open = function (method, url) {
    this.rvSitemap = isSitemap(url);
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function (body) {
    if (!this.rvSitemap || state !== "none") return send.call(this, body);
    if (released) return sendSitemap(this, body);
    state = "held";
    held = [this, body];
    return undefined;
  };
  // material reads the sitemap's text into a document and makes its list of links in the same task
  DOMParser.prototype.parseFromString = function (text, type) {
    var parsed = parse.call(this, text, type);
    if (state === "sent" && type === "text/xml" && parsed.querySelector("urlset")) {
      listed = new Set(Array.prototype.map.call(parsed.querySelectorAll("url > loc"), function (loc) {
        try { return new URL(loc.textContent.trim()).pathname; } catch (error) { return ""; }
      }));
      read();
    }
    return parsed;
  };
  EVENTS.forEach(function (type) { window.addEventListener(type, release, { capture: true, passive: true }); });

  // A plain click on a link to another page of the site that nothing took (the last listener on its way: our
  // chart tools, the skip link and instant navigation come before), while the sitemap is held or on its way.
  // Instant navigation takes the last click itself once its sitemap is there (it waits for both); until then
  // the browser must not load the page.
  function early(event, link) {
    if (state !== "held" && state !== "sent") return false;
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey ||
        event.altKey || !link || link.target || link.hasAttribute("download")) return false;
    var url = new URL(link.href, location.href);
    return url.origin === location.origin && url.pathname !== location.pathname;
  }

  window.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a[href]") : null;
    if (!early(event, link)) return;
    event.preventDefault();
    var target = new URL(link.href, location.href), from = location.href;
    function fallback() { if (location.href === from) location.assign(link.href); }   // nothing navigated
    waiting.push(function () {   // the sitemap is read: a page it does not list is loaded as any link
      if (!listed || !listed.has(target.pathname)) fallback();
    });
    setTimeout(fallback, WAIT_MS);
    release();
  }, false);

  window.RapportverketSitemap = { state: function () { return state; } };
})();
