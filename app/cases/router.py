from app.cases.service import cases
from app.core.crud_router import crud_router

router = crud_router(cases)
