"""Paging of long tables: reading the URL, clamping pages, natural order of ids."""

from hypothesis import given
from hypothesis import strategies as st

from web.paging import natural_key, page_of, page_request


def test_natural_order_puts_n2_before_n10() -> None:
    ids = ["n10", "n2", "N1", "a", "n2b", "n02x"]
    assert sorted(ids, key=natural_key) == ["a", "N1", "n2", "n2b", "n02x", "n10"]


def test_page_request_reads_and_defaults() -> None:
    request = page_request(
        {"page": "3", "sort": "country", "desc": "1", "q": "  dhaka "},
        sorts=["id", "country"],
        default_sort="id",
    )
    assert (request.page, request.sort, request.descending, request.query) == (3, "country", True, "dhaka")
    stale = page_request({"page": "-4", "sort": "password", "desc": "no"}, sorts=["id"], default_sort="id")
    assert (stale.page, stale.sort, stale.descending, stale.query) == (1, "id", False, "")
    assert page_request({"page": "x"}, sorts=["id"], default_sort="id").page == 1


def test_params_leave_out_defaults() -> None:
    request = page_request({}, sorts=["id"], default_sort="id")
    assert request.params() == {"sort": "id"}
    assert request.query_string(page=2, desc=True, q="a b") == "page=2&sort=id&desc=1&q=a+b"


def test_page_beyond_the_last_shows_the_last() -> None:
    page = page_of(list(range(120)), 9, per_page=50)
    assert (page.number, page.pages, page.first, page.last, list(page.rows)) == (
        3,
        3,
        101,
        120,
        list(range(100, 120)),
    )
    assert page.has_previous and not page.has_next
    empty = page_of([], 1)
    assert (empty.number, empty.pages, empty.first, empty.last) == (1, 1, 0, 0)


@given(
    st.integers(min_value=0, max_value=500),
    st.integers(min_value=-5, max_value=20),
    st.integers(min_value=1, max_value=60),
)
def test_pages_cover_every_row_once(total: int, number: int, per_page: int) -> None:
    rows = list(range(total))
    shown = [
        row
        for n in range(1, page_of(rows, 1, per_page=per_page).pages + 1)
        for row in page_of(rows, n, per_page=per_page).rows
    ]
    assert shown == rows
    page = page_of(rows, number, per_page=per_page)
    assert 1 <= page.number <= page.pages
    assert len(page.rows) == (page.last - page.first + 1 if total else 0)
