"""What a reader's browser does with one report page: Debian's Chromium (Playwright, executable_path) against a
site served by a local http.server that counts every byte it sends (so requests of workers count too).

Each measure opens a fresh browser context: an empty cache, as on a first visit.
"""
from __future__ import annotations

import functools
import http.server
import shutil
import threading
import time
from dataclasses import dataclass
from pathlib import Path

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]
VIEWPORT = {"width": 1280, "height": 900}
CHARTS = "[data-rv-chart], .plotly-graph-div"     # this project's and plotly's to_html charts
SEARCH_PATHS = ("/search/", "/pagefind/", "/workers/search", "/lunr/")   # material's search and Pagefind
QUERY = "sjukfrånvaron"
TIMEOUT_MS = 120_000
POINTING_MS = 300   # the pointer rests on its way to a link at least this long: the clock starts at the click
# Scroll to each chart in turn (this project draws lazily) and wait until plotly has drawn its SVG.
DRAW_ALL = """async ([selector, timeout]) => {
  const started = performance.now();
  const charts = [...document.querySelectorAll(selector)];
  for (const chart of charts) {
    chart.scrollIntoView({block: "center"});
    while (!chart.querySelector(".main-svg")) {
      if (performance.now() - started > timeout) return -1;
      await new Promise(resolve => setTimeout(resolve, 5));
    }
  }
  return charts.length;
}"""
INLINE_JS = """() => [...document.scripts].filter(s => !s.src && (!s.type || /javascript|module/.test(s.type)))
  .reduce((sum, s) => sum + new Blob([s.textContent]).size, 0)"""


class CountingSite:
    """Serve a folder on 127.0.0.1:port; `sent` lists (path, bytes) of every response."""

    def __init__(self, folder: Path, port: int):
        self.sent: list[tuple[str, int]] = []
        site = self

        class Handler(http.server.SimpleHTTPRequestHandler):
            def send_header(self, keyword: str, value: str) -> None:
                if keyword.lower() == "content-length":
                    site.sent.append((self.path.split("?")[0], int(value)))
                super().send_header(keyword, value)

            def log_message(self, *args) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(Handler, directory=str(folder)))
        self.url = f"http://127.0.0.1:{port}/"

    def __enter__(self) -> "CountingSite":
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()

    def quiet(self, seconds: float = 0.3, limit: float = 30) -> None:
        """Wait until nothing was requested for `seconds` (the page and its workers are done)."""
        end = time.monotonic() + limit
        count = -1
        while count != len(self.sent) and time.monotonic() < end:
            count = len(self.sent)
            time.sleep(seconds)

    def bytes_since(self, start: int, *, suffix: tuple[str, ...] = (), parts: tuple[str, ...] = ()) -> int:
        return sum(size for path, size in self.sent[start:]
                   if (not suffix or path.endswith(suffix)) and (not parts or any(p in path for p in parts)))


@dataclass(frozen=True)
class BrowserMeasures:
    first_visit_bytes: int      # everything fetched for the page before the reader scrolls
    shared_js_bytes: int        # scripts on first visit: fetched files plus the page's inline scripts
    lazy_js_bytes: int          # scripts fetched later, until every chart is drawn
    search_bytes: int | None    # search requests from opening the page to the results of one query
    charts_ms: float | None     # cold cache: navigation start → every chart of the page drawn
    charts_next_ms: float | None  # click the page's link to the next report → its charts drawn
    instant_next: bool | None     # the next page came by instant navigation (the document stayed)


def launch(playwright):
    executable = shutil.which("chromium") or "/usr/bin/chromium"
    return playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)


def measure(browser, site: CountingSite, page_url: str, next_url: str, charts: bool) -> BrowserMeasures:
    first, shared, lazy, search = _first_visit(browser, site, page_url)
    cold, following, instant = _chart_times(browser, site, page_url, next_url) if charts else (None, None, None)
    return BrowserMeasures(first, shared, lazy, search, cold, following, instant)


def _first_visit(browser, site: CountingSite, page_url: str) -> tuple[int, int, int, int | None]:
    """Bytes on arrival, scripts on arrival and later (all charts drawn), then the bytes of one search."""
    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    start = len(site.sent)
    page.goto(site.url + page_url, wait_until="load")
    site.quiet()
    first = site.bytes_since(start)
    shared = site.bytes_since(start, suffix=(".js", ".mjs")) + page.evaluate(INLINE_JS)
    later = len(site.sent)
    page.evaluate(DRAW_ALL, [CHARTS, TIMEOUT_MS])
    site.quiet()
    lazy = site.bytes_since(later, suffix=(".js", ".mjs"))
    search = _search(page, site, start)
    context.close()
    return first, shared, lazy, search


def _chart_times(browser, site: CountingSite, page_url: str, next_url: str) -> tuple[float, float, bool]:
    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    started = time.perf_counter()
    page.goto(site.url + page_url, wait_until="domcontentloaded")
    _draw(page)
    cold = (time.perf_counter() - started) * 1000
    page.evaluate(f"() => {{ window.__rvOld = new Set(document.querySelectorAll({CHARTS!r})); }}")
    link = page.locator(f'.md-content a[href$="{next_url}"]').first
    link.hover()                        # a reader points at the link before clicking it
    page.wait_for_timeout(POINTING_MS)
    started = time.perf_counter()
    link.click()
    page.wait_for_url("**/" + next_url, wait_until="domcontentloaded")
    page.wait_for_function("""sel => { const old = window.__rvOld, found = [...document.querySelectorAll(sel)];
        return found.length > 0 && (!old || found.every(c => !old.has(c))); }""", arg=CHARTS, timeout=TIMEOUT_MS)
    _draw(page)
    following = (time.perf_counter() - started) * 1000
    instant = page.evaluate("() => window.__rvOld !== undefined")
    context.close()
    return cold, following, instant


def _draw(page) -> None:
    if page.evaluate(DRAW_ALL, [CHARTS, TIMEOUT_MS]) < 0:
        raise RuntimeError(f"diagrammen på {page.url} ritades inte inom {TIMEOUT_MS // 1000} s")


def _search(page, site: CountingSite, start: int) -> int | None:
    """Search requests since `start` (material fetches its whole index on arrival) until one query's results."""
    if not page.locator("input.md-search__input").count():
        return None
    page.keyboard.press("/")
    page.keyboard.type(QUERY)
    page.locator(".md-search-result__item").first.wait_for(state="attached", timeout=TIMEOUT_MS)
    site.quiet()
    return site.bytes_since(start, parts=SEARCH_PATHS)
