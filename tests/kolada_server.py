"""A local HTTP server on 127.0.0.1 that answers like Kolada's API v3 from tests/fixtures/kolada (test data).

Real sockets and real HTTP, so the client is tested as it runs; `fail` makes a path answer 503 a number of times,
`delay` makes it answer late (for timeouts). Every request is logged.
"""
from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

FIXTURES = Path(__file__).parent / "fixtures" / "kolada"
PREFIX = "/v3/"
ROUTES = {
    "kpi/U21401,U23401": "kpi.json",
    "municipality/0461": "municipality-0461.json",
    "municipality_groups": "municipality_groups-gnesta.json",
    "data/kpi/U23401/municipality/0000,0461,G900001/year/2023": "data-U23401-page1.json",
    "data/kpi/U21401/municipality/0000,0461,G900001/year/2023": "data-U21401.json",
}


class KoladaStub:
    def __init__(self) -> None:
        self.fail: dict[str, int] = {}       # path → how many 503 answers before a good one
        self.delay: dict[str, float] = {}    # path → seconds to wait before answering
        self.log: list[str] = []
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.base_url = f"http://127.0.0.1:{self.server.server_address[1]}{PREFIX}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> "KoladaStub":
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()

    def answer(self, path: str, query: dict[str, list[str]]) -> tuple[int, bytes]:
        if self.fail.get(path, 0) > 0:
            self.fail[path] -= 1
            return 503, b'{"error": "Service Unavailable"}'
        time.sleep(self.delay.get(path, 0.0))
        if path.startswith(("kpi/", "municipality/")) and path not in ROUTES:
            return 200, self._subset(path)
        name = ROUTES.get(path)
        if name == "data-U23401-page1.json" and query.get("page") == ["2"]:
            name = "data-U23401-page2.json"
        if path == "municipality_groups" and query.get("title") != ["Gnesta"]:
            name = None
        if name is None:
            return 404, b'{"error": "Not found"}'
        text = (FIXTURES / name).read_text(encoding="utf-8").replace("{base}", self.base_url)
        return 200, text.encode("utf-8")

    def _subset(self, path: str) -> bytes:
        """kpi/<ids> and municipality/<ids>: the fixture entries with those ids (none for unknown ids)."""
        kind, ids = path.split("/", 1)
        source = "kpi.json" if kind == "kpi" else "municipality-0461.json"
        document = json.loads((FIXTURES / source).read_text(encoding="utf-8"))
        document["values"] = [v for v in document["values"] if v["id"] in ids.split(",")]
        document["count"] = len(document["values"])
        return json.dumps(document).encode("utf-8")

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        stub = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:   # noqa: N802 (http.server's name)
                parts = urlsplit(self.path)
                stub.log.append(self.path)
                path = parts.path[len(PREFIX):] if parts.path.startswith(PREFIX) else parts.path
                status, body = stub.answer(path, parse_qs(parts.query))
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json; charset=utf-8")
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass   # the client gave up (timeout test)

            def log_message(self, *args: object) -> None:
                pass

        return Handler
