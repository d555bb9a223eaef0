"""The status vocabulary: one ordinal scale for goals, activities and controls, shown as text + icon + colour."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Status:
    id: str
    label: str
    icon: str
    tone: str      # good | partial | bad | neutral: the colour, never the only signal
    rank: int      # ordinal: higher is better
    plural: str = ""   # "uppfyllda": for a count of more than one ("2 som uppfyllda")

    def label_for(self, count: int) -> str:
        return self.plural if count != 1 and self.plural else self.label


_ROWS = [
    ("uppfyllt", "Uppfyllt", "✔", "good", 5, "Uppfyllda"),
    ("mestadels_uppfyllt", "Mestadels uppfyllt", "◕", "good", 4, "Mestadels uppfyllda"),
    ("delvis_uppfyllt", "Delvis uppfyllt", "◑", "partial", 3, "Delvis uppfyllda"),
    ("ej_uppfyllt", "Ej uppfyllt", "✖", "bad", 1, "Ej uppfyllda"),
    ("ej_utvarderat", "Ej utvärderat", "○", "neutral", 0, "Ej utvärderade"),
    ("ej_rapporterat", "Ej rapporterat", "○", "neutral", 0, "Ej rapporterade"),
    ("avslutad", "Avslutad", "✔", "good", 5, "Avslutade"),
    ("avslutad_med_avvikelse", "Avslutad med avvikelse", "✔", "partial", 4, "Avslutade med avvikelse"),
    ("pagaende", "Pågående", "➜", "neutral", 3, "Pågående"),
    ("pagaende_med_avvikelse", "Pågående med avvikelse", "⚠", "partial", 2, "Pågående med avvikelse"),
    ("pagaende_forsenad", "Pågående, försenad", "⚠", "bad", 2, "Pågående, försenade"),
    ("ej_paborjad", "Ej påbörjad", "○", "neutral", 1, "Ej påbörjade"),
    ("genomford", "Genomförd", "✔", "good", 5, "Genomförda"),
    ("delvis_genomford", "Delvis genomförd", "◑", "partial", 3, "Delvis genomförda"),
    ("ej_genomford", "Ej genomförd", "✖", "bad", 1, "Ej genomförda"),
]
STATUSES: dict[str, Status] = {row[0]: Status(*row) for row in _ROWS}
STATUS_FIELD_NAMES = ("status", "bedomning")


def status_of(value: object) -> Status | None:
    return STATUSES.get(str(value)) if value is not None else None
