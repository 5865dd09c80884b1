"""Import one uploaded sheet: read it, match its headers, upsert its rows, report counts."""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.imports.availability import import_availability
from app.imports.columns import SHEETS
from app.imports.layout import layout
from app.imports.reading import read_table
from app.imports.schemas import ImportReport, SheetNote
from app.imports.upsert import import_resource


def import_sheet(
    session: Session,
    county_id: int | None,
    entity: str,
    content: bytes,
    filename: str,
    dry_run: bool,
) -> ImportReport:
    """All or nothing: raises :class:`~app.imports.problems.ImportInvalid` listing every bad
    row before anything is written; ``dry_run`` stops after validating."""
    spec = SHEETS[entity]
    placed = layout(spec, read_table(content, filename))
    importer = import_availability if spec.resource is None else import_resource
    counts = importer(session, county_id, spec, placed, dry_run)
    return ImportReport(
        entity=entity,
        dry_run=dry_run,
        sheet=placed.sheet,
        rows=counts.rows,
        created=counts.created,
        updated=counts.updated,
        unchanged=counts.unchanged,
        warnings=[SheetNote(**warning.__dict__) for warning in placed.warnings],
    )
