"""Reason texts: every code renders in English and Dutch, with translated parameters."""

import string

import pytest

from chainmap.analysis import Reason, assess_site
from chainmap.messages.reasons import MORE, REASON_MESSAGES, format_number, join_words, localise_params
from chainmap.reference import SOURCES, good_label, load_reference
from chainmap.themes import LANGS
from tests.factories.reference import make_country, make_listing, make_reference


def test_every_reason_has_both_languages_with_the_same_parameters() -> None:
    formatter = string.Formatter()
    for code, texts in REASON_MESSAGES.items():
        assert set(texts) == set(LANGS), code
        fields = {lang: {name for _, name, _, _ in formatter.parse(texts[lang]) if name} for lang in LANGS}
        assert fields["en"] == fields["nl"], code


def test_the_issue_example_reads_as_written() -> None:
    reference = make_reference(
        countries=[make_country("TM", name="Turkmenistan")],
        listings=[make_listing("Cotton", "TM", child=True, forced=True)],
    )
    risks = assess_site(country="TM", activity="farming", goods=["Cotton"], name="Farm", reference=reference)
    reason = risks["forced_labour"].reasons[0]
    assert (
        reason.text("en")
        == "Cotton from Turkmenistan is on the US DOL list for forced labour and child labour (2022)."
    )
    assert reason.text("nl") == (
        "Katoen uit Turkmenistan staat op de lijst van het Amerikaanse ministerie van Arbeid (US DOL) "
        "voor dwangarbeid en kinderarbeid (2022)."
    )
    assert reason.citation == SOURCES["dol_goods"].citation


def test_parameters_are_translated_per_language() -> None:
    reason = Reason(
        "reason.baseline_no_data",
        {"theme": "child_labour", "country": "Examplia", "activity": "spinning"},
        "x",
    )
    assert reason.text("en") == (
        "No country data on child labour for Examplia; level from the sector baseline for spinning."
    )
    assert reason.text("nl") == (
        "Geen landgegevens over kinderarbeid voor Examplia; niveau volgens de sectorinschatting voor spinnen."
    )


def test_conventions_and_levels_are_named_in_the_reader_language() -> None:
    params = {"conventions": ("C138", "C182"), "level": 3, "country": "X"}
    assert (
        localise_params(params, "en")["conventions"]
        == "C138 (Minimum Age) and C182 (Worst Forms of Child Labour)"
    )
    assert localise_params(params, "nl")["conventions"] == (
        "C138 (Minimumleeftijd) en C182 (Ergste vormen van kinderarbeid)"
    )
    assert localise_params(params, "nl")["level"] == "hoog"


@pytest.mark.parametrize(
    ("value", "en", "nl"),
    [
        (12.5, "12.5", "12,5"),
        (-1.234, "−1.23", "−1,23"),
        (3.0, "3", "3"),
        (0.004, "0", "0"),
        (-0.001, "0", "0"),
    ],
)
def test_numbers_use_local_notation(value: float, en: str, nl: str) -> None:
    assert format_number(value, "en") == en
    assert format_number(value, "nl") == nl


def test_join_words() -> None:
    assert join_words([], "en") == ""
    assert join_words(["a"], "en") == "a"
    assert join_words(["a", "b", "c"], "nl") == "a, b en c"
    assert join_words(["a", "b", "…"], "en") == "a, b, …"


def test_every_reason_the_rules_give_renders_and_cites_a_known_source() -> None:
    reference = make_reference(
        countries=[
            make_country(
                "XA",
                ratified=(),
                indicators={
                    "working_children": 25.0,
                    "voice_accountability": 0.7,
                    "union_density": 5.0,
                    "bargaining_coverage": 4.0,
                    "working_poverty": 1.0,
                    "fatal_injury_rate": 7.0,
                    "wbl_index": 60.0,
                    "primary_forest_loss": 9.0,
                    "corruption_control": -1.7,
                    "rule_of_law": 1.5,
                },
            )
        ],
        listings=[
            make_listing("Cotton", "XA", child=True, forced=True),
            make_listing("Gold", "XA", child=True),
        ],
        goods=[("Cotton", "Agriculture"), ("Gold", "Mining")],
    )
    seen: set[str] = set()
    for country in ("XA", None):
        risks = assess_site(
            country=country, activity="farming", goods=["Cotton"], name="F", reference=reference
        )
        for risk in risks.values():
            for reason in risk.reasons:
                assert reason.source in SOURCES
                for lang in LANGS:
                    assert "{" not in reason.text(lang)
                seen.add(reason.code)
    assert len(seen) >= 15


def test_goods_in_reasons_are_named_by_their_label_and_a_list_keeps_its_ellipsis() -> None:
    params = {
        "good": "Cotton",
        "input_good": "Thread/Yarn",
        "goods": ("Garments", "Stones", MORE),
        "year": 2022,
    }
    dutch = localise_params(params, "nl", good_label=good_label)
    assert (dutch["good"], dutch["input_good"]) == ("katoen", "garen")
    assert dutch["goods"] == "kleding, natuursteen, …"
    assert localise_params(params, "en", good_label=good_label)["good"] == "Cotton"
    assert localise_params(params, "nl")["good"] == "Cotton"  # without labels, names as they are
    assert good_label("Widgets", "nl") == "Widgets"  # a good outside the vocabulary


def test_reasons_name_countries_in_the_reader_s_language() -> None:
    reference = load_reference()
    risks = assess_site(country="DE", activity="farming", goods=("Cotton",), name="", reference=reference)
    reason = risks["child_labour"].reasons[0]
    assert "for Germany" in reason.text("en")
    assert "voor Duitsland" in reason.text("nl")


def test_dutch_words_of_the_glossary() -> None:
    """Level 0 is "geen risico bekend", the baseline "sectorinschatting", quarrying "steenwinning"
    (with the old "steengroeve" still read), and a tier a "schakel" (never "laag", the level low)."""
    from chainmap.activities import activity_label, normalise_activity
    from chainmap.messages import render
    from chainmap.themes import Level

    assert Level.NONE_KNOWN.label("nl") == "geen risico bekend"
    assert Level.NONE_KNOWN.label("en") == "none known"
    assert activity_label("quarrying", "nl") == "steenwinning"
    assert normalise_activity("Steenwinning") == normalise_activity("steengroeve") == "quarrying"
    assert render("report.baseline", {}, "nl") == "sectorinschatting (geen landgegevens)"
    assert render("report.tiers", {}, "nl") == "schakels (locaties per schakel)"
