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


_ROWS = [
    ("uppfyllt", "Uppfyllt", "✔", "good", 5),
    ("mestadels_uppfyllt", "Mestadels uppfyllt", "◕", "good", 4),
    ("delvis_uppfyllt", "Delvis uppfyllt", "◑", "partial", 3),
    ("ej_uppfyllt", "Ej uppfyllt", "✖", "bad", 1),
    ("ej_utvarderat", "Ej utvärderat", "○", "neutral", 0),
    ("ej_rapporterat", "Ej rapporterat", "○", "neutral", 0),
    ("avslutad", "Avslutad", "✔", "good", 5),
    ("avslutad_med_avvikelse", "Avslutad med avvikelse", "✔", "partial", 4),
    ("pagaende", "Pågående", "➜", "neutral", 3),
    ("pagaende_med_avvikelse", "Pågående med avvikelse", "⚠", "partial", 2),
    ("pagaende_forsenad", "Pågående, försenad", "⚠", "bad", 2),
    ("ej_paborjad", "Ej påbörjad", "○", "neutral", 1),
    ("genomford", "Genomförd", "✔", "good", 5),
    ("delvis_genomford", "Delvis genomförd", "◑", "partial", 3),
    ("ej_genomford", "Ej genomförd", "✖", "bad", 1),
]
STATUSES: dict[str, Status] = {row[0]: Status(*row) for row in _ROWS}
STATUS_FIELD_NAMES = ("status", "bedomning")


def status_of(value: object) -> Status | None:
    return STATUSES.get(str(value)) if value is not None else None
