"""Reading and checking datapackage.json before frictionless sees it: shape, versions, and no network.

Every string of a descriptor comes from a pull request. Nothing here fetches: a descriptor that refers to a URL
(`path`, `schema`, `dialect`, `profile`, `$schema`, a foreign key to another package) is refused with its field
before frictionless could follow it. Duplicate JSON keys, a non-semver version and entries of the wrong form are
located errors, not surprises later.
"""
from __future__ import annotations

import functools
import json
import re
from pathlib import Path
from typing import Iterator


from ..errors import Problem, ReportError, choice_list, did_you_mean
from ..format import UNIT_LABELS
from .frictionless_problems import problem_from_exception
from .kinds import KINDS

MAX_DESCRIPTOR = 2 * 1024 * 1024
SEMVER = re.compile(r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$")
_URL = re.compile(r"^\s*[a-z][a-z0-9+.\-]*://|^\s*//", re.I)
# Profiles frictionless knows without fetching anything.
LOCAL_PROFILES = {"data-package", "tabular-data-package", "data-resource", "tabular-data-resource",
                  "https://datapackage.org/profiles/2.0/datapackage.json",
                  "https://datapackage.org/profiles/2.0/dataresource.json",
                  "https://datapackage.org/profiles/2.0/tableschema.json",
                  "https://datapackage.org/profiles/2.0/tabledialect.json"}


class _DuplicateKey(ValueError):
    def __init__(self, key: str):
        super().__init__(key)
        self.key = key


def _no_duplicates(pairs: list[tuple[str, object]]) -> dict:
    seen: dict = {}
    for key, value in pairs:
        if key in seen:
            raise _DuplicateKey(key)
        seen[key] = value
    return seen


def read_descriptor(path: Path, rel: str) -> tuple[dict, bytes]:
    """The descriptor as a dict, and its bytes (for the cache key)."""
    if not path.is_file():
        raise ReportError([Problem("RV101", "datapackage.json saknas", "skapa den enligt data/README.md", file=rel)])
    if path.is_symlink():
        raise ReportError([Problem("RV155", "datapackage.json är en symbolisk länk", "lägg filen själv i mappen",
                                   file=rel)])
    data = path.read_bytes()
    if len(data) > MAX_DESCRIPTOR:
        raise ReportError([Problem("RV115", f"datapackage.json är {len(data) // 1024} kB; gränsen är "
                                   f"{MAX_DESCRIPTOR // 1024} kB", "lägg data i CSV-filerna, inte i beskrivningen",
                                   file=rel)])
    text = data.decode("utf-8", errors="replace")
    try:
        descriptor = json.loads(text, object_pairs_hook=_no_duplicates)
    except _DuplicateKey as duplicate:
        raise ReportError([Problem("RV151", f"nyckeln \"{duplicate.key}\" finns två gånger i samma objekt",
                                   "ta bort den ena; JSON-läsare väljer olika och det blir oklart vilken som gäller",
                                   file=rel)]) from None
    except json.JSONDecodeError as error:
        raise ReportError([Problem("RV101", f"ogiltig JSON: {error.msg}",
                                   "kontrollera kommatecken och citattecken på raden", file=rel,
                                   row=error.lineno)]) from None
    except RecursionError:
        raise ReportError([Problem("RV101", "ogiltig JSON: för djupt nästlad", "skriv beskrivningen som i exemplen",
                                   file=rel)]) from None
    if not isinstance(descriptor, dict):
        raise ReportError([Problem("RV101", "datapackage.json ska vara ett JSON-objekt", "börja filen med {",
                                   file=rel)])
    return descriptor, data


def check_descriptor(descriptor: dict, rel: str) -> Iterator[Problem]:
    """Every problem of the descriptor's structure, before any file is read."""
    for key in ("name", "version", "resources"):
        if key not in descriptor:
            yield Problem("RV103", f"egenskapen '{key}' saknas", f"lägg till \"{key}\" i datapackage.json", file=rel)
    for key in ("name", "title", "version", "organisation", "committee", "description"):
        value = descriptor.get(key)
        if value is not None and not isinstance(value, str):
            yield Problem("RV108", f"'{key}' ska vara en text", f"skriv \"{key}\": \"…\"", file=rel, field=key)
    version = descriptor.get("version")
    if isinstance(version, str) and not SEMVER.match(version):
        yield Problem("RV152", f"versionen '{version}' är inte MAJOR.MINOR.PATCH",
                      "skriv t.ex. \"version\": \"1.0.0\" (tre heltal med punkt emellan)", file=rel, field="version")
    yield from _network_references(descriptor, rel)
    yield from _changes(descriptor.get("changes"), rel)
    resources = descriptor.get("resources")
    if "resources" in descriptor and not isinstance(resources, list):
        yield Problem("RV103", "'resources' ska vara en lista", "skriv \"resources\": [ … ]", file=rel)
        return
    seen: set[str] = set()
    for res in resources or []:
        name = res.get("name") if isinstance(res, dict) else None
        if not isinstance(name, str) or not isinstance(res.get("path"), str) or not isinstance(res.get("schema"), dict):
            yield Problem("RV103", f"resursen {name if isinstance(name, str) else '(utan namn)'} saknar name, path "
                          "eller schema", "varje resurs behöver \"name\", \"path\" och ett \"schema\" med \"fields\"",
                          file=rel)
        elif name in seen:
            yield Problem("RV104", f"resursnamnet '{name}' finns två gånger", "ge varje resurs ett eget namn", file=rel)
        else:
            yield from _check_resource(res, rel)
        seen.add(name if isinstance(name, str) else "")


def _network_references(descriptor: dict, rel: str) -> Iterator[Problem]:
    """A URL where frictionless would fetch something: refused before anything is fetched."""
    places = [("profile", descriptor.get("profile")), ("$schema", descriptor.get("$schema"))]
    for index, res in enumerate(descriptor.get("resources") or []):
        if not isinstance(res, dict):
            continue
        name = res.get("name", index)
        for key in ("path", "schema", "dialect", "profile", "$schema", "data"):
            places.append((f"resources[{name}].{key}", res.get(key)))
        schema = res.get("schema") if isinstance(res.get("schema"), dict) else {}
        for fk, foreign in enumerate(schema.get("foreignKeys") or []):
            reference = foreign.get("reference") if isinstance(foreign, dict) else None
            target = reference.get("resource") if isinstance(reference, dict) else None
            if target is not None and (not isinstance(target, str) or _URL.match(target) or "/" in target):
                yield Problem("RV150", f"främmande nyckel {fk + 1} i '{name}' pekar utanför paketet ({target!r})",
                              "en främmande nyckel får bara peka på en resurs i samma datapackage.json (dess namn)",
                              file=rel, field=f"resources[{name}].schema.foreignKeys")
        if isinstance(res.get("path"), list):
            yield Problem("RV150", f"'{name}' har flera filer i path", "ange en CSV-fil per resurs", file=rel,
                          field=f"resources[{name}].path")
    for where, value in places:
        if isinstance(value, str) and _URL.match(value) and value not in LOCAL_PROFILES:
            yield Problem("RV150", f"{where} pekar på en adress på nätet: {value}",
                          "bygget hämtar aldrig något från nätet; lägg innehållet direkt i datapackage.json eller "
                          "filen i paketets mapp", file=rel, field=where)
        elif where.endswith((".schema", ".dialect")) and isinstance(value, str):
            yield Problem("RV150", f"{where} pekar på en fil ({value})",
                          "skriv schemat och dialekten direkt i resursen, som ett objekt", file=rel, field=where)
        elif where.endswith(".data") and value is not None:
            yield Problem("RV103", f"{where}: data i datapackage.json används inte", "lägg data i en CSV-fil",
                          file=rel, field=where)


def _changes(changes: object, rel: str) -> Iterator[Problem]:
    if changes is None:
        return
    if not isinstance(changes, list) or not all(isinstance(c, dict) for c in changes):
        yield Problem("RV108", "'changes' ska vara en lista med objekt", "se data/README.md, avsnittet om versioner",
                      file=rel, field="changes")
        return
    for entry in changes:
        commit = entry.get("commit")
        if commit is not None and not (isinstance(commit, str) and re.match(r"^[0-9a-f]{7,40}$", commit)):
            yield Problem("RV154", f"commit '{commit}' i version {entry.get('version')} är inget Git-id",
                          "skriv commit som 7–40 hexadecimala tecken (git log visar dem); release skriver det själv",
                          file=rel, field="changes")
        version = entry.get("version")
        if version is not None and not (isinstance(version, str) and SEMVER.match(version)):
            yield Problem("RV152", f"versionen '{version}' i changes är inte MAJOR.MINOR.PATCH",
                          "skriv t.ex. \"version\": \"1.0.1\"", file=rel, field="changes")


def _check_resource(res: dict, rel: str) -> Iterator[Problem]:
    """kind, suppress, footnotes, rules and the Table Schema of one resource, each named by the resource."""
    name = res["name"]
    kind = res.get("kind")
    if kind is not None and kind not in KINDS:
        yield Problem("RV106", f"okänd kind '{kind}' i resursen '{name}'",
                      f"{did_you_mean(str(kind), KINDS)}kinds: {choice_list(KINDS)}; en fri resurs anger ingen kind",
                      file=rel, field=name)
    for key in ("footnotes", "rules"):
        entries = res.get(key)
        if entries is not None and (not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries)):
            yield Problem("RV131", f"'{key}' i resursen '{name}' ska vara en lista med objekt",
                          "se data/README.md för hur en fotnot och en regel skrivs", file=rel, field=name)
    for key in ("title", "description", "source", "period", "kind"):
        if res.get(key) is not None and not isinstance(res.get(key), str):
            yield Problem("RV108", f"'{key}' i resursen '{name}' ska vara en text", f"skriv \"{key}\": \"…\"",
                          file=rel, field=name)
    schema_problem = _schema_problem(json.dumps(res["schema"], sort_keys=True, ensure_ascii=False), rel, name)
    if schema_problem:
        yield schema_problem
        return
    yield from _units(res, rel)
    yield from _suppress(res, rel)


@functools.lru_cache(maxsize=4096)
def _schema_problem(schema: str, rel: str, name: str) -> Problem | None:
    """frictionless' own check of a Table Schema (costly: kept per distinct schema, as many resources share one)."""
    import frictionless   # only when the descriptor's verdict is not in the cache
    try:
        frictionless.Schema.from_descriptor(json.loads(schema))
    except frictionless.FrictionlessException as error:
        return problem_from_exception(error, rel, name)
    return None


def _units(res: dict, rel: str) -> Iterator[Problem]:
    for field in res["schema"].get("fields", []):
        unit = field.get("unit") if isinstance(field, dict) else None
        if unit is not None and (not isinstance(unit, str) or unit not in UNIT_LABELS):
            yield Problem("RV224", f"enheten {unit!r} för kolumnen '{field.get('name')}' i '{res['name']}' finns inte "
                          "i enhetsvokabulären", f"{did_you_mean(str(unit), UNIT_LABELS)}enheter: "
                          f"{choice_list(u for u in UNIT_LABELS if u)}", file=rel, field=f"{res['name']}.{field.get('name')}")


def _suppress(res: dict, rel: str) -> Iterator[Problem]:
    suppress = res.get("suppress")
    if suppress is None:
        return
    names = [f.get("name") for f in res["schema"].get("fields", []) if isinstance(f, dict)]
    fields = suppress.get("fields") if isinstance(suppress, dict) else None
    below = suppress.get("below") if isinstance(suppress, dict) else None
    unknown = [f for f in fields or [] if f not in names] if isinstance(fields, list) else []
    if not isinstance(fields, list) or not fields or unknown or isinstance(below, bool) or not isinstance(below, int) \
            or below < 2:
        yield Problem("RV107", f"suppress i resursen '{res['name']}' kan inte läsas"
                      + (f": kolumnen '{unknown[0]}' finns inte" if unknown else ""),
                      f"skriv \"suppress\": {{\"fields\": [\"antal\"], \"below\": 5}}; kolumner: {choice_list(names)}",
                      file=rel, field=res["name"])
