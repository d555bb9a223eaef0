"""The usual sections of each report type, as a Swedish page skeleton with a short hint under each heading.

Hints are HTML comments: the reader never sees them, and they hold no macro calls (a page's macros run
everywhere in the page, comments included).
"""
from __future__ import annotations

# (heading level, heading, hint) per report type.
Section = tuple[int, str, str]
_ECONOMY = [(2, "Ekonomi", "Resultatet mot budget i två, tre meningar: vad gick bättre, vad gick sämre och varför."),
            (3, "Driftredovisning", "Importera tabellen med scripts/import och visa den med table- eller budget-makrot."),
            (3, "Investeringar", "Vilka investeringar blev klara, vilka försenades?")]
_STAFF = [(2, "Personal och sjukfrånvaro", "Antal medarbetare, sjukfrånvaro och hur den har utvecklats.")]

SECTIONS: dict[str, list[Section]] = {
    "årsredovisning": [
        (2, "I korthet", "Tre till fem meningar om året: resultatet, det viktigaste som hände, måluppfyllelsen."),
        (2, "Viktiga händelser under året", "Det som påverkade verksamheten mest, per verksamhetsområde."),
        (2, "Måluppfyllelse", "Varje mål med bedömningen och vad den bygger på."),
        *_ECONOMY, *_STAFF,
        (2, "Intern kontroll", "Vilka kontroller gjordes och vad visade de?"),
        (2, "Förväntad utveckling", "Vad väntar nämnden de närmaste åren?")],
    "delårsrapport": [
        (2, "I korthet", "Läget efter perioden och prognosen för helåret, i några meningar."),
        (2, "Viktiga händelser hittills i år", "Det som har påverkat verksamheten sedan årsskiftet."),
        (2, "Måluppfyllelse", "Bedömningen av varje mål hittills och prognosen för helåret."),
        (2, "Ekonomi", "Utfallet hittills och prognosen för helåret mot budget."),
        (3, "Driftredovisning", "Importera tabellen med scripts/import och visa den med table- eller budget-makrot."),
        (3, "Prognos för helåret", "Vad prognosen bygger på och vilka osäkerheter som finns."),
        *_STAFF,
        (2, "Åtgärder för en budget i balans", "Vilka åtgärder nämnden vidtar och vad de väntas ge.")],
    "tertialrapport": [
        (2, "I korthet", "Läget efter tertialet och prognosen för helåret."),
        (2, "Ekonomi efter tertialet", "Utfall och helårsprognos mot budget."),
        (3, "Driftredovisning", "Importera tabellen med scripts/import och visa den med table- eller budget-makrot."),
        (2, "Mål och kvalitet", "Hur målen och kvalitetsmåtten utvecklas."),
        (2, "Personal", "Bemanning och sjukfrånvaro under tertialet."),
        (2, "Åtgärder", "Vad nämnden gör åt avvikelserna.")],
    "månadsuppföljning": [
        (2, "I korthet", "Utfallet hittills i år och prognosen för helåret i två meningar."),
        (2, "Utfall hittills i år", "Importera tabellen med scripts/import och visa den med table-makrot."),
        (2, "Prognos för helåret", "Prognosen per verksamhet och vad den bygger på."),
        (2, "Avvikelser per verksamhet", "De största avvikelserna och deras orsaker."),
        (2, "Åtgärder", "Vad förvaltningen gör för att nå budget.")],
    "verksamhetsberättelse": [
        (2, "I korthet", "Året i verksamheten i några meningar."),
        (2, "Uppdrag och organisation", "Vad verksamheten gör och för vem."),
        (2, "Året som gått", "Det viktigaste som hände under året."),
        (2, "Måluppfyllelse", "Varje mål med bedömningen och vad den bygger på."),
        (2, "Volymer och nyckeltal", "Hur många som fick stöd, väntetider och andra mått, med tabeller och diagram."),
        (2, "Ekonomi", "Kostnader och intäkter mot budget."), *_STAFF,
        (2, "Framåt", "Utmaningar och planer för kommande år.")],
    "statistik": [
        (2, "Om statistiken", "Vad som räknas, från vilket system och för vilken period."),
        (2, "Utvecklingen i korthet", "De viktigaste förändringarna jämfört med förra perioden."),
        (2, "Tabeller och diagram", "Importera tabellerna med scripts/import och visa dem med statistics- eller chart-makrot."),
        (2, "Definitioner", "Förklara begreppen, till exempel vad ett ärende eller en insats är.")],
    "uppföljning": [
        (2, "I korthet", "Vad uppföljningen visar, i några meningar."),
        (2, "Resultat", "Resultatet med tabeller och diagram."),
        (2, "Åtgärder och fortsatt arbete", "Vad som görs härnäst.")],
}


def skeleton(report_type: str) -> str:
    """The page body below the front matter for one report type."""
    parts = []
    for level, heading, hint in SECTIONS[report_type]:
        parts.append(f"{'#' * level} {heading}\n\n<!-- {hint} -->\n")
    return "\n".join(parts)
