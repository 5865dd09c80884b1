"""A term's vice-principal placements over HTTP: solve (202, through the solve queue),
review, lock, withdraw, publish, export; and a vice-principal's own published placement."""

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Request, Response, status

from app.core.crud_router import ERRORS
from app.core.db import SessionDep
from app.core.fields import MAX_ID
from app.core.permissions import COUNTY_READ, COUNTY_WRITE, Access, Rule
from app.jobs.dispatch import QueueDep
from app.placements import service, versions
from app.placements.export import placements_workbook
from app.placements.schemas import (
    LockBody,
    LockOut,
    MyPlacementOut,
    PlacementSolveCreate,
    TermPlacementsOut,
    VersionOut,
    WeightOut,
    WithdrawalCreate,
)
from app.placements.weights import default_weights
from app.solves.schemas import SolveOut
from app.solves.service import describe
from app.spreadsheets.router import attachment
from app.spreadsheets.styling import XLSX_MEDIA_TYPE

router = APIRouter(prefix="/api/v1", tags=["placements"], responses=ERRORS)
BASE = "/terms/{term}/placements"
TermParam = Annotated[
    str, Path(min_length=1, max_length=32, description="the term's code (e.g. 2026-2) or id")
]
VersionNumber = Annotated[
    int | None, Query(ge=1, le=MAX_ID, description="version number (default: the newest)")
]
VicePrincipalId = Annotated[int, Path(ge=1, le=MAX_ID, description="the vice-principal's id")]
Reader = Annotated[Access, Depends(COUNTY_READ)]
Writer = Annotated[Access, Depends(COUNTY_WRITE)]
# Only a token bound to a vice-principal has a placement of its own.
OWN_PLACEMENT = Rule(
    "own_placement", roles=frozenset({"staff"}), staff_kinds=frozenset({"vice_principal"})
)


def _county(access: Access) -> int:
    assert access.county_id is not None  # county-scoped rules always resolve one
    return access.county_id


def _token(access: Access) -> int | None:
    return access.principal.token_id if access.principal else None


@router.post(
    f"{BASE}/solve",
    status_code=status.HTTP_202_ACCEPTED,
    summary="Start a placement solve in the background; follow it at GET /solves/{id}",
)
def start_solve(
    term: TermParam,
    body: PlacementSolveCreate,
    request: Request,
    response: Response,
    session: SessionDep,
    access: Writer,
    queue: QueueDep,
) -> SolveOut:
    row = versions.require_term(session, _county(access), term)
    settings = request.app.state.settings
    solve = service.start_solve(session, access, settings, queue, row, body)
    response.headers["Location"] = f"/api/v1/solves/{solve.id}"
    return describe(session, solve)


@router.get(BASE, summary="The term's placements (newest version or ?version=) with reasons")
def read_placements(
    term: TermParam, session: SessionDep, access: Reader, version: VersionNumber = None
) -> TermPlacementsOut:
    row = versions.require_term(session, _county(access), term)
    return versions.present(session, row, versions.get_version(session, row.id, version))


@router.get(f"{BASE}/versions", summary="Every placement version of the term, newest first")
def list_versions(term: TermParam, session: SessionDep, access: Reader) -> list[VersionOut]:
    row = versions.require_term(session, _county(access), term)
    return versions.list_versions(session, row.id)


@router.get(f"{BASE}/weights", summary="The soft rules' default points (a solve may override)")
def read_weights(term: TermParam, session: SessionDep, access: Reader) -> list[WeightOut]:
    versions.require_term(session, _county(access), term)
    return default_weights()


@router.get(f"{BASE}/locks", summary="Placements the coordinator locked for the term")
def list_locks(term: TermParam, session: SessionDep, access: Reader) -> list[LockOut]:
    return service.list_locks(session, versions.require_term(session, _county(access), term))


@router.put(
    f"{BASE}/locks/{{vice_principal_id}}",
    summary="Lock a vice-principal in a post; every later solve keeps it (422 if it breaks a rule)",
)
def set_lock(
    term: TermParam,
    vice_principal_id: VicePrincipalId,
    body: LockBody,
    session: SessionDep,
    access: Writer,
) -> LockOut:
    row = versions.require_term(session, _county(access), term)
    return service.set_lock(session, row, vice_principal_id, body.post_id)


@router.delete(
    f"{BASE}/locks/{{vice_principal_id}}",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Unlock a vice-principal",
)
def remove_lock(
    term: TermParam, vice_principal_id: VicePrincipalId, session: SessionDep, access: Writer
) -> Response:
    row = versions.require_term(session, _county(access), term)
    service.remove_lock(session, row, vice_principal_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post(
    f"{BASE}/withdrawals",
    status_code=status.HTTP_202_ACCEPTED,
    summary="Withdraw a candidate and re-solve moving as few others as possible",
)
def withdraw(
    term: TermParam,
    body: WithdrawalCreate,
    request: Request,
    response: Response,
    session: SessionDep,
    access: Writer,
    queue: QueueDep,
) -> SolveOut:
    row = versions.require_term(session, _county(access), term)
    settings = request.app.state.settings
    solve = service.withdraw(session, access, settings, queue, row, body)
    response.headers["Location"] = f"/api/v1/solves/{solve.id}"
    return describe(session, solve)


@router.get(f"{BASE}/withdrawals", summary="Ids of the vice-principals withdrawn from the term")
def list_withdrawals(term: TermParam, session: SessionDep, access: Reader) -> list[int]:
    return service.list_withdrawals(session, versions.require_term(session, _county(access), term))


@router.delete(
    f"{BASE}/withdrawals/{{vice_principal_id}}",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Undo a withdrawal; the next solve considers them again",
)
def reinstate(
    term: TermParam, vice_principal_id: VicePrincipalId, session: SessionDep, access: Writer
) -> Response:
    row = versions.require_term(session, _county(access), term)
    service.reinstate(session, row, vice_principal_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post(f"{BASE}/publish", summary="Publish a draft (newest or ?version=); it never changes")
def publish(
    term: TermParam, session: SessionDep, access: Writer, version: VersionNumber = None
) -> VersionOut:
    row = versions.require_term(session, _county(access), term)
    return versions.publish(session, row.id, version, _token(access))


@router.get(
    "/terms/{term}/placements.xlsx",
    summary="The term's placements as a printable workbook",
    response_class=Response,
    responses={200: {"content": {XLSX_MEDIA_TYPE: {}}}},
)
def placements_xlsx(
    term: TermParam, session: SessionDep, access: Reader, version: VersionNumber = None
) -> Response:
    row = versions.require_term(session, _county(access), term)
    plan = versions.present(session, row, versions.get_version(session, row.id, version))
    return Response(
        placements_workbook(plan),
        media_type=XLSX_MEDIA_TYPE,
        headers=attachment(f"副校长安排-{row.code}-v{plan.version.number}.xlsx"),
    )


@router.get("/me/placement", summary="Your own post in the term's published placements")
def my_placement(
    term: Annotated[str, Query(min_length=1, max_length=32, description="term code or id")],
    session: SessionDep,
    access: Annotated[Access, Depends(OWN_PLACEMENT)],
) -> MyPlacementOut:
    return service.my_placement(session, access, term)
