"""Which goods a CPV code involves: chainmap's curated table fixtures/reference/cpv_goods.csv.

Each row names a CPV prefix (the significant leading digits of a code: "18" for all clothing, "1811" for
occupational clothing), a good of the goods vocabulary and the reason, in English and Dutch. A code takes
the rows of the longest prefix it starts with, so a more specific prefix replaces the general one:
footwear (188) is footwear and leather, not the garments of clothing (18). The reasoning is in
fixtures/reference/SOURCES.md.
"""

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from chainmap.reference.data import DEFAULT_DIRECTORY

_CPV_CODE = re.compile(r"^\s*(\d{2,8})(?:-\d)?\s*$")


@dataclass(frozen=True, slots=True)
class CpvGood:
    """A good that contracts under a CPV prefix involve, and why (in English, and in Dutch)."""

    prefix: str
    good: str
    reason: str
    reason_nl: str = ""


def cpv_digits(code: str) -> str | None:
    """The digits of a CPV code ("18100000-0", "18100000" or a leading part such as "181") without its
    check digit, or None when `code` is not written like a CPV code."""
    found = _CPV_CODE.match(code)
    return found.group(1) if found else None


class CpvGoods:
    """The CPV prefix → goods table, looked up by code."""

    def __init__(self, rows: Iterable[CpvGood]) -> None:
        self.rows: tuple[CpvGood, ...] = tuple(rows)
        self._by_prefix: dict[str, list[CpvGood]] = {}
        for row in self.rows:
            self._by_prefix.setdefault(row.prefix, []).append(row)

    def goods_for(self, code: str) -> tuple[CpvGood, ...]:
        """The rows of the longest prefix that `code` starts with, in the table's order; none when no
        prefix matches or `code` is not a CPV code."""
        digits = cpv_digits(code)
        if digits is None:
            return ()
        for length in range(len(digits), 0, -1):
            rows = self._by_prefix.get(digits[:length])
            if rows:
                return tuple(rows)
        return ()


def read_cpv_goods(path: Path) -> CpvGoods:
    """The table in the CSV file at `path` (columns cpv_prefix, good, reason and optionally reason_nl)."""
    with path.open(encoding="utf-8", newline="") as f:
        return CpvGoods(
            CpvGood(r["cpv_prefix"], r["good"], r["reason"], r.get("reason_nl") or "")
            for r in csv.DictReader(f)
        )


@cache
def load_cpv_goods(directory: Path = DEFAULT_DIRECTORY) -> CpvGoods:
    """The committed table, read once."""
    return read_cpv_goods(directory / "cpv_goods.csv")
