"""Every table, imported in one place so Alembic and the tests see the whole schema."""

from app.assignments.models import CalendarFeed
from app.audit.models import AuditEvent
from app.cases.models import Case
from app.closures.models import Closure
from app.core.db import Base
from app.counties.models import County
from app.needs.models import Need
from app.placements.models import Placement, PlacementLock, PlacementVersion, PlacementWithdrawal
from app.plans.models import PlanVersion, Visit
from app.posts.models import Post
from app.schools.models import School
from app.solves.models import Solve
from app.squads.models import Squad
from app.teachers.models import Teacher
from app.terms.models import Term
from app.tokens.models import ApiToken
from app.townships.models import Township
from app.travel.models import TravelTime
from app.vice_principals.models import VicePrincipal

__all__ = [
    "ApiToken",
    "AuditEvent",
    "Base",
    "CalendarFeed",
    "Case",
    "Closure",
    "County",
    "Need",
    "Placement",
    "PlacementLock",
    "PlacementVersion",
    "PlacementWithdrawal",
    "PlanVersion",
    "Post",
    "School",
    "Solve",
    "Squad",
    "Teacher",
    "Term",
    "Township",
    "TravelTime",
    "VicePrincipal",
    "Visit",
]
