"""The page's language: the user's choice (kept in a cookie), else the browser's Accept-Language, else
Dutch, since buyers and contract managers are Dutch civil servants."""

from typing import Final

from starlette.requests import Request

from chainmap.themes import LANGS, Lang

LANGUAGE_COOKIE: Final = "chainmap_lang"
DEFAULT_LANG: Final[Lang] = "nl"


def accepted_language(header: str) -> Lang | None:
    """The first of our languages in an Accept-Language header, by its q-values ("en-GB,en;q=0.8")."""
    ranked: list[tuple[float, int, str]] = []
    for position, part in enumerate(header.split(",")):
        tag, _, parameters = part.strip().partition(";")
        quality = 1.0
        if parameters.strip().startswith("q="):
            try:
                quality = float(parameters.strip()[2:])
            except ValueError:
                quality = 0.0
        ranked.append((-quality, position, tag.strip().lower().split("-")[0]))
    for negative_quality, _, language in sorted(ranked):
        if negative_quality < 0 and language in LANGS:
            return language
    return None


def request_language(request: Request) -> Lang:
    """The language to answer `request` in."""
    chosen = request.cookies.get(LANGUAGE_COOKIE)
    if chosen in LANGS:
        return chosen
    return accepted_language(request.headers.get("accept-language", "")) or DEFAULT_LANG
