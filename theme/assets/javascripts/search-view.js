/* Rapportverket search, the parts without state: which organisation a query names, how two Pagefind searches
   are merged so that its pages come first, how a result is drawn, and the Swedish texts. Used by search.js. */
(function () {
  "use strict";
  var KIND_ORDER = ["Rapport", "Nyckeltal", "Data"];
  var PLACE_SUFFIXES = ["kommun", "kommuns", "stad", "stads", "region", "regions"];

  /* "Borgholms kommun" is found as "borgholm", "borgholms", "borgholms kommun"; "Kalmar kommun" as "kalmar(s)". */
  function namesOf(organisation) {
    var words = organisation.toLowerCase().split(/\s+/);
    if (words.length > 1 && PLACE_SUFFIXES.indexOf(words[words.length - 1]) >= 0) { words = words.slice(0, -1); }
    var last = words[words.length - 1];
    var forms = [last, last + "s"];
    if (/s$/.test(last) && last.length > 3) { forms.push(last.slice(0, -1)); }
    return { head: words.slice(0, -1), last: forms };
  }

  /* The organisation a query names and the query without that name, or null. */
  function placeIn(query, organisations) {
    var words = query.split(/\s+/).filter(Boolean);
    var lower = words.map(function (w) { return w.toLowerCase().replace(/[.,;:!?]+$/, ""); });
    for (var o = 0; o < organisations.length; o++) {
      var names = namesOf(organisations[o]);
      for (var i = names.head.length; i < lower.length; i++) {
        var start = i - names.head.length;
        var headMatches = names.head.every(function (w, k) { return lower[start + k] === w; });
        if (!headMatches || names.last.indexOf(lower[i]) < 0) { continue; }
        var end = i + 1 + (PLACE_SUFFIXES.indexOf(lower[i + 1]) >= 0 ? 1 : 0);
        return { organisation: organisations[o], rest: words.slice(0, start).concat(words.slice(end)).join(" ") };
      }
    }
    return null;
  }

  function withOrganisation(filters, organisation) {
    var copy = {};
    Object.keys(filters).forEach(function (key) { copy[key] = filters[key]; });
    copy.organisation = organisation;
    return copy;
  }

  /* The query and the same query with a synonym in place of a word or phrase of its group (at most four). A
     group's word also stands for its inflected forms: "försörjningsstödet" is replaced as a whole word. */
  function variants(query, groups) {
    var found = [query];
    var lower = query.toLowerCase();
    (groups || []).forEach(function (group) {
      group.forEach(function (term) {
        var at = lower.search(new RegExp("(^|\\s)" + term.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "u"));
        if (at < 0) { return; }
        var start = at + (/\s/.test(lower[at]) ? 1 : 0);
        var end = lower.slice(start + term.length).search(/\s|$/) + start + term.length;
        group.forEach(function (other) {
          var variant = (query.slice(0, start) + other + query.slice(end)).trim();
          if (other !== term && found.length < 4 && found.indexOf(variant) < 0) { found.push(variant); }
        });
      });
    });
    return found;
  }

  /* Pagefind ANDs the words of a query: each variant is one search, their results merged, best score first. */
  function searchAll(pagefind, terms, filters) {
    return Promise.all(terms.map(function (term) { return pagefind.search(term, { filters: filters }); }))
      .then(function (founds) {
        var best = {};
        founds.forEach(function (found) {
          found.results.forEach(function (r) { if (!best[r.id] || best[r.id].score < r.score) { best[r.id] = r; } });
        });
        var results = Object.keys(best).map(function (id) { return best[id]; });
        results.sort(function (a, b) { return b.score - a.score; });
        return { results: results, counts: founds[0].totalFilters };
      });
  }

  /* One search per variant, or two when the query names a place: that organisation's pages (matching the other
     words, or all of them when the query is only the place) first, then every other page that matches. */
  function run(pagefind, query, filters, place, groups) {
    if (!place) {
      return searchAll(pagefind, query ? variants(query, groups) : [null], filters).then(function (found) {
        found.also = query ? variants(query, groups).slice(1) : [];
        return found;
      });
    }
    var rest = place.rest ? variants(place.rest, groups) : null;
    var local = searchAll(pagefind, rest || [null], withOrganisation(filters, place.organisation));
    var wide = searchAll(pagefind, rest || [query], filters);
    return Promise.all([local, wide]).then(function (both) {
      var seen = {};
      var results = both[0].results.concat(both[1].results).filter(function (r) {
        if (seen[r.id]) { return false; }
        seen[r.id] = true;
        return true;
      });
      return { results: results, counts: both[1].counts, local: both[0].results.length, also: (rest || []).slice(1) };
    });
  }

  function score(sub) {
    return (sub.weighted_locations || []).reduce(function (sum, w) { return sum + w.balanced_score; }, 0);
  }

  /* The sections of a page that matched, best first; the page itself when nothing narrower matched. */
  function sections(data) {
    var subs = (data.sub_results || []).slice().sort(function (a, b) { return score(b) - score(a); });
    return subs.length ? subs : [{ url: data.url, title: data.meta && data.meta.title, excerpt: data.excerpt }];
  }

  /* Pagefind escapes the page text and marks the matched words: only text and <mark> are taken over. */
  function marked(html) {
    var template = document.createElement("template");
    template.innerHTML = html || "";
    var out = document.createDocumentFragment();
    template.content.childNodes.forEach(function (node) {
      if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        out.append(mark);
      } else {
        out.append(node.textContent);
      }
    });
    return out;
  }

  function make(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text) { node.textContent = text; }
    return node;
  }

  function facts(data) {
    var f = data.filters || {};
    return [f.organisation, f["nämnd"], f.rapporttyp, f["år"]].filter(Boolean)
      .map(function (values) { return values.join(", "); }).join(" · ");
  }

  function resultItem(data) {
    var found = sections(data);
    var best = found[0];
    var li = make("li", "md-search-result__item");
    var a = make("a", "md-search-result__link");
    a.href = best.url;
    var article = make("article", "md-search-result__article md-typeset");
    var kind = ((data.filters || {}).sidtyp || [])[0];
    var head = make("p", "rv-search__facts");
    if (kind) { head.append(make("span", "rv-search__kind", kind), " "); }
    head.append(facts(data));
    var title = make("h1", "", (data.meta && data.meta.title) || data.url);
    article.append(head, title);
    if (best.anchor) { article.append(make("p", "rv-search__section", "Avsnitt: " + best.title)); }
    var excerpt = make("p", "rv-search__excerpt");
    excerpt.append(marked(best.excerpt));
    article.append(excerpt);
    a.append(article);
    li.append(a);
    var others = found.slice(1, 3).filter(function (sub) { return sub.anchor; });
    if (others.length) {
      var list = make("ul", "rv-search__sections");
      list.setAttribute("aria-label", "Fler avsnitt med träffar i " + title.textContent);
      others.forEach(function (sub) {
        var item = make("li");
        var link = make("a", "", sub.title);
        link.href = sub.url;
        item.append(link);
        list.append(item);
      });
      li.append(list);
    }
    return li;
  }

  function countText(state) {
    if (!state.query && !state.filtered) { return "Skriv för att söka i rapporterna"; }
    if (!state.total) { return state.filtered ? "Inga träffar med de valda avgränsningarna" : "Inga träffar"; }
    var text = state.total === 1 ? "1 träff" : state.total + " träffar";
    if (state.also && state.also.length) {
      text += ", också för " + state.also.map(function (v) { return "\u201d" + v + "\u201d"; }).join(" och ");
    }
    if (state.place) {
      text += state.local ? ". Träffar från " + state.place.organisation + " visas först"
        : ". Ingen av dem är från " + state.place.organisation;
    }
    if (state.shown < state.total) { text += ". De " + state.shown + " bästa visas"; }
    return text;
  }

  /* Page kinds in the order of the site, years newest first, names in Swedish alphabetical order. */
  function filterOrder(key) {
    if (key === "sidtyp") {
      return function (a, b) { return KIND_ORDER.indexOf(a) - KIND_ORDER.indexOf(b); };
    }
    if (key === "år") { return function (a, b) { return b.localeCompare(a); }; }
    return function (a, b) { return a.localeCompare(b, "sv"); };
  }

  window.RapportverketSearchView = {
    placeIn: placeIn, variants: variants, run: run, resultItem: resultItem, countText: countText,
    filterOrder: filterOrder
  };
})();
