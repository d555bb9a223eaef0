"""The sum rule in the role/key/parent form (what scripts/import writes): totals, subsets, averages, tolerance."""
from __future__ import annotations

import pytest

from macros.data.package import load_package
from macros.errors import ReportError

SCHEMA = {"fields": [{"name": "rad", "type": "string"}, {"name": "roll", "type": "string"},
                     {"name": "overordnad", "type": "string"}, {"name": "antal", "type": "number"}]}
RULE = {"rule": "sum", "fields": ["antal"], "role": "roll", "key": "rad", "parent": "overordnad"}


def problems(tiny_package, csv: str, **rule) -> list[tuple[str, int, str, str]]:
    path = tiny_package({"t": (csv, {"schema": SCHEMA, "rules": [{**RULE, **rule}]})})
    try:
        load_package(path, path.parents[3])
    except ReportError as error:
        return [(p.code, p.row, p.found, p.expected) for p in error.problems]
    return []


def test_totals_and_subtotals_equal_their_parts(tiny_package):
    csv = ("rad,roll,overordnad,antal\na,part,s,10\nb,part,s,20\ns,subtotal,t,30\nc,part,t,5\nt,total,,38\n")
    assert problems(tiny_package, csv) == [("RV201", 6, "38", "35")]


def test_default_tolerance_is_one_unit_of_the_last_printed_digit(tiny_package):
    assert problems(tiny_package, "rad,roll,overordnad,antal\na,part,t,1.2\nb,part,t,2.3\nt,total,,3.6\n") == []
    assert problems(tiny_package, "rad,roll,overordnad,antal\na,part,t,1.2\nb,part,t,2.3\nt,total,,3.7\n") == [
        ("RV201", 4, "3.7", "3,5")]


def test_a_subset_larger_than_its_row_and_subsets_that_must_add_up(tiny_package):
    csv = "rad,roll,overordnad,antal\na,part,t,10\nv,subset,a,12\nb,part,t,5\nt,total,,15\n"
    assert problems(tiny_package, csv) == [("RV201", 3, "12", "10")]
    csv = "rad,roll,overordnad,antal\na,part,t,10\nv,subset,a,4\nw,subset,a,3\nt,total,,10\n"
    assert problems(tiny_package, csv, subsets_add_up=True) == [("RV201", 2, "10", "7")]


def test_an_average_is_the_mean_of_its_parts(tiny_package):
    assert problems(tiny_package, "rad,roll,overordnad,antal\na,part,m,10\nb,part,m,20\nm,average,,18\n") == [
        ("RV201", 4, "18", "15")]


@pytest.mark.parametrize("rule", [{"role": "typ"}, {"parent": "hor_till"}])
def test_unknown_role_columns_are_named(tiny_package, rule):
    found = problems(tiny_package, "rad,roll,overordnad,antal\na,part,,1\n", **rule)
    assert [code for code, *_ in found] == ["RV203"]
