from app.core.crud_router import crud_router
from app.terms.service import terms

router = crud_router(terms)
