"""The terminal report: diff sections, findings and the risk look-up read well in English and Dutch."""

from chainmap.analysis import analyse, diff_chains
from chainmap.analysis.hotspots import RankedHotspots
from chainmap.findings import Finding, Severity
from chainmap.text_report import analysis_text, diff_text, findings_lines, risk_text
from tests.factories.chains import make_chain
from tests.factories.reference import make_country, make_listing, make_reference

REFERENCE = make_reference(
    countries=[make_country("TM"), make_country("GR")],
    listings=[make_listing("Cotton", "TM", forced=True)],
)


def _old_and_new() -> tuple[dict[str, object], dict[str, str]]:
    old = make_chain(
        [("C", "NL", "trading"), ("G", "TM", "farming", ("Cotton",)), ("F", "TM", "farming", ("Cotton",))],
        [("G", "C", 60.0), ("F", "G")],
        contractor="C",
    )
    new = make_chain(
        [("C", "NL", "trading"), ("G", "GR", "farming", ("Cotton",)), ("X", "GR", "farming", ("Cotton",))],
        [("G", "C", 100.0), ("X", "G")],
        contractor="C",
    )
    names = {node: data["name"] for graph in (old, new) for node, data in graph.nodes(data=True)}
    return diff_chains(old, new, reference=REFERENCE).as_dict("en"), names


def test_diff_text_groups_changes_under_counted_headings_with_site_names() -> None:
    diff, names = _old_and_new()
    text = diff_text(diff, old="v1.csv", new="v2.csv", names=names, lang="en")
    assert text.splitlines()[0] == "Changes from v1.csv to v2.csv"
    assert "Sites added (1)\n  X (Site X)" in text
    assert "Sites removed (1)\n  F (Site F)" in text
    assert "Links added (1)\n  X → G" in text
    assert "G → C, share: 60 → 100" in text
    assert "G, country: TM → GR" in text
    assert "G, forced labour: very high → " in text and "(down)" in text
    assert (
        "High risks gone with the sites removed (3)\n  F, child labour: high\n  F, forced labour: very high"
        in text
    )
    assert "High risks come with the sites added (2)\n  X, child labour: high" in text


def test_diff_text_in_dutch() -> None:
    diff, names = _old_and_new()
    text = diff_text(diff, old="v1.csv", new="v2.csv", names=names, lang="nl")
    assert "Wijzigingen van v1.csv naar v2.csv" in text
    assert "Locaties toegevoegd (1)" in text and "Leveringsrelaties verwijderd (1)" in text
    assert "G → C, aandeel: 60 → 100" in text
    assert "G, dwangarbeid: zeer hoog → " in text and "(omlaag)" in text


def test_diff_text_without_changes() -> None:
    chain = make_chain([("C", "NL", "trading")], [], contractor="C")
    diff = diff_chains(chain, chain, reference=REFERENCE).as_dict("nl")
    assert diff_text(diff, old="a", new="a", lang="nl").splitlines()[-1] == "Geen wijzigingen."


def test_findings_name_their_severity_in_the_reader_s_language() -> None:
    finding = Finding(
        Severity.WARNING, "chain.goods_unknown", {"value": "Widgets", "row": 3}, row=3, column="goods"
    )
    english, dutch = findings_lines([finding], "en")[0], findings_lines([finding], "nl")[0]
    assert english.startswith("warning: ")
    assert dutch.startswith("waarschuwing: ")


def test_risk_text_names_the_activity_in_the_reader_s_language() -> None:
    result = {
        "goods": "Cotton",
        "country": "TM",
        "country_name": "Turkmenistan",
        "activity": "farming",
        "risks": {},
    }
    assert risk_text(result, lang="nl").splitlines()[0] == "Katoen uit Turkmenistan (landbouw)"
    assert risk_text(result, lang="en").splitlines()[0] == "Cotton from Turkmenistan (farming)"


def test_the_dutch_report_writes_decimal_commas_and_names_the_unknown_country() -> None:
    chain = make_chain(
        [("C", "NL", "trading"), ("G", "TM", "farming", ("Cotton",)), ("U", None, "farming", ("Cotton",))],
        [("G", "C", 60.0), ("U", "C")],
        contractor="C",
    )
    analysis = analyse(chain, reference=REFERENCE)
    text = analysis_text(analysis, path="k.csv", links=2, top=5, lang="nl")
    assert "Risicopunten (top 5 van" in text and "60,0%" in text and "0,600" in text
    assert "herleid tot grondstof: 100,0%" in text and "onbekend: 40,0%" in text


def test_the_report_builds_only_the_hotspots_it_prints() -> None:
    chain = make_chain(
        [("C", "NL", "trading"), *((f"F{index:03}", "TM", "farming", ("Cotton",)) for index in range(300))],
        [(f"F{index:03}", "C") for index in range(300)],
        contractor="C",
    )
    analysis = analyse(chain, reference=REFERENCE)
    assert isinstance(analysis.hotspots, RankedHotspots)
    text = analysis_text(analysis, path="k.csv", links=300, top=3, lang="en")
    assert f"Hotspots (top 3 of {len(analysis.hotspots)}," in text
    assert analysis.hotspots._ranked is None  # the whole ranking was never sorted
    shown = [line.split()[:3] for line in text.splitlines() if line[:5].strip().endswith("*")]
    assert shown == [["1*", "Site", "F000"], ["2*", "Site", "F001"], ["3*", "Site", "F002"]]
    assert [hotspot.node for hotspot in list(analysis.hotspots)[:3]] == ["F000", "F001", "F002"]
