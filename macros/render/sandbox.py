"""The page sandbox: a page's body is a Jinja template that may do one thing only — call the documented macros.

Two locks, each enough on its own: the parsed page is checked against an allowlist of syntax (macro calls with
literal arguments; no attribute access, filters, loops, includes, imports or extends), and what passes runs in
Jinja's ImmutableSandboxedEnvironment with no globals but the macros. Every problem names the page and line.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Mapping

from jinja2 import StrictUndefined, TemplateError, TemplateSyntaxError, nodes
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError

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


class PageEnvironment(ImmutableSandboxedEnvironment):
    """No attribute of any object is reachable from a page."""

    def is_safe_attribute(self, obj: object, attr: str, value: object) -> bool:
        return False

    def is_safe_callable(self, obj: object) -> bool:
        return callable(obj) and getattr(obj, "rv_macro", False)


@dataclass(frozen=True)
class PageResult:
    text: str | None                # None when the page could not be rendered
    problems: tuple[Problem, ...]


def environment() -> PageEnvironment:
    env = PageEnvironment(undefined=StrictUndefined, autoescape=False, keep_trailing_newline=True)
    env.globals.clear()
    env.filters.clear()
    env.tests.clear()
    return env


def render_page(body: str, page: str, body_line: int, macros: Mapping[str, Callable[..., str]],
                env: PageEnvironment | None = None) -> PageResult:
    """The body with every macro call replaced by its output; or the problems that stopped it, each located."""
    env = env or environment()
    try:
        tree = env.parse(body)
    except TemplateSyntaxError as error:
        return PageResult(None, (_syntax(error, page, body_line),))
    problems = _check(tree, page, body_line, macros)
    if problems:
        return PageResult(None, tuple(problems))
    for call in tree.find_all(nodes.Call):
        call.kwargs.append(nodes.Keyword(LINE_KEYWORD, nodes.Const(body_line + call.lineno - 1)))
    template = env.template_class.from_code(env, env.compile(tree, filename="<page>"), {**macros})
    try:
        text = template.render()
    except TemplateSyntaxError as error:
        return PageResult(None, (_syntax(error, page, body_line),))
    except SecurityError as error:
        return PageResult(None, (Problem("RV417", f"sidan försöker något som inte tillåts: {error}",
                                         "skriv bara makroanrop; se macros/MACROS.md", page=page),))
    except TemplateError as error:
        return PageResult(None, (Problem("RV405", f"makrosyntaxen går inte att läsa: {error}",
                                         _CALL_HINT, page=page),))
    if len(text) > MAX_OUTPUT:
        return PageResult(None, (Problem("RV418", f"sidan blir {len(text) // (1024 * 1024)} MB när makrona körts",
                                         "dela upp sidan i kapitel", page=page),))
    return PageResult(text, ())


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
