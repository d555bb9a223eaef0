"""Standard kinds of report data: one Table Schema per kind, checked against the resources that declare it."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from ..errors import Problem, choice_list, did_you_mean
from .model import Resource

# Type groups: a column is compatible when its declared Table Schema type is in the group.
TYPES: dict[str, tuple[str, ...]] = {
    "text": ("string",),
    "number": ("integer", "number"),
    "count": ("integer", "number"),
    "year": ("year", "integer"),
    "date": ("date",),
    "month": ("yearmonth", "string", "date"),
    "period": ("string", "date", "yearmonth", "year", "integer"),
}
SCHEMA_TYPE = {"text": "string", "number": "number", "count": "integer", "year": "year", "date": "date",
               "month": "yearmonth", "period": "string"}
MONEY = ("kr", "tkr", "mnkr")
LEVELS = ["post", "delsumma", "summa"]
POLARITY = ["hogre_ar_battre", "lagre_ar_battre", "ingen"]
SICK_TYPES = ["total", "korttid", "langtid"]


@dataclass(frozen=True)
class StandardField:
    name: str
    group: str                            # key of TYPES
    title: str
    units: tuple[str, ...] = ()           # allowed units; empty = any or none
    enum: tuple[str, ...] = ()
    minimum: float | None = None
    maximum: float | None = None
    pattern: str | None = None

    def schema(self) -> dict:
        field: dict = {"name": self.name, "type": SCHEMA_TYPE[self.group], "title": self.title}
        if self.units:
            field["unit"] = self.units[0]
        constraints = {k: v for k, v in (("enum", list(self.enum) or None), ("minimum", self.minimum),
                                         ("maximum", self.maximum), ("pattern", self.pattern)) if v is not None}
        if constraints:
            field["constraints"] = constraints
        return field


@dataclass(frozen=True)
class Kind:
    id: str
    title: str
    row: str                                  # what one row is, in Swedish
    fields: tuple[StandardField, ...]
    required: tuple[tuple[str, ...], ...]     # each entry: one of these columns must exist
    period_fields: tuple[str, ...] = ()       # checked by the default `period` rule
    status_fields: tuple[str, ...] = ()       # checked against the status vocabulary
    share_fields: tuple[str, ...] = ()        # percent values 0–100
    kolada_fields: tuple[str, ...] = ()

    def field(self, name: str) -> StandardField | None:
        return next((f for f in self.fields if f.name == name), None)

    def schema(self) -> dict:
        """The standard Table Schema of the kind (every standard column; see `required` for the minimum)."""
        return {"fields": [f.schema() for f in self.fields]}

    def default_rules(self) -> list[dict]:
        """Rules every resource of the kind gets, for the standard columns it has."""
        rules: list[dict] = []
        if self.period_fields:
            rules.append({"rule": "period", "fields": list(self.period_fields), "default": True})
        if self.status_fields:
            rules.append({"rule": "status", "fields": list(self.status_fields), "default": True})
        if self.share_fields:
            rules.append({"rule": "share", "fields": list(self.share_fields), "default": True})
        if self.kolada_fields:
            rules.append({"rule": "kolada", "fields": list(self.kolada_fields), "default": True})
        return rules


F = StandardField
_UNIT = F("enhet", "text", "Enhet/verksamhet")
_LEVEL = F("niva", "text", "Nivå", enum=tuple(LEVELS))
_GROUP = F("grupp", "text", "Grupp (delsumman raden hör till)")
_YEAR = F("ar", "year", "År", minimum=1990, maximum=2100)
_PERIOD = F("period", "period", "Period (ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD/ÅÅÅÅ-MM-DD)")
_SEX = F("kon", "text", "Kön")
_COMMENT = F("kommentar", "text", "Kommentar")


def _money(name: str, title: str) -> StandardField:
    return F(name, "number", title, units=MONEY)


KINDS: dict[str, Kind] = {k.id: k for k in (
    Kind("budget", "Driftredovisning", "en budgetrad för en verksamhet eller ett kostnadsslag",
         (F("kod", "text", "Kod"), _UNIT, F("verksamhet", "text", "Verksamhet"), _LEVEL, _GROUP,
          _money("arsbudget", "Årsbudget"), _money("budget", "Budget"), _money("utfall", "Utfall"),
          _money("prognos", "Prognos"), _money("prognos_tertial", "Prognos tertial"),
          _money("prognos_delar", "Prognos delår"), _money("avvikelse", "Avvikelse"), _COMMENT),
         required=(("enhet", "verksamhet", "kod"),
                   ("budget", "arsbudget", "utfall", "prognos", "prognos_tertial", "prognos_delar", "avvikelse"))),
    Kind("investments", "Investeringar", "ett investeringsprojekt",
         (F("projekt_nr", "text", "Projektnummer"), F("projekt", "text", "Projekt"), _LEVEL,
          _money("budget", "Budget"), _money("utfall", "Utfall"), _money("prognos", "Prognos"),
          _money("overfort", "Överfört"), _money("totalt", "Totalt"), _money("aterstaende", "Återstående"),
          _money("avvikelse", "Avvikelse"), _COMMENT),
         required=(("projekt", "projekt_nr"), ("budget", "utfall", "prognos", "totalt", "avvikelse"))),
    Kind("goals", "Mål och måluppfyllelse", "ett mål med sin bedömning",
         (F("mal_id", "text", "Mål-id"), F("mal", "text", "Mål"), F("niva", "text", "Målnivå"),
          F("bedomning", "text", "Bedömning (status-id)"), F("bedomning_text", "text", "Bedömning som i källan"),
          _COMMENT),
         required=(("mal_id",), ("mal",), ("bedomning",)), status_fields=("bedomning",)),
    Kind("indicators", "Indikatorer och mätetal", "ett värde för en indikator",
         (F("indikator_id", "text", "Indikator-id"), F("indikator", "text", "Indikator"),
          F("kolada_id", "text", "Kolada-id", pattern=r"^[NU]\d{5}$"), F("mal_id", "text", "Mål-id"), _PERIOD,
          F("malvarde", "number", "Målvärde"), F("utfall", "number", "Utfall"), F("nulage", "number", "Nuläge"),
          F("enhet", "text", "Enhet (unit)"), F("periodicitet", "text", "Periodicitet"),
          F("polaritet", "text", "Polaritet", enum=tuple(POLARITY))),
         required=(("indikator_id", "indikator"), ("utfall", "nulage", "varde")),
         period_fields=("period",), kolada_fields=("kolada_id",)),
    Kind("personnel", "Personal", "ett antal medarbetare eller årsarbetare",
         (_SEX, _GROUP, _UNIT, _YEAR, _PERIOD, _LEVEL, F("antal_personer", "count", "Antal personer", ("personer",)),
          F("arsarbetare", "number", "Årsarbetare", ("arsarbetare",)), F("antal", "count", "Antal", ("personer",))),
         required=(("kon", "grupp", "enhet"), ("antal_personer", "arsarbetare", "antal")),
         period_fields=("ar", "period")),
    Kind("sick_leave", "Sjukfrånvaro", "en sjukfrånvaro i procent för en grupp och period",
         (_UNIT, F("grupp", "text", "Grupp"), _SEX, F("alder", "text", "Åldersgrupp"), _YEAR, _PERIOD,
          F("period_fran", "date", "Från"), F("period_till", "date", "Till"),
          F("typ", "text", "Typ", enum=tuple(SICK_TYPES)),
          F("varde", "number", "Sjukfrånvaro", ("procent",), minimum=0, maximum=100)),
         required=(("varde",), ("ar", "period", "period_fran", "period_text")),
         period_fields=("ar", "period", "period_fran", "period_till"), share_fields=("varde",)),
    Kind("case_statistics", "Ärendestatistik", "ett antal i en månad, ett kvartal eller ett år",
         (F("kategori", "text", "Kategori"), F("avsnitt", "text", "Avsnitt"), _PERIOD, _YEAR,
          F("manad", "text", "Månad"), _LEVEL, _GROUP, F("antal", "count", "Antal", ("antal", "personer"), minimum=0)),
         required=(("antal",), ("period", "ar")), period_fields=("period", "ar")),
    Kind("measures", "Åtgärder", "en åtgärd med sin ekonomiska effekt",
         (F("verksamhet", "text", "Verksamhet"), F("atgard", "text", "Åtgärd"), _money("effekt", "Effekt"),
          F("period_text", "text", "Period som i källan"), F("fran", "month", "Från"), F("till", "month", "Till"),
          F("bedomning", "text", "Bedömning")),
         required=(("atgard",),), period_fields=("fran", "till")),
    Kind("activities", "Aktiviteter och uppdrag", "en aktivitet eller ett uppdrag med status",
         (F("mal_id", "text", "Mål-id"), F("aktivitet", "text", "Aktivitet"), F("uppdrag", "text", "Uppdrag"),
          F("status", "text", "Status (status-id)"), F("status_text", "text", "Status som i källan")),
         required=(("aktivitet", "uppdrag"), ("status",)), status_fields=("status",)),
    Kind("risks", "Risker", "en risk",
         (F("risk", "text", "Risk"), F("kontrollmoment", "text", "Kontrollmoment"),
          F("sannolikhet", "period", "Sannolikhet"), F("konsekvens", "period", "Konsekvens"),
          F("status", "text", "Status (status-id)")),
         required=(("risk",),), status_fields=("status",)),
    Kind("controls", "Intern kontroll", "ett kontrollmoment med uppföljning",
         (F("process", "text", "Process"), F("risk", "text", "Risk"), F("kontrollmoment", "text", "Kontrollmoment"),
          F("metod", "text", "Metod"), F("frekvens", "text", "Frekvens"), F("status", "text", "Status (status-id)")),
         required=(("kontrollmoment",), ("status",)), status_fields=("status",)),
)}


def kind_of(name: str | None) -> Kind | None:
    return KINDS.get(name) if name else None


def check_kind(resource: Resource, rel_desc: str) -> Iterator[Problem]:
    """Required columns present with compatible types and units; values within the kind's constraints."""
    if not resource.kind:
        return
    kind = KINDS.get(resource.kind)
    if kind is None:   # reported as RV106 when the descriptor is read
        return
    names = set(resource.field_names)
    for alternatives in kind.required:
        if not names & set(alternatives):
            yield Problem("RV211", f"en resurs av typen '{kind.id}' behöver kolumnen '{alternatives[0]}'"
                          + (f" (eller {choice_list(alternatives[1:])})" if len(alternatives) > 1 else ""),
                          f"lägg till kolumnen; standardschemat för {kind.id}: {choice_list(f.name for f in kind.fields)}",
                          file=rel_desc, field=resource.name, found="saknas", expected=" eller ".join(alternatives))
    for field in resource.fields:
        standard = kind.field(field.name)
        if standard is None:
            continue
        if field.type not in TYPES[standard.group]:
            yield Problem("RV212", f"kolumnen '{field.name}' har typen {field.type}, men {kind.id} väntar "
                          f"{' eller '.join(TYPES[standard.group])}",
                          f"ändra \"type\" till \"{SCHEMA_TYPE[standard.group]}\" i schemat", file=rel_desc,
                          field=f"{resource.name}.{field.name}", found=field.type,
                          expected=" eller ".join(TYPES[standard.group]))
        elif standard.units and field.unit and field.unit not in standard.units:
            yield Problem("RV212", f"kolumnen '{field.name}' har enheten '{field.unit}', men {kind.id} väntar "
                          f"{' eller '.join(standard.units)}", f"ange \"unit\": \"{standard.units[0]}\" och räkna om",
                          file=rel_desc, field=f"{resource.name}.{field.name}", found=field.unit,
                          expected=" eller ".join(standard.units))
        else:
            yield from _check_values(resource, standard)


def _check_values(resource: Resource, standard: StandardField) -> Iterator[Problem]:
    from .rules.common import csv_row
    if not standard.enum:
        return
    for position, value in resource.frame[standard.name].items():
        if value is not None and str(value) not in standard.enum:
            yield Problem("RV213", f"'{value}' är inget tillåtet värde för {standard.name} i {resource.kind}",
                          f"{did_you_mean(str(value), standard.enum)}tillåtna värden: {choice_list(standard.enum)}",
                          file=resource.file, row=csv_row(int(position)), field=standard.name, found=str(value),
                          expected=" eller ".join(standard.enum))
