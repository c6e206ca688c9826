"""The risk rules of docs/risk-model.md, theme by theme."""

from collections.abc import Iterable, Mapping

import pytest

from chainmap.analysis import Evidence, Risk, assess_site, node_risks
from chainmap.analysis.baseline import SECTOR_BASELINE, sector_level
from chainmap.reference import SOURCES, Country, DolListing, ReferenceData, SanctionedEntity
from chainmap.themes import THEMES, Level
from tests.factories.chains import make_chain
from tests.factories.reference import make_country, make_listing, make_reference

ALL_RATIFIED = ("C029", "P029", "C087", "C098", "C100", "C105", "C111", "C138", "C155", "C182", "C187")


def country(
    indicators: Mapping[str, float],
    *,
    ratified: Iterable[str] = ALL_RATIFIED,
    dol_advancement: str | None = None,
) -> Country:
    return make_country(
        "XA", name="Examplia", indicators=indicators, ratified=ratified, dol_advancement=dol_advancement
    )


def assess(
    theme: str,
    indicators: Mapping[str, float] | None = None,
    *,
    iso2: str | None = "XA",
    activity: str = "spinning",
    goods: tuple[str, ...] = (),
    name: str = "Example Mill",
    ratified: Iterable[str] = ALL_RATIFIED,
    listings: Iterable[DolListing] = (),
    entities: Iterable[SanctionedEntity] = (),
    dol_advancement: str | None = None,
) -> Risk:
    reference = make_reference(
        countries=[country(indicators or {}, ratified=ratified, dol_advancement=dol_advancement)],
        goods=[("Cotton", "Agriculture"), ("Bricks", "Manufacturing"), ("Gold", "Mining")],
        listings=listings,
        entities=entities,
    )
    return assess_site(country=iso2, activity=activity, goods=goods, name=name, reference=reference)[theme]


def codes(risk: Risk) -> list[str]:
    return [reason.code for reason in risk.reasons]


# Child labour


def test_child_labour_listing_is_high_and_forced_child_labour_very_high() -> None:
    listed = assess(
        "child_labour",
        goods=("Cotton",),
        activity="farming",
        listings=[make_listing("Cotton", "XA", child=True)],
    )
    forced = assess(
        "child_labour",
        goods=("Cotton",),
        activity="farming",
        listings=[make_listing("Cotton", "XA", child=True, forced_child=True)],
    )
    assert (listed.level, listed.evidence, listed.baseline) == (Level.HIGH, Evidence.LISTING, False)
    assert forced.level == Level.VERY_HIGH
    assert listed.reasons[0].source == "dol_goods"


@pytest.mark.parametrize(
    ("share", "level"),
    [
        (0.0, Level.NONE_KNOWN),
        (0.5, Level.LOW),
        (9.9, Level.LOW),
        (10.0, Level.MEDIUM),
        (19.9, Level.MEDIUM),
        (20.0, Level.HIGH),
        (45.0, Level.HIGH),
    ],
)
def test_child_labour_working_children_thresholds(share: float, level: Level) -> None:
    risk = assess("child_labour", {"working_children": share})
    assert (risk.level, risk.evidence, risk.baseline) == (level, Evidence.COUNTRY, False)
    assert codes(risk) == ["reason.working_children"]


def test_working_children_reason_names_the_age_range_of_the_figure() -> None:
    reference = make_reference(
        countries=[make_country("XA", indicators={"working_children": 35.7}, working_children_ages="10-14")]
    )
    risk = assess_site(country="XA", activity="spinning", goods=(), name="Mill", reference=reference)
    reason = risk["child_labour"].reasons[0]
    assert reason.text("en") == "35.7% of children aged 10–14 in Country XA work (US DOL, 2023)."
    assert reason.text("nl") == "35,7% van de kinderen van 10–14 jaar in Country XA werkt (US DOL, 2023)."


@pytest.mark.parametrize("missing", ["C138", "C182"])
def test_child_labour_unratified_convention_raises_one_level(missing: str) -> None:
    ratified = [c for c in ALL_RATIFIED if c != missing]
    risk = assess("child_labour", {"working_children": 12.0}, ratified=ratified)
    assert risk.level == Level.HIGH
    assert risk.reasons[-1].code == "reason.ilo_not_ratified_raise"
    assert risk.reasons[-1].params["conventions"] == (missing,)


def test_ratification_raise_stops_at_very_high() -> None:
    risk = assess(
        "child_labour",
        goods=("Cotton",),
        ratified=("C029",),
        listings=[make_listing("Cotton", "XA", child=True, forced_child=True)],
    )
    assert risk.level == Level.VERY_HIGH


def test_child_labour_other_listed_goods_in_the_country_are_medium() -> None:
    risk = assess(
        "child_labour",
        {"working_children": 1.0},
        goods=("Cotton",),
        listings=[make_listing("Bricks", "XA", child=True)],
    )
    assert risk.level == Level.MEDIUM
    assert "reason.dol_other_goods" in codes(risk)


def test_child_labour_advancement_level_is_a_supporting_reason() -> None:
    risk = assess("child_labour", {"working_children": 2.0}, dol_advancement="Minimal Advancement")
    assert risk.level == Level.LOW
    assert codes(risk) == ["reason.working_children", "reason.dol_advancement"]


def test_child_labour_without_country_data_uses_the_sector_baseline() -> None:
    risk = assess("child_labour", {}, activity="farming")
    assert (risk.level, risk.baseline, risk.evidence) == (Level.HIGH, True, Evidence.BASELINE)
    assert codes(risk) == ["reason.baseline_no_data"]
    assert risk.reasons[0].source == "chainmap_baseline"


# Forced labour


def test_forced_labour_listing_is_very_high() -> None:
    risk = assess(
        "forced_labour",
        goods=("Cotton",),
        activity="farming",
        listings=[make_listing("Cotton", "XA", forced=True)],
    )
    assert (risk.level, risk.evidence) == (Level.VERY_HIGH, Evidence.LISTING)
    assert risk.listed_good == "Cotton"


# Listings where the good is made


@pytest.mark.parametrize(
    ("good", "activity", "produced"),
    [
        ("Cotton", "farming", True),
        ("Cotton", "ginning", False),
        ("Cotton", "trading", False),
        ("Gold", "mining", True),
        ("Gold", "quarrying", True),
        ("Gold", "refining", False),
        ("Bricks", "manufacturing", True),
        ("Bricks", "processing", True),
        ("Bricks", "warehousing", False),
        ("Bricks", "farming", False),
        ("Cotton", "basket weaving", True),  # an activity outside the vocabulary: the listing applies in full
    ],
)
def test_a_listing_applies_in_full_where_the_good_is_made_and_less_where_it_is_handled(
    good: str, activity: str, produced: bool
) -> None:
    risk = assess(
        "forced_labour", goods=(good,), activity=activity, listings=[make_listing(good, "XA", forced=True)]
    )
    assert risk.level == Level.VERY_HIGH
    assert risk.evidence == (Evidence.LISTING if produced else Evidence.LISTING_HANDLED)
    expected = "reason.dol_good" if produced else "reason.dol_good_origin_not_mapped"
    assert codes(risk)[0] == expected
    assert risk.listed_good == good


def test_a_handled_listing_is_less_likely_than_a_made_one_at_the_same_level() -> None:
    listing = [make_listing("Cotton", "XA", forced=True)]
    made = assess("forced_labour", goods=("Cotton",), activity="farming", listings=listing)
    traded = assess("forced_labour", goods=("Cotton",), activity="trading", listings=listing)
    assert made.level == traded.level == Level.VERY_HIGH
    assert traded.likelihood < made.likelihood


def test_a_trader_whose_supplier_of_the_good_is_mapped_carries_no_listing_of_its_own_country() -> None:
    reference = make_reference(
        countries=[country({})],
        goods=[("Cotton", "Agriculture")],
        listings=[make_listing("Cotton", "XA", child=True, forced=True)],
    )
    sourced = assess_site(
        country="XA",
        activity="trading",
        goods=("Cotton",),
        name="T",
        reference=reference,
        sourced_goods=("Cotton",),
    )
    unmapped = assess_site(country="XA", activity="trading", goods=("Cotton",), name="T", reference=reference)
    for theme in ("child_labour", "forced_labour"):
        assert "reason.dol_good_origin_not_mapped" in codes(unmapped[theme])
        assert not {"reason.dol_good", "reason.dol_good_origin_not_mapped"} & set(codes(sourced[theme]))
    # A farm makes the good itself: a supplier of the same good does not move the listing away from it.
    farm = assess_site(
        country="XA",
        activity="farming",
        goods=("Cotton",),
        name="F",
        reference=reference,
        sourced_goods=("Cotton",),
    )
    assert farm["forced_labour"].evidence == Evidence.LISTING


def test_forced_labour_child_only_listing_does_not_count() -> None:
    risk = assess(
        "forced_labour",
        goods=("Cotton",),
        listings=[make_listing("Cotton", "XA", child=True)],
        activity="weaving",
    )
    assert risk.baseline
    assert risk.level == sector_level("weaving", "forced_labour")


def test_uflpa_entity_match_by_alias_is_very_high() -> None:
    entity = SanctionedEntity(
        "Xinjiang Example Cotton Co., Ltd.",
        ("XJ Example Cotton",),
        ("2(d)(2)(B)(v): facilities that source material from Xinjiang",),
        "2023-08-02",
    )
    risk = assess("forced_labour", name="xj example COTTON", entities=[entity], iso2="XA")
    assert (risk.level, risk.evidence, risk.baseline) == (Level.VERY_HIGH, Evidence.LISTING, False)
    reason = risk.reasons[0]
    assert (reason.code, reason.source) == ("reason.uflpa_entity", "uflpa")
    assert reason.params["lists"] == ("2(d)(2)(B)(v)",)
    assert "2023-08-02" in reason.text("en")
    assert "Xinjiang Example Cotton Co., Ltd." in reason.text("nl")


def test_unmatched_company_gets_no_uflpa_reason() -> None:
    entity = SanctionedEntity("Xinjiang Example Cotton Co., Ltd.", (), ("2(d)(2)(B)(i): x",), "2022-06-21")
    risk = assess("forced_labour", name="Example Cotton Co., Ltd.", entities=[entity])
    assert "reason.uflpa_entity" not in codes(risk)


def test_possible_uflpa_match_is_high_with_country_evidence_and_never_a_listing() -> None:
    entity = SanctionedEntity(
        "Xinjiang Example Cotton Co., Ltd.", ("XEC",), ("2(d)(2)(B)(v): x",), "2023-08-02"
    )
    close = assess("forced_labour", name="Xinjiang Exampel Cotton", entities=[entity], activity="weaving")
    assert (close.level, close.evidence) == (Level.HIGH, Evidence.COUNTRY)
    assert "reason.uflpa_entity" not in codes(close) and "reason.uflpa_possible" in codes(close)
    text = [reason.text("en") for reason in close.reasons if reason.source == "uflpa"]
    assert (
        "Possible match, to verify" in text[0] and "2023-08-02" in text[0] and "other names: XEC" in text[0]
    )
    short = assess("forced_labour", name="XEC", entities=[entity], iso2="XA", activity="weaving")
    assert (short.level, short.evidence) == (Level.HIGH, Evidence.COUNTRY)
    assert "reason.uflpa_possible_short" in codes(short)
    assert "mogelijke treffer" in short.reasons[0].text("nl").lower()


def test_forced_labour_unratified_c029_raises_at_most_to_medium() -> None:
    without = [c for c in ALL_RATIFIED if c != "C029"]
    low = assess("forced_labour", activity="weaving", ratified=without)
    assert low.level == Level.MEDIUM  # weaving baseline low, raised by one
    high = assess("forced_labour", activity="fishing", ratified=without)
    assert high.level == Level.HIGH  # fishing baseline high, not raised
    # The reason says the convention is missing, not that it raised the level, which it did not.
    assert high.reasons[-1].code == "reason.ilo_not_ratified"
    assert low.reasons[-1].code == "reason.ilo_not_ratified_raise"


def test_forced_labour_unratified_protocol_is_only_noted() -> None:
    risk = assess("forced_labour", activity="weaving", ratified=[c for c in ALL_RATIFIED if c != "P029"])
    assert risk.level == Level.LOW
    assert risk.reasons[-1].code == "reason.ilo_not_ratified"


# Freedom of association


@pytest.mark.parametrize(
    ("voice", "level"),
    [
        (-1.5, Level.HIGH),
        (-1.0, Level.MEDIUM),
        (-0.6, Level.MEDIUM),
        (-0.5, Level.LOW),
        (0.49, Level.LOW),
        (0.5, Level.NONE_KNOWN),
        (1.6, Level.NONE_KNOWN),
    ],
)
def test_freedom_of_association_voice_and_accountability(voice: float, level: Level) -> None:
    risk = assess("freedom_of_association", {"voice_accountability": voice})
    assert (risk.level, risk.evidence) == (level, Evidence.COUNTRY)


def test_union_density_under_weak_voice_is_not_evidence() -> None:
    risk = assess(
        "freedom_of_association",
        {"voice_accountability": -1.6, "union_density": 90.0, "bargaining_coverage": 5.0},
    )
    assert risk.level == Level.HIGH
    assert codes(risk) == ["reason.voice_accountability", "reason.union_density_not_evidence"]


def test_low_bargaining_coverage_is_supporting_only_where_voice_is_not_weak() -> None:
    risk = assess(
        "freedom_of_association",
        {"voice_accountability": 0.8, "union_density": 8.0, "bargaining_coverage": 12.0},
    )
    assert risk.level == Level.NONE_KNOWN
    assert codes(risk) == ["reason.voice_accountability", "reason.union_density", "reason.bargaining_low"]


def test_union_density_alone_does_not_cover_freedom_of_association() -> None:
    risk = assess("freedom_of_association", {"union_density": 40.0}, activity="cut-make-trim")
    assert risk.baseline
    assert risk.level == Level.HIGH


def test_freedom_of_association_unratified_c087_raises() -> None:
    risk = assess(
        "freedom_of_association",
        {"voice_accountability": -1.2},
        ratified=[c for c in ALL_RATIFIED if c not in ("C087", "C098")],
    )
    assert risk.level == Level.VERY_HIGH


# Living wage


@pytest.mark.parametrize(
    ("poverty", "level", "code"),
    [
        (0.0, Level.LOW, "reason.working_poverty_low"),
        (1.9, Level.LOW, "reason.working_poverty_low"),
        (2.0, Level.LOW, "reason.working_poverty"),
        (10.0, Level.MEDIUM, "reason.working_poverty"),
        (29.9, Level.MEDIUM, "reason.working_poverty"),
        (30.0, Level.HIGH, "reason.working_poverty"),
    ],
)
def test_living_wage_working_poverty(poverty: float, level: Level, code: str) -> None:
    risk = assess("living_wage", {"working_poverty": poverty}, activity="trading")
    assert risk.level == level
    assert codes(risk) == [code]


@pytest.mark.parametrize(
    ("poverty", "rule_of_law", "level"),
    [
        (0.5, None, Level.HIGH),  # a low working-poverty share does not lower cut-make-trim's high
        (35.0, None, Level.HIGH),
        (0.5, -0.5, Level.HIGH),
        (0.5, 0.5, Level.MEDIUM),  # where law is enforced the sector level is capped as the baseline is
        (0.5, 1.5, Level.LOW),
    ],
)
def test_living_wage_never_falls_below_the_sector_level(
    poverty: float, rule_of_law: float | None, level: Level
) -> None:
    indicators = {"working_poverty": poverty}
    if rule_of_law is not None:
        indicators["rule_of_law"] = rule_of_law
    risk = assess("living_wage", indicators, activity="cut-make-trim")
    assert risk.level == level
    assert not risk.baseline
    raised_by_the_floor = poverty < 10 and level > Level.LOW
    assert ("reason.sector_floor" in codes(risk)) == raised_by_the_floor


# Health and safety


@pytest.mark.parametrize(
    ("rate", "activity", "level"),
    [
        (1.0, "trading", Level.NONE_KNOWN),
        (2.0, "trading", Level.LOW),
        (5.0, "trading", Level.MEDIUM),
        (10.0, "trading", Level.HIGH),
        (1.0, "mining", Level.HIGH),
        (12.0, "weaving", Level.HIGH),
    ],
)
def test_health_safety_takes_the_higher_of_injury_rate_and_activity_hazard(
    rate: float, activity: str, level: Level
) -> None:
    risk = assess("health_safety", {"fatal_injury_rate": rate}, activity=activity)
    expected = max(level, sector_level(activity, "health_safety"))
    assert risk.level == expected
    assert not risk.baseline
    assert codes(risk) == ["reason.fatal_injuries", "reason.sector_hazard"]


def test_health_safety_evidence_follows_the_part_that_sets_the_level() -> None:
    assert (
        assess("health_safety", {"fatal_injury_rate": 1.0}, activity="mining").evidence == Evidence.BASELINE
    )
    assert (
        assess("health_safety", {"fatal_injury_rate": 12.0}, activity="trading").evidence == Evidence.COUNTRY
    )


def test_health_safety_unratified_conventions_are_noted_not_raised() -> None:
    risk = assess("health_safety", {"fatal_injury_rate": 3.0}, activity="trading", ratified=("C029",))
    assert risk.level == Level.LOW
    assert risk.reasons[-1].code == "reason.ilo_not_ratified"
    assert risk.reasons[-1].params["conventions"] == ("C155", "C187")


# Discrimination


@pytest.mark.parametrize(
    ("index", "level"),
    [
        (30.0, Level.HIGH),
        (49.9, Level.HIGH),
        (50.0, Level.MEDIUM),
        (74.9, Level.MEDIUM),
        (75.0, Level.LOW),
        (99.4, Level.LOW),
        (100.0, Level.NONE_KNOWN),
    ],
)
def test_discrimination_wbl_index(index: float, level: Level) -> None:
    assert assess("discrimination", {"wbl_index": index}).level == level


def test_discrimination_unratified_c111_raises() -> None:
    risk = assess("discrimination", {"wbl_index": 90.0}, ratified=[c for c in ALL_RATIFIED if c != "C111"])
    assert risk.level == Level.MEDIUM


def test_discrimination_from_laws_alone_stops_at_high_unless_conventions_are_missing() -> None:
    assert assess("discrimination", {"wbl_index": 20.0}).level == Level.HIGH
    unratified = [c for c in ALL_RATIFIED if c != "C100"]
    assert assess("discrimination", {"wbl_index": 20.0}, ratified=unratified).level == Level.VERY_HIGH


# Environment


@pytest.mark.parametrize(
    ("loss", "level"),
    [(0.5, Level.MEDIUM), (1.0, Level.MEDIUM), (4.0, Level.MEDIUM), (8.0, Level.HIGH), (27.0, Level.HIGH)],
)
def test_environment_primary_forest_loss_at_farming(loss: float, level: Level) -> None:
    # farming's own sector level is medium, so below medium the activity sets the level
    risk = assess("environment", {"primary_forest_loss": loss, "tree_cover_loss": 30.0}, activity="farming")
    assert risk.level == level
    assert codes(risk) == ["reason.primary_forest_loss", "reason.sector_hazard"]


def test_environment_tree_cover_loss_alone_is_at_most_low() -> None:
    risk = assess("environment", {"tree_cover_loss": 40.0}, activity="forestry")
    assert codes(risk) == ["reason.tree_cover_loss", "reason.sector_hazard"]
    assert risk.level == max(Level.LOW, sector_level("forestry", "environment"))
    assert risk.reasons[0].params["value"] == 40.0


def test_environment_forest_loss_does_not_apply_to_processing() -> None:
    risk = assess("environment", {"primary_forest_loss": 30.0}, activity="dyeing")
    assert risk.baseline
    assert risk.level == Level.HIGH  # wet processing
    # The country has forest data, but it speaks of farming, forestry and mining: the reason says so.
    assert codes(risk) == ["reason.baseline_forest_data_elsewhere"]
    assert "farming, forestry and mining only" in risk.reasons[0].text("en")
    without = assess("environment", {}, activity="dyeing")
    assert codes(without) == ["reason.baseline_no_data"]


# Corruption


@pytest.mark.parametrize(
    ("control", "level"),
    [
        (-1.6, Level.VERY_HIGH),
        (-1.5, Level.HIGH),
        (-1.1, Level.HIGH),
        (-1.0, Level.MEDIUM),
        (-0.5, Level.LOW),
        (0.49, Level.LOW),
        (0.5, Level.NONE_KNOWN),
    ],
)
def test_corruption_control(control: float, level: Level) -> None:
    risk = assess("corruption", {"corruption_control": control})
    assert (risk.level, risk.evidence, risk.reasons[0].source) == (level, Evidence.COUNTRY, "wgi")


# Baseline


def test_unknown_country_gets_the_baseline_for_every_theme() -> None:
    risks = [assess(theme, iso2=None, activity="cut-make-trim") for theme in THEMES]
    for risk in risks:
        assert risk.baseline
        assert risk.level == sector_level("cut-make-trim", risk.theme)
        assert risk.level > Level.NONE_KNOWN
        assert codes(risk) == ["reason.baseline_country_unknown"]


def test_unknown_country_with_a_listed_good_is_at_least_medium() -> None:
    reference = make_reference(
        countries=[make_country("XA"), make_country("XB")],
        listings=[make_listing("Cotton", "XA", forced=True), make_listing("Cotton", "XB", forced=True)],
    )
    risks = assess_site(
        country=None, activity="trading", goods=("Cotton",), name="Trader", reference=reference
    )
    risk = risks["forced_labour"]
    assert (risk.level, risk.baseline) == (Level.MEDIUM, True)
    assert risk.reasons[0].code == "reason.dol_good_unknown_country"
    assert risk.reasons[0].params["count"] == 2


def test_a_good_listed_for_its_input_names_the_input_and_asks_to_map_it() -> None:
    listing = make_listing("Bricks", "XA", child=True, input_good="Gold", input_country="XZ")
    risk = assess("child_labour", goods=("Bricks",), listings=[listing])
    assert risk.level == Level.HIGH
    reason = risk.reasons[0]
    assert reason.code == "reason.dol_good_input"
    assert reason.params["input_good"] == "Gold" and reason.params["input_country"] == "XZ"
    assert "in its input: Gold from XZ" in reason.text("en")
    assert "in de grondstof: goud uit XZ (2022). Breng in kaart waar deze locatie goud vandaan haalt." in (
        reason.text("nl")
    )


def test_strong_rule_of_law_caps_the_baseline_at_low() -> None:
    risk = assess("child_labour", {"rule_of_law": 1.7}, activity="farming")
    assert (risk.level, risk.baseline) == (Level.LOW, True)
    assert codes(risk) == ["reason.baseline_no_data", "reason.baseline_capped"]


@pytest.mark.parametrize(
    ("rule_of_law", "level"),
    [(1.0, Level.LOW), (0.99, Level.MEDIUM), (0.0, Level.MEDIUM), (-0.01, Level.HIGH)],
)
def test_rule_of_law_caps_the_baseline_by_step(rule_of_law: float, level: Level) -> None:
    risk = assess("child_labour", {"rule_of_law": rule_of_law}, activity="farming")
    assert (risk.level, risk.baseline) == (level, True)
    assert ("reason.baseline_capped" in codes(risk)) == (level < Level.HIGH)


def test_a_baseline_under_the_cap_gets_no_cap_reason() -> None:
    risk = assess("child_labour", {"rule_of_law": 0.5}, activity="assembly")
    assert risk.level == Level.LOW
    assert codes(risk) == ["reason.baseline_no_data"]


def test_strong_rule_of_law_does_not_cap_an_intrinsic_hazard() -> None:
    risk = assess("environment", {"rule_of_law": 1.7}, activity="tanning")
    assert risk.level == Level.HIGH


def test_country_missing_from_the_reference_is_treated_as_without_data() -> None:
    risk = assess("corruption", iso2="ZZ", activity="mining")
    assert (risk.level, risk.baseline) == (Level.HIGH, True)
    assert risk.reasons[0].params["country"] == "ZZ"


def test_activity_outside_the_vocabulary_gets_medium() -> None:
    risk = assess("discrimination", iso2=None, activity="basket making")
    assert risk.level == Level.MEDIUM


def test_baseline_table_covers_every_activity_and_theme() -> None:
    from chainmap.activities import ACTIVITIES

    assert set(SECTOR_BASELINE) == ACTIVITIES
    for row in SECTOR_BASELINE.values():
        assert set(row) == set(THEMES)
        assert all(Level.LOW <= level <= Level.HIGH for level in row.values())


def test_every_theme_is_assessed_and_none_is_silently_zero() -> None:
    reference = make_reference(countries=[country({})])
    risks = assess_site(country="XA", activity="trading", goods=(), name="Trader", reference=reference)
    assert list(risks) == list(THEMES)
    for risk in risks.values():
        assert risk.reasons, risk.theme


# Likelihood


@pytest.mark.parametrize(
    ("evidence", "rule_of_law", "likelihood"),
    [
        (Evidence.LISTING, None, 1.0),
        (Evidence.COUNTRY, None, 0.7),
        (Evidence.BASELINE, None, 0.4),
        (Evidence.COUNTRY, -1.5, 0.9),
        (Evidence.COUNTRY, -0.5, 0.8),
        (Evidence.COUNTRY, 0.5, 0.7),
        (Evidence.COUNTRY, 1.2, 0.6),
        (Evidence.LISTING, -2.0, 1.0),
    ],
)
def test_likelihood_by_evidence_and_rule_of_law(
    evidence: Evidence, rule_of_law: float | None, likelihood: float
) -> None:
    risk = Risk("corruption", Level.HIGH, (), False, evidence, rule_of_law)
    assert risk.likelihood == pytest.approx(likelihood)


def test_likelihood_without_evidence_kind_follows_the_baseline_flag() -> None:
    assert Risk("corruption", Level.HIGH, (), True).likelihood == pytest.approx(0.4)
    assert Risk("corruption", Level.HIGH, (), False).likelihood == pytest.approx(0.7)


# Memoisation


def test_node_risks_share_one_result_per_site_profile() -> None:
    reference = make_reference(countries=[country({"corruption_control": -1.2})])
    graph = make_chain(
        [
            ("c", "XA", "trading"),
            ("a", "XA", "spinning", ("Cotton",)),
            ("b", "XA", "spinning", ("Cotton",)),
            ("d", None, "spinning", ("Cotton",)),
        ],
        [("a", "c"), ("b", "c"), ("d", "c")],
        contractor="c",
    )
    risks = node_risks(graph, reference=reference)
    assert risks["a"] is risks["b"]
    assert risks["a"] is not risks["d"]
    assert risks["a"]["corruption"].level == Level.HIGH
    single = assess_site(
        country="XA", activity="spinning", goods=["Cotton"], name="Site a", reference=reference
    )
    assert {theme: r.level for theme, r in single.items()} == {
        theme: r.level for theme, r in risks["a"].items()
    }


def test_node_risks_screen_each_name_against_the_uflpa_list() -> None:
    entity = SanctionedEntity("Ürümqi Example Textiles", (), ("2(d)(2)(B)(ii): x",), "2024-01-01")
    reference = make_reference(countries=[country({})], entities=[entity])
    graph = make_chain(
        [("c", "XA", "trading"), ("a", "XA", "spinning"), ("b", "XA", "spinning")],
        [("a", "c"), ("b", "c")],
        contractor="c",
    )
    graph.nodes["a"]["name"] = "URUMQI example textiles"
    graph.nodes["b"]["name"] = "Ürümqi Example Textiles"
    risks = node_risks(graph, reference=reference)
    assert risks["a"]["forced_labour"].level == Level.VERY_HIGH
    assert risks["b"]["forced_labour"].level == Level.VERY_HIGH
    assert risks["c"]["forced_labour"].level < Level.VERY_HIGH
    assert risks["a"] is risks["b"]  # the same screening result: one profile, assessed once


def test_node_risks_share_one_profile_for_names_that_match_nothing() -> None:
    entity = SanctionedEntity("Xinjiang Example Cotton", (), ("2(d)(2)(B)(ii): x",), "2024-01-01")
    reference = make_reference(countries=[country({})], entities=[entity])
    graph = make_chain(
        [("c", "XA", "trading"), ("a", "XA", "spinning"), ("b", "XA", "spinning"), ("d", "XA", "spinning")],
        [("a", "c"), ("b", "c"), ("d", "c")],
        contractor="c",
    )
    graph.nodes["a"]["name"] = "Acme Spinning"
    graph.nodes["b"]["name"] = "Other Spinning Mill"
    graph.nodes["d"]["name"] = "Xinjiang Exampel Cotton"
    risks = node_risks(graph, reference=reference)
    assert risks["a"] is risks["b"]
    assert risks["d"]["forced_labour"].level == Level.HIGH


# The UFLPA presumption for a site in Xinjiang


def xinjiang_reference() -> ReferenceData:
    china = make_country("CN", name="China", indicators={}, ratified=ALL_RATIFIED)
    usa = make_country("US", name="United States", indicators={}, ratified=ALL_RATIFIED)
    return make_reference(
        countries=[china, usa], goods=[("Cotton", "Agriculture"), ("Bricks", "Manufacturing")]
    )


def forced_labour_at(region: str, iso2: str | None, *, goods: tuple[str, ...] = ("Bricks",)) -> Risk:
    return assess_site(
        country=iso2,
        activity="warehousing",
        goods=goods,
        name="Depot",
        reference=xinjiang_reference(),
        region=region,
    )["forced_labour"]


@pytest.mark.parametrize(
    "region",
    [
        "Xinjiang",
        "XINJIANG",
        " xinjiang ",
        "XUAR",
        "xuar",
        "Xinjiang Uyghur Autonomous Region",
        "xinjiang  uyghur-autonomous region",
        "Xinjiang Uygur Autonomous Region",
        "新疆",
        "新疆维吾尔自治区",
        "Sinkiang",
        "sin kiang",
    ],
)
@pytest.mark.parametrize("iso2", ["CN", None])
def test_a_site_in_xinjiang_carries_the_uflpa_presumption_for_any_good(region: str, iso2: str | None) -> None:
    risk = forced_labour_at(region, iso2)
    assert (risk.level, risk.evidence, risk.baseline) == (Level.VERY_HIGH, Evidence.LISTING, False)
    reason = next(reason for reason in risk.reasons if reason.code == "reason.uflpa_xinjiang")
    assert reason.source == "uflpa_act" and reason.source in SOURCES
    assert "Uyghur Forced Labor Prevention Act" in reason.text("en")
    assert "rebuttable presumption" in reason.text("en") and "weerlegbaar vermoeden" in reason.text("nl")
    assert "Public Law 117-78, section 3" in SOURCES["uflpa_act"].citation


@pytest.mark.parametrize(
    ("region", "iso2"), [("Xinjiang", "US"), ("XUAR", "US"), ("Guangdong", "CN"), ("", "CN")]
)
def test_xinjiang_in_another_country_or_another_region_of_china_is_no_presumption(
    region: str, iso2: str
) -> None:
    risk = forced_labour_at(region, iso2)
    assert "reason.uflpa_xinjiang" not in codes(risk)
    assert risk.level < Level.VERY_HIGH


def test_only_forced_labour_reads_the_region() -> None:
    inside, outside = forced_labour_at("Xinjiang", "CN"), forced_labour_at("", "CN")
    assert inside != outside
    reference = xinjiang_reference()
    inside_all, outside_all = (
        assess_site(
            country="CN",
            activity="warehousing",
            goods=["Bricks"],
            name="Depot",
            reference=reference,
            region=region,
        )
        for region in ("Xinjiang", "")
    )
    for theme in THEMES:
        if theme != "forced_labour":
            assert inside_all[theme] == outside_all[theme], theme


def test_node_risks_read_the_region_and_share_a_profile_per_xinjiang_or_not() -> None:
    graph = make_chain(
        [
            ("c", "US", "warehousing"),
            ("a", "CN", "warehousing"),
            ("b", "CN", "warehousing"),
            ("d", "CN", "warehousing"),
            ("e", "CN", "warehousing"),
            ("u", "US", "warehousing"),
        ],
        [("a", "c"), ("b", "c"), ("d", "c"), ("e", "c"), ("u", "c")],
        contractor="c",
    )
    graph.nodes["a"]["region"] = "Xinjiang"
    graph.nodes["b"]["region"] = "XUAR"
    graph.nodes["d"]["region"] = "Guangdong"
    graph.nodes["u"]["region"] = "Xinjiang"
    risks = node_risks(graph, reference=xinjiang_reference())
    assert risks["a"] is risks["b"]  # two spellings, one profile
    assert risks["d"] is risks["e"]  # another region reads as none
    assert risks["a"]["forced_labour"].level == Level.VERY_HIGH
    assert risks["d"]["forced_labour"].level < Level.VERY_HIGH
    assert risks["u"]["forced_labour"].level < Level.VERY_HIGH
