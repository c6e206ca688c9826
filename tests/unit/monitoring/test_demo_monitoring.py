"""Monitoring on the demo garments chain and its 2027 version, analysed with the committed reference data.

The numbers follow from the hotspot list of `chainmap analyse fixtures/demo/garments.csv` (docs/risk-model.md,
section 8): 49 hotspots reach the threshold of 0.1, of which the first 25 are prioritised, down to the
Turkmen farm's and ginnery's forced labour (very high, salience 0.16).
"""

import subprocess
import sys
from functools import cache
from pathlib import Path
from typing import Final

import pytest

from chainmap.analysis import ChainAnalysis, analyse
from chainmap.chainfile import load_chain
from chainmap.monitoring import (
    PRIORITY_LIMIT,
    PRIORITY_THRESHOLD,
    ActionStatus,
    carry_over,
    coverage,
    is_prioritised_salience,
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
    analysis = analyse(
        built.graph, reference=load_reference(), findings=built.findings, order=built.upstream_order
    )
    return frozenset(built.graph), analysis


def test_the_demo_chain_has_more_risks_above_the_threshold_than_the_limit_takes() -> None:
    _, analysis = analysed(DEMO / "garments.csv")
    above = [hotspot for hotspot in analysis.hotspots if is_prioritised_salience(hotspot.salience)]
    chosen = prioritised_risks(analysis.hotspots)
    assert (len(above), len(chosen)) == (49, PRIORITY_LIMIT)
    assert (chosen[0].node, chosen[0].theme, chosen[0].salience) == ("BD-CMT", "forced_labour", 0.6)
    assert [(hotspot.node, hotspot.theme) for hotspot in chosen[-2:]] == [
        ("TM-FARM", "forced_labour"),
        ("TM-GIN", "forced_labour"),
    ]
    assert all(hotspot.salience >= PRIORITY_THRESHOLD for hotspot in chosen)


def test_coverage_and_residual_risk_of_an_audit_at_the_garment_maker() -> None:
    _, analysis = analysed(DEMO / "garments.csv")
    audit = make_action(
        1, ("BD-CMT", "forced_labour"), ("BD-CMT", "child_labour"), status=ActionStatus.DONE, verified=True
    )
    result = coverage(analysis.hotspots, [audit])
    total = sum(hotspot.salience for hotspot in result.prioritised)
    assert result.share == pytest.approx((0.6 + 0.45) / total)
    assert len(result.uncovered) == PRIORITY_LIMIT - 2
    residual = residual_risk(analysis.hotspots, [audit])
    assert len(residual) == len(analysis.hotspots)
    forced = next(item for item in residual if (item.node, item.theme) == ("BD-CMT", "forced_labour"))
    assert (forced.level, round(forced.salience, 6)) == (Level.HIGH, 0.45)
    # Forced labour at BD-CMT, now high, ties at 0.45 with child labour at the dye house and the knitter.
    assert [(item.node, item.theme, round(item.salience, 6)) for item in residual[:3]] == [
        ("BD-CMT", "forced_labour", 0.45),
        ("BD-DYE", "child_labour", 0.45),
        ("BD-KNIT", "child_labour", 0.45),
    ]


def test_the_2027_version_detaches_the_turkmen_sites_and_flags_the_turkish_risks() -> None:
    _, old = analysed(DEMO / "garments.csv")
    new_nodes, new = analysed(DEMO / "versions" / "garments-2027.csv")
    actions = [make_action(1, ("TM-FARM", "forced_labour"), ("TR-CMT", "child_labour"))]
    result = carry_over(actions, new_nodes=new_nodes, old_hotspots=old.hotspots, new_hotspots=new.hotspots)
    assert [detached.risk for detached in result.detached] == [("TM-FARM", "forced_labour")]
    assert result.actions[0].risks == frozenset({("TR-CMT", "child_labour")})
    # TR-CMT now carries half the volume: its sites' risks rise into the prioritised list.
    flagged = [(hotspot.node, hotspot.theme) for hotspot in result.new_uncovered]
    assert ("TR-KNIT", "child_labour") in flagged and ("TR-CMT", "health_safety") in flagged
    assert all(node not in {"TM-FARM", "TM-GIN"} for node, _ in flagged)
    assert ("TR-CMT", "child_labour") not in flagged  # prioritised before as well, and covered


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
