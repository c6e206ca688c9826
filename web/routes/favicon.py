"""GET /favicon.ico: browsers that ask for the icon at the site's root (before reading a page's
`<link rel="icon">`) are sent to the app's icon."""

from fastapi import APIRouter
from fastapi.responses import RedirectResponse

router = APIRouter()

ICON = "/static/favicon.svg"


@router.get("/favicon.ico", include_in_schema=False)
def favicon() -> RedirectResponse:
    return RedirectResponse(ICON, status_code=301)
