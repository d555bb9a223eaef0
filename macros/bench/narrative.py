"""Swedish-like narrative for the synthetic reports: sentences put together from word lists, from a seeded random.

The text need not mean much; it has to look like a report's prose to Markdown, search and the browser
(word lengths, inflected forms, headings, lists). Every phrase here is written for the benchmark.
"""
from __future__ import annotations

import random

TIMES = ("Under året", "Under perioden", "Under våren", "Under hösten", "I början av perioden",
         "Mot slutet av perioden", "Sedan förra rapporten", "Jämfört med samma period förra året",
         "Efter sommaren", "Under första halvåret", "Fram till augusti", "Under de senaste månaderna")
SUBJECTS = ("förvaltningen", "nämnden", "verksamheten", "enheterna", "personalen", "ledningsgruppen",
            "arbetsgruppen", "de anställda", "cheferna", "kommunen", "samordnarna", "kvalitetsgruppen")
# (finite verb, the rest): Swedish puts the finite verb second, before the subject after a fronted phrase.
VERBS = (("har", "arbetat vidare med"), ("har", "prövat"), ("har", "följt upp"), ("har", "förbättrat"),
         ("har", "planerat"), ("har", "utrett"), ("har", "samordnat"), ("fortsätter", "med"), ("prioriterar", ""),
         ("har", "utvärderat"), ("har", "påbörjat"), ("har", "avslutat"), ("har", "förenklat"),
         ("har", "sett över"), ("har", "förstärkt"), ("har", "kartlagt"))
OBJECTS = ("rutinerna för dokumentation", "samarbetet med regionen", "introduktionen av nya medarbetare",
           "lokalförsörjningen", "den digitala ärendehanteringen", "uppföljningen av kvaliteten",
           "arbetsmiljön i arbetsgrupperna", "bemanningen under semesterperioden", "kontakterna med föreningarna",
           "underhållet av lokalerna", "informationen till invånarna", "planeringen av nästa års budget",
           "schemaläggningen", "kompetensutvecklingen", "upphandlingen av tjänster", "det förebyggande arbetet",
           "handläggningstiderna", "tillgängligheten på webbplatsen", "samverkan mellan enheterna",
           "uppföljningen av avtalen", "rekryteringen av specialister", "mottagandet av nya ärenden")
PURPOSES = ("för att korta väntetiderna", "så att fler får stöd i tid", "med gott resultat",
            "utan att kostnaderna har ökat", "i nära dialog med brukarna", "enligt den plan som nämnden beslutade",
            "trots en ansträngd bemanning", "tillsammans med andra förvaltningar", "inom ramen för budgeten",
            "med hjälp av statsbidrag", "för att minska sårbarheten", "efter synpunkter från invånarna",
            "som en del av förbättringsarbetet", "i enlighet med lagens krav")
JUDGEMENTS = ("bedömer att", "konstaterar att", "ser att", "räknar med att", "förväntar sig att", "noterar att")
STATES = ("arbetet går enligt plan", "effekterna syns först nästa år", "kostnaderna ligger i nivå med budgeten",
          "efterfrågan fortsätter att öka", "resultatet är bättre än väntat", "behoven skiljer sig mellan enheterna",
          "fler invånare har fått svar inom utsatt tid", "personalomsättningen har minskat något",
          "det finns risker som behöver följas noga", "målen för perioden i huvudsak nås")
CONNECTORS = ("Därför", "Samtidigt", "Dessutom", "Till exempel", "Framför allt", "Sammantaget", "Däremot")


def sentence(rng: random.Random) -> str:
    """One sentence of one of four shapes."""
    shape = rng.randrange(4)
    if shape == 0:
        return f"{rng.choice(TIMES)} {_clause(rng)} {rng.choice(PURPOSES)}."
    if shape == 1:
        return f"{rng.choice(SUBJECTS).capitalize()} {rng.choice(JUDGEMENTS)} {rng.choice(STATES)}."
    if shape == 2:
        return f"{rng.choice(CONNECTORS)} {_clause(rng)}, och {rng.choice(SUBJECTS)} {rng.choice(JUDGEMENTS)} " \
               f"{rng.choice(STATES)}."
    return f"{rng.choice(OBJECTS).capitalize()} {rng.choice(('är', 'blir', 'förblir'))} en viktig fråga " \
           f"{rng.choice(PURPOSES)}."


def _clause(rng: random.Random) -> str:
    """After a fronted phrase: finite verb, subject, the rest of the verb, object."""
    finite, rest = rng.choice(VERBS)
    return " ".join(w for w in (finite, rng.choice(SUBJECTS), rest, rng.choice(OBJECTS)) if w)


def paragraph(rng: random.Random, words: int) -> str:
    """Sentences until the paragraph has at least `words` words."""
    sentences: list[str] = []
    while sum(len(s.split()) for s in sentences) < words:
        sentences.append(sentence(rng))
    return " ".join(sentences)


def bullets(rng: random.Random, count: int) -> list[str]:
    return [f"- **{rng.choice(OBJECTS).capitalize()}.** {sentence(rng)}" for _ in range(count)]
