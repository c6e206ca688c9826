"""Reading chain files from disk: dispatch by suffix, size and row limits, writing, load_chain."""

import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

import chainmap.chainfile
from chainmap.chain import COLUMNS
from chainmap.chainfile import (
    chain_to_xlsx,
    load_chain,
    parse_csv,
    parse_json,
    parse_xlsx,
    read_chain_file,
    write_chain_file,
)
from chainmap.chainfile.table import read_table
from chainmap.validation import build_chain
from tests.factories.chainfiles import GARMENT_LINES, chain_reference, csv_text, garment_rows

REFERENCE = chain_reference()


@pytest.fixture
def garment_graph_files(tmp_path: Path) -> dict[str, Path]:
    graph = build_chain(garment_rows(), reference=REFERENCE).graph
    paths = {}
    for suffix in (".csv", ".xlsx", ".json"):
        paths[suffix] = tmp_path / f"chain{suffix}"
        write_chain_file(graph, paths[suffix])
    return paths


def test_read_chain_file_reads_each_format_by_its_suffix(garment_graph_files: dict[str, Path]) -> None:
    for suffix, path in garment_graph_files.items():
        upper = path.rename(path.with_suffix(suffix.upper()))
        chain_file = read_chain_file(upper)
        assert chain_file.findings == [], suffix
        assert [row.id for row in chain_file.rows] == ["WK", "BD-CMT", "TR-CMT", "MILL"]


@pytest.mark.parametrize("name", ["chain.xls", "chain.txt", "chain"])
def test_other_file_types_are_refused_with_a_clear_message(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"id,name\r\n")
    (finding,) = read_chain_file(path).findings
    assert finding.code == "chain.file_type_unsupported"
    assert "Use .csv, .xlsx or .json" in finding.message()


def test_a_missing_file_or_a_directory_is_a_finding_not_an_exception(tmp_path: Path) -> None:
    assert [f.code for f in read_chain_file(tmp_path / "absent.csv").findings] == ["chain.file_unreadable"]
    (tmp_path / "folder.csv").mkdir()
    assert [f.code for f in read_chain_file(tmp_path / "folder.csv").findings] == ["chain.file_unreadable"]


@pytest.mark.parametrize("suffix", [".csv", ".xlsx", ".json"])
def test_a_file_over_the_size_limit_is_refused_by_its_size_without_being_read(
    garment_graph_files: dict[str, Path], suffix: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = garment_graph_files[suffix]
    monkeypatch.setattr(chainmap.chainfile, "MAX_FILE_BYTES", path.stat().st_size - 1)

    def no_reading(*args: object, **kwargs: object) -> None:
        raise AssertionError("the file was opened")

    monkeypatch.setattr(Path, "open", no_reading)
    monkeypatch.setattr(Path, "read_bytes", no_reading)
    (finding,) = read_chain_file(path).findings
    assert finding.code == "chain.file_too_large"
    assert "MB" in finding.message() and "MB" in finding.message("nl")


def test_the_real_size_limit_is_50_megabytes() -> None:
    assert chainmap.chainfile.MAX_FILE_BYTES == 50 * 1024 * 1024
    assert chainmap.chainfile.MAX_ROWS == 500_000


def test_a_file_at_the_size_limit_is_read(
    garment_graph_files: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = garment_graph_files[".csv"]
    monkeypatch.setattr(chainmap.chainfile, "MAX_FILE_BYTES", path.stat().st_size)
    assert read_chain_file(path).findings == []


def test_too_many_rows_refuses_each_format(monkeypatch: pytest.MonkeyPatch) -> None:
    graph = build_chain(garment_rows(), reference=REFERENCE).graph
    csv_data = csv_text(GARMENT_LINES).encode()
    json_data = chainmap.chainfile.chain_to_json(graph)
    xlsx_data = chain_to_xlsx(graph)
    monkeypatch.setattr(chainmap.chainfile, "MAX_ROWS", 4)
    assert parse_csv(csv_data).findings == []
    assert parse_json(json_data).findings == []
    assert parse_xlsx(io.BytesIO(xlsx_data)).findings == []
    monkeypatch.setattr(chainmap.chainfile, "MAX_ROWS", 3)
    for chain_file in (parse_csv(csv_data), parse_json(json_data), parse_xlsx(io.BytesIO(xlsx_data))):
        (finding,) = chain_file.findings
        assert finding.code == "chain.file_too_many_rows" and finding.params == {"limit": 3}
        assert chain_file.rows == []
        assert "more than 3 rows" in finding.message()


def test_reading_stops_at_the_first_row_over_the_limit() -> None:
    consumed = []

    def records() -> Iterator[list[str]]:
        yield list(COLUMNS)
        for number in range(1_000_000):
            consumed.append(number)
            yield [f"S{number}", "Site", "NL", "trading", "", "S0", ""]

    chain_file = read_table(records(), max_rows=10)
    assert [f.code for f in chain_file.findings] == ["chain.file_too_many_rows"]
    assert len(consumed) == 11


def test_write_chain_file_refuses_an_unknown_suffix(tmp_path: Path) -> None:
    graph = build_chain(garment_rows(), reference=REFERENCE).graph
    with pytest.raises(ValueError, match="cannot write"):
        write_chain_file(graph, tmp_path / "chain.txt")


def test_conversion_between_all_formats_keeps_the_graph(
    garment_graph_files: dict[str, Path], tmp_path: Path
) -> None:
    original = build_chain(garment_rows(), reference=REFERENCE).graph
    path = garment_graph_files[".csv"]
    for suffix in (".xlsx", ".json", ".csv"):
        graph = load_chain(path, reference=REFERENCE).graph
        path = tmp_path / f"converted{suffix}"
        write_chain_file(graph, path)
    final = load_chain(path, reference=REFERENCE)
    assert final.ok
    assert list(final.graph.nodes(data=True)) == list(original.nodes(data=True))
    assert sorted(final.graph.edges(data="share")) == sorted(original.edges(data="share"))
    assert final.graph.graph == original.graph


def test_load_chain_returns_warnings_of_file_and_rows_together(tmp_path: Path) -> None:
    path = tmp_path / "chain.csv"
    lines = [[*GARMENT_LINES[0], "remarks"], *[[*line, ""] for line in GARMENT_LINES[1:]]]
    lines[1][4] = "Lace"
    path.write_text(csv_text(lines), encoding="utf-8")
    built = load_chain(path, reference=REFERENCE)
    assert built.ok
    # TR-CMT's only supplier gives 50.5% of its input: the rest is not in the map.
    assert [f.code for f in built.findings] == [
        "chain.column_ignored",
        "chain.goods_unknown",
        "chain.share_total_under_100",
    ]
    assert built.graph.graph["contractor"] == "WK"


def test_load_chain_stops_at_file_errors_with_an_empty_graph(tmp_path: Path) -> None:
    path = tmp_path / "chain.json"
    path.write_text(json.dumps({"nodes": "none"}), encoding="utf-8")
    built = load_chain(path, reference=REFERENCE)
    assert not built.ok
    assert [f.code for f in built.findings] == ["chain.json_structure"]
    assert built.graph.number_of_nodes() == 0


def test_load_chain_reports_row_errors(tmp_path: Path) -> None:
    path = tmp_path / "chain.csv"
    lines = [list(line) for line in GARMENT_LINES]
    lines[3][2] = "Turkije!"
    path.write_text(csv_text(lines, delimiter=";"), encoding="cp1252")
    built = load_chain(path, reference=REFERENCE)
    assert not built.ok
    (finding,) = [finding for finding in built.findings if finding.blocking]
    assert (finding.code, finding.row, finding.column) == ("chain.country_unknown", 4, "country")


def test_load_chain_lists_link_errors_and_row_errors_together(tmp_path: Path) -> None:
    path = tmp_path / "chain.json"
    document = {
        "nodes": [
            {"id": "WK", "name": "Koper", "country": "NL", "activity": "trading"},
            {"id": "A", "name": "Mill", "country": "Atlantis", "activity": "spinning"},
        ],
        "links": [{"source": "A", "target": "WK", "share": [60]}],
    }
    path.write_text(json.dumps(document), encoding="utf-8")
    built = load_chain(path, reference=REFERENCE)
    assert not built.ok
    assert {f.code for f in built.findings} >= {"chain.json_link_share_invalid", "chain.country_unknown"}
