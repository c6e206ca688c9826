"""Monitoring on the demo garments chain and its 2027 version, analysed with the committed reference data.

The numbers follow from the hotspot list of `chainmap analyse fixtures/demo/garments.csv` (docs/risk-model.md,
sections 8 and 10): 23 of its 125 hotspots are high or very high with that level set by a listing or a country
source, from the Bangladeshi garment maker's forced labour down to corruption at the Bangladeshi knitter.
"""

import subprocess
import sys
from functools import cache
from pathlib import Path
from typing import Final

import pytest

from chainmap.analysis import ChainAnalysis, analyse_built
from chainmap.chainfile import load_chain
from chainmap.monitoring import (
    ActionStatus,
    carry_over,
    coverage,
    prioritised_risks,
    residual_risk,
)
from chainmap.reference import load_reference
from chainmap.themes import Level
from tests.factories.monitoring import make_action

DEMO: Final = Path(__file__).resolve().parents[3] / "fixtures" / "demo"


@cache
def analysed(path: Path) -> tuple[frozenset[str], ChainAnalysis]:
    built = load_chain(path, reference=load_reference())
    analysis = analyse_built(built, reference=load_reference())
    return frozenset(built.graph), analysis


def test_the_demo_chain_prioritises_its_high_and_very_high_risks_most_severe_first() -> None:
    _, analysis = analysed(DEMO / "garments.csv")
    chosen = prioritised_risks(analysis.hotspots)
    assert len(chosen) == 23
    assert chosen == [hotspot for hotspot in analysis.hotspots if hotspot.prioritised]
    assert [(hotspot.node, hotspot.theme) for hotspot in chosen[:3]] == [
        ("BD-CMT", "forced_labour"),
        ("IN-SPIN", "forced_labour"),
        ("TM-FARM", "forced_labour"),
    ]
    assert (chosen[-1].node, chosen[-1].theme, chosen[-1].level) == ("BD-KNIT", "corruption", Level.HIGH)
    # Living wage at the Bangladeshi garment maker is high from the sector level (section 4.4), but no
    # country source sets that level: it is shown, not prioritised.
    wage = next(h for h in analysis.hotspots if (h.node, h.theme) == ("BD-CMT", "living_wage"))
    assert wage.level == Level.HIGH and not wage.prioritised
    # The Turkmen ginnery buys its cotton from the mapped Turkmen farms: the listing sits at the farms.
    assert ("TM-GIN", "forced_labour") not in {(hotspot.node, hotspot.theme) for hotspot in chosen}


def test_coverage_and_residual_risk_of_an_audit_at_the_garment_maker() -> None:
    _, analysis = analysed(DEMO / "garments.csv")
    audit = make_action(
        1, ("BD-CMT", "forced_labour"), ("BD-CMT", "child_labour"), status=ActionStatus.DONE, verified=True
    )
    result = coverage(analysis.hotspots, [audit])
    total = sum(hotspot.salience for hotspot in result.prioritised)
    assert result.share == pytest.approx((0.6 + 0.45) / total)
    assert len(result.uncovered) == 23 - 2
    residual = residual_risk(analysis.hotspots, [audit])
    assert len(residual) == len(analysis.hotspots)
    forced = next(item for item in residual if (item.node, item.theme) == ("BD-CMT", "forced_labour"))
    assert (forced.level, round(forced.salience, 6)) == (Level.HIGH, 0.45)
    # Forced labour at BD-CMT, now high, ranks after every very high risk and first among the high ones.
    ranked = [(item.node, item.theme, item.level) for item in residual]
    assert ranked[3:6] == [
        ("CN-SPIN", "freedom_of_association", Level.VERY_HIGH),
        ("BD-CMT", "forced_labour", Level.HIGH),
        ("BD-DYE", "child_labour", Level.HIGH),
    ]


def test_the_2027_version_detaches_the_turkmen_sites_and_adds_no_prioritised_risk() -> None:
    _, old = analysed(DEMO / "garments.csv")
    new_nodes, new = analysed(DEMO / "versions" / "garments-2027.csv")
    actions = [make_action(1, ("TM-FARM", "forced_labour"), ("TR-CMT", "child_labour"))]
    result = carry_over(actions, new_nodes=new_nodes, old_hotspots=old.hotspots, new_hotspots=new.hotspots)
    assert [detached.risk for detached in result.detached] == [("TM-FARM", "forced_labour")]
    assert result.actions[0].risks == frozenset({("TR-CMT", "child_labour")})
    # Shifting volume to the Turkish garment maker raises no level, and the Greek and Pakistani sites carry
    # no high risk backed by a source: prioritisation follows severity, not the share of volume.
    assert result.new_prioritised == ()
    assert len(prioritised_risks(new.hotspots)) == 17


def test_importing_monitoring_loads_no_database_or_web_code() -> None:
    probe = (
        "import sys, chainmap.monitoring;"
        "loaded = ('models', 'web', 'sqlalchemy', 'sqlmodel', 'fastapi');"
        "print(','.join(m for m in loaded if m in sys.modules))"
    )
    output = subprocess.run(  # noqa: S603 - our own interpreter and a fixed probe
        [sys.executable, "-c", probe], check=True, capture_output=True, text=True
    ).stdout
    assert output.strip() == ""
