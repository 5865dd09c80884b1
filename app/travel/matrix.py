"""The coordinator's travel matrix: rows of (from code, to code, minutes), CSV or .xlsx.

Codes are the county's own: a school's, or a squad's / teacher's (their base). Each row is
stored with the coordinates both places have now, so a place that moves later stops using
it. An upload replaces the county's whole matrix, all or nothing; a header row (起点代码 /
from, 终点代码 / to, 分钟 / minutes) is optional; a header-only file clears the matrix.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from app.core.errors import Problem
from app.imports.cells import as_text, is_blank
from app.imports.problems import cell_problem, rows_invalid
from app.imports.reading import Table
from app.schools.models import School
from app.squads.models import Squad
from app.teachers.models import Teacher
from app.travel.models import UPLOADED, TravelTime

HEADERS = ("起点代码", "终点代码", "分钟")
HEADERS_EN = ("from", "to", "minutes")
MAX_MINUTES = 24 * 60  # the service's bound for a day's minutes


@dataclass(frozen=True)
class MatrixReport:
    rows: int
    entries: int
    replaced: int


def place_coordinates(session: Session, county_id: int) -> dict[str, list[tuple[float, float]]]:
    """Every code a matrix may name → the coordinates it stands for (several if ambiguous)."""
    found: dict[str, list[tuple[float, float]]] = {}
    for code, lat, lon in session.execute(
        select(School.code, School.latitude, School.longitude).where(School.county_id == county_id)
    ):
        found.setdefault(code, []).append((lat, lon))
    for model in (Squad, Teacher):
        for code, lat, lon in session.execute(
            select(model.code, model.base_latitude, model.base_longitude).where(
                model.county_id == county_id
            )
        ):
            found.setdefault(code, []).append((lat, lon))
    return found


def replace_matrix(session: Session, county_id: int, table: Table, dry_run: bool) -> MatrixReport:
    rows = table.rows
    if rows and _is_header(rows[0][1]):
        rows = rows[1:]
    places = place_coordinates(session, county_id)
    problems: list[Problem] = []
    entries: dict[tuple[str, str], tuple[int, int]] = {}  # pair → (minutes, row number)
    for number, cells in rows:
        parsed = _row(table.sheet, number, cells, places, problems)
        if parsed is None:
            continue
        pair, minutes = parsed
        if pair in entries and entries[pair][0] != minutes:
            problems.append(
                _problem(
                    table.sheet,
                    number,
                    2,
                    f"与第 {entries[pair][1]} 行的分钟数不同",
                    f"contradicts row {entries[pair][1]}",
                )
            )
            continue
        entries.setdefault(pair, (minutes, number))
    if problems:
        raise rows_invalid(problems, ())
    old = session.scalars(
        select(TravelTime.id).where(
            TravelTime.county_id == county_id, TravelTime.provider == UPLOADED
        )
    ).all()
    report = MatrixReport(rows=len(rows), entries=len(entries), replaced=len(old))
    if dry_run:
        return report
    session.execute(
        delete(TravelTime).where(TravelTime.county_id == county_id, TravelTime.provider == UPLOADED)
    )
    values = [
        {
            "county_id": county_id,
            "provider": UPLOADED,
            "from_code": a,
            "to_code": b,
            "from_latitude": places[a][0][0],
            "from_longitude": places[a][0][1],
            "to_latitude": places[b][0][0],
            "to_longitude": places[b][0][1],
            "minutes": minutes,
        }
        for (a, b), (minutes, _) in entries.items()
    ]
    if values:
        session.execute(insert(TravelTime), values)
    session.commit()
    return report


def _is_header(cells: Sequence[Any]) -> bool:
    third = as_text(cells[2]) if len(cells) > 2 and not is_blank(cells[2]) else ""
    return not third.isdigit() and not _is_number(third)


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _row(
    sheet: str,
    number: int,
    cells: Sequence[Any],
    places: dict[str, list[tuple[float, float]]],
    problems: list[Problem],
) -> tuple[tuple[str, str], int] | None:
    values = [_text(cells, position) for position in range(3)]
    before = len(problems)
    for position in (0, 1):
        code = values[position]
        if not code:
            problems.append(_problem(sheet, number, position, "缺少代码", "missing code"))
        elif code not in places:
            problems.append(
                _problem(
                    sheet,
                    number,
                    position,
                    f"本县没有代码为 {code} 的学校、小分队或教师",
                    f"no school, squad or teacher with code {code} in this county",
                )
            )
        elif len(places[code]) > 1:
            problems.append(
                _problem(
                    sheet,
                    number,
                    position,
                    f"代码 {code} 同时属于多个学校/小分队/教师，无法确定地点",
                    f"code {code} names more than one school/squad/teacher",
                )
            )
    if values[0] and values[0] == values[1]:
        problems.append(_problem(sheet, number, 1, "起点和终点相同", "from and to are the same"))
    minutes = _minutes(values[2])
    if minutes is None:
        problems.append(
            _problem(
                sheet,
                number,
                2,
                f"分钟数应为 0 到 {MAX_MINUTES} 的整数",
                f"minutes must be a whole number from 0 to {MAX_MINUTES}",
            )
        )
    if len(problems) > before or minutes is None:
        return None
    return (values[0], values[1]), minutes


def _text(cells: Sequence[Any], position: int) -> str:
    if position >= len(cells) or is_blank(cells[position]):
        return ""
    return as_text(cells[position])


def _minutes(text: str) -> int | None:
    try:
        value = float(text)
    except ValueError:
        return None
    if not value.is_integer() or not 0 <= value <= MAX_MINUTES:
        return None
    return int(value)


def _problem(sheet: str, row: int, position: int, zh: str, en: str) -> Problem:
    header = HEADERS[position]
    return cell_problem(
        sheet, row, header, position, f"{header}：{zh}", f"{HEADERS_EN[position]}: {en}"
    )
