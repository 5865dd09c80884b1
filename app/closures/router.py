from app.closures.service import closures
from app.core.crud_router import crud_router

router = crud_router(closures)
