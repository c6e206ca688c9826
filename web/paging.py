"""Paging, sorting and searching of long tables (hotspots, risk groups, changes, chain rows).

Tables of a 10,000-site chain are shown 50 rows at a time. The page, the sort column and its direction,
and the search text travel in the URL's query string, so a link, a reload or the back button shows the
same rows. `page_request` reads them and refuses nothing: an unknown sort column falls back to the default
and a page beyond the last shows the last, because a stale link should still open a table.
"""

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Final, Generic, TypeVar
from urllib.parse import urlencode

ROWS_PER_PAGE: Final = 50
# The longest search text read from a URL; longer text is cut, not refused.
QUERY_LENGTH: Final = 100

Row = TypeVar("Row")

_DIGITS: Final = re.compile(r"(\d+)")


def natural_key(text: str) -> tuple[tuple[int, int | str], ...]:
    """Sort key for ids as people read them: `n2` before `n10`, case ignored. Digit runs compare as
    numbers and text runs as folded text; the kind tag keeps the parts comparable."""
    return tuple(
        (0, int(part)) if part.isdigit() else (1, part.casefold()) for part in _DIGITS.split(text) if part
    )


@dataclass(frozen=True, slots=True)
class PageRequest:
    """What a table's URL asks for: 1-based page number, sort column, direction and search text."""

    page: int
    sort: str
    descending: bool
    query: str

    def params(self, **changes: str | int | bool) -> dict[str, str]:
        """The query parameters of this request with `changes` applied, for links to other pages or
        orders of the same table; defaults are left out to keep URLs short."""
        values: dict[str, str | int | bool] = {
            "page": self.page,
            "sort": self.sort,
            "desc": self.descending,
            "q": self.query,
        }
        values.update(changes)
        kept: dict[str, str] = {}
        for key, value in values.items():
            if key == "page" and value == 1:
                continue
            if key == "desc":
                if value:
                    kept[key] = "1"
                continue
            if value != "":
                kept[key] = str(value)
        return kept

    def query_string(self, **changes: str | int | bool) -> str:
        """`params` as a URL query string (without `?`)."""
        return urlencode(self.params(**changes))


def page_request(
    params: Mapping[str, str],
    *,
    sorts: Sequence[str],
    default_sort: str,
    default_descending: bool = False,
) -> PageRequest:
    """Read page, sort, direction and search text from query parameters (`page`, `sort`, `desc`, `q`)."""
    try:
        page = max(1, int(params.get("page", "1")))
    except ValueError:
        page = 1
    sort = params.get("sort", default_sort)
    if sort not in sorts:
        sort = default_sort
    desc_text = params.get("desc")
    descending = default_descending if desc_text is None else desc_text in {"1", "true", "on"}
    query = params.get("q", "").strip()[:QUERY_LENGTH]
    return PageRequest(page=page, sort=sort, descending=descending, query=query)


@dataclass(frozen=True, slots=True)
class Page(Generic[Row]):
    """One page of a table: its rows, its 1-based number, and the size of the whole table."""

    rows: Sequence[Row]
    number: int
    per_page: int
    total: int

    @property
    def pages(self) -> int:
        return max(1, math.ceil(self.total / self.per_page))

    @property
    def first(self) -> int:
        """1-based position of the first row shown (0 when the table is empty)."""
        return 0 if self.total == 0 else (self.number - 1) * self.per_page + 1

    @property
    def last(self) -> int:
        """1-based position of the last row shown."""
        return min(self.total, self.number * self.per_page)

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def has_next(self) -> bool:
        return self.number < self.pages


def page_of(rows: Sequence[Row], number: int, *, per_page: int = ROWS_PER_PAGE) -> Page[Row]:
    """Page `number` of `rows`, clamped to the pages there are (a stale link shows the last page)."""
    pages = max(1, math.ceil(len(rows) / per_page))
    number = min(max(1, number), pages)
    start = (number - 1) * per_page
    return Page(rows=rows[start : start + per_page], number=number, per_page=per_page, total=len(rows))
