"""The page sandbox: a page's body is Jinja syntax that may do one thing only — call the documented macros.

Jinja parses the body; the parsed tree is checked against an allowlist of syntax (text, literal values and calls
of a macro by name: no attribute access, index, filters, loops, set, include, import or extends); and what passes
is evaluated here by a small interpreter that knows only those nodes — no Python code is generated or run for a
page, and no name but the macros exists. Every problem names the page and line.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Mapping

from jinja2 import Environment, TemplateSyntaxError, nodes

from ..errors import Problem, did_you_mean

LINE_KEYWORD = "_rv_line"
MAX_OUTPUT = 8 * 1024 * 1024
# The syntax a page may use: output, literal values, and calls of a macro by name.
_ALLOWED = (nodes.Template, nodes.Output, nodes.TemplateData, nodes.Const, nodes.List, nodes.Tuple, nodes.Dict,
            nodes.Pair, nodes.Keyword, nodes.Neg, nodes.Pos, nodes.Call, nodes.Name)
_CONSTRUCTS = {nodes.Getattr: "egenskaper (x.y)", nodes.Getitem: "index (x[…])", nodes.Filter: "filter (|)",
               nodes.For: "loopar ({% for %})", nodes.Include: "{% include %}", nodes.Import: "{% import %}",
               nodes.FromImport: "{% from … import %}", nodes.Extends: "{% extends %}", nodes.Macro: "{% macro %}",
               nodes.Assign: "{% set %}", nodes.If: "{% if %}", nodes.Test: "tester (is …)"}


@dataclass(frozen=True)
class PageResult:
    text: str | None                # None when the page could not be rendered
    problems: tuple[Problem, ...]


_PARSER = Environment(autoescape=False, keep_trailing_newline=True)
_PARSED: dict[tuple[str, int, tuple[str, ...]], tuple[nodes.Template | None, tuple[Problem, ...]]] = {}


def _parsed(body: str, page: str, body_line: int, macros: Mapping[str, object]):
    """The checked tree of a body (kept by its text: a preview rebuild parses only the pages that changed)."""
    key = (body, body_line, tuple(macros))
    if len(_PARSED) > 5000:
        _PARSED.clear()
    if key not in _PARSED:
        try:
            tree = _PARSER.parse(body)
        except TemplateSyntaxError as error:
            _PARSED[key] = (None, (_syntax(error, page, body_line),))
        else:
            problems = tuple(_check(tree, page, body_line, macros))
            _PARSED[key] = (None if problems else tree, problems)
    tree, problems = _PARSED[key]
    return tree, tuple(Problem(**{**p.__dict__, "page": page}) for p in problems)


def render_page(body: str, page: str, body_line: int, macros: Mapping[str, Callable[..., str]]) -> PageResult:
    """The body with every macro call replaced by its output; or the problems that stopped it, each located."""
    tree, problems = _parsed(body, page, body_line, macros)
    if tree is None:
        return PageResult(None, problems)
    parts: list[str] = []
    size = 0
    for output in tree.body:
        for node in output.nodes:
            text = node.data if isinstance(node, nodes.TemplateData) else str(_evaluate(node, macros, body_line))
            parts.append(text)
            size += len(text)
            if size > MAX_OUTPUT:
                return PageResult(None, (Problem("RV418", f"sidan blir över {MAX_OUTPUT // (1024 * 1024)} MB när "
                                                 "makrona körts", "dela upp sidan i kapitel", page=page),))
    return PageResult("".join(parts), ())


def _evaluate(node: nodes.Node, macros: Mapping[str, Callable[..., str]], body_line: int) -> object:
    """The value of an allowed node: a literal, or what a macro call returns (the check let nothing else through)."""
    if isinstance(node, nodes.Const):
        return node.value
    if isinstance(node, nodes.List):
        return [_evaluate(item, macros, body_line) for item in node.items]
    if isinstance(node, nodes.Tuple):
        return tuple(_evaluate(item, macros, body_line) for item in node.items)
    if isinstance(node, nodes.Dict):
        return {_evaluate(pair.key, macros, body_line): _evaluate(pair.value, macros, body_line)
                for pair in node.items}
    if isinstance(node, (nodes.Neg, nodes.Pos)):   # the check allows a sign only before a number
        value = _evaluate(node.node, macros, body_line)
        return -value if isinstance(node, nodes.Neg) else value
    if isinstance(node, nodes.Call):
        args = [_evaluate(arg, macros, body_line) for arg in node.args]
        kwargs = {kw.key: _evaluate(kw.value, macros, body_line) for kw in node.kwargs}
        kwargs[LINE_KEYWORD] = body_line + node.lineno - 1
        return macros[node.node.name](*args, **kwargs)
    raise ValueError(f"{type(node).__name__} evalueras aldrig")   # unreachable: _check refuses it


_CALL_HINT = 'ett makro skrivs {{ table("drift") }}; citattecken, parenteser och klamrar parvis'
_TAG = re.compile(r"unexpected '?(end of template|[^']+)'?")


def _syntax(error: TemplateSyntaxError, page: str, body_line: int) -> Problem:
    line = body_line + (error.lineno or 1) - 1
    return Problem("RV405", f"makrosyntaxen går inte att läsa: {error.message}", _CALL_HINT, page=page, line=line)


def _check(tree: nodes.Template, page: str, body_line: int, macros: Mapping[str, object]) -> list[Problem]:
    """Every construct outside the allowlist and every unknown name, each with its line."""
    problems: list[Problem] = []
    callees = {id(call.node) for call in tree.find_all(nodes.Call)}
    for node in _walk(tree):
        line = body_line + getattr(node, "lineno", 1) - 1
        if isinstance(node, nodes.Name):
            if node.name not in macros:
                problems.append(Problem(
                    "RV404", f"okänt makro eller variabel '{node.name}'",
                    f"{did_you_mean(node.name, macros)}makron: {', '.join(macros)} (se macros/MACROS.md)",
                    page=page, line=line))
            elif id(node) not in callees:
                problems.append(Problem("RV417", f"'{node.name}' är ett makro och ska anropas",
                                        f'skriv {node.name}("…") med parenteser', page=page, line=line))
        elif isinstance(node, nodes.Call) and not isinstance(node.node, nodes.Name):
            problems.append(Problem("RV417", "bara makron kan anropas på en sida", _CALL_HINT, page=page, line=line))
        elif isinstance(node, (nodes.Neg, nodes.Pos)) and not (
                isinstance(node.node, nodes.Const) and isinstance(node.node.value, (int, float))
                and not isinstance(node.node.value, bool)):
            problems.append(Problem("RV417", "bara tal kan ha minustecken", "skriv t.ex. -3", page=page, line=line))
        elif isinstance(node, nodes.Call) and (node.dyn_args or node.dyn_kwargs):
            problems.append(Problem("RV417", "*args och **kwargs används inte i makroanrop", _CALL_HINT,
                                    page=page, line=line))
        elif not isinstance(node, _ALLOWED):
            what = next((text for kind, text in _CONSTRUCTS.items() if isinstance(node, kind)), type(node).__name__)
            problems.append(Problem("RV417", f"sidor får inte använda {what}",
                                    "skriv bara makroanrop som {{ table(\"drift\") }}; se macros/MACROS.md",
                                    page=page, line=line))
    return problems


def _walk(node: nodes.Node):
    """Every node once; the children of a refused node are not reported again."""
    for child in node.iter_child_nodes():
        yield child
        if isinstance(child, _ALLOWED):
            yield from _walk(child)
