from app.core.crud_router import crud_router
from app.counties.service import counties

router = crud_router(counties)
