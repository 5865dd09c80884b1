from app.core.crud_router import crud_router
from app.needs.service import needs

router = crud_router(needs)
