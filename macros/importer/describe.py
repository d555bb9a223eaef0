"""What the import guessed, in Swedish, one line per decision (printed by --dry-run and after an import)."""
from __future__ import annotations

from .cells import MISSING
from .columns import Column
from .plan import Plan

TYPES = {"string": "text", "integer": "heltal", "number": "tal", "date": "datum"}


def _column_line(column: Column) -> str:
    kind = TYPES.get(column.type, column.type)
    if column.decimals:
        kind += f" med {column.decimals} decimal" + ("er" if column.decimals > 1 else "")
    parts = [f"  {column.letter} '{column.header}' → {column.name}: {kind}"]
    sources = [g for g in column.guesses if g.startswith("(")]
    if column.unit:
        parts.append(" ".join([f"enhet {column.unit}", *sources]))
    if column.period is not None:
        parts.append(f"period {column.period.iso}")
    parts += [g for g in column.guesses if not g.startswith("(")]
    for marker, positions in column.markers.items():
        parts.append(f"'{marker}' ({MISSING[marker]}) blir tom cell på {len(positions)} rad"
                     + ("er" if len(positions) > 1 else ""))
    return ", ".join(parts)


def _role_lines(plan: Plan) -> list[str]:
    roles = plan.roles
    if roles.mode == "legacy":
        return ["Radtyper: kolumnen niva (post/delsumma/summa) behålls som den är"]
    if roles.mode == "none":
        return ["Radtyper: inga summarader hittades; alla rader är vanliga rader"]
    lines = [f"Radtyper (kolumnerna roll, {plan.key}, overordnad):"]
    for position, row in enumerate(plan.table.rows):
        text = next((c.values[position] for c in plan.columns if c.name == plan.label), "")
        parent = f" under {roles.parents[position]}" if roles.parents[position] else ""
        reason = f" ({roles.reasons[position]})" if roles.reasons[position] else ""
        lines.append(f"  rad {row.number:>3} '{text}' → {roles.roles[position]}{parent}{reason}")
    return lines


def _rule_lines(plan: Plan) -> list[str]:
    rules = plan.descriptor.get("rules", [])
    if not rules:
        return ["Regler: inga (ingen summa att kontrollera)"]
    lines = ["Regler (kontrolleras vid varje bygge):"]
    for rule in rules:
        if rule["rule"] == "sum":
            lines.append(f"  sum över {', '.join(rule['fields'])}"
                         + (" per " + ", ".join(rule["per"]) if rule.get("per") else ""))
        else:
            lines.append(f"  formula {rule['field']} = {rule['expression']} (tolerans {rule['tolerance']})")
    return lines


def describe(plan: Plan) -> str:
    sheet, table = plan.sheet, plan.table
    lines = [f"Arbetsbok: {sheet.file}" + (f", bladet {sheet.name}" if sheet.names else f" ({sheet.detail})")
             + (f" (blad: {', '.join(sheet.names)}; välj med --sheet)" if len(sheet.names) > 1 else "")]
    first, last = table.rows[0].number, table.rows[-1].number
    lines.append(f"Tabell: rubrikrad {table.header_row}, {len(table.rows)} rader med värden (rad {first}–{last})"
                 + (f"; titel '{table.titles[0]}'" if table.titles else ""))
    if table.notes:
        lines.append(f"Importeras inte (noter under tabellen): {' | '.join(table.notes)}")
    if plan.year:
        lines.append(f"År för perioder utan årtal: {plan.year}")
    if plan.periods:
        shown = ", ".join(c.period.iso for c in plan.periods)
        lines.append(f"Form: en kolumn per period ({shown}); " + (
            f"skrivs lång med kolumnerna {plan.output.period_field} och varde" if plan.output.period_field
            else "behålls bred med perioden angiven per kolumn (--long skriver den lång)"))
    lines.append("Kolumner:")
    lines += [_column_line(c) for c in plan.columns]
    lines += _role_lines(plan)
    lines.append(f"Kind: {plan.kind.id if plan.kind else 'ingen'} ({plan.kind_reason})")
    key = plan.descriptor["schema"].get("primaryKey")
    lines.append(f"Primärnyckel: {', '.join(key) if key else 'ingen (raderna matchas i ordning)'}")
    lines += _rule_lines(plan)
    folder = plan.options.package
    lines.append(f"Skriver: {folder / plan.descriptor['path']} ({len(plan.output.records)} rader) och resursen "
                 f"'{plan.descriptor['name']}' i {folder / 'datapackage.json'}")
    return "\n".join(lines)
