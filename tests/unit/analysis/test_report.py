"""analyse() and the stable JSON shape of its result."""

import gc
import io
import json
import subprocess
import sys
import textwrap
import threading
import time
import weakref
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from pathlib import Path

import networkx as nx
import pytest

from bench.synthetic import write_synthetic_csv
from chainmap.analysis import analyse
from chainmap.analysis.report import Deferred
from chainmap.chainfile import load_chain
from chainmap.findings import Finding, Severity
from chainmap.reference import load_reference
from chainmap.themes import THEMES, Lang
from tests.factories.chains import make_chain
from tests.factories.reference import make_country, make_listing, make_reference

DEMO = Path(__file__).resolve().parents[3] / "fixtures" / "demo"

REFERENCE = make_reference(
    countries=[
        make_country(
            "BD", name="Bangladesh", indicators={"working_children": 4.3, "corruption_control": -1.1}
        ),
        make_country("IN", name="India", indicators={"voice_accountability": 0.1}),
    ],
    listings=[
        make_listing("Garments", "BD", child=True),
        make_listing("Cotton", "IN", child=True, forced=True),
    ],
    goods=[("Garments", "Manufacturing"), ("Cotton", "Agriculture"), ("Fabric", "Manufacturing")],
)


def chain() -> "nx.DiGraph[str]":
    return make_chain(
        [
            ("c", "NL", "trading", ("Garments",)),
            ("g", "BD", "cut-make-trim", ("Garments",)),
            ("w", None, "weaving", ("Fabric",)),
            ("f", "IN", "farming", ("Cotton",)),
        ],
        [("g", "c", 100.0), ("w", "g", 70.0), ("f", "w")],
        contractor="c",
    )


def test_analysis_holds_every_node_the_hotspots_and_the_structure() -> None:
    graph = chain()
    warning = Finding(
        Severity.WARNING, "chain.goods_unknown", {"row": 3, "value": "Fabrik"}, row=3, column="goods"
    )
    result = analyse(graph, reference=REFERENCE, findings=[warning])
    assert [node.id for node in result.nodes] == ["c", "g", "w", "f"]
    by_id = {node.id: node for node in result.nodes}
    assert by_id["f"].tier == 3
    assert by_id["f"].exposure == pytest.approx(0.7)
    assert set(by_id["g"].risks) == set(THEMES)
    assert result.findings == (warning,)
    # Very high forced labour at the Indian cotton farm (70% of the volume) outranks the garment maker's
    # high child labour (100%): the most severe first.
    assert (result.hotspots[0].node, result.hotspots[0].theme) == ("f", "forced_labour")
    assert result.structure.traced_share == pytest.approx(0.7)
    assert result.structure.critical_nodes == ("g", "w", "f")


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_as_dict_has_the_stable_keys_and_is_json_ready(lang: Lang) -> None:
    warning = Finding(
        Severity.WARNING, "chain.goods_unknown", {"row": 3, "value": "Fabrik"}, row=3, column="goods"
    )
    data = analyse(chain(), reference=REFERENCE, findings=[warning]).as_dict(lang)
    assert json.loads(json.dumps(data)) == data
    assert list(data) == [
        *("format_version", "lang", "themes", "sources", "reasons", "risks"),
        *("findings", "nodes", "hotspots", "risk_groups", "structure"),
    ]
    assert (data["format_version"], data["lang"], data["themes"]) == (2, lang, list(THEMES))
    assert data["findings"][0]["code"] == "chain.goods_unknown"
    node = data["nodes"][1]
    assert list(node) == ["id", "name", "country", "activity", "goods", "tier", "exposure", "risks"]
    assert len(node["risks"]) == len(THEMES)
    risk = data["risks"][node["risks"][THEMES.index("child_labour")]]
    assert list(risk) == [
        *("id", "theme", "level", "label", "baseline", "evidence", "severity", "likelihood"),
        *("prioritised", "reasons", "sources"),
    ]
    assert (risk["theme"], risk["level"], risk["label"]) == (
        "child_labour",
        3,
        {"en": "high", "nl": "hoog"}[lang],
    )
    assert data["sources"][risk["sources"][0]]["citation"].startswith("U.S. Department of Labor, ILAB")
    assert [entry["id"] for table in ("sources", "reasons", "risks") for entry in data[table]] == [
        *range(len(data["sources"])),
        *range(len(data["reasons"])),
        *range(len(data["risks"])),
    ]
    hotspots = data["hotspots"]
    assert list(hotspots) == ["count", "node", "risk"]
    assert hotspots["count"] == len(hotspots["node"]) == len(hotspots["risk"])
    first = data["risks"][hotspots["risk"][0]]
    assert (hotspots["node"][0], first["theme"], first["level"]) == ("f", "forced_labour", 4)
    assert data["risk_groups"][0] == {
        "key": "forced_labour|IN|good:Cotton",
        "theme": "forced_labour",
        "country": "IN",
        "good": "Cotton",
        "level": 4,
        "sites": 1,
        "exposure": 0.7,
        "nodes": ["f"],
    }
    assert list(data["structure"]) == [
        "tiers",
        "max_tier",
        "traced_share",
        "unknown_nodes",
        "unknown_countries",
        "critical_nodes",
        "exposure_by_country",
    ]
    assert data["structure"]["tiers"] == {"0": 1, "1": 1, "2": 1, "3": 1}
    assert data["structure"]["unknown_nodes"] == ["w"]


def test_the_hotspots_of_the_json_result_are_the_ranked_hotspots_with_their_scores() -> None:
    analysis = analyse(chain(), reference=REFERENCE)
    data = analysis.as_dict("en")
    nodes = {node["id"]: node for node in data["nodes"]}
    rows = list(zip(data["hotspots"]["node"], data["hotspots"]["risk"], strict=True))
    assert len(rows) == len(analysis.hotspots)
    for (node, risk_id), hotspot in zip(rows, analysis.hotspots, strict=True):
        risk = data["risks"][risk_id]
        assert (node, risk["theme"], risk["level"]) == (hotspot.node, hotspot.theme, int(hotspot.level))
        assert risk["prioritised"] == hotspot.prioritised
        assert nodes[node]["risks"][THEMES.index(risk["theme"])] == risk_id
        assert risk["severity"] * risk["likelihood"] * nodes[node]["exposure"] == pytest.approx(
            hotspot.salience, abs=1e-5
        )
        texts = [data["reasons"][reason]["text"] for reason in risk["reasons"]]
        assert texts == [reason.text("en") for reason in hotspot.reasons]
    assert analysis.as_dict("en", top=2)["hotspots"] == {
        "count": len(rows),
        "node": [node for node, _ in rows[:2]],
        "risk": [risk for _, risk in rows[:2]],
    }


def test_each_reason_text_source_and_risk_is_in_its_table_once() -> None:
    data = analyse(chain(), reference=REFERENCE).as_dict("nl")
    reasons = [(reason["code"], reason["text"], reason["source"]) for reason in data["reasons"]]
    assert len(reasons) == len(set(reasons))
    citations = [source["citation"] for source in data["sources"]]
    assert len(citations) == len(set(citations))
    risks = [json.dumps({k: v for k, v in risk.items() if k != "id"}) for risk in data["risks"]]
    assert len(risks) == len(set(risks))
    # The texts are in the language asked for.
    assert any("Geen landgegevens" in reason["text"] for reason in data["reasons"])


def test_unknown_country_node_is_shown_as_baseline_with_a_reason() -> None:
    data = analyse(chain(), reference=REFERENCE).as_dict("en")
    weaving = next(node for node in data["nodes"] if node["id"] == "w")
    assert weaving["country"] is None
    for risk_id in weaving["risks"]:
        risk = data["risks"][risk_id]
        assert risk["baseline"] is True
        assert risk["level"] >= 1
        assert any("country is unknown" in data["reasons"][reason]["text"] for reason in risk["reasons"])


@pytest.mark.parametrize("demo", ["garments.csv", "natural_stone.csv", "ict_hardware.csv"])
def test_the_order_validation_finds_gives_the_same_analysis(demo: str) -> None:
    reference = load_reference()
    built = load_chain(DEMO / demo, reference=reference)
    assert built.ok and len(built.upstream_order) == built.graph.number_of_nodes()
    with_order = analyse(built.graph, reference=reference, order=built.upstream_order)
    assert with_order.as_dict() == analyse(built.graph, reference=reference).as_dict()


def test_an_incomplete_order_is_a_programming_error() -> None:
    built = load_chain(DEMO / "garments.csv", reference=load_reference())
    with pytest.raises(ValueError, match="every node"):
        analyse(built.graph, reference=load_reference(), order=built.upstream_order[:-1])


@pytest.mark.parametrize("size", [40, 600])
def test_forking_the_risk_profiles_gives_the_same_analysis(tmp_path: Path, size: int) -> None:
    reference = load_reference()
    path = tmp_path / "chain.csv"
    write_synthetic_csv(path, size)
    built = load_chain(path, reference=reference)
    assert built.ok
    forked = analyse(built.graph, reference=reference, order=built.upstream_order, fork=True)
    assert forked.as_dict() == analyse(built.graph, reference=reference).as_dict()


def test_writing_the_json_result_with_the_risk_groups_forked_writes_the_same_bytes(tmp_path: Path) -> None:
    reference = load_reference()
    path = tmp_path / "chain.csv"
    write_synthetic_csv(path, 600)
    built = load_chain(path, reference=reference)
    written = []
    for fork in (False, True):
        analysis = analyse(built.graph, reference=reference, order=built.upstream_order)
        stream = io.BytesIO()
        analysis.write_json(stream, "nl", fork=fork)
        written.append(stream.getvalue())
        assert analysis.risk_groups  # known once written, forked or not
    assert written[0] == written[1]
    assert b'"risk_groups":[{' in written[1]


def test_risk_groups_read_by_several_threads_at_once_are_gathered_once() -> None:
    calls: list[int] = []
    started = threading.Barrier(4)

    def gather() -> tuple[str, ...]:
        calls.append(threading.get_ident())
        time.sleep(0.05)
        return ("group",)

    deferred = Deferred(gather)

    def read() -> tuple[str, ...]:
        started.wait()
        return deferred.get()

    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda _: read(), range(4)))
    assert results == [("group",)] * 4
    assert len(calls) == 1


def test_once_gathered_the_risk_groups_let_go_of_what_they_were_made_from() -> None:
    class Chain:
        groups = ("group",)

    chain = Chain()
    kept = weakref.ref(chain)
    deferred = Deferred(partial(getattr, chain, "groups"))  # holds the chain until it is made
    del chain
    assert deferred.get() == ("group",)
    gc.collect()
    assert kept() is None
    assert deferred.get() == ("group",)


def test_risk_groups_are_forked_once_however_often_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    started: list[object] = []

    def counted(work: Callable[[], object]) -> Callable[[], object]:
        started.append(work)
        return work

    monkeypatch.setattr("chainmap.analysis.report.start_forked", counted)
    deferred = Deferred(lambda: ("group",))
    deferred.fork()
    deferred.fork()
    assert deferred.get() == ("group",)
    deferred.fork()
    assert len(started) == 1


def test_a_forked_analysis_takes_its_profiles_and_groups_from_children(tmp_path: Path) -> None:
    # In a fresh interpreter (the test session has threads once the browser tests have run, and a
    # process with threads never forks): each result a child delivers is unpickled once here.
    path = tmp_path / "chain.csv"
    write_synthetic_csv(path, 600)
    program = textwrap.dedent(
        f"""
        import pickle
        from pathlib import Path
        from chainmap.analysis import analyse
        from chainmap.chainfile import load_chain
        from chainmap.reference import load_reference

        delivered = []
        unpickle = pickle.loads
        pickle.loads = lambda payload: delivered.append(len(payload)) or unpickle(payload)
        reference = load_reference()
        built = load_chain(Path({str(path)!r}), reference=reference)
        forked = analyse(built.graph, reference=reference, order=built.upstream_order, fork=True).as_dict()
        print(len(delivered), forked == analyse(built.graph, reference=reference).as_dict())
        delivered.clear()
        analyse(built.graph, reference=reference, fork=True, fork_groups=False).as_dict()
        print(len(delivered))
        """
    )
    output = subprocess.run(  # noqa: S603 - our own interpreter and a fixed program
        [sys.executable, "-c", program], capture_output=True, text=True, check=True, timeout=120
    ).stdout
    assert output == "2 True\n1\n"  # without the groups' child when they are not wanted
