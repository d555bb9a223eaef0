"""Who reported what and when in the synthetic archive: organisations × committees × years × report types.

Report i goes to organisation i mod 8 and committee (i div 8) mod 4, so even a small archive spreads over every
organisation and the navigation (organisation → committee → year → report) is as deep as a real one.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

ORGANISATIONS = (("norrvik", "Norrviks kommun"), ("sjohamra", "Sjöhamra kommun"), ("bergsala", "Bergsala kommun"),
                 ("lovnas", "Lövnäs kommun"), ("granlunda", "Granlunda kommun"), ("asby", "Åsby kommun"),
                 ("tallmo", "Tallmo kommun"), ("malarvik", "Mälarviks kommun"))
LAST_YEAR = 2024


@dataclass(frozen=True)
class Committee:
    slug: str
    name: str
    units: tuple[str, ...]        # rows of the budget table
    cases: tuple[str, ...]        # categories of the monthly case statistics


COMMITTEES = (
    Committee("sn", "Socialnämnden", ("Individ- och familjeomsorg", "Äldreomsorg", "Funktionsstöd",
                                      "Hälso- och sjukvård", "Arbetsmarknad", "Nämnd och administration"),
              ("Orosanmälningar", "Ansökningar om bistånd", "Ärenden om ekonomiskt bistånd")),
    Committee("bun", "Barn- och utbildningsnämnden", ("Förskola", "Grundskola", "Fritidshem", "Gymnasieskola",
                                                      "Elevhälsa", "Nämnd och administration"),
              ("Ansökningar om förskoleplats", "Skolskjutsärenden", "Anmälningar om kränkande behandling")),
    Committee("kfn", "Kultur- och fritidsnämnden", ("Bibliotek", "Fritidsgårdar", "Idrottsanläggningar",
                                                    "Kulturskola", "Föreningsbidrag", "Nämnd och administration"),
              ("Nya lånekort", "Bokningar av idrottshallar", "Ansökningar om föreningsbidrag")),
    Committee("sbn", "Samhällsbyggnadsnämnden", ("Plan och bygg", "Gator och vägar", "Parker och natur",
                                                 "Miljö och hälsa", "Bostadsanpassning", "Nämnd och administration"),
              ("Bygglovsansökningar", "Tillsynsärenden", "Ansökningar om bostadsanpassning")),
)


@dataclass(frozen=True)
class ReportType:
    name: str        # front matter `type`
    slug: str
    title: str       # with {year}
    months: int      # the report period: January to this month


TYPES = (ReportType("årsredovisning", "arsredovisning", "Årsredovisning {year}", 12),
         ReportType("delårsrapport", "delarsrapport", "Delårsrapport januari–augusti {year}", 8),
         ReportType("tertialrapport", "tertialrapport", "Tertialrapport 1 {year}", 4))
MAX_REPORTS = len(ORGANISATIONS) * len(COMMITTEES) * len(TYPES) * 30   # back to 1995


@dataclass(frozen=True)
class ReportSpec:
    index: int
    org_slug: str
    organisation: str
    committee: Committee
    type: ReportType
    year: int

    @property
    def slug(self) -> str:
        return f"{self.committee.slug}-{self.type.slug}-{self.year}"

    @property
    def package_id(self) -> str:
        return f"{self.org_slug}/{self.slug}"

    @property
    def page_src(self) -> str:
        return f"{self.org_slug}/{self.slug}.md"

    @property
    def url(self) -> str:
        return f"{self.org_slug}/{self.slug}/"

    @property
    def title(self) -> str:
        return self.type.title.format(year=self.year)

    @property
    def start(self) -> dt.date:
        return dt.date(self.year, 1, 1)

    @property
    def end(self) -> dt.date:
        following = dt.date(self.year + (self.type.months == 12), self.type.months % 12 + 1, 1)
        return following - dt.timedelta(days=1)

    @property
    def months(self) -> list[str]:
        return [f"{self.year}-{month:02d}" for month in range(1, self.type.months + 1)]


def report_specs(count: int) -> list[ReportSpec]:
    """The first `count` reports of the archive; report i is the same in every archive size."""
    if not 1 <= count <= MAX_REPORTS:
        raise ValueError(f"antalet rapporter ska vara 1–{MAX_REPORTS}, inte {count}")
    specs = []
    for index in range(count):
        slot = index // (len(ORGANISATIONS) * len(COMMITTEES))
        org_slug, organisation = ORGANISATIONS[index % len(ORGANISATIONS)]
        specs.append(ReportSpec(index, org_slug, organisation,
                                COMMITTEES[(index // len(ORGANISATIONS)) % len(COMMITTEES)],
                                TYPES[slot % len(TYPES)], LAST_YEAR - slot // len(TYPES)))
    return specs
