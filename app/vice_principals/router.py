from app.core.crud_router import crud_router
from app.vice_principals.service import vice_principals

router = crud_router(vice_principals)
