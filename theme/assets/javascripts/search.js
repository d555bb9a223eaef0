/* Rapportverket search: Pagefind (served from this site's /pagefind/) behind material's search box.
   Swedish stemming finds inflected words; numbers and identifiers (2024/13 792, U23401) are indexed too. */
(function () {
  "use strict";
  var root = new URL("../../", document.currentScript.src);
  var pagefind = null;
  var latest = 0;
  var MAX = 10;

  function el(selector) { return document.querySelector(selector); }
  function toggle() { return document.getElementById("__search"); }
  function input() { return el("[data-rv-search-query]"); }

  function load() {
    if (!pagefind) {
      pagefind = import(new URL("pagefind/pagefind.js", root).href).then(function (module) {
        return module.options({ baseUrl: root.pathname }).then(function () { module.init(); return module; });
      });
    }
    return pagefind;
  }

  function open() {
    var box = toggle();
    if (box && !box.checked) { box.checked = true; box.dispatchEvent(new Event("change")); }
    if (input()) { input().focus(); }
    load();
  }

  function close() {
    var box = toggle();
    if (box && box.checked) { box.checked = false; box.dispatchEvent(new Event("change")); }
    if (input()) { input().blur(); }
  }

  function facts(data) {
    var f = data.filters || {};
    return [f.organisation, f["nämnd"], f.rapporttyp, f["år"]].filter(Boolean)
      .map(function (v) { return v.join(", "); }).join(" · ");
  }

  function item(data) {
    var li = document.createElement("li");
    li.className = "md-search-result__item";
    var a = document.createElement("a");
    a.className = "md-search-result__link";
    a.href = data.url;
    a.tabIndex = -1;
    var article = document.createElement("article");
    article.className = "md-search-result__article md-typeset";
    var title = document.createElement("h1");
    title.textContent = (data.meta && data.meta.title) || data.url;
    var meta = document.createElement("p");
    meta.className = "rv-search__facts";
    meta.textContent = facts(data);
    var excerpt = document.createElement("p");
    excerpt.innerHTML = data.excerpt;  /* Pagefind escapes the page text; only <mark> is markup */
    article.append(title, meta, excerpt);
    a.append(article);
    li.append(a);
    return li;
  }

  function show(query, results, total) {
    var list = el("[data-rv-search-list]");
    var meta = el("[data-rv-search-meta]");
    if (!list || !meta) { return; }
    list.replaceChildren.apply(list, results.map(item));
    meta.textContent = !query ? "Skriv för att söka i rapporterna"
      : total === 0 ? "Inga träffar"
      : total === 1 ? "1 träff" : total + " träffar" + (total > MAX ? ", de " + MAX + " bästa visas" : "");
  }

  function search(query) {
    var ticket = ++latest;
    if (!query.trim()) { show("", [], 0); return; }
    load().then(function (module) { return module.debouncedSearch(query, {}, 150); }).then(function (found) {
      if (!found || ticket !== latest) { return null; }
      return Promise.all(found.results.slice(0, MAX).map(function (r) { return r.data(); })).then(function (data) {
        if (ticket === latest) { show(query, data, found.results.length); }
      });
    }).catch(function (error) {
      var meta = el("[data-rv-search-meta]");
      if (meta) { meta.textContent = "Sökningen kunde inte laddas."; }
      console.warn("Rapportverket: Pagefind", error);
    });
  }

  function links() { return Array.prototype.slice.call(document.querySelectorAll("[data-rv-search-list] a")); }

  function move(step) {
    var all = links();
    if (!all.length) { return; }
    var at = all.indexOf(document.activeElement);
    var next = at + step;
    if (next < 0) { input().focus(); return; }
    all[Math.min(next, all.length - 1)].focus();
  }

  document.addEventListener("input", function (event) {
    if (event.target.matches && event.target.matches("[data-rv-search-query]")) { search(event.target.value); }
  });
  document.addEventListener("reset", function (event) {
    if (event.target.matches && event.target.matches("[data-rv-search-form]")) {
      show("", [], 0);
      setTimeout(function () { if (input()) { input().focus(); } });
    }
  });
  document.addEventListener("submit", function (event) {
    if (event.target.matches && event.target.matches("[data-rv-search-form]")) {
      event.preventDefault();
      var first = links()[0];
      if (first) { first.click(); }
    }
  });
  document.addEventListener("change", function (event) {
    if (event.target === toggle() && toggle().checked && input()) { input().focus(); load(); }
  });
  document.addEventListener("click", function (event) {
    if (event.target.closest && event.target.closest("[data-rv-search-list] a")) { close(); }
  });
  document.addEventListener("keydown", function (event) {
    var box = toggle();
    var typing = /^(input|textarea|select)$/i.test(document.activeElement.tagName) || document.activeElement.isContentEditable;
    if (box && box.checked) {
      if (event.key === "Escape") { event.preventDefault(); close(); }
      else if (event.key === "ArrowDown") { event.preventDefault(); move(1); }
      else if (event.key === "ArrowUp") { event.preventDefault(); move(-1); }
      return;
    }
    if (!typing && !event.ctrlKey && !event.metaKey && !event.altKey && ["/", "s", "f"].indexOf(event.key) >= 0) {
      event.preventDefault();
      open();
    }
  });
})();
