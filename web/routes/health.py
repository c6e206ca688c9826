"""GET /healthz: 200 when the app answers and its database does."""

from fastapi import APIRouter
from sqlalchemy import text

from web.deps import SessionDep

router = APIRouter()


@router.get("/healthz")
def healthz(session: SessionDep) -> dict[str, str]:
    session.exec(text("SELECT 1"))  # type: ignore[call-overload]
    return {"status": "ok"}
