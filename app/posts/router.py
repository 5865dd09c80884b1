from app.core.crud_router import crud_router
from app.posts.service import posts

router = crud_router(posts)
