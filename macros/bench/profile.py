"""Where this project's build time goes: the sampler's stacks grouped by phase, and the top functions.

A sample belongs to the phase of its innermost frame that matches a rule, so frictionless called while a
datapackage loads counts as frictionless, a Jinja template of a macro as macros, material's nav partials as
navigation. The rest (mkdocs itself, copying files, start-up) is "annat".
"""
from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

from .report import decimal

OTHER = "annat (mkdocs, filer, start)"
RULES = (   # (phase, substrings of a frame's file name), first match from the innermost frame outwards
    ("imports", ("<frozen importlib",)),
    ("frictionless", ("/frictionless/",)),
    ("data loading/validation", ("/macros/data/",)),
    ("search indexing", ("/macros/site_search.py", "/mkdocs/contrib/search/", "pagefind_stable")),
    ("navigation", ("/partials/nav", "/partials/tabs", "/macros/navigation.py", "/mkdocs/structure/nav.py")),
    ("Markdown", ("/markdown/", "/pymdownx/", "/macros/markdown_safety.py")),
    ("embed pages", ("/macros/embeds.py",)),
    (OTHER, ("/macros/bench/",)),   # the sampler itself, at the bottom of every stack
    ("macros", ("/mkdocs_macros/", "/macros/")),
    ("theme/templates", ("/material/", "/theme/")),
)
ENTRY_SHARE = 0.9   # frames on (nearly) every stack are entry points (runpy, click, mkdocs build): not listed
DISPATCH = ("<frozen importlib", "/mkdocs/plugins.py")   # the import machinery and mkdocs' event loop: not listed


def phase(files: list[str]) -> str:
    for name in files:
        for label, parts in RULES:
            if any(part in name for part in parts):
                return label
    return OTHER


def analyse(path: Path, top: int = 15) -> tuple[float, dict[str, float], list[tuple[str, float, str]]]:
    """Wall seconds, seconds per phase, and the top functions by cumulative seconds (with their phase)."""
    profile = json.loads(path.read_text(encoding="utf-8"))
    frames = [tuple(f) for f in profile["frames"]]
    phases: dict[str, float] = defaultdict(float)
    cumulative: dict[int, float] = defaultdict(float)
    within: dict[int, dict[str, float]] = defaultdict(lambda: defaultdict(float))   # function → its time by phase
    for stack, weight in profile["stacks"]:
        label = phase([frames[i][0] for i in stack])
        phases[label] += weight
        for index in set(stack):
            cumulative[index] += weight
            within[index][label] += weight
    sampled = sum(phases.values())
    ranked = [(i, s) for i, s in sorted(cumulative.items(), key=lambda item: -item[1])
              if s < ENTRY_SHARE * sampled and not any(d in frames[i][0] for d in DISPATCH)]
    listed = [(_name(frames[i]), s, _mostly(within[i], s)) for i, s in ranked[:top]]
    return profile["seconds"], dict(phases), listed


def _mostly(by_phase: dict[str, float], total: float) -> str:
    """The phases a function's time falls in, largest first: 'Markdown 70 %, macros 30 %'."""
    ranked = sorted(by_phase.items(), key=lambda item: -item[1])
    return ", ".join(f"{label} {100 * value / total:.0f} %" for label, value in ranked[:2] if value >= 0.1 * total)


def _name(frame: tuple) -> str:
    filename, function, line = frame
    parts = Path(filename).parts
    short = "/".join(parts[parts.index("site-packages") + 1:]) if "site-packages" in parts else "/".join(parts[-2:])
    return f"{short}:{line} {function}"


def summary(path: Path, n: int) -> str:
    seconds, phases, listed = analyse(path)
    total = sum(phases.values()) or 1.0
    lines = [f"Profil av projektets bygge (mkdocs build, publicering), N={n}: {decimal(seconds)} s väggtid", "",
             "| fas | s | andel |", "|---|---:|---:|"]
    for label, value in sorted(phases.items(), key=lambda item: -item[1]):
        lines.append(f"| {label} | {decimal(value)} | {decimal(100 * value / total, 0)} % |")
    lines += ["", "| funktion (kumulativ tid) | s | andel | varav fas |", "|---|---:|---:|---|"]
    lines += [f"| `{name}` | {decimal(s)} | {decimal(100 * s / total, 0)} % | {label} |" for name, s, label in listed]
    return "\n".join(lines)
