"""Sums over hierarchies (roles, levels, filters), subsets and averages: caught and located, passing, near misses.

Every expected figure below is worked out by hand from the CSV in the test, not with the code under test.
"""
import pytest

from macros.data import load_package
from macros.errors import ReportError


def findings(tiny_package, tmp_path, resources, **extra):
    try:
        return load_package(tiny_package(resources, **extra), tmp_path).notes
    except ReportError as error:
        return error.problems


def fields(*spec, **props):
    out = []
    for item in spec:
        name, type_ = item[:2]
        out.append({"name": name, "type": type_, **({"unit": item[2]} if len(item) > 2 else {})})
    return {"fields": out, **props}


def located(problems):
    return [(p.code, p.severity, p.file.rsplit("/", 1)[-1], p.row, p.field) for p in problems]


# Three levels: Totalt ← Vård, IFO; IFO ← Barn (a subtotal of its own), Vuxna; Barn ← Placeringar, Öppenvård.
TREE = ("rad,roll,overordnad,enhet,budget\n"
        "T,total,,Totalt,1000\nA,subtotal,T,Vård,600\nA1,part,A,Hemtjänst,350\nA2,part,A,Boende,250\n"
        "B,subtotal,T,IFO,400\nB1,subtotal,B,Barn,300\nB11,part,B1,Placeringar,200\nB12,part,B1,Öppenvård,100\n"
        "B2,part,B,Vuxna,100\nH,heading,,Övrigt,\n")
ROLE_RULE = {"rule": "sum", "fields": ["budget"], "role": "roll", "key": "rad", "parent": "overordnad"}


def tree(tiny_package, tmp_path, csv, unit="tkr", type_="number", **rule):
    schema = fields(("rad", "string"), ("roll", "string"), ("overordnad", "string"), ("enhet", "string"),
                    ("budget", type_, unit))
    return findings(tiny_package, tmp_path, {"drift": (csv, {"schema": schema, "rules": [{**ROLE_RULE, **rule}]})})


def test_roles_three_levels_pass(tiny_package, tmp_path):
    assert tree(tiny_package, tmp_path, TREE) == []


def test_roles_find_the_subtotal_whose_parts_changed(tiny_package, tmp_path):
    problems = tree(tiny_package, tmp_path, TREE.replace("Öppenvård,100", "Öppenvård,130"))
    assert located(problems) == [("RV201", "error", "drift.csv", 7, "budget")]  # Barn: 300, but 200 + 130
    assert "300" in problems[0].message and "330" in problems[0].message and "(B11, B12)" in problems[0].message
    assert (problems[0].found, problems[0].expected) == ("300", "330") and problems[0].hint


def test_roles_rounding_of_one_tkr_is_not_reported_but_one_person_is(tiny_package, tmp_path):
    near = TREE.replace("Öppenvård,100", "Öppenvård,101")
    assert tree(tiny_package, tmp_path, near) == []
    assert located(tree(tiny_package, tmp_path, near, unit="personer", type_="integer")) == [
        ("RV201", "error", "drift.csv", 7, "budget")]


def test_the_contract_defaults_need_no_column_names(tiny_package, tmp_path):
    schema = fields(("rad", "string"), ("roll", "string"), ("overordnad", "string"), ("budget", "integer", "tkr"))
    # the import's exact form; a derived row (a ratio, say) under the total is not counted into it
    csv = "rad,roll,overordnad,budget\nT,total,,90\nA,part,T,60\nB,part,T,20\nD,derived,T,75\n"
    problems = findings(tiny_package, tmp_path, {"d": (csv, {"schema": schema,
                                                             "rules": [{"rule": "sum", "fields": ["budget"]}]})})
    assert located(problems) == [("RV201", "error", "d.csv", 2, "budget")] and problems[0].expected == "80"


@pytest.mark.parametrize("old,new,message,row,field", [
    ("B2,part,B,", "B2,varav,B,", "okänd roll 'varav'", 10, "roll"),
    ("B2,part,B,", "B2,part,X,", "den överordnade raden 'X' finns inte", 10, "overordnad"),
    ("B2,part,B,", "B2,part,B2,", "pekar på sig själv", 10, "overordnad"),
    ("A2,part,A,", "A1,part,A,", "nyckeln 'A1' finns redan på rad 4", 5, "rad"),
])
def test_roles_that_cannot_be_read_are_located(tiny_package, tmp_path, old, new, message, row, field):
    problems = tree(tiny_package, tmp_path, TREE.replace(old, new))
    assert [(p.code, p.row, p.field) for p in problems] == [("RV219", row, field)]
    assert message in problems[0].message and problems[0].hint


def test_a_heading_with_a_value_is_reported(tiny_package, tmp_path):
    problems = tree(tiny_package, tmp_path, TREE.replace("H,heading,,Övrigt,", "H,heading,,Övrigt,5"))
    assert located(problems) == [("RV219", "error", "drift.csv", 11, "budget")]


# Subsets ("varav"): at most their total; declared, they add up to it. Hallsberg T002-02 in miniature.
VARAV = "rad,roll,overordnad,enhet,budget\nA,total,,Anmälningar,95\nA1,subset,A,varav polis,40\nA2,subset,A,varav skola,55\n"


def test_subsets_within_the_total_pass(tiny_package, tmp_path):
    assert tree(tiny_package, tmp_path, VARAV, unit="antal", type_="integer", subsets_add_up=True) == []


def test_a_subset_larger_than_its_total(tiny_package, tmp_path):
    problems = tree(tiny_package, tmp_path, VARAV.replace("skola,55", "skola,120"), unit="antal", type_="integer")
    assert located(problems) == [("RV214", "error", "drift.csv", 4, "budget")]
    assert "120 av 95 (rad 2)" in problems[0].message


def test_subsets_that_should_add_up_but_do_not(tiny_package, tmp_path):
    csv = VARAV.replace("skola,55", "skola,60")
    assert tree(tiny_package, tmp_path, csv, unit="antal", type_="integer") == []  # not declared to add up
    problems = tree(tiny_package, tmp_path, csv, unit="antal", type_="integer", subsets_add_up=True)
    assert located(problems) == [("RV214", "error", "drift.csv", 2, "budget")]
    assert "95 men blir 100" in problems[0].message


def test_a_subset_over_its_total_by_less_than_rounding_is_not_reported(tiny_package, tmp_path):
    # 95 (±0,5) and 95,4 (±0,05): the true values can be equal. 95,6 cannot be at most 95,5.
    assert tree(tiny_package, tmp_path, VARAV.replace("skola,55", "skola,95.4")) == []
    assert located(tree(tiny_package, tmp_path, VARAV.replace("skola,55", "skola,95.6"))) == [
        ("RV214", "error", "drift.csv", 4, "budget")]


SUBSET_CSV = ("avsnitt,kategori,period,antal\nBarn,Anmälningar,2024-01,95\nOrsak,Oro,2024-01,65\n"
              "Orsak,Beteende,2024-01,30\nInkom,Anhörig,2024-01,6\nInkom,Anonym,2024-01,14\n")
SUBSET_SCHEMA = fields(("avsnitt", "string"), ("kategori", "string"), ("period", "string"), ("antal", "integer", "antal"))


@pytest.mark.parametrize("avsnitt,count", [("Orsak", 0), ("Inkom", 1)])
def test_subset_rule_by_filters(tiny_package, tmp_path, avsnitt, count):
    rule = {"rule": "subset", "fields": ["antal"], "per": ["period"], "total": {"kategori": "Anmälningar"},
            "subsets": {"avsnitt": avsnitt}, "add_up": True}
    problems = findings(tiny_package, tmp_path, {"ifo": (SUBSET_CSV, {"schema": SUBSET_SCHEMA, "rules": [rule]})})
    assert located(problems) == [("RV214", "error", "ifo.csv", 2, "antal")] * count
    if count:
        assert "95 men blir 20" in problems[0].message


# Averages: weighted when the weights are in the data, else between the smallest and the largest part.
AVERAGE = "enhet,antal,vantetid\nFamiljehuset,30,22\nMultiversum,10,20\nÖppenvården,40,21.5\n"
AVERAGE_SCHEMA = fields(("enhet", "string"), ("antal", "integer", "personer"), ("vantetid", "number", "dagar"))


def average(tiny_package, tmp_path, csv, weights="antal"):
    rule = {"rule": "average", "fields": ["vantetid"], "average": {"enhet": "Öppenvården"},
            "parts": {"enhet": ["Familjehuset", "Multiversum"]}, **({"weights": weights} if weights else {})}
    return findings(tiny_package, tmp_path, {"v": (csv, {"schema": AVERAGE_SCHEMA, "rules": [rule]})})


def test_weighted_average_passes_and_fails(tiny_package, tmp_path):
    assert average(tiny_package, tmp_path, AVERAGE) == []  # (30 × 22 + 10 × 20) / 40 = 21,5
    problems = average(tiny_package, tmp_path, AVERAGE.replace("40,21.5", "40,23.0"))
    assert located(problems) == [("RV215", "error", "v.csv", 4, "vantetid")]
    assert "23,0 men beräknat 21,5" in problems[0].message and problems[0].hint


def test_weighted_average_printed_rounder_is_not_reported(tiny_package, tmp_path):
    assert average(tiny_package, tmp_path, AVERAGE.replace("40,21.5", "40,22")) == []  # 21,5 printed as 22


def test_unweighted_average_must_lie_between_its_parts(tiny_package, tmp_path):
    # Kalmar (SEEDS 4.3 a 5): "23 dagar" against unit averages 22 and 20.
    problems = average(tiny_package, tmp_path, AVERAGE.replace("40,21.5", "40,23"), weights=None)
    assert located(problems) == [("RV215", "error", "v.csv", 4, "vantetid")] and "(20–22)" in problems[0].message
    assert average(tiny_package, tmp_path, AVERAGE.replace("40,21.5", "40,22"), weights=None) == []


def test_average_rows_in_a_role_hierarchy_use_the_weights(tiny_package, tmp_path):
    schema = fields(("rad", "string"), ("roll", "string"), ("overordnad", "string"), ("antal", "integer", "personer"),
                    ("vantetid", "number", "dagar"))
    csv = "rad,roll,overordnad,antal,vantetid\nS,average,,40,24.0\nF,part,S,30,22\nM,part,S,10,20\n"
    rule = {"rule": "sum", "fields": ["antal", "vantetid"], "weights": "antal"}
    problems = findings(tiny_package, tmp_path, {"v": (csv, {"schema": schema, "rules": [rule]})})
    assert located(problems) == [("RV215", "error", "v.csv", 2, "vantetid")] and "21,5" in problems[0].message


# The kon column names the total (Kalmar SEEDS 4.3 a 3: "9 ASI uppföljningar (6 män, 1 kvinna)").
ASI = "matt,kon,varde\ngrund,Totalt,31\ngrund,Kvinnor,9\ngrund,Män,22\nuppf,Totalt,9\nuppf,Kvinnor,1\nuppf,Män,6\n"


def test_sum_by_filters_per_group(tiny_package, tmp_path):
    rule = {"rule": "sum", "fields": ["varde"], "total": {"kon": "Totalt"}, "per": ["matt"]}
    schema = fields(("matt", "string"), ("kon", "string"), ("varde", "integer", "antal"))
    problems = findings(tiny_package, tmp_path, {"asi": (ASI, {"schema": schema, "rules": [rule]})})
    assert located(problems) == [("RV201", "error", "asi.csv", 5, "varde")] and problems[0].expected == "7"


def test_sum_with_a_level_column_of_another_name(tiny_package, tmp_path):
    csv = "enhet,typ,budget\nA,post,60\nB,post,30\nTotalt,summa,91\n"
    schema = fields(("enhet", "string"), ("typ", "string"), ("budget", "integer", "antal"))
    rule = {"rule": "sum", "fields": ["budget"], "level": "typ"}
    problems = findings(tiny_package, tmp_path, {"d": (csv, {"schema": schema, "rules": [rule]})})
    assert located(problems) == [("RV201", "error", "d.csv", 4, "budget")]


def test_fte_sums_off_by_one_tenth_are_rounding(tiny_package, tmp_path):
    # Kalmar T001-04: 756,7 + 250,3 = 1 007,0 against a printed total of 1 006,9 (SEEDS: rounding).
    csv = "kon,ar,arsarbetare\nKvinnor,2021,756.7\nMän,2021,250.3\nTotalt,2021,1006.9\n"
    schema = fields(("kon", "string"), ("ar", "integer"), ("arsarbetare", "number", "arsarbetare"))
    rule = {"rule": "sum", "fields": ["arsarbetare"], "total": {"kon": "Totalt"}}
    assert findings(tiny_package, tmp_path, {"p": (csv, {"schema": schema, "rules": [rule]})}) == []
    broken = csv.replace("1006.9", "1006.7")
    assert located(findings(tiny_package, tmp_path, {"p": (broken, {"schema": schema, "rules": [rule]})})) == [
        ("RV201", "error", "p.csv", 4, "arsarbetare")]
