"""Permission rules, declared on every route as a dependency (never checked inline).

A route's rule answers three questions before the handler runs: is the caller
authenticated, may their role (and, for staff, what they are bound to) use this route, and
which county does the request act on. ``tests/test_permissions.py`` walks ``app.routes`` and
fails when a route has no rule, and derives the authorization matrix from these rules.

County selection: coordinators and staff always act on their token's county. An admin
names the county with the ``X-County-Id`` header; sending another county's id with a
coordinator or staff token is refused (403) rather than silently ignored.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Literal

from fastapi import Depends, Header
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import select

from app.core.db import SessionDep
from app.core.errors import ApiError, Problem, invalid
from app.core.security import Principal, Role, StaffKind, principal_for
from app.counties.models import County

_bearer = HTTPBearer(auto_error=False, description="API token (yuanjiao token create)")
CountyMode = Literal["required", "optional", "none"]


@dataclass(frozen=True)
class Access:
    """The outcome of a rule: who is calling and which county the request acts on."""

    principal: Principal | None
    county_id: int | None


@dataclass(frozen=True)
class Rule:
    name: str
    roles: frozenset[Role] = frozenset()
    # For staff tokens: which bindings may use the route (empty = none may).
    staff_kinds: frozenset[StaffKind] = frozenset()
    # required: the route acts on one county; optional: admin may omit it (sees all);
    # none: the route is not county-scoped (tokens, health).
    county: CountyMode = "required"
    public: bool = False

    def allows(self, role: Role, staff_kind: StaffKind | None = None) -> bool:
        if self.public:
            return True
        if role == "staff":
            return role in self.roles and staff_kind in self.staff_kinds
        return role in self.roles

    def __call__(
        self,
        session: SessionDep,
        credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
        x_county_id: Annotated[
            int | None, Header(description="admin only: the county to act on")
        ] = None,
    ) -> Access:
        if self.public:
            return Access(None, None)
        principal = principal_for(session, credentials.credentials) if credentials else None
        if principal is None:
            raise ApiError(
                401,
                "not_authenticated",
                "需要有效的访问令牌",
                "A valid bearer token is required",
                headers={"WWW-Authenticate": "Bearer"},
            )
        if not self.allows(principal.role, principal.staff_kind):
            raise ApiError(403, "forbidden", "无权执行此操作", "Your token may not do this")
        session.info["principal"] = principal  # who acted, for the audit log (app/audit)
        return Access(principal, self._county(session, principal, x_county_id))

    def _county(self, session: SessionDep, principal: Principal, header: int | None) -> int | None:
        if self.county == "none":
            return None
        if principal.role != "admin":
            if header is not None and header != principal.county_id:
                raise ApiError(
                    403,
                    "other_county",
                    "不能访问其他县的数据",
                    "Another county's data is off limits",
                )
            return principal.county_id
        if header is None:
            if self.county == "optional":
                return None
            raise invalid(
                [
                    Problem(
                        "header.x-county-id",
                        "管理员须指定县（X-County-Id）",
                        "admin must name the county (X-County-Id)",
                    )
                ]
            )
        if session.scalar(select(County.id).where(County.id == header)) is None:
            raise ApiError(404, "not_found", "未找到该县", "No such county")
        return header


PUBLIC = Rule("public", public=True, county="none")
ADMIN = Rule("admin", roles=frozenset({"admin"}), county="none")
COUNTY_READ = Rule("county_read", roles=frozenset({"admin", "coordinator"}))
COUNTY_WRITE = Rule("county_write", roles=frozenset({"admin", "coordinator"}))
# Counties themselves: an admin sees all, a coordinator only their own (e.g. to edit skills).
COUNTY_SELF = Rule("county_self", roles=frozenset({"admin", "coordinator"}), county="optional")
# Psychology teachers read their own cases; the service narrows the rows (see cases).
CASE_READ = Rule(
    "case_read",
    roles=frozenset({"admin", "coordinator", "staff"}),
    staff_kinds=frozenset({"teacher"}),
)
SIGNED_IN = Rule(
    "signed_in",
    roles=frozenset({"admin", "coordinator", "staff"}),
    staff_kinds=frozenset({"squad", "teacher", "vice_principal"}),
    county="none",
)
