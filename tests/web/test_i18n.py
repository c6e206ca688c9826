"""Choosing the page language from the browser's Accept-Language header."""

import pytest

from web.i18n import accepted_language


@pytest.mark.parametrize(
    ("header", "language"),
    [
        ("en-GB,en;q=0.9", "en"),
        ("nl-NL,nl;q=0.9,en;q=0.8", "nl"),
        ("de-DE,de;q=0.9,en;q=0.5", "en"),
        ("fr;q=0.9,nl;q=0.8,en;q=0.9", "en"),
        ("de, fr", None),
        ("", None),
        ("en;q=0", None),
        ("en;q=abc", None),
    ],
)
def test_accepted_language(header: str, language: str | None) -> None:
    assert accepted_language(header) == language
