"""Grouping findings for reading: many of one kind become one line, the findings themselves stay."""

from hypothesis import given
from hypothesis import strategies as st

from chainmap.findings import GROUP_FROM, Finding, FindingGroup, Severity, finding_place, group_findings
from chainmap.messages import MESSAGES


def under_100(node: str, row: int) -> Finding:
    params = {"node": node, "total": "90", "rest": "10", "suppliers": f'"{node}-s" 90%'}
    return Finding(
        Severity.WARNING, "chain.share_total_under_100", params, row=row, column="share", nodes=(node, "s")
    )


def unknown_good(row: int) -> Finding:
    return Finding(
        Severity.WARNING, "chain.goods_unknown", {"value": "Widgets", "row": row}, row=row, column="goods"
    )


def test_a_kind_that_occurs_often_is_one_group_where_its_first_finding_stood() -> None:
    loop = Finding(Severity.ERROR, "chain.self_loop", {"node": "Q"}, row=5, nodes=("Q",))
    shares = [under_100(f"n{i}", i) for i in range(2, 314)]
    read = group_findings([shares[0], loop, *shares[1:]])
    assert len(read) == 2
    group, single = read
    assert isinstance(group, FindingGroup) and single is loop
    assert group.findings == tuple(shares) and group.count == 312
    assert (group.severity, group.code, group.blocking) == (
        Severity.WARNING,
        "chain.share_total_under_100",
        False,
    )
    assert group.summary() == (
        "312 customers whose suppliers' shares add up to less than 100%: n2, n3, n4, n5, n6 and 307 more."
    )
    assert group.summary("nl").startswith(
        "312 afnemers van wie de aandelen"
    ) and "en nog 307" in group.summary("nl")


def test_a_group_of_one_to_three_shows_as_the_findings_themselves() -> None:
    three = [under_100(f"n{i}", i) for i in range(3)]
    assert group_findings(three) == three
    four = [*three, under_100("n9", 9)]
    assert [type(item) for item in group_findings(four)] == [FindingGroup]


def test_the_same_code_with_another_severity_is_another_kind() -> None:
    warnings = [under_100(f"n{i}", i) for i in range(4)]
    errors = [
        Finding(Severity.ERROR, "chain.share_total_under_100", f.params, nodes=f.nodes) for f in warnings[:2]
    ]
    read = group_findings([*warnings, *errors])
    assert isinstance(read[0], FindingGroup) and read[1:] == errors


def test_a_group_without_sites_names_rows_and_a_kind_without_its_own_text_quotes_the_first() -> None:
    group = group_findings([unknown_good(row) for row in range(2, 12)])[0]
    assert isinstance(group, FindingGroup)
    assert group.summary() == "10 goods outside the goods list: row 2, row 3, row 4, row 5, row 6 and 5 more."
    assert "rij 2, rij 3" in group.summary("nl")
    odd = [Finding(Severity.ERROR, "chain.json_link_invalid", {"position": i}) for i in range(4)]
    group = group_findings(odd)[0]
    assert isinstance(group, FindingGroup)
    assert group.summary().startswith("4 findings of one kind. The first: ")
    assert odd[0].message() in group.summary()


def test_places_skip_repeats_and_the_summary_shows_as_many_as_asked() -> None:
    missing = [
        Finding(Severity.ERROR, "chain.value_missing", {"row": 3, "column": c}, row=3, column=c)
        for c in ("id", "name", "country", "activity")
    ]
    group = group_findings(missing)[0]
    assert isinstance(group, FindingGroup)
    assert group.places() == ["row 3"]
    assert group.summary() == "4 required values missing: row 3."
    assert group.summary(shown=1) == "4 required values missing: row 3."
    many = group_findings([under_100(f"n{i}", i) for i in range(5)])[0]
    assert isinstance(many, FindingGroup)
    assert many.summary(shown=2).endswith(": n0, n1 and 3 more.")


def test_a_finding_s_place_is_its_site_then_its_row_then_its_column() -> None:
    assert finding_place(under_100("K", 4)) == "K"
    assert finding_place(unknown_good(7), "nl") == "rij 7"
    ignored = Finding(Severity.WARNING, "chain.column_ignored", {"column": "remarks"})
    assert finding_place(ignored) == "remarks"
    assert (
        finding_place(Finding(Severity.ERROR, "chain.no_contractor", column="supplies_to")) == "supplies_to"
    )
    assert finding_place(Finding(Severity.ERROR, "chain.chain_empty")) == ""


def test_every_group_text_exists_in_english_and_dutch() -> None:
    codes = [code for code in MESSAGES if code.startswith("group.chain.")]
    assert codes
    for code in codes:
        assert code.removeprefix("group.") in MESSAGES, code
        assert set(MESSAGES[code]) == {"en", "nl"}


KINDS = st.sampled_from(["chain.goods_unknown", "chain.activity_unknown", "chain.share_total_under_100"])


@given(st.lists(st.tuples(KINDS, st.sampled_from(list(Severity)), st.integers(2, 50)), max_size=40))
def test_grouping_keeps_every_finding_once_and_in_order(kinds: list[tuple[str, Severity, int]]) -> None:
    findings = [Finding(severity, code, {}, row=row) for code, severity, row in kinds]
    read = group_findings(findings)
    flat = [f for item in read for f in (item.findings if isinstance(item, FindingGroup) else (item,))]
    assert sorted(map(id, flat)) == sorted(map(id, findings))
    for item in read:
        if isinstance(item, FindingGroup):
            assert item.count >= GROUP_FROM
            assert all((f.severity, f.code) == (item.severity, item.code) for f in item.findings)
            assert list(item.findings) == [
                f for f in findings if (f.severity, f.code) == (item.severity, item.code)
            ]
        else:
            assert sum((f.severity, f.code) == (item.severity, item.code) for f in findings) < GROUP_FROM
