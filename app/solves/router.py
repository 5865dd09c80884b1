"""Weekly solves over HTTP: start (202), watch, list, cancel."""

from typing import Annotated, Any, cast

from fastapi import APIRouter, Depends, Path, Request, Response, status

from app.core.crud_router import ERRORS
from app.core.db import SessionDep
from app.core.fields import MAX_ID
from app.core.pagination import Page, parse_list_query
from app.core.permissions import COUNTY_READ, COUNTY_WRITE, Access
from app.jobs.dispatch import QueueDep
from app.planning.weeks import WeekParam, parse_week
from app.solves import service
from app.solves.models import Solve
from app.solves.schemas import SolveCreate, SolveOut

router = APIRouter(prefix="/api/v1", tags=["solves"], responses=ERRORS)
SolveId = Annotated[int, Path(ge=1, le=MAX_ID, description="the solve's id")]


@router.post(
    "/weeks/{week}/solves",
    status_code=status.HTTP_202_ACCEPTED,
    summary="Start a weekly solve in the background (409 while one is queued or running)",
)
def start_solve(
    week: WeekParam,
    body: SolveCreate,
    request: Request,
    response: Response,
    session: SessionDep,
    access: Annotated[Access, Depends(COUNTY_WRITE)],
    queue: QueueDep,
) -> SolveOut:
    iso = parse_week(week)
    solve = service.start_solve(session, access, request.app.state.settings, queue, iso, body)
    response.headers["Location"] = f"/api/v1/solves/{solve.id}"
    return service.describe(session, solve)


@router.get(
    "/weeks/{week}/solves",
    response_model=Page[SolveOut],
    summary="Solves of a week, newest first (?status= filters)",
)
def list_solves(
    week: WeekParam,
    request: Request,
    session: SessionDep,
    access: Annotated[Access, Depends(COUNTY_READ)],
) -> Any:
    iso = parse_week(week)
    params = dict(request.query_params)
    params.setdefault("sort", "-id")
    query = parse_list_query(params, cast(Any, Solve), ("status",), ())
    return service.list_solves(session, access, iso, query)


@router.get("/solves/{solve_id}", summary="A solve's status, progress, errors and draft")
def get_solve(
    solve_id: SolveId,
    session: SessionDep,
    access: Annotated[Access, Depends(COUNTY_READ)],
    _queue: QueueDep,  # on SQLite this starts the embedded worker, which fails lost solves
) -> SolveOut:
    return service.describe(session, service.get_solve(session, access, solve_id))


@router.delete("/solves/{solve_id}", summary="Cancel a queued or running solve")
def cancel_solve(
    solve_id: SolveId,
    session: SessionDep,
    access: Annotated[Access, Depends(COUNTY_WRITE)],
    queue: QueueDep,
) -> SolveOut:
    solve = service.cancel_solve(session, access, queue, solve_id)
    return service.describe(session, solve)
