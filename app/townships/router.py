from app.core.crud_router import crud_router
from app.townships.service import townships

router = crud_router(townships)
