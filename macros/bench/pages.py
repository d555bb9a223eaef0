"""One synthetic report page: ~600 words, 3 tables, 3 charts and inline values drawn from its datapackage.

A page is a list of parts: text, or a Macro that carries both the project's call (`{{ table("drift") }}`, also
what the naive way's main.py understands) and what plain mkdocs-material gets instead (the number or a
Markdown table; nothing for a chart). So all three systems build the same words from the same data.
"""
from __future__ import annotations

import datetime as dt
import json
import random
from dataclasses import dataclass

from . import narrative
from .datasets import TOTAL, Dataset
from .specs import ReportSpec

NBSP, MINUS = "\u00a0", "\u2212"
MONTHS = ("jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec")
# The sentence the serve measurement edits (serve.py looks for it).
MARKER = "Rapporten beskriver läget när perioden tog slut."


@dataclass(frozen=True)
class Macro:
    call: str     # for this project and the naive way
    plain: str    # for plain mkdocs-material


Part = str | Macro


def literal(value: object) -> str:
    """A Python value as a Jinja literal."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{literal(k)}: {literal(v)}" for k, v in value.items()) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(literal(v) for v in value) + "]"
    return json.dumps(value, ensure_ascii=False)


def call(name: str, *args: object, **options: object) -> str:
    inside = [literal(a) for a in args] + [f"{key}={literal(value)}" for key, value in options.items()]
    return "{{ " + f"{name}({', '.join(inside)})" + " }}"


def number(value: float, decimals: int = 0) -> str:
    text = f"{abs(value):,.{decimals}f}".replace(",", NBSP).replace(".", ",")
    return (MINUS if value < 0 and text.strip("0,") else "") + text


def markdown_table(caption: str, header: list[str], rows: list[list[str]]) -> str:
    lines = [f"*{caption}*", "", "| " + " | ".join(header) + " |",
             "|" + "|".join(" --- " if i == 0 else " ---: " for i in range(len(header))) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def month_label(period: str) -> str:
    year, month = period.split("-")
    return f"{MONTHS[int(month) - 1]} {year}"


def render(parts: list[Part], plain: bool) -> str:
    return "".join(p if isinstance(p, str) else (p.plain if plain else p.call) for p in parts)


def front_matter(spec: ReportSpec) -> str:
    # decided some weeks after the period, as an archive's reports are (a held meeting without one warns, RV421)
    decision = (spec.end + dt.timedelta(days=45)).isoformat()
    return (f"---\ntitle: {spec.title}\n"
            f"description: {spec.committee.name} i {spec.organisation} redovisar ekonomi, sjukfrånvaro och ärenden "
            f"för {spec.year}.\nreport:\n  organisation: {spec.organisation}\n  committee: {spec.committee.name}\n"
            f"  type: {spec.type.name}\n  period: {{start: {spec.start.isoformat()}, end: {spec.end.isoformat()}}}\n"
            f"  decision: {{body: {spec.committee.name}, date: {decision}, paragraph: \"§ {spec.index % 90 + 1}\"}}\n"
            f"  diarienummer: \"{spec.committee.slug.upper()} {spec.year}/{100 + spec.index}\"\n"
            f"  status: beslutad\n  data: {spec.package_id}\n---\n\n")


def page(data: Dataset, related: ReportSpec, seed: int) -> list[Part]:
    """The whole page: front matter, introduction, summary, economy, personnel, cases and outlook."""
    spec = data.spec
    rng = random.Random(f"{seed}:{spec.index}:text")
    parts: list[Part] = [front_matter(spec), narrative.paragraph(rng, 60), f" {MARKER}\n\n"]
    parts += summary(data, rng) + economy(data, rng) + personnel(data, rng) + cases(data, rng)
    link = f"../{related.page_src}" if related.org_slug != spec.org_slug else related.page_src.split("/", 1)[1]
    parts += ["## Framåt\n\n", narrative.paragraph(rng, 70), "\n\n", narrative.paragraph(rng, 50), "\n\n",
              f"Läs också [{related.title}, {related.committee.name}, {related.organisation}]({link}).\n"]
    return parts


def summary(data: Dataset, rng: random.Random) -> list[Part]:
    total = data.row(data.drift, enhet=TOTAL)
    sick = data.row(data.sick, ar=data.spec.year, typ="total")
    category, last = data.spec.committee.cases[0], data.spec.months[-1]
    count = data.row(data.cases, kategori=category, period=last)
    result = "ett överskott" if total["avvikelse"] >= 0 else "ett underskott"
    return ["## I korthet\n\n",
            "- **Ekonomin.** Verksamheterna kostade ",
            Macro(call("value", "drift", "utfall", enhet=TOTAL, unit="mnkr"), f"{number(total['utfall'] / 1000, 1)}{NBSP}mnkr"),
            " netto mot en budget på ",
            Macro(call("value", "drift", "budget", enhet=TOTAL, unit="mnkr"), f"{number(total['budget'] / 1000, 1)}{NBSP}mnkr"),
            f", alltså {result} på ",
            Macro(call("value", "drift", "avvikelse", enhet=TOTAL, unit="mnkr", absolute=True),
                  f"{number(abs(total['avvikelse']) / 1000, 1)}{NBSP}mnkr"),
            ".\n- **Sjukfrånvaron.** Den totala sjukfrånvaron var ",
            Macro(call("value", "sjukfranvaro", "varde", ar=data.spec.year, typ="total"), f"{number(sick['varde'], 1)}{NBSP}%"),
            f" under {data.spec.year}.\n- **Ärendena.** I {month_label(last)} kom ",
            Macro(call("value", "arenden", "antal", kategori=category, period=last, bare=True), number(count["antal"])),
            f" nya ärenden i kategorin {category.lower()}.\n", "\n".join(narrative.bullets(rng, 2)), "\n\n"]


def economy(data: Dataset, rng: random.Random) -> list[Part]:
    posts = [r for r in data.drift if r["niva"] == "post"]
    worst = min(posts, key=lambda r: r["avvikelse"])
    caption = f"Driftredovisning {data.spec.year}, tkr"
    table = markdown_table(caption, ["Verksamhet", "Budget (tkr)", "Utfall (tkr)", "Avvikelse (tkr)"],
                           [[r["enhet"], number(r["budget"]), number(r["utfall"]), number(r["avvikelse"])]
                            for r in data.drift])
    return ["## Ekonomi\n\n", narrative.paragraph(rng, 70), "\n\n",
            f"Störst avvikelse mot budget hade {worst['enhet'].lower()}, ",
            Macro(call("value", "drift", "avvikelse", enhet=worst["enhet"]), f"{number(worst['avvikelse'])}{NBSP}tkr"),
            ".\n\n",
            Macro(call("table", "drift", columns=["enhet", "budget", "utfall", "avvikelse"], caption=caption), table),
            "\n\n",
            Macro(call("chart", "drift", x="enhet", y=["budget", "utfall"], type="grouped", exclude={"niva": "summa"},
                       title=f"Budget och utfall per verksamhet {data.spec.year}"), ""),
            "\n\n", narrative.paragraph(rng, 50), "\n\n"]


def personnel(data: Dataset, rng: random.Random) -> list[Part]:
    years = sorted({r["ar"] for r in data.sick})
    caption = f"Sjukfrånvaro {years[0]}–{years[-1]}, procent"
    rows = [[kind] + [number(data.row(data.sick, ar=y, typ=kind)["varde"], 1) for y in years]
            for kind in ("korttid", "langtid", "total")]
    before = data.row(data.sick, ar=years[-2], typ="total")
    return ["## Personal och sjukfrånvaro\n\n", narrative.paragraph(rng, 50), "\n\n",
            f"Året före var den totala sjukfrånvaron ",
            Macro(call("value", "sjukfranvaro", "varde", ar=years[-2], typ="total"), f"{number(before['varde'], 1)}{NBSP}%"),
            ".\n\n",
            Macro(call("table", "sjukfranvaro", pivot={"index": "typ", "columns": "ar", "values": "varde"},
                       caption=caption), markdown_table(caption, ["Typ"] + [str(y) for y in years], rows)),
            "\n\n",
            Macro(call("chart", "sjukfranvaro", x="ar", y="varde", series="typ", type="line",
                       title="Sjukfrånvaro per år"), ""),
            "\n\n", narrative.paragraph(rng, 40), "\n\n"]


def cases(data: Dataset, rng: random.Random) -> list[Part]:
    months = data.spec.months
    caption = f"Nya ärenden per månad {data.spec.year}"
    rows = [[c] + [number(data.row(data.cases, kategori=c, period=m)["antal"]) for m in months]
            for c in data.spec.committee.cases]
    return ["## Ärenden\n\n", narrative.paragraph(rng, 50), "\n\n",
            Macro(call("table", "arenden", pivot={"index": "kategori", "columns": "period", "values": "antal"},
                       caption=caption), markdown_table(caption, ["Kategori"] + [month_label(m) for m in months], rows)),
            "\n\n",
            Macro(call("chart", "arenden", x="period", y="antal", series="kategori", type="line",
                       title="Nya ärenden per månad"), ""),
            "\n\n", narrative.paragraph(rng, 40), "\n\n"]
