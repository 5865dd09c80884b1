from app.core.crud_router import crud_router
from app.teachers.service import teachers

router = crud_router(teachers)
