"""The rules for a password a person chooses (on the invitation's page, at /account, with `chainmap user
create`): at least PASSWORD_MIN and at most PASSWORD_MAX characters, and not among the 100,000 most
common passwords (web/data/common_passwords.txt.gz, see web/data/SOURCES.md), which password guessers
try first. The comparison is case-blind, since changing the case is among the first variations they try.

The list is read once, on the first check, and only the entries of at least PASSWORD_MIN characters are
kept: a shorter password is refused for its length before the list is asked, and case folding never
shortens one. Measured: reading takes about 20 ms (7 MB at its peak) and keeps 484 entries in 64 kB;
all 96,518 would keep almost 10 MB in every worker. A check then takes well under a microsecond.
"""

import functools
import gzip
from enum import StrEnum
from pathlib import Path
from typing import Final

PASSWORD_MIN: Final = 12
PASSWORD_MAX: Final = 200
COMMON_PASSWORDS: Final = Path(__file__).resolve().parent / "data" / "common_passwords.txt.gz"


class PasswordProblem(StrEnum):
    """What is wrong with a password; its value ends the message key of each form that sets one
    (`account.error.too_common`, `invitation.error.password_too_common`)."""

    TOO_SHORT = "too_short"
    TOO_LONG = "too_long"
    TOO_COMMON = "too_common"


@functools.cache
def common_passwords() -> frozenset[str]:
    """The common passwords (case-folded) that are long enough to be chosen, read once."""
    with gzip.open(COMMON_PASSWORDS, "rt", encoding="utf-8", newline="\n") as lines:
        return frozenset(line for line in lines.read().splitlines() if len(line) >= PASSWORD_MIN)


def password_problem(password: str) -> PasswordProblem | None:
    """What is wrong with `password` as a person's own, None when nothing is."""
    if len(password) < PASSWORD_MIN:
        return PasswordProblem.TOO_SHORT
    if len(password) > PASSWORD_MAX:
        return PasswordProblem.TOO_LONG
    if password.casefold() in common_passwords():
        return PasswordProblem.TOO_COMMON
    return None
