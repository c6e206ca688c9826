"""Choosing the page language from the browser's Accept-Language header."""

import re

import pytest

from web.i18n import accepted_language
from web.messages import WEB_MESSAGES


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


def test_every_web_text_exists_in_both_languages_with_the_same_parameters() -> None:
    fields = re.compile(r"{(\w+)}")
    for key, texts in WEB_MESSAGES.items():
        assert set(texts) == {"en", "nl"}, key
        assert set(fields.findall(texts["en"])) == set(fields.findall(texts["nl"])), key
