from app.core.crud_router import crud_router
from app.schools.service import schools

router = crud_router(schools)
