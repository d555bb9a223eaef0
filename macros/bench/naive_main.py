"""The naive way, as a main.py for mkdocs-macros-plugin: copied into the benchmark's naive project.

What a first attempt at "reports from CSV with mkdocs" looks like: every macro call reads its CSV with pandas,
tables are DataFrame.to_html, charts are plotly express figures written with fig.to_html, plotly.js inline
in the page's first chart. It understands the calls of the synthetic pages (value, table, chart).
"""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import plotly.express as px

_charts_on_page: dict[str, int] = {}


def on_pre_page_macros(env) -> None:
    _charts_on_page[env.page.file.src_uri] = 0   # plotly.js again on every page's first chart, every build


def define_env(env) -> None:
    env.macro(lambda *args, **kwargs: value(env, *args, **kwargs), "value")
    env.macro(lambda *args, **kwargs: table(env, *args, **kwargs), "table")
    env.macro(lambda *args, **kwargs: chart(env, *args, **kwargs), "chart")


def frame(env, resource: str) -> pd.DataFrame:
    package = Path(env.conf["config_file_path"]).parent.parent / "data" / env.page.meta["report"]["data"]
    descriptor = json.loads((package / "datapackage.json").read_text(encoding="utf-8"))
    entry = next(r for r in descriptor["resources"] if r["name"] == resource)
    return pd.read_csv(package / entry["path"])


def rows(env, resource: str, filters: dict, exclude: dict | None = None) -> pd.DataFrame:
    df = frame(env, resource)
    for column, wanted in filters.items():
        df = df[df[column].astype(str) == str(wanted)]
    for column, unwanted in (exclude or {}).items():
        df = df[df[column].astype(str) != str(unwanted)]
    return df


def value(env, resource, column, unit=None, absolute=False, bare=False, **filters):
    number = float(rows(env, resource, filters)[column].iloc[0])
    if unit == "mnkr":
        number /= 1000
    number = abs(number) if absolute else number
    text = f"{number:,.1f}" if unit == "mnkr" or not number.is_integer() else f"{number:,.0f}"
    text = text.replace(",", " ").replace(".", ",")
    return text if bare or not unit else f"{text} {unit}"


def table(env, resource, columns=None, caption=None, pivot=None, exclude=None, **filters):
    df = rows(env, resource, filters, exclude)
    if pivot:
        df = df.pivot(index=pivot["index"], columns=pivot["columns"], values=pivot["values"]).reset_index()
    if columns:
        df = df[columns]
    return f"**{caption or resource}**\n\n" + df.to_html(index=False, border=0)


def chart(env, resource, x, y, type="bar", series=None, title=None, exclude=None, **filters):
    df = rows(env, resource, filters, exclude)
    if type == "line":
        fig = px.line(df, x=x, y=y, color=series, title=title, markers=True)
    else:
        fig = px.bar(df, x=x, y=y, color=series, title=title, barmode="group" if type == "grouped" else "relative")
    page = env.page.file.src_uri
    first = _charts_on_page.get(page, 0) == 0
    _charts_on_page[page] = _charts_on_page.get(page, 0) + 1
    return fig.to_html(full_html=False, include_plotlyjs=first)
