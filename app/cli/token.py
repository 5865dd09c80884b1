"""Manage API tokens: `yuanjiao token create --role R [--county C] [--staff KIND:CODE]`."""

from __future__ import annotations

import argparse
from typing import cast

from sqlalchemy import select

from app.core.config import get_settings
from app.core.db import make_engine, make_sessionmaker
from app.core.errors import ApiError
from app.core.security import ROLES, STAFF_KINDS, Role, StaffKind
from app.counties.models import County
from app.tokens.service import find_staff, issue


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", required=True)
    create = actions.add_parser("create", help="issue a token; the secret is the last line")
    create.add_argument("--role", required=True, choices=ROLES)
    create.add_argument("--county", help="county id or code (coordinator, staff)")
    create.add_argument(
        "--staff",
        help="staff only: KIND:CODE with KIND squad|teacher|vice_principal, e.g. teacher:PT01",
    )
    create.add_argument("--label", default="", help="a note to recognise the token by")


def run(args: argparse.Namespace) -> int:
    engine = make_engine(get_settings().database_url)
    with make_sessionmaker(engine)() as session:
        county_id = None
        if args.county is not None:
            county_id = session.scalar(
                select(County.id).where(
                    (County.code == args.county)
                    | (County.id == (int(args.county) if args.county.isdigit() else -1))
                )
            )
            if county_id is None:
                raise ApiError(404, "not_found", "未找到该县", f"No county {args.county}")
        staff_kind: StaffKind | None = None
        staff_id = None
        if args.staff is not None:
            kind, _, code = args.staff.partition(":")
            if kind not in STAFF_KINDS or not code or county_id is None:
                raise ApiError(
                    422,
                    "validation_failed",
                    "--staff 格式应为 KIND:CODE，并须指定 --county",
                    "--staff must be KIND:CODE (with --county)",
                )
            staff_kind = cast(StaffKind, kind)
            staff_id = find_staff(session, county_id, staff_kind, code)
        created = issue(session, cast(Role, args.role), county_id, staff_kind, staff_id, args.label)
    engine.dispose()
    print(f"token #{created.id} role={created.role} county={created.county_id}")
    print("store it now; it is not shown again:")
    print(created.secret)
    return 0
