"""GET /favicon.ico: browsers that ask for the icon at the site's root (before reading a page's
`<link rel="icon">`) get the app's icon, the SVG of /static/favicon.svg."""

from pathlib import Path
from typing import Final

from fastapi import APIRouter
from fastapi.responses import FileResponse

router = APIRouter()

ICON: Final = Path(__file__).resolve().parents[1] / "static" / "favicon.svg"


@router.get("/favicon.ico", include_in_schema=False)
def favicon() -> FileResponse:
    return FileResponse(ICON, media_type="image/svg+xml")
