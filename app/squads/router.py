from app.core.crud_router import crud_router
from app.squads.service import squads

router = crud_router(squads)
