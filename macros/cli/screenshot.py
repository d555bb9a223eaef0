"""Screenshots of built pages in Debian's Chromium (light, dark, 375 px mobile), for looking at what we publish.

Användning: scripts/screenshot SITE_DIR PAGE_PATH [PAGE_PATH ...] [--out tests/artifacts/screenshots]
       [--search QUERY]   öppnar sökrutan på varje sida, skriver QUERY och väntar på träffarna
       [--scroll-to SELECTOR]   visar det elementet överst i stället för sidans första skärm
       [--modes light,dark,mobile,mobile-dark]   vilka lägen (standard: light,dark,mobile)
"""
from __future__ import annotations

import argparse
import functools
import http.server
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
MODES = {"light": (1280, "light"), "dark": (1280, "dark"), "mobile": (375, "light"), "mobile-dark": (375, "dark")}
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def serve(site: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = functools.partial(QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def show_search(page, query: str, width: int) -> None:
    """As a reader does: click the box (the magnifier on a phone), type, wait until the results are drawn."""
    if width < 960:
        page.locator("label.md-header__button[for='__search']").click()
    else:
        page.locator("input[data-rv-search-query]").click()
    page.keyboard.type(query)
    page.wait_for_function("""() => document.querySelector('[data-rv-search-list]').getAttribute('aria-busy') === 'false'
        && /träff/.test(document.querySelector('[data-rv-search-meta]').textContent)""", timeout=15000)
    page.mouse.move(0, 0)   # no tooltip under the pointer
    page.wait_for_timeout(400)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("site", type=Path)
    parser.add_argument("pages", nargs="+")
    parser.add_argument("--out", type=Path, default=Path("tests/artifacts/screenshots"))
    parser.add_argument("--full", action="store_true", help="whole page, not only the first screen")
    parser.add_argument("--search", help="type this into the search box and show the results")
    parser.add_argument("--scroll-to", help="CSS selector of an element to show at the top of the screen")
    parser.add_argument("--modes", default="light,dark,mobile", help="comma-separated: " + ", ".join(MODES))
    args = parser.parse_args(argv)
    unknown = [m for m in args.modes.split(",") if m not in MODES]
    if unknown:
        parser.error(f"okänt läge {', '.join(unknown)}; lägen: {', '.join(MODES)}")
    args.out.mkdir(parents=True, exist_ok=True)
    server, base = serve(args.site)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for mode in args.modes.split(","):
            width, scheme = MODES[mode]
            context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
            page = context.new_page()
            for path in args.pages:
                page.goto(base + path)
                page.wait_for_load_state("networkidle")
                # Charts draw lazily as they scroll into view, as for a reader.
                for figure in page.locator("[data-rv-chart]").all():
                    figure.scroll_into_view_if_needed()
                    page.wait_for_timeout(150)
                page.wait_for_timeout(800)
                page.evaluate("window.scrollTo(0, 0)")
                page.wait_for_timeout(300)
                if args.scroll_to:
                    page.locator(args.scroll_to).first.evaluate("e => { e.scrollIntoView({block: 'start'}); window.scrollBy(0, -110); }")
                    page.wait_for_timeout(300)
                if args.search:
                    show_search(page, args.search, width)
                name = (path.strip("/").replace("/", "_") or "start") + ("-search" if args.search else "")
                target = args.out / f"{name}-{mode}.png"
                page.screenshot(path=str(target), full_page=args.full)
                print(target)
            context.close()
        browser.close()
    server.shutdown()
    return 0


if __name__ == "__main__":
    main()
