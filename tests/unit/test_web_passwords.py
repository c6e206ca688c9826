"""The rules for a password a person chooses (web.passwords): long enough, not too long, and not among
the 100,000 most common, case-blind; and the list they are checked against."""

import gzip
import re

import pytest

from web.passwords import (
    COMMON_PASSWORDS,
    PASSWORD_MAX,
    PASSWORD_MIN,
    PasswordProblem,
    common_passwords,
    password_problem,
)
from web.services.admin import PASSWORD_ALPHABET, PASSWORD_GROUPS, generate_password

# The first 100,000 lines of the source list, case-folded and each once (scripts.common_passwords).
LISTED = 96_518


def listed() -> list[str]:
    with gzip.open(COMMON_PASSWORDS, "rt", encoding="utf-8", newline="\n") as lines:
        return lines.read().splitlines()


def test_the_list_is_the_100000_most_common_passwords_case_folded_each_once_most_common_first() -> None:
    passwords = listed()
    assert len(passwords) == LISTED == len(set(passwords))
    assert passwords[:4] == ["123456", "password", "12345678", "qwerty"]
    assert all(password == password.casefold() and password for password in passwords)
    assert {"password1234", "qwertyuiop123", "passwordpassword"} <= set(passwords)


def test_only_the_entries_a_password_could_match_are_kept_in_memory() -> None:
    assert common_passwords() == {password for password in listed() if len(password) >= PASSWORD_MIN}
    assert len(common_passwords()) == 484


@pytest.mark.parametrize(
    ("password", "problem"),
    [
        ("a" * (PASSWORD_MIN - 1), PasswordProblem.TOO_SHORT),
        ("qwerty", PasswordProblem.TOO_SHORT),  # common too, but too short says more
        ("a" * (PASSWORD_MAX + 1), PasswordProblem.TOO_LONG),
        ("password1234", PasswordProblem.TOO_COMMON),
        ("Password1234", PasswordProblem.TOO_COMMON),
        ("QWERTYUIOP123", PasswordProblem.TOO_COMMON),
        ("passwordpassword", PasswordProblem.TOO_COMMON),
        ("password12345!", None),
        ("correct horse battery staple", None),
        ("a" * PASSWORD_MIN, PasswordProblem.TOO_COMMON),
        ("zq" * (PASSWORD_MIN // 2), None),
        ("a" * PASSWORD_MAX, None),
    ],
)
def test_password_problem(password: str, problem: PasswordProblem | None) -> None:
    assert password_problem(password) is problem


def test_no_common_password_has_the_form_of_a_generated_one() -> None:
    group = f"[{re.escape(PASSWORD_ALPHABET)}]{{4}}"
    generated = re.compile("-".join([group] * PASSWORD_GROUPS))
    assert generated.fullmatch(generate_password())
    assert not [password for password in listed() if generated.fullmatch(password)]


def test_every_problem_has_a_message_in_both_languages_on_both_forms() -> None:
    from web.messages import web_text

    for problem in PasswordProblem:
        for key in (f"account.error.{problem}", f"invitation.error.password_{problem}"):
            assert web_text(key, "nl", min=PASSWORD_MIN) != web_text(key, "en", min=PASSWORD_MIN)
