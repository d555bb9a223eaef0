"""The Kolada API v3 client and the cache refresh, over real HTTP against a local server with fixture answers."""
from __future__ import annotations

import datetime as dt
import json
import time

import pytest

from macros.errors import ReportError
from macros.opendata.kolada import KoladaClient, KoladaError
from macros.opendata.kolada_cache import choose_group, load_cache, refresh, write_cache
from tests.kolada_server import FIXTURES, KoladaStub

NOW = dt.datetime(2026, 12, 1, 9, 30, 15, tzinfo=dt.timezone.utc)


@pytest.fixture
def stub():
    with KoladaStub() as server:
        yield server


def client(stub: KoladaStub, **options) -> tuple[KoladaClient, list[float]]:
    waits: list[float] = []
    return KoladaClient(base_url=stub.base_url, sleep=waits.append, **options), waits


def test_paging_follows_next_url_until_it_is_null(stub):
    kolada, _ = client(stub)
    rows = kolada.values(["U23401"], ["0461", "0000", "G900001"], [2023])
    assert [r["municipality"] for r in rows] == ["0000", "0461", "G900001"]
    assert kolada.requests == 2
    assert "page=2" in stub.log[1]


def test_a_next_url_with_another_scheme_stays_on_our_scheme(stub, monkeypatch):
    kolada, _ = client(stub)
    answers = iter([{"values": [1], "next_url": stub.base_url.replace("http://", "https://") + "kpi?page=2"},
                    {"values": [2], "next_url": None}])
    monkeypatch.setattr(stub, "answer", lambda path, query: (200, json.dumps(next(answers)).encode()))
    assert kolada.pages("kpi") == [1, 2]
    assert stub.log[1].startswith("/v3/kpi?page=2")


def test_a_503_is_retried_with_growing_backoff(stub):
    stub.fail["municipality/0461"] = 2
    kolada, waits = client(stub, backoff=0.5)
    assert kolada.municipality("0461") == {"id": "0461", "title": "Gnesta", "type": "K"}
    assert kolada.requests == 3
    assert waits == [0.5, 1.0]


def test_it_gives_up_after_the_retries_with_a_swedish_message(stub):
    stub.fail["municipality/0461"] = 10
    kolada, waits = client(stub, retries=2)
    with pytest.raises(KoladaError) as caught:
        kolada.municipality("0461")
    assert "går inte att nå (HTTP 503) efter 3 försök" in str(caught.value)
    assert len(waits) == 2 and kolada.requests == 3


def test_a_slow_answer_times_out_and_is_retried(stub):
    stub.delay["municipality/0461"] = 1.5
    kolada, waits = client(stub, timeout=0.2, retries=1)
    started = time.monotonic()
    with pytest.raises(KoladaError) as caught:
        kolada.municipality("0461")
    assert time.monotonic() - started < 1.4       # two tries of 0.2 s, not the server's 1.5 s each
    assert "efter 2 försök" in str(caught.value) and len(waits) == 1


def test_a_404_is_not_retried(stub):
    kolada, waits = client(stub)
    with pytest.raises(KoladaError) as caught:
        kolada.pages("ou/V15E144001301")
    assert "HTTP 404" in str(caught.value) and waits == [] and kolada.requests == 1


def test_next_url_to_another_host_is_refused(stub, monkeypatch):
    kolada, _ = client(stub)
    monkeypatch.setattr(stub, "answer", lambda path, query: (200, json.dumps(
        {"values": [], "next_url": "https://elsewhere.example/v3/kpi?page=2"}).encode()))
    with pytest.raises(KoladaError, match="utanför API:et"):
        kolada.pages("kpi")


def test_refresh_builds_the_whole_cache_document(stub):
    kolada, _ = client(stub)
    document = refresh(kolada, {("U23401", "0461"): {2023}, ("U21401", "0461"): {2023}}, NOW)
    assert document["fetched"] == "2026-12-01T09:30:15Z" and document["api_version"] == "v3"
    assert document["municipalities"] == {"0461": {"title": "Gnesta",
                                                   "similar": {"U21401": "G900001", "U23401": "G900001"}}}
    assert document["groups"]["G900001"]["members"] == ["0488", "0509", "0560"]
    assert document["kpis"]["U23401"]["operating_area"] == "Äldreomsorg"
    assert [(r["kpi"], r["municipality"], r["value"]) for r in document["values"]] == [
        ("U21401", "0000", 16.0), ("U23401", "0000", 61.0), ("U23401", "0461", 97.0), ("U23401", "G900001", 74.5)]


def test_the_written_cache_gives_riket_and_liknande_kommuner(stub, tmp_path):
    kolada, _ = client(stub)
    write_cache(tmp_path / "data" / "kolada" / "cache.json",
                refresh(kolada, {("U23401", "0461"): {2023}, ("U21401", "0461"): {2023}}, NOW))
    cache = load_cache(tmp_path)
    found = cache.comparison("U23401", "0461", 2023)
    assert (found.national, found.similar, found.similar_count) == (61.0, 74.5, 3)
    assert found.similar_title == "Liknande kommuner äldreomsorg, Gnesta, 2024"
    only_national = cache.comparison("U21401", "0461", 2023)
    assert (only_national.national, only_national.similar) == (16.0, None)
    assert cache.comparison("U23401", "0461", 2022) is None


def test_refresh_names_an_unknown_municipality(stub):
    kolada, _ = client(stub)
    with pytest.raises(KoladaError, match="kommunkoden 9999"):
        refresh(kolada, {("U23401", "9999"): {2023}}, NOW)


def test_group_choice_prefers_the_kpis_area_then_overall():
    groups = json.loads((FIXTURES / "municipality_groups-gnesta.json").read_text(encoding="utf-8"))["values"]
    assert choose_group(groups, "Gnesta", "Äldreomsorg")["id"] == "G900001"
    assert choose_group(groups, "Gnesta", "Individ- och familjeomsorg")["id"] == "G900003"
    assert choose_group(groups, "Gnesta", "Kultur och fritid")["id"] == "G900002"
    assert choose_group(groups, "Trosa", "Grundskola") is None


def test_an_unreadable_cache_is_a_located_problem(tmp_path):
    path = tmp_path / "data" / "kolada" / "cache.json"
    path.parent.mkdir(parents=True)
    path.write_text('{"fetched": null, "values": [{"kpi": "U23401"}]}', encoding="utf-8")
    with pytest.raises(ReportError) as caught:
        load_cache(tmp_path)
    assert [(p.code, p.file) for p in caught.value.problems] == [("RV801", "data/kolada/cache.json")]
