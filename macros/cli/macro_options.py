"""What each option of each macro does, in Swedish, for the handbook's generated option tables (scripts/docs).

The options themselves come from the components' signatures (macros/components/registry.py); this module only
says what they mean. A test fails when an option has no sentence here, or a sentence names an option that no
longer exists, so the tables can never drift from the code.
"""
from __future__ import annotations

# Options that mean the same in every macro that has them.
COMMON = {
    "resource": "Resursens namn i sidans datapaket (`name` i datapackage.json), t.ex. `\"drift\"`.",
    "where": "Filter: bara rader där kolumnen har värdet, t.ex. `where={\"enhet\": \"Centralt\"}`; en lista betyder "
             "något av värdena. Samma sak som att skriva filtret direkt: `enhet=\"Centralt\"`.",
    "exclude": "Filter som tar bort rader, t.ex. `exclude={\"niva\": \"summa\"}` för att lämna ut summaraden.",
    "unit": "Visa beloppen i en annan penningenhet: `kr`, `tkr` eller `mnkr` (räknas om från kolumnens enhet; "
            "andra enheter går inte att räkna om, RV306).",
    "decimals": "Antal decimaler (0–10). Utan: talet visas med de decimaler det har i datan, och omräknat till "
                "`mnkr` med en decimal.",
    "signed": "`true`: alltid ett tecken, också plus (`+2 397 tkr`).",
    "absolute": "`true`: inget tecken (`1 158 tkr` i stället för `−1 158 tkr`), när meningen själv säger "
                "underskott eller överskott.",
    "bare": "`true`: bara talet, utan enhet (`6` i stället för `6 personer`).",
    "caption": "Tabellens rubrik. Utan: resursens `title`.",
    "sort": "Sortera raderna efter den kolumnen, minst först.",
    "descending": "`true` (med `sort`): störst först.",
}

OPTIONS: dict[str, dict[str, str]] = {
    "value": {"column": "Kolumnen vars värde visas. Filtren måste välja exakt en rad (annars RV304 eller RV305)."},
    "change": {
        "column": "Kolumnen med talen som jämförs.",
        "by": "Kolumnen som skiljer de två raderna åt, oftast året: `\"ar\"`.",
        "start": "Värdet i `by` på raden man räknar från, t.ex. `2023`.",
        "end": "Värdet i `by` på raden man räknar till, t.ex. `2024`. Förändringen är värdet där minus värdet vid "
               "`start`; för procenttal blir den procentenheter.",
        "signed": "Tecken också för plus (standard här). `signed=false` när meningen redan säger \"ökade med\".",
        "decimals": "Antal decimaler (0–10). Utan: så många som talen har i datan; med `percent=true` inga.",
        "percent": "`true`: förändringen i procent av startvärdet, `(till − från) / från × 100`. Kräver ett "
                   "startvärde över 0 (RV312) och går inte ihop med `unit=`.",
    },
    "total": {
        "column": "Kolumnen som summeras.",
        "where": "Raderna som summeras (en lista betyder något av värdena); de måste ha samma enhet. Utan filter "
                 "summeras alla rader, också summaraderna.",
    },
    "count": {"where": "Raderna som räknas. Utan filter räknas alla rader."},
    "table": {
        "columns": "Vilka kolumner, i den ordningen, t.ex. `[\"enhet\", \"budget\", \"utfall\"]`. Utan: alla utom "
                   "radtypskolumnerna (`niva`, `grupp`, `roll`, `rad`, `overordnad`), id-kolumner (`…_id`) och "
                   "kolumner som anger enhet eller decimaler per rad.",
        "pivot": "Visa en lång resurs brett: `{\"index\": \"enhet\", \"columns\": \"ar\", \"values\": \"varde\"}` "
                 "ger en rad per enhet och en kolumn per år.",
        "limit": "Högst så många rader (efter sorteringen).",
    },
    "chart": {
        "x": "Kolumnen längs den liggande axeln: kategorierna eller perioderna.",
        "y": "Kolumnen med talen, eller en lista med kolumner (en serie för varje).",
        "type": "`bar` (staplar), `grouped` (grupperade staplar), `stacked` (staplade) eller `line` (linjer).",
        "series": "En kolumn vars värden blir var sin serie, t.ex. `series=\"enhet\"` (bara med en `y`).",
        "title": "Diagrammets rubrik. Utan: resursens `title`.",
        "horizontal": "`true`: liggande staplar. Utan: liggande när någon etikett är längre än 14 tecken "
                      "(aldrig för linjer).",
        "unit": "Visa talen i en annan penningenhet (`kr`, `tkr`, `mnkr`), på axeln och i tabellen.",
    },
    "key_figures": {
        "cards": "En lista med ett kort per nyckeltal, t.ex. `[{\"budget\": \"drift\", \"label\": \"Avvikelse mot "
                 "budget, helår\"}]`. Typen är nyckeln som namnger resursen: `budget`, `deviations`, `goals`, "
                 "`indicators` eller `value`; se tabellen under key_figures i macros/MACROS.md.",
    },
    "kpi": {
        "column": "Kolumnen med talet på korten.",
        "label": "Kolumnen som namnger korten: ett kort för varje värde bland de valda raderna.",
        "by": "Kolumnen med perioden, t.ex. `\"ar\"`. Då visar korten värdet vid `current` och förändringen sedan "
              "`previous`.",
        "current": "Perioden som visas, t.ex. `2024` (krävs med `by`).",
        "previous": "Perioden som förändringen räknas från, t.ex. `2023`.",
        "polarity": "`hogre_ar_battre` eller `lagre_ar_battre`: kortet säger om förändringen är bättre eller sämre. "
                    "`ingen` säger inget.",
    },
    "goals": {
        "title": "Kolumnen med målets, aktivitetens eller kontrollens namn. Utan: den första av `mal`, `aktivitet`, "
                 "`uppdrag`, `kontrollmoment`, `risk`, `indikator` som finns.",
        "status": "Kolumnen med status-id (`uppfyllt`, `pagaende` …). Utan: `bedomning` eller `status`.",
        "status_text": "Kolumnen med källans egen formulering av statusen. Utan: `<status>_text` när den finns.",
        "comment": "Kolumnen med kommentaren. `comment=None` lämnar ut kommentarerna.",
        "noun": "Ordet i meningen över listan: \"Av 7 mål bedöms …\"; t.ex. `noun=\"aktiviteter\"`.",
    },
    "indicators": {
        "outcome": "Kolumnen med utfallet.",
        "target": "Kolumnen med målvärdet.",
        "previous": "En kolumn med ett tidigare värde som utfallet jämförs med (trendpilen). Utan: perioden före, "
                    "när resursen har en rad per indikator och `period`.",
        "name": "Kolumnen med indikatorns namn.",
        "latest": "I en resurs med flera perioder per indikator: bara den senaste (`true`) eller alla (`false`).",
    },
    "budget": {
        "label": "Kolumnen som namnger raderna. Utan: `enhet`, `projekt` eller `verksamhet`.",
        "budget": "Kolumnen med budgeten.",
        "outcome": "Kolumnen med utfallet eller prognosen. Utan: `utfall`, annars `prognos`. Börjar namnet med "
                   "`prognos` handlar meningen om prognosen för helåret.",
        "deviation": "Kolumnen med avvikelsen; en negativ avvikelse är ett underskott (▼).",
        "chart_levels": "Vilka rader diagrammet visar, efter `niva`: `post` eller `delsumma`. Utan: delsummorna när "
                        "det finns några, annars posterna.",
        "show_chart": "`false`: bara tabellen och meningen, inget diagram.",
    },
    "statistics": {
        "x": "Kolumnen med perioderna (`2024-03` visas \"mar 2024\").",
        "y": "Kolumnen med talen.",
        "series": "Kolumnen vars värden blir serier. Utan: `kategori`, `enhet` eller `grupp`.",
        "start": "Första perioden som visas, t.ex. `\"2024-02\"`.",
        "end": "Sista perioden som visas, t.ex. `\"2024-05\"`.",
        "type": "`line` (linjer), `grouped`, `stacked` eller `bar`.",
        "title": "Diagrammets rubrik. Utan: resursens `title`.",
        "caption": "Tabellens rubrik. Utan: diagrammets rubrik och \"per period\".",
    },
    "listing": {
        "what": "`\"reports\"`: rapporterna, nyast först; `\"datasets\"`: datapaketen med version och datasida.",
        "limit": "Högst så många rapporter.",
        "heading": "En rubrik ovanför listan.",
        "organisation": "Bara den organisationens rapporter eller datapaket, skriven som i sidhuvudet: "
                        "`\"Gnesta kommun\"`.",
        "committee": "Bara den nämndens rapporter.",
        "type": "Bara en rapporttyp, t.ex. `\"årsredovisning\"`.",
        "year": "Bara rapporter vars period slutar det året.",
        "group": "Dela listan i grupper med rubrik: `\"organisation\"`, `\"committee\"` (nämnd) eller `\"year\"`.",
    },
}


def option_text(macro: str, option: str) -> str:
    """The sentence for one option; '' when none is written (the docs test fails then)."""
    return OPTIONS.get(macro, {}).get(option) or COMMON.get(option, "")
