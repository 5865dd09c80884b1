"""The FastAPI application: routers, error handlers and the database, wired once."""

from __future__ import annotations

from fastapi import FastAPI

from app import health
from app.assignments.router import router as assignments
from app.audit import recorder as _audit_recorder  # noqa: F401  (registers the audit events)
from app.audit.router import router as audit
from app.cases.router import router as cases
from app.closures.router import router as closures
from app.core.config import Settings, get_settings
from app.core.db import make_engine, make_sessionmaker
from app.core.errors import install_error_handlers
from app.core.limits import LimitsMiddleware
from app.core.resilience import install_database_error_handlers
from app.counties.router import router as counties
from app.desk.router import router as desk
from app.exports.router import router as exports
from app.imports.router import router as imports
from app.me.router import router as me
from app.needs.router import router as needs
from app.placements.router import router as placements
from app.plans.router import router as plans
from app.posts.router import router as posts
from app.schools.router import router as schools
from app.solves.router import router as solves
from app.spreadsheets.router import router as spreadsheets
from app.squads.router import router as squads
from app.teachers.router import router as teachers
from app.terms.router import router as terms
from app.tokens.router import router as tokens
from app.townships.router import router as townships
from app.travel.router import router as travel
from app.vice_principals.router import router as vice_principals

ROUTERS = (
    health.router,
    me,
    counties,
    townships,
    schools,
    squads,
    teachers,
    cases,
    needs,
    terms,
    posts,
    vice_principals,
    closures,
    tokens,
    imports,
    spreadsheets,
    travel,
    exports,
    desk,
    solves,
    plans,
    placements,
    assignments,
    audit,
)

DESCRIPTION = """援教 Yuanjiao — rural teaching-support scheduling for a county education bureau.

Authenticate with `Authorization: Bearer <token>` (`yuanjiao token create`). Coordinator and
staff tokens act on their own county; an admin names the county with `X-County-Id`.
Every error has one shape: `{"error": {"code", "message" (zh-CN), "message_en", "details"}}`.
"""


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    app = FastAPI(title="Yuanjiao 援教", version="0.1.0", description=DESCRIPTION)
    app.state.settings = settings
    app.state.engine = make_engine(settings.database_url)
    app.state.sessions = make_sessionmaker(app.state.engine)
    install_error_handlers(app)
    install_database_error_handlers(app)
    app.add_middleware(LimitsMiddleware, settings=settings)
    for router in ROUTERS:
        app.include_router(router)
    return app
