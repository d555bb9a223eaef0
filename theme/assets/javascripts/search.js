/* Rapportverket search: Pagefind (served from this site's /pagefind/) behind material's search box.
   Swedish stemming finds inflected words; numbers and identifiers (2024/13 792, U23401) are indexed too.
   It behaves like material's own search: focusing or typing in the box opens the results, the arrow keys move
   through them, Enter moves into them (and opens the focused one), Escape closes and gives focus back, and the
   number of results is announced. A result links to the section that matched; a place name in the query
   ("försörjningsstöd kalmar") puts that organisation's pages first. ?q=… opens the search with a query. */
(function () {
  "use strict";
  var root = new URL("../../", document.currentScript.src);
  var view = window.RapportverketSearchView;   /* search-view.js, loaded before this file */
  var PAGE = 10;
  var pagefind = null;
  var everything = {};   /* filter → value → number of pages, over the whole index */
  var latest = 0;
  var timer = 0;
  var state = emptyState("", false);
  var returnTo = null;

  function emptyState(query, filtered) {
    return { results: [], shown: 0, total: 0, place: null, query: query, filtered: filtered, focusFirst: false };
  }
  function el(selector) { return document.querySelector(selector); }
  function all(selector) { return Array.prototype.slice.call(document.querySelectorAll(selector)); }
  function toggle() { return document.getElementById("__search"); }
  function input() { return el("[data-rv-search-query]"); }
  function dialog() { return el("[data-rv-search]"); }
  function isOpen() { return !!(toggle() && toggle().checked); }
  function within(node) { return !!(node && dialog() && dialog().contains(node)); }

  function load() {
    if (!pagefind) {
      pagefind = import(new URL("pagefind/pagefind.js", root).href).then(function (module) {
        /* No bonus for short pages: Pagefind's default would list forty one-row indicator pages before the
           report chapters on the same subject. */
        return module.options({ baseUrl: root.pathname, ranking: { pageLength: 0 } })
          .then(function () { return module.init(); })
          .then(function () { return module.filters(); })
          .then(function (counts) { everything = counts; fillFilters(counts); return module; });
      });
    }
    return pagefind;
  }

  /* Opening remembers where focus was, so that Escape can give it back. */
  function remember(from) {
    returnTo = from && from !== document.body && !within(from) ? from : null;
  }

  function setOpen(open) {
    var box = toggle();
    var output = el("[data-rv-search-output]");
    if (output) { output.inert = !open; }
    if (box && box.checked !== open) { box.checked = open; box.dispatchEvent(new Event("change", { bubbles: true })); }
  }

  function open() {
    setOpen(true);
    if (input() && document.activeElement !== input()) { input().focus(); }
    load();
  }

  function close(giveBackFocus) {
    setOpen(false);
    if (!giveBackFocus) { return; }
    if (returnTo && document.contains(returnTo)) { returnTo.focus(); } else if (input()) { input().blur(); }
    returnTo = null;
  }

  /* Groups of words searched as one, from mkdocs.yml (extra.rapportverket.search.synonyms). */
  function synonyms() {
    try { return JSON.parse(dialog().getAttribute("data-rv-search-synonyms") || "[]"); } catch (error) { return []; }
  }

  function chosenFilters() {
    var filters = {};
    all("[data-rv-search-filter]").forEach(function (select) {
      if (select.value) { filters[select.getAttribute("data-rv-search-filter")] = select.value; }
    });
    return filters;
  }

  function fillFilters(counts) {
    all("[data-rv-search-filter]").forEach(function (select) {
      var key = select.getAttribute("data-rv-search-filter");
      var values = Object.keys(counts[key] || {}).sort(view.filterOrder(key));
      values.forEach(function (value) {
        var option = document.createElement("option");
        option.value = value;
        select.append(option);
      });
    });
    showCounts(counts);
  }

  /* Each option says how many pages it leads to for the words searched for (all pages before a search). */
  function showCounts(counts) {
    all("[data-rv-search-filter]").forEach(function (select) {
      var key = select.getAttribute("data-rv-search-filter");
      Array.prototype.forEach.call(select.options, function (option) {
        if (option.value) { option.textContent = option.value + " (" + ((counts[key] || {})[option.value] || 0) + ")"; }
      });
    });
    var chosen = Object.keys(chosenFilters()).map(function (key) { return chosenFilters()[key]; });
    var summary = el("[data-rv-search-chosen]");
    if (summary) { summary.textContent = chosen.length ? ": " + chosen.join(", ") : ""; }
  }

  function search() {
    var ticket = ++latest;
    var query = input() ? input().value.trim() : "";
    var filters = chosenFilters();
    var list = el("[data-rv-search-list]");
    if (list) { list.setAttribute("aria-busy", "true"); }
    clearTimeout(timer);
    if (!query && !Object.keys(filters).length) {
      state = emptyState("", false);
      render([], true);
      if (pagefind) { pagefind.then(function () { showCounts(everything); }); }
      return;
    }
    timer = setTimeout(function () {
      load().then(function (module) {
        var organisations = Object.keys(everything.organisation || {});
        var place = filters.organisation ? null : view.placeIn(query, organisations);
        return view.run(module, query, filters, place, synonyms()).then(function (found) {
          if (ticket !== latest) { return; }
          var focusFirst = state.focusFirst;
          state = emptyState(query, Object.keys(filters).length > 0);
          state.results = found.results;
          state.total = found.results.length;
          state.place = place;
          state.local = found.local || 0;
          state.also = found.also;
          state.focusFirst = focusFirst;
          showCounts(query ? found.counts : everything);
          return more(true);
        });
      }).catch(function (error) {
        var meta = el("[data-rv-search-meta]");
        if (meta) { meta.textContent = "Sökningen kunde inte laddas. Försök igen om en stund."; }
        if (list) { list.setAttribute("aria-busy", "false"); }
        console.warn("Rapportverket: Pagefind", error);
      });
    }, 150);
  }

  /* Loads the next page of results and adds them to the list; focus goes to the first new one when asked. */
  function more(fresh) {
    var ticket = latest;
    var from = state.shown;
    var next = state.results.slice(from, from + PAGE);
    return Promise.all(next.map(function (r) { return r.data(); })).then(function (data) {
      if (ticket !== latest) { return; }
      state.shown = from + data.length;
      var items = data.map(view.resultItem);
      render(items, fresh);
      var links = resultLinks();
      if (state.focusFirst && links.length) { state.focusFirst = false; links[0].focus(); }
      else if (!fresh && items.length) { items[0].querySelector("a").focus(); }
    });
  }

  function render(items, fresh) {
    var list = el("[data-rv-search-list]");
    var meta = el("[data-rv-search-meta]");
    var button = el("[data-rv-search-more]");
    if (!list || !meta) { return; }
    if (fresh) { list.replaceChildren.apply(list, items); } else { list.append.apply(list, items); }
    list.setAttribute("aria-busy", "false");
    meta.textContent = view.countText(state);
    if (button) { button.hidden = state.shown >= state.total; }
  }

  function resultLinks() { return all("[data-rv-search-list] a"); }

  function move(step) {
    var stops = [input()].concat(resultLinks());
    var at = stops.indexOf(document.activeElement);
    if (at < 0 || stops.length < 2) { return false; }
    stops[Math.max(0, Math.min(at + step, stops.length - 1))].focus();
    return true;
  }

  function onKey(event) {
    var active = document.activeElement;
    if (isOpen()) {
      if (event.key === "Escape") { event.preventDefault(); close(true); return; }
      if ((event.key === "ArrowDown" || event.key === "ArrowUp") && !event.altKey && move(event.key === "ArrowDown" ? 1 : -1)) {
        event.preventDefault();
        return;
      }
      /* Typing while on a result goes on in the search box, as in material. */
      if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey && resultLinks().indexOf(active) >= 0) {
        input().focus();
      }
      return;
    }
    var typing = /^(input|textarea|select)$/i.test(active.tagName) || active.isContentEditable;
    if (!typing && !event.ctrlKey && !event.metaKey && !event.altKey && ["/", "s", "f"].indexOf(event.key) >= 0) {
      event.preventDefault();
      remember(active);
      open();
    }
  }

  function matches(event, selector) { return event.target.matches && event.target.matches(selector); }

  document.addEventListener("focusin", function (event) {
    if (matches(event, "[data-rv-search-query]") && !isOpen()) { remember(event.relatedTarget); open(); }
  });
  /* Tabbing out of the search closes it; a click on the page closes it through material's overlay. */
  document.addEventListener("focusout", function (event) {
    if (isOpen() && within(event.target) && event.relatedTarget && !within(event.relatedTarget)) { close(false); }
  });
  document.addEventListener("input", function (event) {
    if (matches(event, "[data-rv-search-query]")) { state.focusFirst = false; if (!isOpen()) { open(); } search(); }
  });
  document.addEventListener("change", function (event) {
    if (matches(event, "[data-rv-search-filter]")) { search(); return; }
    if (event.target === toggle()) {
      var output = el("[data-rv-search-output]");
      if (output) { output.inert = !toggle().checked; }
      if (toggle().checked && input() && document.activeElement !== input()) { remember(document.activeElement); input().focus(); }
      if (toggle().checked) { load(); }
    }
  });
  document.addEventListener("reset", function (event) {
    if (matches(event, "[data-rv-search-form]")) { setTimeout(function () { search(); if (input()) { input().focus(); } }); }
  });
  document.addEventListener("submit", function (event) {
    if (!matches(event, "[data-rv-search-form]")) { return; }
    event.preventDefault();
    var first = resultLinks()[0];
    if (first) { first.focus(); } else { state.focusFirst = true; }
  });
  document.addEventListener("click", function (event) {
    var target = event.target.closest ? event.target : null;
    if (!target) { return; }
    if (target.closest("[data-rv-search-more]")) { more(false); return; }
    if (target.closest("[data-rv-search-clear]")) {
      all("[data-rv-search-filter]").forEach(function (select) { select.value = ""; });
      search();
      return;
    }
    if (target.closest("[data-rv-search-list] a")) { close(false); }
  });
  document.addEventListener("keydown", onKey);

  var asked = new URL(location.href).searchParams.get("q");
  if (asked && input()) { input().value = asked; open(); search(); }
})();
