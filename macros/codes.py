"""The registry of error codes: one place for each code's area, severity and meaning; the docs are made from it.

A `Problem` names its code; `describe()` and the error-code tables in macros/MACROS.md and CONTRIBUTING.md come
from here (scripts/docs writes them, a test checks they are current and that every code the engine uses is here).
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Code:
    code: str
    area: str          # data | regler | makro | sida | webbplats | bygge
    severity: str      # error | warning | note: the usual severity (a rule's finding may be a declared note)
    meaning: str       # what went wrong, in Swedish, for the docs
    hint: str = ""     # the usual fix, when one fix fits every case


AREAS = {
    "data": "Datapaket och CSV-filer (data/)",
    "import": "Import av arbetsböcker och nya rapporter (scripts/import, scripts/new-report)",
    "regler": "Regler, fotnoter och standardtyper",
    "makro": "Makron på sidorna",
    "sida": "Sidor, sidhuvuden och filer i content/",
    "webbplats": "Webbplatsens inställningar (mkdocs.yml)",
    "kolada": "Jämförelser ur Kolada (data/kolada/, scripts/kolada-refresh)",
    "granskning": "Granskningen av ändringar (scripts/diff)",
    "bygge": "Bygget och förhandsvisningen",
}

_CODES = (
    # data
    Code("RV101", "data", "error", "`datapackage.json` saknas eller är inte giltig JSON."),
    Code("RV102", "data", "error", "En resurs fil saknas, eller sökvägen pekar utanför datapaketet."),
    Code("RV103", "data", "error", "En nödvändig egenskap saknas (`name`, `version`, `resources`, en resurs `path`/"
         "`schema`)."),
    Code("RV104", "data", "error", "Två resurser har samma namn."),
    Code("RV105", "data", "error", "Tabellschemat eller paketbeskrivningen är ogiltig (okänd fälttyp, felaktigt "
         "villkor)."),
    Code("RV106", "data", "error", "En resurs anger en okänd `kind`."),
    Code("RV107", "data", "error", "En resurs `suppress` kan inte läsas (okänt fält, `below` inte ett heltal ≥ 2)."),
    Code("RV108", "data", "error", "En egenskap i datapackage.json har fel form (en lista där en text ska stå, ett "
         "tal där en tabell ska stå)."),
    Code("RV109", "data", "error", "Ett datapakets licens (`licenses`) är varken ett känt id (`CC0-1.0`, `CC-BY-4.0`, "
         "`CC-BY-SA-4.0`) eller en adress i `path`."),
    Code("RV110", "data", "error", "CSV-filen är inte UTF-8, har en BOM eller kan inte läsas."),
    Code("RV111", "data", "error", "CSV-filen är tom."),
    Code("RV112", "data", "error", "CSV-filen har bara rubrikraden."),
    Code("RV113", "data", "error", "CSV-filen använder semikolon i stället för kommatecken."),
    Code("RV114", "data", "error", "En rad är längre än 1 000 000 tecken (radbrytningar saknas eller ett "
         "citattecken stängs aldrig)."),
    Code("RV115", "data", "error", "En fil är för stor för att läsas (gränsen står i meddelandet)."),
    Code("RV116", "data", "error", "En kolumns `unitField` eller `decimalsField` pekar på en kolumn som inte finns."),
    Code("RV121", "data", "error", "En cell har inte fältets typ (t.ex. `10,1` eller `1 158` i ett talfält)."),
    Code("RV122", "data", "error", "En cell bryter mot ett villkor (enum, required, pattern, minimum, maximum)."),
    Code("RV123", "data", "error", "En rad har för få eller för många celler."),
    Code("RV124", "data", "error", "En rad upprepar en primärnyckel eller ett unikt värde."),
    Code("RV126", "data", "error", "Rubrikraden stämmer inte med schemat."),
    Code("RV127", "data", "error", "En tom rad."),
    Code("RV129", "data", "error", "Ett annat fel som frictionless hittade."),
    Code("RV130", "regler", "error", "En fotnot pekar inte på någon rad eller på en okänd kolumn."),
    Code("RV131", "regler", "error", "En fotnot eller regel i datapackage.json har fel form (inte en tabell med "
         "nycklar)."),
    Code("RV140", "data", "error", "En publicerad fil har ändrats utan en ny version (hashen stämmer inte)."),
    Code("RV141", "data", "error", "`scripts/release`: den begärda versionsnivån stämmer inte med ändringen."),
    Code("RV142", "data", "error", "`scripts/release`: inget att släppa, eller paketet har ingen incheckad version "
         "att jämföra med."),
    Code("RV143", "data", "warning", "En tidigare version i `changes` kan inte läsas ur Git (dess filer "
         "publiceras inte)."),
    Code("RV144", "data", "error", "`scripts/release`: `--paragraph` eller `--body` utan `--decision`.",
         "ange beslutsdatumet med --decision ÅÅÅÅ-MM-DD"),
    Code("RV150", "data", "error", "Datapaketet hänvisar till en adress på nätet (`http(s)://`) eller en fil utanför "
         "paketet; bygget hämtar aldrig något från nätet.",
         "lägg schemat och dialekten direkt i datapackage.json och filerna i paketets mapp"),
    Code("RV151", "data", "error", "Samma nyckel finns två gånger i ett JSON-objekt."),
    Code("RV152", "data", "error", "Versionen är inte ett semver-nummer (MAJOR.MINOR.PATCH, t.ex. 1.2.0)."),
    Code("RV153", "data", "error", "Två datapaket har samma `name`."),
    Code("RV154", "data", "error", "En `commit` i `changes` är inte ett Git-id (7–40 hexadecimala tecken)."),
    Code("RV155", "data", "error", "En fil i data/ är en symbolisk länk."),
    Code("RV160", "data", "warning", "En textcell börjar med `=`, `+`, `-`, `@`, tabb eller vagnretur och skulle "
         "kunna köras som formel i ett kalkylprogram; den publicerade filen får en apostrof först."),
    # rules
    Code("RV201", "regler", "error", "En summa är inte summan av sina delar."),
    Code("RV202", "regler", "error", "En härledd kolumn stämmer inte med sin formel."),
    Code("RV203", "regler", "error", "En regel kan inte läsas."),
    Code("RV204", "regler", "error", "En andel (procent) ligger utanför 0–100 (regeln `share`)."),
    Code("RV205", "regler", "error", "Andelar av en helhet summerar inte till 100 (regeln `share` med `whole`)."),
    Code("RV206", "regler", "error", "Ett statusvärde finns inte i statusvokabulären."),
    Code("RV207", "regler", "error", "Ett datum, en månad, ett år eller en period ligger utanför rapportperioden "
         "(regeln `period`)."),
    Code("RV208", "regler", "error", "En period kan inte läsas, eller regeln `period` har ingen rapportperiod att "
         "jämföra med."),
    Code("RV209", "regler", "error", "Ett Kolada-id är inte N eller U följt av fem siffror (regeln `kolada`)."),
    Code("RV211", "regler", "error", "En resurs av en standardtyp saknar en nödvändig kolumn."),
    Code("RV212", "regler", "error", "En kolumn i en standardtyp har fel typ eller enhet."),
    Code("RV213", "regler", "error", "Ett värde är inte tillåtet i standardtypens schema (t.ex. `niva`, "
         "`polaritet`, `typ`)."),
    Code("RV214", "regler", "error", "En varav-rad är större än sin summa, eller deklarerade delmängder summerar inte "
         "till den (`subset`, `sum` med radroller)."),
    Code("RV215", "regler", "error", "En medelvärdesrad är inte det (viktade) medelvärdet av sina delar, eller ligger "
         "utanför dem (`average`, `sum` med radroller)."),
    Code("RV216", "regler", "error", "En härledd siffra stämmer inte med sitt uttryck över andra rader eller resurser "
         "(regeln `derived`)."),
    Code("RV217", "regler", "error", "Samma siffra skiljer sig mellan två ställen (regeln `same`)."),
    Code("RV218", "regler", "error", "En siffra eller riktning som källtexten anger stämmer inte med data (regeln "
         "`claim`)."),
    Code("RV219", "regler", "error", "Radrollerna i en hierarki kan inte läsas: okänd roll, upprepad nyckel, saknad "
         "överordnad rad, eller en rubrikrad med värden."),
    Code("RV220", "regler", "warning", "En fotnot förklarar en avvikelse som inte längre finns (dess `explains` matchar "
         "inget fynd)."),
    Code("RV221", "regler", "error", "En fotnots `explains` kan inte läsas (okänd regel, `stated`/`computed` eller "
         "`difference` saknas)."),
    Code("RV222", "regler", "error", "En regels hänvisning (`refs`, `as`) väljer ingen rad, eller flera rader utan "
         "`aggregate`."),
    Code("RV223", "regler", "warning", "En regel kunde inte kontrolleras eftersom resursen den hänvisar till har egna "
         "fel."),
    Code("RV224", "regler", "error", "En enhet finns inte i enhetsvokabulären.",
         "enheter: kr, tkr, mnkr, procent, procentenheter, antal, personer, dagar, timmar, arsarbetare, kvot, index, "
         "kr_per_brukare, poang"),
    # macros
    Code("RV301", "makro", "error", "Okänd resurs i ett makroanrop."),
    Code("RV302", "makro", "error", "Okänd kolumn."),
    Code("RV303", "makro", "error", "Ett filtervärde som inte finns i kolumnen."),
    Code("RV304", "makro", "error", "Inga rader (eller inget värde) matchar filtren."),
    Code("RV305", "makro", "error", "Flera rader matchar där ett värde efterfrågas."),
    Code("RV306", "makro", "error", "Ett alternativ har ett värde som makrot inte tar emot."),
    Code("RV307", "makro", "error", "En textkolumn där tal behövs."),
    Code("RV308", "makro", "error", "Flera rader för en stapel eller en tabellcell."),
    Code("RV309", "makro", "error", "En förändring eller summa skulle avslöja ett skyddat litet tal."),
    Code("RV310", "makro", "error", "Ett nyckelord som varken är ett alternativ eller en kolumn."),
    Code("RV311", "makro", "error", "Fel argument (saknas, för många, fel form)."),
    Code("RV312", "makro", "error", "`change(..., percent=true)` från ett startvärde som är 0 eller lägre."),
    # pages
    Code("RV401", "sida", "error", "Rapportens uppgifter i sidhuvudet saknas eller är ogiltiga."),
    Code("RV402", "sida", "error", "Okänd rapporttyp eller status."),
    Code("RV403", "sida", "error", "Sidan anger inget datapaket, eller ett som inte finns."),
    Code("RV404", "sida", "error", "Okänt makro eller variabel på en sida."),
    Code("RV405", "sida", "error", "Makrosyntax som inte går att läsa."),
    Code("RV406", "sida", "error", "En länk eller en rad i `nav` pekar på en sida som inte finns."),
    Code("RV407", "sida", "error", "Två sidor anger samma rapport (samma `report.data` och titel)."),
    Code("RV408", "sida", "error", "Sidhuvudet är inte giltig YAML, eller har ett datum som inte finns."),
    Code("RV410", "sida", "error", "En fil i content/ är av en typ som inte publiceras (bara Markdown, bilder och "
         "PDF publiceras).",
         "ta bort filen; bilder sparas som PNG, JPEG, GIF eller WebP, beslutshandlingar som PDF"),
    Code("RV411", "sida", "error", "En fil eller mapp i content/ är en symbolisk länk.",
         "lägg en kopia av filen i content/ i stället för en länk"),
    Code("RV412", "sida", "error", "En sida är inte UTF-8 eller innehåller en NUL-byte.",
         "spara sidan som UTF-8 (i en texteditor: Spara som … UTF-8)"),
    Code("RV413", "sida", "error", "En sida, ett sidhuvud eller en fil är större än gränsen.",
         "dela upp sidan i kapitel, eller minska filen"),
    Code("RV414", "sida", "error", "Sidhuvudet använder YAML-ankare eller alias (`&` och `*`), som inte tillåts.",
         "skriv ut värdet på varje ställe i stället för att hänvisa med * till ett &-ankare"),
    Code("RV415", "sida", "error", "Ett värde i sidhuvudet har fel form (t.ex. en lista där en text ska stå)."),
    Code("RV416", "sida", "warning", "Sidan börjar med en BOM (byte order mark); den tas bort vid bygget."),
    Code("RV417", "sida", "error", "En sida använder något som sidorna inte får: `include`, `import`, `extends`, "
         "egenskaper (`x.y`) eller filter. Sidor får bara anropa de dokumenterade makrona.",
         "skriv bara makroanrop som {{ table(\"drift\") }}; se macros/MACROS.md"),
    Code("RV418", "sida", "error", "En sida blir för stor när makrona körts, eller ett uttryck på sidan är för "
         "stort att räkna ut."),
    Code("RV419", "sida", "error", "En sida hänvisar till en fil med `--8<--` (snippets) eller liknande; sidor "
         "kan inte ta in andra filer."),
    Code("RV420", "sida", "error", "Ett beslut kan inte skrivas in på rapportsidan (ingen sida har paketet, eller "
         "sidhuvudet kan inte ändras säkert), eller sidan säger `status: förslag` fast datapaketets `changes` har "
         "ett beslut.", "kör scripts/release PAKET --decision ÅÅÅÅ-MM-DD, som skriver status: beslutad på sidan"),
    Code("RV421", "sida", "warning", "Rapportens sammanträdesdatum har passerat men status är fortfarande `förslag`; "
         "sidan säger att beslutet inte är inlagt tills status och paragraf förs in.",
         "skriv status: beslutad och decision.paragraph när beslutet finns"),
    # site
    Code("RV501", "bygge", "error", "Sökindexet (Pagefind) kunde inte byggas."),
    Code("RV502", "webbplats", "error", "mkdocs.yml kan inte läsas, eller en inställning i den har fel värde."),
    Code("RV503", "webbplats", "error", "Ett Markdown-tillägg i mkdocs.yml kan ta in filer utanför content/ "
         "(t.ex. `pymdownx.snippets` utan `base_path: content/includes`)."),
    Code("RV601", "webbplats", "error", "Tillgänglighetsredogörelsens uppgifter i `mkdocs.yml` (`extra.rapportverket."
         "accessibility`) saknas, har en okänd nyckel eller ett felaktigt värde."),
    # import and new reports
    Code("RV701", "import", "error", "`scripts/import`: arbetsboken saknas, är av en typ som inte kan läsas, eller är "
         "trasig."),
    Code("RV702", "import", "error", "`scripts/import`: bladet som `--sheet` anger finns inte."),
    Code("RV703", "import", "error", "`scripts/import`: bladet har ingen tabell (ingen rubrikrad, eller inga rader "
         "under den)."),
    Code("RV704", "import", "error", "`scripts/import`: en cell har ett värde men dess kolumn saknar rubrik."),
    Code("RV705", "import", "error", "`scripts/import`: en formelcell utan sparat värde.",
         "öppna och spara arbetsboken i Excel eller LibreOffice först"),
    Code("RV711", "import", "error", "`scripts/import`: en cell är inte ett tal, datum eller en period som kolumnen "
         "behöver, eller har en annan enhet än kolumnen."),
    Code("RV712", "import", "error", "`scripts/import`: `--kind` är okänd, eller tabellen saknar en kolumn som typen "
         "kräver."),
    Code("RV714", "import", "error", "`scripts/import`: en kolumn för radtyp har ett värde som inte är en radroll."),
    Code("RV715", "import", "error", "`scripts/import --long`: periodkolumnerna har olika enheter."),
    Code("RV716", "import", "error", "`scripts/import`: resursen eller dess CSV-fil finns redan.",
         "välj ett annat --resource, eller ange --replace"),
    Code("RV721", "import", "error", "`scripts/new-report`: ORG eller SLUG är inget giltigt namn, eller `--period` "
         "kan inte läsas (eller är bara ett år för en delårsrapport)."),
    Code("RV722", "import", "error", "`scripts/new-report`: sidan eller datapaketet finns redan (skrivs aldrig över)."),
    Code("RV602", "webbplats", "error", "Öppna data-blocket i `mkdocs.yml` (`extra.rapportverket.opendata`) har en "
         "okänd nyckel eller ett felaktigt värde, eller `site_url` saknas."),
    # review
    Code("RV610", "granskning", "error", "`scripts/diff`: en revision finns inte i Git-arkivet, eller namnet kan inte "
         "vara en revision.", "ange en gren, tagg eller commit som finns, t.ex. scripts/diff main HEAD"),
    Code("RV611", "granskning", "error", "`scripts/diff`: mappen är inget Git-arkiv, eller en revision kan inte "
         "checkas ut.", "kör i projektets mapp; i CI behövs hela historiken (fetch-depth: 0)"),
    Code("RV612", "granskning", "error", "`scripts/diff`: ett alternativ har fel värde (`--threshold`, "
         "`--config-file`)."),
    # Kolada
    Code("RV801", "kolada", "error", "`data/kolada/cache.json` kan inte läsas (inte JSON, eller inte i det format "
         "`scripts/kolada-refresh` skriver)."),
    Code("RV802", "kolada", "error", "`scripts/kolada-refresh`: Kolada går inte att nå eller svarade något som inte "
         "går att använda (cachen lämnas som den var)."),
    # build
    Code("RV900", "bygge", "error", "Ett internt fel i motorn (en bugg, inte ett misstag av användaren): "
         "`scripts/build --debug` visar detaljerna."),
    Code("RV901", "bygge", "error", "Webbplatsens mapp kan inte skrivas (skrivskyddad mapp eller fullt minne).",
         "kontrollera behörigheterna för mappen, eller ange en annan med --site-dir"),
    Code("RV902", "bygge", "error", "Renderaren (mkdocs eller Zensical) misslyckades."),
)
CODES: dict[str, Code] = {c.code: c for c in _CODES}


def describe(code: str) -> Code:
    """The registry entry of a code; KeyError for a code nobody registered (a test keeps that from happening)."""
    return CODES[code]


def markdown_table(area: str | None = None) -> str:
    """The error codes as a Markdown table, for the docs (grouped by area when none is given)."""
    lines = []
    for key, title in AREAS.items():
        if area and key != area:
            continue
        chosen = [c for c in _CODES if c.area == key]
        if not chosen:
            continue
        lines += ["", f"### {title}", "", "| kod | betydelse | vanlig åtgärd |", "|---|---|---|"]
        lines += [f"| {c.code} | {c.meaning} | {c.hint or '–'} |" for c in chosen]
    return "\n".join(lines).lstrip("\n") + "\n"
