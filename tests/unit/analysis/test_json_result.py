"""The JSON result of `chainmap analyse --format json`: written in pieces, it parses, follows the
documented schema (docs/chainmap-analysis.schema.json) and every number in it points into its table."""

import io
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from bench.synthetic import write_synthetic_csv
from chainmap.analysis import ChainAnalysis, analyse_built
from chainmap.analysis import report as report_module
from chainmap.chainfile import load_chain
from chainmap.cli import main
from chainmap.reference import load_reference
from chainmap.themes import THEMES, Lang

ROOT = Path(__file__).resolve().parents[3]
DEMO = ROOT / "fixtures" / "demo"
SCHEMA = json.loads((ROOT / "docs" / "chainmap-analysis.schema.json").read_text(encoding="utf-8"))


class RecordingStream(io.BytesIO):
    """A binary stream that remembers the size of every write."""

    def __init__(self) -> None:
        super().__init__()
        self.writes: list[int] = []

    def write(self, data: Any) -> int:
        self.writes.append(len(data))
        return super().write(data)


def analysis_of(path: Path) -> ChainAnalysis:
    reference = load_reference()
    built = load_chain(path, reference=reference)
    assert built.ok
    return analyse_built(built, reference=reference)


def streamed(analysis: ChainAnalysis, lang: Lang = "en", top: int | None = None) -> RecordingStream:
    stream = RecordingStream()
    analysis.write_json(stream, lang, top=top)
    return stream


def check_references(result: dict[str, Any]) -> None:
    """Every id points into its table, ids are the positions, and each hotspot's risk is its node's."""
    for table in ("sources", "reasons", "risks"):
        assert [entry["id"] for entry in result[table]] == list(range(len(result[table])))
    assert all(reason["source"] < len(result["sources"]) for reason in result["reasons"])
    for risk in result["risks"]:
        assert all(reason < len(result["reasons"]) for reason in risk["reasons"])
        cited = {result["reasons"][reason]["source"] for reason in risk["reasons"]}
        assert set(risk["sources"]) == cited
    nodes = {node["id"]: node for node in result["nodes"]}
    assert result["themes"] == list(THEMES)
    for node in result["nodes"]:
        assert len(node["risks"]) == len(THEMES)
        for theme, risk in zip(THEMES, node["risks"], strict=True):
            assert result["risks"][risk]["theme"] == theme
    hotspots = result["hotspots"]
    assert len(hotspots["node"]) == len(hotspots["risk"]) <= hotspots["count"]
    for node, risk in zip(hotspots["node"], hotspots["risk"], strict=True):
        assert risk in nodes[node]["risks"]
        assert result["risks"][risk]["level"] > 0
    for group in result["risk_groups"]:
        assert all(node in nodes for node in group["nodes"])


def test_the_schema_is_a_valid_json_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


@pytest.mark.parametrize("demo", ["garments.csv", "natural_stone.csv", "ict_hardware.csv"])
@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_streamed_result_of_each_demo_chain_follows_the_schema(demo: str, lang: Lang) -> None:
    analysis = analysis_of(DEMO / demo)
    result = json.loads(streamed(analysis, lang).getvalue())
    jsonschema.validate(result, SCHEMA, cls=jsonschema.Draft202012Validator)
    assert result == analysis.as_dict(lang)
    check_references(result)
    assert result["hotspots"]["count"] == len(analysis.hotspots)


def test_a_synthetic_chain_is_written_in_pieces_none_near_the_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "chain.csv"
    write_synthetic_csv(path, 3_000)
    analysis = analysis_of(path)
    monkeypatch.setattr(report_module, "CHUNK", 500)
    stream = streamed(analysis)
    text = stream.getvalue()
    result = json.loads(text)
    jsonschema.validate(result, SCHEMA, cls=jsonschema.Draft202012Validator)
    check_references(result)
    assert len(result["nodes"]) == 3_000 and result["hotspots"]["count"] == len(analysis.hotspots) > 10_000
    assert result == analysis.as_dict()
    assert max(stream.writes) < len(text) / 10
    assert len(stream.writes) > 40


def test_top_cuts_the_hotspots_and_keeps_their_count() -> None:
    analysis = analysis_of(DEMO / "garments.csv")
    whole = json.loads(streamed(analysis).getvalue())
    cut = json.loads(streamed(analysis, top=4).getvalue())
    jsonschema.validate(cut, SCHEMA, cls=jsonschema.Draft202012Validator)
    assert cut["hotspots"] == {
        "count": whole["hotspots"]["count"],
        "node": whole["hotspots"]["node"][:4],
        "risk": whole["hotspots"]["risk"][:4],
    }
    assert {key: value for key, value in cut.items() if key != "hotspots"} == {
        key: value for key, value in whole.items() if key != "hotspots"
    }


def test_the_command_line_writes_the_streamed_result(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyse", str(DEMO / "natural_stone.csv"), "--format", "json"]) == 0
    out = capsys.readouterr().out
    assert json.loads(out) == json.loads(streamed(analysis_of(DEMO / "natural_stone.csv")).getvalue())


def test_names_that_need_escaping_survive_the_pieces(tmp_path: Path) -> None:
    path = tmp_path / "odd.csv"
    path.write_text(
        "id,name,country,activity,goods,supplies_to,share\n"
        'C,"Koper ""BV"" \\ ✓",NL,trading,Garments,,\n'
        'F,"Fabriek\tmet tab, komma en ""quotes""",BD,cut-make-trim,Garments,C,\n',
        encoding="utf-8",
    )
    result = json.loads(streamed(analysis_of(path)).getvalue())
    names = {node["id"]: node["name"] for node in result["nodes"]}
    assert names == {"C": 'Koper "BV" \\ ✓', "F": 'Fabriek\tmet tab, komma en "quotes"'}
