"""Prioritised risks: every high or very high risk backed by a listing or a country source, however small
its share of the volume; never a baseline-only risk, never a medium or low one."""

from hypothesis import given
from hypothesis import strategies as st

from chainmap.analysis import Hotspot
from chainmap.monitoring import prioritised_risks
from chainmap.themes import THEMES, Level
from tests.factories.monitoring import make_hotspot, ranked


def test_a_very_high_risk_at_a_tiny_share_of_the_volume_is_prioritised() -> None:
    tiny = make_hotspot("F-482", "forced_labour", Level.VERY_HIGH, exposure=0.002)
    assert prioritised_risks([tiny]) == [tiny]


def test_medium_low_and_baseline_only_risks_are_never_prioritised() -> None:
    hotspots = ranked(
        [
            make_hotspot("A", "child_labour", Level.VERY_HIGH, exposure=0.5),
            make_hotspot("B", "child_labour", Level.HIGH, exposure=0.2, baseline=True),
            make_hotspot("C", "child_labour", Level.HIGH, exposure=0.2),
            make_hotspot("D", "child_labour", Level.MEDIUM, exposure=1.0),
            make_hotspot("E", "corruption", Level.LOW, exposure=1.0),
        ]
    )
    assert [hotspot.node for hotspot in prioritised_risks(hotspots)] == ["A", "C"]


def test_there_is_no_limit_on_the_number() -> None:
    hotspots = [make_hotspot(f"N{index:03}", "forced_labour", Level.VERY_HIGH) for index in range(300)]
    assert prioritised_risks(hotspots) == hotspots


hotspot_strategy = st.builds(
    make_hotspot,
    st.sampled_from(["A", "B", "C", "D"]),
    st.sampled_from(THEMES),
    st.sampled_from(list(Level)),
    likelihood=st.sampled_from([0.3, 0.5, 0.7, 0.9, 1.0]),
    exposure=st.floats(0.0001, 1.0),
    baseline=st.booleans(),
)


@given(st.lists(hotspot_strategy, max_size=30), st.lists(hotspot_strategy, max_size=10))
def test_adding_baseline_only_or_lower_risks_never_changes_the_prioritised_risks(
    hotspots: list[Hotspot], extra: list[Hotspot]
) -> None:
    unprioritised = [hotspot for hotspot in extra if hotspot.baseline or hotspot.level < Level.HIGH]
    before = prioritised_risks(ranked(hotspots))
    after = prioritised_risks(ranked([*hotspots, *unprioritised]))
    assert after == before
