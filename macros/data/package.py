"""Load one datapackage: read its descriptor and CSVs, validate with frictionless, build Resources."""
from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
from pathlib import Path
from typing import Iterator

import frictionless
import pandas as pd

from ..errors import Problem, ReportError, choice_list, did_you_mean
from .kinds import KINDS
from .frictionless_problems import problem_from_exception, problem_from_package_error, problems_from_report
from .model import Field, Footnote, Package, Resource
from .rules import check_package, parse_pins

LOCAL_PROPS = ("hash", "bytes")  # checked by us, with a Swedish message, not by frictionless
READABLE_DESPITE = ("RV124",)  # a repeated key leaves every cell readable, so the rules still run
MAX_LINE = 1_000_000  # characters; a longer line is a file without line ends, not data


def sha256_of(data: bytes) -> str:
    return "sha256:" + hashlib.sha256(data).hexdigest()


def load_package(descriptor_path: Path, root: Path, *, check_hashes: bool = False) -> Package:
    """Load and validate a datapackage; raise ReportError with every problem found."""
    rel = _rel(descriptor_path, root)
    descriptor = _read_descriptor(descriptor_path, rel)
    problems: list[Problem] = list(_check_descriptor(descriptor, rel))
    if problems:
        raise ReportError(problems)
    package_id = descriptor_path.parent.relative_to(root / "data").as_posix() if (root / "data") in descriptor_path.parents else descriptor_path.parent.name
    package = Package(
        id=package_id, name=descriptor["name"], title=descriptor.get("title", descriptor["name"]),
        version=str(descriptor["version"]), descriptor_file=rel,
        organisation=descriptor.get("organisation", ""), committee=descriptor.get("committee", ""),
        licenses=descriptor.get("licenses", []), sources=descriptor.get("sources", []),
        changes=descriptor.get("changes", []), descriptor=descriptor,
    )
    base = descriptor_path.parent
    texts: dict[str, tuple[str, bytes, str]] = {}
    for res_descriptor in descriptor["resources"]:
        try:
            texts[res_descriptor["name"]] = _read_resource(res_descriptor, base, root, package, check_hashes, problems)
        except ReportError as error:
            problems.extend(error.problems)
    checked = _validate_with_frictionless(descriptor, base, rel, texts)
    problems.extend(checked)
    problems.extend(_build_resources(package, texts, checked))
    descriptors = {r["name"]: r for r in descriptor["resources"]}
    found = check_package(package.resources, descriptors, descriptor, rel)
    for resource in package.resources.values():
        resource.notes = [p for p in found if p.file == resource.file and p.severity != "error"]
    problems.extend(found)
    _raise_errors(problems)
    package.notes = [p for p in problems if p.severity != "error"]
    return package


def _build_resources(package: Package, texts: dict[str, tuple[str, bytes, str]],
                     checked: list[Problem]) -> list[Problem]:
    """Every resource whose cells can be read; a problem in one never hides the findings of another."""
    unreadable = {p.file for p in checked if p.severity == "error" and p.code not in READABLE_DESPITE}
    problems: list[Problem] = []
    for res_descriptor in package.descriptor["resources"]:
        name = res_descriptor["name"]
        if name not in texts or texts[name][0] in unreadable:
            continue  # its own problems (file, types, header) are reported; its rules cannot run
        resource, note_problems = _build_resource(res_descriptor, *texts[name], package)
        problems.extend(note_problems)
        package.resources[resource.name] = resource
    return problems


def _raise_errors(problems: list[Problem]) -> None:
    errors = [p for p in problems if p.severity == "error"]
    if errors:  # errors first; notes and warnings follow so a validator can show every finding
        raise ReportError(errors + [p for p in problems if p.severity != "error"])


def _rel(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _read_descriptor(path: Path, rel: str) -> dict:
    if not path.is_file():
        raise ReportError([Problem("RV101", "datapackage.json saknas", "skapa den enligt data/README.md", file=rel)])
    text = path.read_text(encoding="utf-8", errors="replace")
    try:
        descriptor = json.loads(text)
    except json.JSONDecodeError as error:
        raise ReportError([Problem("RV101", f"ogiltig JSON: {error.msg}",
                                   "kontrollera kommatecken och citattecken på raden", file=rel, row=error.lineno)]) from None
    if not isinstance(descriptor, dict):
        raise ReportError([Problem("RV101", "datapackage.json ska vara ett JSON-objekt", "börja filen med {", file=rel)])
    return descriptor


def _check_descriptor(descriptor: dict, rel: str) -> Iterator[Problem]:
    for key in ("name", "version", "resources"):
        if key not in descriptor:
            yield Problem("RV103", f"egenskapen '{key}' saknas", f"lägg till \"{key}\" i datapackage.json", file=rel)
    resources = descriptor.get("resources")
    if "resources" in descriptor and (not isinstance(resources, list) or not resources):
        yield Problem("RV103", "'resources' ska vara en lista med minst en resurs", "lägg till en resurs", file=rel)
        return
    seen: set[str] = set()
    for res in resources or []:
        name = res.get("name") if isinstance(res, dict) else None
        if not name or not isinstance(res.get("path"), str) or not isinstance(res.get("schema"), dict):
            yield Problem("RV103", f"resursen {name or '(utan namn)'} saknar name, path eller schema",
                          "varje resurs behöver \"name\", \"path\" och ett \"schema\" med \"fields\"", file=rel)
        elif name in seen:
            yield Problem("RV104", f"resursnamnet '{name}' finns två gånger", "ge varje resurs ett eget namn", file=rel)
        else:
            yield from _check_resource_descriptor(res, rel)
        seen.add(name or "")


def _check_resource_descriptor(res: dict, rel: str) -> Iterator[Problem]:
    """kind, suppress and the Table Schema of one resource, each named by the resource."""
    name = res["name"]
    kind = res.get("kind")
    if kind is not None and kind not in KINDS:
        yield Problem("RV106", f"okänd kind '{kind}' i resursen '{name}'",
                      f"{did_you_mean(str(kind), KINDS)}kinds: {choice_list(KINDS)}; en fri resurs anger ingen kind",
                      file=rel, field=name)
    try:
        frictionless.Schema.from_descriptor(res["schema"])
    except frictionless.FrictionlessException as error:
        yield problem_from_exception(error, rel, name)
        return
    suppress = res.get("suppress")
    if suppress is None:
        return
    names = [f.get("name") for f in res["schema"].get("fields", []) if isinstance(f, dict)]
    fields = suppress.get("fields") if isinstance(suppress, dict) else None
    below = suppress.get("below") if isinstance(suppress, dict) else None
    unknown = [f for f in fields or [] if f not in names]
    if not isinstance(fields, list) or not fields or unknown or not isinstance(below, int) or below < 2:
        yield Problem("RV107", f"suppress i resursen '{name}' kan inte läsas"
                      + (f": kolumnen '{unknown[0]}' finns inte" if unknown else ""),
                      f"skriv \"suppress\": {{\"fields\": [\"antal\"], \"below\": 5}}; kolumner: {choice_list(names)}",
                      file=rel, field=name)


def _read_resource(desc: dict, base: Path, root: Path, package: Package, check_hashes: bool,
                   problems: list[Problem]) -> tuple[str, bytes, str]:
    rel_desc = package.descriptor_file
    path_text = desc["path"]
    target = (base / path_text).resolve()
    if "://" in path_text or Path(path_text).is_absolute() or base.resolve() not in target.parents:
        raise ReportError([Problem("RV102", f"sökvägen '{path_text}' pekar utanför datapaketet",
                                   "ange en fil i samma mapp som datapackage.json, t.ex. \"drift.csv\"",
                                   file=rel_desc, field=desc["name"])])
    rel_csv = _rel(target, root)
    if not target.is_file():
        raise ReportError([Problem("RV102", f"filen '{path_text}' för resursen '{desc['name']}' finns inte",
                                   "kontrollera filnamnet i \"path\"", file=rel_desc, field=desc["name"])])
    data = target.read_bytes()
    text = _decode(data, rel_csv)
    problems.extend(_check_hash(desc, data, rel_csv, package.version, check_hashes))
    return rel_csv, data, text


def _validate_with_frictionless(descriptor: dict, base: Path, rel_desc: str,
                                texts: dict[str, tuple[str, bytes, str]]) -> list[Problem]:
    """One frictionless validation of the whole package (foreign keys between resources need it)."""
    plain = {**descriptor, "resources": [{k: v for k, v in r.items() if k not in LOCAL_PROPS}
                                         for r in descriptor["resources"] if r["name"] in texts]}
    if not plain["resources"]:
        return []
    try:
        report = frictionless.Package(plain, basepath=str(base)).validate()
    except frictionless.FrictionlessException as error:
        return [problem_from_exception(error, rel_desc, descriptor.get("name", ""))]
    problems = [problem_from_package_error(e, rel_desc) for e in report.errors]
    for task in report.tasks:
        rel_csv = texts[task.name][0] if task.name in texts else rel_desc
        problems += problems_from_report(task, rel_csv, rel_desc)
    return problems


def _build_resource(desc: dict, rel_csv: str, data: bytes, text: str,
                    package: Package) -> tuple[Resource, list[Problem]]:
    """The typed resource and the problems of its footnotes; its rules run later, with the whole package."""
    rel_desc = package.descriptor_file
    fields = [_field(f) for f in desc["schema"]["fields"]]
    raw = _raw_frame(text, fields)
    frame = _typed_frame(raw, fields, desc["schema"])
    footnotes, note_problems = _footnotes(desc, frame, rel_desc)
    resource = Resource(
        name=desc["name"], title=desc.get("title", desc["name"]), description=desc.get("description", ""),
        kind=desc.get("kind"), period=str(desc.get("period", "")), source=desc.get("source", ""),
        file=rel_csv, package=package.id, version=package.version, fields=fields, frame=frame, raw=raw,
        footnotes=footnotes, hash=sha256_of(data),
        suppress_below=(desc.get("suppress") or {}).get("below"),
        suppress_fields=tuple((desc.get("suppress") or {}).get("fields", ())),
    )
    return resource, note_problems


def _decode(data: bytes, rel_csv: str) -> str:
    if not data.strip():
        raise ReportError([Problem("RV111", "filen är tom", "första raden ska vara rubrikraden med kolumnnamnen", file=rel_csv)])
    if data.startswith(b"\xef\xbb\xbf") or data.startswith(b"\xff\xfe") or data.startswith(b"\xfe\xff"):
        raise ReportError([Problem("RV110", "filen börjar med en byte order mark (BOM) eller är UTF-16",
                                   "spara som \"CSV UTF-8\" utan BOM (i Excel: CSV (kommaavgränsad), UTF-8)",
                                   file=rel_csv, row=1)])
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        row = data[: error.start].count(b"\n") + 1
        raise ReportError([Problem("RV110", "filen är inte UTF-8 (troligen Latin-1/Windows-1252)",
                                   "spara filen som UTF-8; å, ä och ö blir annars fel", file=rel_csv, row=row)]) from None
    lines = text.splitlines()
    long = next((number for number, line in enumerate(lines, start=1) if len(line) > MAX_LINE), None)
    if long:
        raise ReportError([Problem("RV114", f"rad {long} är {len(lines[long - 1]):,} tecken lång".replace(",", " "),
                                   "filen saknar troligen radbrytningar eller har ett citattecken som aldrig stängs; "
                                   "öppna den i en texteditor och kontrollera raden", file=rel_csv, row=long)])
    first = lines[0] if lines else ""
    if ";" in first and "," not in first:
        raise ReportError([Problem("RV113", "kolumnerna är åtskilda med semikolon",
                                   "spara med kommatecken som avgränsare och punkt som decimaltecken",
                                   file=rel_csv, row=1)])
    if not any(line.strip() for line in lines[1:]):
        raise ReportError([Problem("RV112", "filen har bara rubrikraden och inga rader med data",
                                   "lägg till raderna med data under rubrikraden, eller ta bort resursen",
                                   file=rel_csv, row=1)])
    return text


def _check_hash(desc: dict, data: bytes, rel_csv: str, version: str, strict: bool) -> Iterator[Problem]:
    recorded = desc.get("hash")
    if not recorded:
        return
    actual = sha256_of(data)
    if recorded != actual or desc.get("bytes", len(data)) != len(data):
        yield Problem("RV140", f"filen har ändrats sedan version {version} släpptes (hash stämmer inte)",
                      "släpp en ny version: python scripts/release.py " + rel_csv.rsplit("/", 1)[0],
                      file=rel_csv, severity="error" if strict else "warning")


def _field(desc: dict) -> Field:
    return Field(name=desc["name"], type=desc.get("type", "string"), title=desc.get("title", desc["name"]),
                 description=desc.get("description", ""), unit=desc.get("unit"),
                 decimals=desc.get("decimals"), unit_field=desc.get("unitField"), vocabulary=desc.get("vocabulary"),
                 decimals_field=desc.get("decimalsField"), period=_text(desc.get("period")))


def _text(value: object) -> str | None:
    return None if value is None else str(value)


def _raw_frame(text: str, fields: list[Field]) -> pd.DataFrame:
    rows = list(csv.reader(io.StringIO(text)))
    header, body = rows[0], [r for r in rows[1:] if any(cell.strip() for cell in r)]
    frame = pd.DataFrame(body, columns=header, dtype=object)
    return frame[[f.name for f in fields]].reset_index(drop=True)


def _typed_frame(raw: pd.DataFrame, fields: list[Field], schema: dict) -> pd.DataFrame:
    missing = set(schema.get("missingValues", [""]))
    columns = {f.name: [None if cell in missing else _cast(cell, f.type) for cell in raw[f.name]] for f in fields}
    return pd.DataFrame(columns, dtype=object)


def _cast(cell: str, type_: str) -> object:
    if type_ == "integer":
        return int(cell)
    if type_ == "number":
        return float(cell)
    if type_ == "year":
        return int(cell)
    if type_ == "date":
        return dt.date.fromisoformat(cell)
    if type_ == "boolean":
        return cell.lower() in ("true", "1", "yes", "ja")
    return cell


def _footnotes(desc: dict, frame: pd.DataFrame, rel_desc: str) -> tuple[list[Footnote], list[Problem]]:
    notes: list[Footnote] = []
    problems: list[Problem] = []
    for number, note in enumerate(desc.get("footnotes", []), start=1):
        where = note.get("where", {})
        mask = pd.Series(True, index=frame.index)
        bad = [k for k in where if k not in frame.columns]
        if bad:
            problems.append(Problem("RV130", f"fotnot {number} filtrerar på okänd kolumn '{bad[0]}'",
                                    f"kolumner: {choice_list(frame.columns)}", file=rel_desc, field=desc["name"]))
            continue
        for key, value in where.items():
            mask &= frame[key].map(lambda cell: str(cell) == str(value))
        rows = tuple(int(i) for i in frame.index[mask])
        if where and not rows:
            problems.append(Problem("RV130", f"fotnot {number} i '{desc['name']}' pekar inte på någon rad ({where})",
                                    "kontrollera värdena i \"where\"", file=rel_desc, field=desc["name"]))
            continue
        pins, pin_problems = parse_pins(note.get("explains"), number, desc["name"], rel_desc)
        problems.extend(pin_problems)
        notes.append(Footnote(number=number, text=note.get("text", ""), rows=rows, field=note.get("field"),
                              explains=pins))
    return notes, problems
