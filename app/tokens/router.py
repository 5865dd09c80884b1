from typing import Annotated

from fastapi import APIRouter, Depends, status

from app.core.crud_router import ERRORS, RowId
from app.core.db import SessionDep
from app.core.permissions import ADMIN, Access
from app.tokens import service
from app.tokens.schemas import TokenCreated, TokenIn, TokenOut

router = APIRouter(prefix="/api/v1/tokens", tags=["tokens"], responses=ERRORS)
AdminAccess = Annotated[Access, Depends(ADMIN)]


@router.post("", status_code=status.HTTP_201_CREATED, summary="Issue a token (secret shown once)")
def create_token(body: TokenIn, session: SessionDep, _: AdminAccess) -> TokenCreated:
    return service.issue(
        session, body.role, body.county_id, body.staff_kind, body.staff_id, body.label
    )


@router.get("", summary="List tokens (never their secrets)")
def list_tokens(session: SessionDep, _: AdminAccess) -> list[TokenOut]:
    return service.list_tokens(session)


@router.delete("/{token_id}", summary="Revoke a token")
def revoke_token(token_id: RowId, session: SessionDep, _: AdminAccess) -> TokenOut:
    return service.revoke(session, token_id)
