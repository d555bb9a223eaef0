"""A client for Kolada's open API v3 (https://api.kolada.se/v3/): timeouts, retries with backoff, paging.

Only scripts/kolada-refresh uses it; builds read the committed cache (kolada_cache.py) and never the network.
Response format (as documented for the API and answered by v3): every list endpoint returns
`{"values": [...], "count": n, "next_url": "…" | null, "previous_url": …}`; data rows are
`{"kpi", "municipality", "period", "values": [{"gender": "T|K|M", "value", "count", "status", "isdeleted"}]}`.
A municipality group's id may stand in place of a municipality: its value is the unweighted mean of its members
(`count` says how many contributed). "0000" is the whole country (Riket).
"""
from __future__ import annotations

import json
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from typing import Callable, Iterable, Sequence

BASE_URL = "https://api.kolada.se/v3/"
API_VERSION = "v3"
NATIONAL = "0000"
RETRY_STATUSES = (429, 500, 502, 503, 504)
MAX_PAGES = 100
# Kolada answers 422 when a path names too many ids; these sizes are known to work.
CHUNK_MUNICIPALITIES, CHUNK_KPIS, CHUNK_YEARS = 8, 4, 10


class KoladaError(Exception):
    """Kolada could not be reached or answered something unusable; the message is Swedish and says what."""


@dataclass
class KoladaClient:
    base_url: str = BASE_URL
    timeout: float = 10.0            # seconds per request
    retries: int = 3                 # further tries after a timeout, a lost connection, 429 or 5xx
    backoff: float = 1.0             # seconds before the first retry; doubles each time
    per_page: int = 5000
    sleep: Callable[[float], None] = field(default=time.sleep, repr=False)
    requests: int = 0                # how many HTTP requests were sent (for the summary)

    def _open(self, url: str) -> bytes:
        request = urllib.request.Request(url, headers={"Accept": "application/json",
                                                       "User-Agent": "rapportverket-kolada-refresh"})
        with urllib.request.urlopen(request, timeout=self.timeout) as response:   # noqa: S310 (https/loopback)
            return response.read()

    def _wait(self, attempt: int, error: Exception) -> float:
        retry_after = getattr(error, "headers", None) and error.headers.get("Retry-After")
        if retry_after and str(retry_after).isdigit():
            return min(float(retry_after), 30.0)
        return self.backoff * (2 ** attempt)

    def get_json(self, url: str) -> dict:
        """One GET with retries; KoladaError when every try failed or the answer is not JSON."""
        last = ""
        for attempt in range(self.retries + 1):
            self.requests += 1
            try:
                body = self._open(url)
            except urllib.error.HTTPError as error:
                if error.code not in RETRY_STATUSES:
                    raise KoladaError(f"Kolada svarade HTTP {error.code} på {url}") from None
                last = f"HTTP {error.code}"
                wait = self._wait(attempt, error)
            except (urllib.error.URLError, socket.timeout, TimeoutError, ConnectionError) as error:
                last = str(getattr(error, "reason", error)) or type(error).__name__
                wait = self._wait(attempt, error)
            else:
                try:
                    document = json.loads(body)
                except ValueError:
                    raise KoladaError(f"Koladas svar på {url} är inte JSON") from None
                if not isinstance(document, dict) or not isinstance(document.get("values"), list):
                    raise KoladaError(f"Koladas svar på {url} saknar 'values'")
                return document
            if attempt < self.retries:
                self.sleep(wait)
        raise KoladaError(f"Kolada går inte att nå ({last}) efter {self.retries + 1} försök: {url}")

    def url(self, path: str, params: dict[str, object] | None = None) -> str:
        query = urllib.parse.urlencode({**(params or {}), "per_page": self.per_page})
        return urllib.parse.urljoin(self.base_url, path) + "?" + query

    def pages(self, path: str, params: dict[str, object] | None = None) -> list[dict]:
        """Every value of a list endpoint, following next_url (only ever on Kolada's own host)."""
        url, found = self.url(path, params), []
        for _ in range(MAX_PAGES):
            document = self.get_json(url)
            found += document["values"]
            url = self._same_api(str(document.get("next_url") or ""))
            if not url:
                return found
        raise KoladaError(f"fler än {MAX_PAGES} sidor från {path}; fråga efter färre år eller nyckeltal")

    def _same_api(self, url: str) -> str:
        """next_url on the API's own host and path (its scheme may differ: we keep ours); else KoladaError."""
        if not url:
            return ""
        base, found = urllib.parse.urlsplit(self.base_url), urllib.parse.urlsplit(url)
        if found.netloc != base.netloc or not found.path.startswith(base.path):
            raise KoladaError(f"Koladas nästa sida pekar utanför API:et: {url}")
        return urllib.parse.urlunsplit((base.scheme, *found[1:]))

    def municipality(self, code: str) -> dict | None:
        found = self.pages(f"municipality/{urllib.parse.quote(code)}")
        return next((m for m in found if str(m.get("id")) == code), None)

    def kpis(self, ids: Sequence[str]) -> list[dict]:
        return [kpi for part in _chunks(ids, 25) for kpi in self.pages(f"kpi/{','.join(part)}")]

    def municipality_groups(self, title: str) -> list[dict]:
        return self.pages("municipality_groups", {"title": title})

    def values(self, kpis: Sequence[str], municipalities: Sequence[str], years: Sequence[int]) -> list[dict]:
        """Data rows for every combination, asked for in chunks small enough for the API."""
        rows = []
        for k in _chunks(kpis, CHUNK_KPIS):
            for m in _chunks(municipalities, CHUNK_MUNICIPALITIES):
                for y in _chunks([str(year) for year in years], CHUNK_YEARS):
                    rows += self.pages(f"data/kpi/{','.join(k)}/municipality/{','.join(m)}/year/{','.join(y)}")
        return rows


def _chunks(items: Iterable[str], size: int) -> list[list[str]]:
    ordered = sorted(dict.fromkeys(items))
    return [ordered[i:i + size] for i in range(0, len(ordered), size)]
