"""The command line: every command, its output and its exit codes, run in-process through main()."""

import csv
import io
import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from bench.synthetic import write_synthetic_csv
from chainmap import cli
from chainmap.cli import EXIT_BLOCKED, EXIT_OK, EXIT_USAGE, main

DEMO = Path(__file__).resolve().parents[2] / "fixtures" / "demo"
GARMENTS = DEMO / "garments.csv"
GARMENTS_2027 = DEMO / "versions" / "garments-2027.csv"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_analyse_text_report_shows_hotspots_structure_and_findings(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(capsys, "analyse", GARMENTS, "--top", "5")
    assert code == EXIT_OK
    assert "Hotspots (top 5 of" in out
    assert "Dhaka Apparel Works Ltd." in out
    assert "Structure" in out and "traced to raw material" in out
    assert "Findings" in out
    assert "Traceback" not in err


def test_analyse_json_has_the_stable_keys(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "analyse", GARMENTS, "--format", "json")
    assert code == EXIT_OK
    result = json.loads(out)
    assert {"format_version", "sources", "reasons", "risks", "findings", "nodes", "hotspots"} <= set(result)
    assert {"risk_groups", "structure"} <= set(result)
    node = result["nodes"][0]
    assert {"id", "tier", "exposure", "risks"} <= set(node)
    risk = result["risks"][node["risks"][0]]
    assert {"level", "reasons", "sources"} <= set(risk)
    levels = [result["risks"][risk]["level"] for risk in result["hotspots"]["risk"]]
    assert levels == sorted(levels, reverse=True)
    assert result["hotspots"]["count"] == len(levels) == 125
    group = result["risk_groups"][0]
    assert {"key", "theme", "country", "level", "sites", "exposure", "nodes"} <= set(group)
    assert {"traced_share", "unknown_nodes", "critical_nodes", "exposure_by_country"} <= set(
        result["structure"]
    )


def test_analyse_json_top_limits_the_hotspots(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "analyse", GARMENTS, "--format", "json", "--top", "3")
    assert code == EXIT_OK
    hotspots = json.loads(out)["hotspots"]
    assert (len(hotspots["node"]), len(hotspots["risk"]), hotspots["count"]) == (3, 3, 125)
    _, whole, _ = run(capsys, "analyse", GARMENTS, "--format", "json")
    assert json.loads(whole)["hotspots"]["node"][:3] == hotspots["node"]


def csv_rows(text: str, delimiter: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text), delimiter=delimiter))


def test_analyse_csv_writes_one_row_per_hotspot_in_rank_order(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "analyse", GARMENTS, "--format", "csv")
    assert code == EXIT_OK
    header, *rows = csv_rows(out, ",")
    assert header == [
        *("rank", "site id", "site", "country", "tier", "theme", "level", "likelihood", "exposure"),
        *("salience", "prioritised", "reasons", "sources"),
    ]
    _, as_json, _ = run(capsys, "analyse", GARMENTS, "--format", "json")
    result = json.loads(as_json)
    assert [row[1] for row in rows] == result["hotspots"]["node"]
    assert [row[0] for row in rows] == [str(rank) for rank in range(1, 126)]
    first = rows[0]
    assert first[1:8] == ["BD-CMT", "Dhaka Apparel Works Ltd.", "BD", "1", "forced labour", "very high", "1"]
    assert (first[8], first[9], first[10]) == ("0.6", "0.6", "yes")
    assert first[11].startswith("Garments from Bangladesh is on the US DOL list") and " | " in first[11]
    assert first[12].startswith("U.S. Department of Labor, ILAB")
    saliences = [float(row[9]) for row in rows if row[6] == "very high"]
    assert saliences[0] == max(saliences)


def test_analyse_csv_in_dutch_honours_top(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--lang", "nl", "analyse", GARMENTS, "--format", "csv", "--top", "2")
    assert code == EXIT_OK
    header, *rows = csv_rows(out, ";")
    assert header[:3] == ["rang", "locatie-id", "locatie"] and len(rows) == 2
    assert rows[0][5:11] == ["dwangarbeid", "zeer hoog", "1", "0,6", "0,6", "ja"]
    assert rows[1][8] == "0,42"


def test_analyse_csv_defuses_cells_a_spreadsheet_would_run_as_formulas(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "formulas.csv"
    path.write_text(
        "id,name,country,activity,goods,supplies_to,share\n"
        "C,Contractor,NL,trading,Garments,,\n"
        '-F,"=HYPERLINK(""http://x.test"",""x"")",BD,cut-make-trim,Garments,C,\n',
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "analyse", path, "--format", "csv")
    assert code == EXIT_OK
    rows = csv_rows(out, ",")[1:]
    factory = [row for row in rows if row[1] == "'-F"]
    assert factory and all(row[2] == '\'=HYPERLINK("http://x.test","x")' for row in factory)
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)


def test_analyse_in_dutch(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--lang", "nl", "analyse", GARMENTS)
    assert code == EXIT_OK
    assert "Risicopunten" in out and "dwangarbeid" in out


def broken_chain(tmp_path: Path) -> Path:
    path = tmp_path / "broken.csv"
    path.write_text(
        "id,name,country,activity,goods,supplies_to,share\n"
        "C,Contractor,NL,trading,,,\n"
        "A,Mill,Burmaa,spinning,Cotton,C,\n"
        "B,Farm,IN,farming,Cotton,X,\n",
        encoding="utf-8",
    )
    return path


def test_validate_reports_every_blocking_error_and_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "validate", broken_chain(tmp_path))
    assert code == EXIT_BLOCKED
    assert "Burmaa" in err
    assert '"X"' in err or " X" in err
    assert "3" in err and "4" in err  # the rows of both errors
    assert "Traceback" not in err
    assert out == ""


def test_analyse_refuses_a_file_with_blocking_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "analyse", broken_chain(tmp_path))
    assert code == EXIT_BLOCKED
    assert out == ""
    assert "blocking error" in err


def test_validate_a_valid_chain(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "validate", GARMENTS)
    assert code == EXIT_OK
    assert "valid chain of 16 sites and 15 links" in out


@pytest.mark.parametrize(
    "argv",
    [
        ("analyse", "no-such-file.csv"),
        ("analyse", "chain.txt"),
        ("risk", "--goods", "Cotton", "--country", "Atlantis"),
        ("risk", "--goods", "Cotton", "--country", "TM", "--activity", "juggling"),
        ("reference", "build", "--from", "no-such-directory"),
    ],
)
def test_usage_errors_exit_2_with_one_line_and_no_traceback(
    argv: tuple[str, ...], capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, *argv)
    assert code == EXIT_USAGE
    assert err.startswith("chainmap: ")
    assert "Traceback" not in err


def test_bad_arguments_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["analyse", str(GARMENTS), "--top", "zero"])
    assert exit_info.value.code == EXIT_USAGE


def test_convert_round_trip_keeps_the_analysis(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    as_json, as_xlsx, back = tmp_path / "c.json", tmp_path / "c.xlsx", tmp_path / "c.csv"
    assert run(capsys, "convert", GARMENTS, as_json)[0] == EXIT_OK
    assert run(capsys, "convert", as_json, as_xlsx)[0] == EXIT_OK
    assert run(capsys, "convert", as_xlsx, back)[0] == EXIT_OK
    _, original, _ = run(capsys, "analyse", GARMENTS, "--format", "json")
    _, converted, _ = run(capsys, "analyse", back, "--format", "json")
    assert json.loads(original) == json.loads(converted)


def test_diff_names_what_changed(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "diff", GARMENTS, GARMENTS_2027, "--format", "json")
    assert code == EXIT_OK
    diff = json.loads(out)
    text = json.dumps(diff)
    assert "TM-FARM" in text and "GR-FARM" in text and "UNK-SPIN" in text
    code, out, _ = run(capsys, "diff", GARMENTS, GARMENTS_2027)
    assert code == EXIT_OK
    assert "TM-FARM" in out


def test_diff_of_a_chain_with_itself_has_no_changes(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "diff", GARMENTS, GARMENTS)
    assert code == EXIT_OK
    assert "No changes." in out


def test_risk_lookup_gives_reasons_and_sources(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "risk", "--goods", "cotton", "--country", "Turkmenistan", "--format", "json")
    assert code == EXIT_OK
    result = json.loads(out)
    assert result["goods"] == "Cotton" and result["country"] == "TM"
    forced = result["risks"]["forced_labour"]
    assert forced["level"] == 4
    assert any("Turkmenistan" in reason for reason in forced["reasons"])
    assert any("Department of Labor" in source for source in forced["sources"])
    code, out, _ = run(capsys, "risk", "--goods", "Cotton", "--country", "TM")
    assert code == EXIT_OK
    assert "forced labour: very high" in out


def test_a_risk_lookup_with_a_name_says_what_screening_found_and_that_no_match_is_not_clearance(
    capsys: pytest.CaptureFixture[str],
) -> None:
    args = ("risk", "--goods", "Cotton", "--country", "CN", "--name")
    code, out, _ = run(capsys, *args, "Xinjang Zhongtai Chemical", "--format", "json")
    screening = json.loads(out)["screening"]
    assert code == EXIT_OK and screening["outcome"] == "possible" and screening["entity"] is None
    assert screening["possible"][0]["entity"] == "Xinjiang Zhongtai Chemical Co. Ltd."
    assert screening["note"].startswith("No match is not clearance")
    code, out, _ = run(capsys, "--lang", "nl", *args, "Acme Textiles")
    assert "UFLPA-screening van “Acme Textiles”: geen treffer." in out
    assert "Geen treffer is geen vrijwaring" in out
    code, out, _ = run(capsys, *args, "XPCC")
    assert "UFLPA screening of “XPCC”: on the list as “Xinjiang Production" in out
    code, out, _ = run(capsys, "risk", "--goods", "Cotton", "--country", "CN")
    assert "UFLPA screening of" not in out and "No match is not clearance" not in out


def test_a_dutch_risk_lookup_names_the_good_in_dutch_and_keeps_its_id(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "--lang", "nl", "risk", "--goods", "Cotton", "--country", "TM")
    assert code == EXIT_OK
    assert out.splitlines()[0] == "Katoen uit Turkmenistan (landbouw)"
    assert "  - Katoen uit Turkmenistan staat op de lijst van het Amerikaanse ministerie van Arbeid" in out
    args = (
        "--lang",
        "nl",
        "risk",
        "--goods",
        "kobalterts (heterogeniet)",
        "--country",
        "CD",
        "--format",
        "json",
    )
    code, out, _ = run(capsys, *args)
    result = json.loads(out)
    assert code == EXIT_OK and result["goods"] == "Cobalt ore (heterogenite)"
    assert any(
        reason.startswith("Kobalterts (heterogeniet) uit ")
        for reason in result["risks"]["child_labour"]["reasons"]
    )


def test_importing_the_core_loads_no_database_or_web_code() -> None:
    probe = (
        "import io, sys, contextlib, chainmap.cli, chainmap.analysis, chainmap.chainfile;"
        "out = io.StringIO();"
        "contextlib.redirect_stdout(out).__enter__();"
        "chainmap.cli.main(['risk', '--goods', 'Cotton', '--country', 'TM']);"
        "loaded = [m for m in ('models', 'web', 'sqlalchemy', 'sqlmodel', 'fastapi') if m in sys.modules];"
        "sys.__stdout__.write(','.join(loaded))"
    )
    output = subprocess.run(  # noqa: S603 - our own interpreter and a fixed probe
        [sys.executable, "-c", probe], check=True, capture_output=True, text=True
    ).stdout
    assert output.strip() == ""


def test_convert_refuses_to_overwrite_its_source(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "chain.csv"
    source.write_bytes(GARMENTS.read_bytes())
    code, out, err = run(capsys, "convert", source, source)
    assert (code, out) == (EXIT_USAGE, "")
    assert "this is the file being converted" in err
    assert source.read_bytes() == GARMENTS.read_bytes()


def test_convert_to_a_place_it_cannot_write_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "taken.json").mkdir()
    for target in (tmp_path / "missing" / "out.json", tmp_path / "taken.json"):
        code, _, err = run(capsys, "convert", GARMENTS, target)
        assert code == EXIT_USAGE
        assert "cannot write the file" in err and "Traceback" not in err


def test_risk_lookup_suggests_a_close_country_or_good(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "risk", "--goods", "Garments", "--country", "Bangladsh")
    assert code == EXIT_USAGE and "did you mean Bangladesh (BD)?" in err
    code, _, err = run(capsys, "--lang", "nl", "risk", "--goods", "Garmnts", "--country", "BD")
    assert code == EXIT_OK and 'bedoelt u "Garments"?' in err and err.startswith("waarschuwing: ")


@pytest.mark.parametrize("goods", ["Machinery", "software", "cleaning services", "Moon rock"])
def test_risk_of_a_good_outside_the_vocabulary_is_assessed_with_a_warning(
    goods: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "risk", "--goods", goods, "--country", "CN", "--format", "json")
    assert code == EXIT_OK
    assert err.startswith(f'warning: "{goods}" is not in the goods vocabulary')
    assert "assessed from the country and activity only" in err
    result = json.loads(out)
    assert (result["goods"], result["country"], result["activity"]) == (goods, "CN", "manufacturing")
    # Assessed from the country: China's other listed goods, and no listing of the good itself.
    forced = result["risks"]["forced_labour"]
    assert forced["level"] == 2
    assert all("is on the US DOL list for" not in reason for reason in forced["reasons"])


def test_risk_of_an_unknown_good_takes_the_activity_given(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(
        capsys, "--lang", "nl", "risk", "--goods", "Machinery", "--country", "DE", "--activity", "assembly"
    )
    assert code == EXIT_OK and err.startswith('waarschuwing: "Machinery" staat niet in de goederenlijst')
    assert "Machinery uit Duitsland (assemblage)" in out


def test_analyse_and_validate_accept_a_good_outside_the_vocabulary_with_a_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    chain = tmp_path / "chain.csv"
    chain.write_text(
        "id,name,country,activity,goods,supplies_to,share\n"
        "C,Contractor BV,NL,trading,Machinery,,\n"
        "M,Machine works,DE,assembly,Machinery;software,C,100\n",
        encoding="utf-8",
    )
    code, out, err = run(capsys, "validate", chain)
    assert code == EXIT_OK and "valid chain of 2 sites and 1 link" in out
    assert '"Machinery"' in err and '"software"' in err
    code, out, err = run(capsys, "analyse", chain, "--format", "json")
    assert code == EXIT_OK
    result = json.loads(out)
    assert {finding["severity"] for finding in result["findings"]} == {"warning"}
    assert {node["id"] for node in result["nodes"]} == {"C", "M"}


def test_risk_lookup_for_an_unknown_country(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "risk", "--goods", "Cotton", "--country", "unknown", "--format", "json")
    assert code == EXIT_OK
    result = json.loads(out)
    assert (result["country"], result["country_name"]) == (None, "an unknown country")
    assert result["risks"]["forced_labour"]["level"] >= 2


def test_a_folder_is_not_a_chain_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "chain.csv").mkdir()
    code, _, err = run(capsys, "validate", tmp_path / "chain.csv")
    assert code == EXIT_USAGE and "this is a folder, not a chain file" in err


def many_short_shares(tmp_path: Path) -> Path:
    """A chain in which six customers' suppliers give 50% of their input each: six warnings of one kind."""
    lines = ["id,name,country,activity,goods,supplies_to,share", "C,Contractor,NL,trading,,,"]
    for i in range(6):
        lines += [
            f"M{i},Maker {i},TR,cut-make-trim,Garments,C,",
            f"S{i},Supplier {i},TR,weaving,Fabric,M{i},50",
        ]
    path = tmp_path / "short.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_validate_and_analyse_show_many_findings_of_one_kind_as_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = many_short_shares(tmp_path)
    code, out, err = run(capsys, "validate", path)
    assert code == EXIT_OK and "(6 warning(s))" in out
    assert err.splitlines() == [
        "warning: 6 customers whose suppliers' shares add up to less than 100%: "
        "M0, M1, M2, M3, M4 and 1 more.",
        "(6 findings are shown in groups; --all-findings lists each one.)",
    ]
    code, out, _ = run(capsys, "analyse", path)
    assert code == EXIT_OK
    assert "  warning: 6 customers whose suppliers' shares add up to less than 100%: M0, M1" in out
    assert 'Every supplier of "M5"' not in out


def test_all_findings_lists_each_finding_under_its_group(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = many_short_shares(tmp_path)
    _, _, err = run(capsys, "validate", path, "--all-findings")
    lines = err.splitlines()
    assert lines[0].startswith("warning: 6 customers")
    assert len(lines) == 7 and all(line.startswith('  - Every supplier of "M') for line in lines[1:])
    _, out, _ = run(capsys, "analyse", path, "--all-findings")
    assert '  - Every supplier of "M5"' in out and "--all-findings lists" not in out


def test_analyse_json_keeps_its_findings_flat(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "analyse", many_short_shares(tmp_path), "--format", "json")
    findings = json.loads(out)["findings"]
    assert [f["code"] for f in findings] == ["chain.share_total_under_100"] * 6
    assert set(findings[0]) == {"severity", "code", "row", "column", "nodes", "message"}


def test_risk_lookup_with_a_region_in_xinjiang(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ("risk", "--goods", "Tomatoes", "--country", "CN", "--format", "json")
    _, out, _ = run(capsys, *argv, "--region", "Xinjiang Uyghur Autonomous Region")
    forced = json.loads(out)["risks"]["forced_labour"]
    assert forced["level"] == 4
    assert any("Uyghur Forced Labor Prevention Act" in reason for reason in forced["reasons"])
    _, out, _ = run(capsys, *argv)
    assert not any("Xinjiang" in reason for reason in json.loads(out)["risks"]["forced_labour"]["reasons"])
    _, out, _ = run(capsys, "risk", "--goods", "Tomatoes", "--country", "US", "--region", "Xinjiang")
    assert "presumed to be made with forced labour" not in out
    assert "The region names Xinjiang, but the country is United States" in out


BRAND_LIST = (
    "Factory Name,Country,Address,Product Type,Number of Workers\r\n"
    'Dhaka Apparel Works,Bangladesh,"Road 1, Dhaka",Garments,1200\r\n'
    "Denizli Konfeksiyon,Turkey,Denizli,Garments|Fabric,300\r\n"
)
BRAND_MAPPING = {
    "kind": "chainmap column mapping",
    "version": 1,
    "columns": {"name": "Factory Name", "country": "Country", "goods": "Product Type"},
    "defaults": {"activity": "cut-make-trim", "supplies_to": "WK"},
    "contractor": {"id": "WK", "name": "Werkkleding BV", "country": "NL", "activity": "trading"},
}


def brand_files(tmp_path: Path, mapping: object = BRAND_MAPPING) -> tuple[Path, Path]:
    source = tmp_path / "factories.csv"
    source.write_text(BRAND_LIST, encoding="utf-8")
    map_file = tmp_path / "factories.json"
    map_file.write_text(json.dumps(mapping), encoding="utf-8")
    return source, map_file


def test_convert_with_a_mapping_turns_a_brand_s_factory_list_into_a_chain(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source, map_file = brand_files(tmp_path)
    target = tmp_path / "chain.json"
    code, out, err = run(capsys, "convert", source, target, "--map", map_file)
    assert (code, err) == (EXIT_OK, "")
    assert "3 sites written" in out
    chain = json.loads(target.read_text(encoding="utf-8"))
    assert chain["graph"]["contractor"] == "WK"
    assert {(link["source"], link["target"]) for link in chain["links"]} == {("R2", "WK"), ("R3", "WK")}
    nodes = {node["id"]: node for node in chain["nodes"]}
    assert (nodes["R3"]["country"], len(nodes["R3"]["goods"])) == ("TR", 2)  # "Garments|Fabric": two goods
    code, out, _ = run(capsys, "validate", target)
    assert code == EXIT_OK


def test_convert_with_a_mapping_reports_errors_by_the_row_of_the_original_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source, map_file = brand_files(tmp_path)
    source.write_text(BRAND_LIST + "Atlantis Works,Atlantis,,Garments,10\r\n", encoding="utf-8")
    target = tmp_path / "chain.csv"
    code, _, err = run(capsys, "convert", source, target, "--map", map_file)
    assert code == EXIT_BLOCKED
    assert 'Row 4, column "country": "Atlantis"' in err
    assert not target.exists()


def test_convert_with_a_broken_mapping_file_is_a_usage_error_naming_every_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source, map_file = brand_files(tmp_path, {"version": 1, "columns": {"naam": "Factory Name"}})
    code, _, err = run(capsys, "--lang", "nl", "convert", source, tmp_path / "out.csv", "--map", map_file)
    assert code == EXIT_USAGE
    assert "koppelingsbestand" in err and "“naam” in “columns” is geen kolom" in err
    assert "Traceback" not in err
    code, _, err = run(capsys, "convert", source, tmp_path / "out.csv", "--map", tmp_path / "missing.json")
    assert code == EXIT_USAGE and "cannot read the mapping file" in err


def test_a_mapping_that_misses_a_column_of_the_file_blocks_the_conversion(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mapping = {**BRAND_MAPPING, "columns": {"name": "Supplier", "country": "Country"}}
    source, map_file = brand_files(tmp_path, mapping)
    code, _, err = run(capsys, "convert", source, tmp_path / "out.csv", "--map", map_file)
    assert code == EXIT_BLOCKED
    assert "the column “Supplier”, which the file does not have" in err


def test_convert_with_a_mapping_leaves_out_a_closed_facility_and_says_which_row(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mapping = {**BRAND_MAPPING, "version": 2, "status": "is_closed"}
    source, map_file = brand_files(tmp_path, mapping)
    source.write_text(
        "Factory Name,Country,Product Type,is_closed\r\n"
        "Dhaka Apparel Works,Bangladesh,Garments,False\r\n"
        "Old Dhaka Mill,Bangladesh,Fabric,True\r\n"
        "Denizli Konfeksiyon,Turkey,Garments,\r\n",
        encoding="utf-8",
    )
    target = tmp_path / "chain.json"
    code, out, err = run(capsys, "convert", source, target, "--map", map_file)
    assert code == EXIT_OK
    assert "1 closed facility (“is_closed” says so) is left out of the chain: row 3." in err
    assert "3 sites written" in out
    names = {node["name"] for node in json.loads(target.read_text(encoding="utf-8"))["nodes"]}
    assert names == {"Werkkleding BV", "Dhaka Apparel Works", "Denizli Konfeksiyon"}


def test_convert_with_a_mapping_of_closed_facilities_only_is_blocked_saying_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source, map_file = brand_files(tmp_path, {**BRAND_MAPPING, "version": 2, "status": "Status"})
    source.write_text(
        "Factory Name,Country,Product Type,Status\r\nOld Dhaka Mill,Bangladesh,Fabric,Gesloten\r\n",
        encoding="utf-8",
    )
    target = tmp_path / "chain.csv"
    code, _, err = run(capsys, "--lang", "nl", "convert", source, target, "--map", map_file)
    assert code == EXIT_BLOCKED
    assert "Elke rij van het bestand (1) is volgens “Status” een gesloten locatie" in err
    assert not target.exists()


def test_convert_with_a_mapping_needs_a_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, map_file = brand_files(tmp_path)
    chain = tmp_path / "garments.json"
    assert run(capsys, "convert", GARMENTS, chain)[0] == EXIT_OK
    code, _, err = run(capsys, "convert", chain, tmp_path / "out.csv", "--map", map_file)
    assert code == EXIT_USAGE and "--map reads a CSV or XLSX list" in err


def test_the_risk_lookup_starts_without_the_chain_file_formats_the_graph_libraries_or_the_cpv_table() -> None:
    # What `chainmap risk` does not need it does not import: start-up within 0.5 s (issue 12).
    probe = (
        "import io, sys, contextlib, chainmap.cli;"
        "from chainmap.reference import load_reference;"
        "contextlib.redirect_stdout(io.StringIO()).__enter__();"
        "chainmap.cli.main(['risk', '--goods', 'Cotton', '--country', 'IN']);"
        "loaded = [m for m in ('openpyxl', 'chainmap.chainfile', 'networkx', 'numpy') if m in sys.modules];"
        "loaded += ['cpv'] if load_reference().cpv._table is not None else [];"
        "sys.__stdout__.write(','.join(loaded))"
    )
    output = subprocess.run(  # noqa: S603 - our own interpreter and a fixed probe
        [sys.executable, "-c", probe], check=True, capture_output=True, text=True
    ).stdout
    assert output.strip() == ""


def console_script(*argv: str) -> "subprocess.CompletedProcess[bytes]":
    """`chainmap ...` as a user runs it: `chainmap.cli.run` in a fresh process."""
    probe = "import chainmap.cli; chainmap.cli.run()"
    return subprocess.run(  # noqa: S603 - our own interpreter and a fixed probe
        [sys.executable, "-c", probe, *argv], capture_output=True, check=False
    )


def test_the_console_script_writes_the_whole_result_before_it_ends_at_once(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # `run` ends the process without freeing the analysis: what it printed must be complete and flushed.
    in_process = run(capsys, "analyse", str(GARMENTS), "--format", "json")
    ended = console_script("analyse", str(GARMENTS), "--format", "json")
    assert (ended.returncode, ended.stdout.decode()) == (EXIT_OK, in_process[1])
    assert ended.stderr.decode() == in_process[2]


def test_the_console_script_keeps_the_exit_codes(tmp_path: Path) -> None:
    broken = tmp_path / "broken.csv"
    broken.write_text("id,name,country,activity,supplies_to\na,A,NL,trading,\nb,B,Atlantis,farming,a\n")
    assert console_script("validate", str(broken)).returncode == EXIT_BLOCKED
    assert console_script("validate", str(tmp_path / "missing.csv")).returncode == EXIT_USAGE
    risk = console_script("risk", "--goods", "Cotton", "--country", "TM")
    assert risk.returncode == EXIT_OK and b"Cotton" in risk.stdout


def last_said(probe: str) -> str:
    """The last line a fresh interpreter of ours writes to stderr when it runs `probe` (for what needs a
    process without the test session's threads, or the modules a command loads)."""
    return subprocess.run(  # noqa: S603 - our own interpreter and a fixed probe
        [sys.executable, "-c", probe], check=True, capture_output=True, text=True
    ).stderr.splitlines()[-1]


def test_analysing_a_csv_file_loads_neither_the_spreadsheet_library_nor_the_country_names() -> None:
    probe = (
        "import sys, chainmap.cli;"
        f"code = chainmap.cli.main(['analyse', {str(GARMENTS)!r}]);"
        "print(code, 'openpyxl' in sys.modules or 'pycountry' in sys.modules, file=sys.stderr)"
    )
    assert last_said(probe) == f"{EXIT_OK} False"


def test_a_large_chain_takes_its_risk_profiles_from_children_forked_during_validation(tmp_path: Path) -> None:
    # In a fresh interpreter (the test session may have threads, and a process with threads never
    # forks): the names are screened in a child forked once the rows are read, the profiles in one
    # forked when the graph is linked, before its checks; both deliver, as does the risk groups' child.
    chain = tmp_path / "chain.csv"
    write_synthetic_csv(chain, 300)
    probe = textwrap.dedent(
        f"""
        import pickle, sys
        import chainmap.cli, chainmap.validation

        delivered, forked_at = [], []
        unpickle = pickle.loads
        pickle.loads = lambda payload: delivered.append(type(unpickle(payload)).__name__) or unpickle(payload)
        start = chainmap.cli.start_forked
        caller = lambda: sys._getframe(3).f_code.co_name
        chainmap.cli.start_forked = lambda work: forked_at.append(caller()) or start(work)
        chainmap.cli.FORK_FROM_SITES = 100
        code = chainmap.cli.main(["analyse", {str(chain)!r}, "--format", "json"])
        print(code, forked_at, sorted(delivered), file=sys.stderr)
        """
    )
    assert last_said(probe) == f"{EXIT_OK} ['_load', 'build_chain'] ['SiteProfiles', 'dict', 'tuple']"


def test_a_large_chain_found_invalid_after_its_children_started_leaves_none_behind(tmp_path: Path) -> None:
    # The profiles' child starts once the graph is linked; a circle found after that blocks the chain,
    # and the children are stopped and waited for (a caller of main() in a long-lived process would
    # otherwise keep them and their pipes).
    chain = tmp_path / "chain.csv"
    write_synthetic_csv(chain, 300)
    with chain.open("a", encoding="utf-8") as file:
        file.write("X,Site X,NL,trading,,Y,\nY,Site Y,NL,trading,,X,\n")
    probe = textwrap.dedent(
        f"""
        import os, sys
        import chainmap.cli

        chainmap.cli.FORK_FROM_SITES = 100
        code = chainmap.cli.main(["analyse", {str(chain)!r}])
        try:
            os.waitpid(-1, os.WNOHANG)
            left = "a child is left"
        except ChildProcessError:
            left = "no child left"
        print(code, left, file=sys.stderr)
        """
    )
    assert last_said(probe) == f"{EXIT_BLOCKED} no child left"


def test_a_large_chain_analysed_with_forks_gives_what_one_process_gives(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # From FORK_FROM_SITES sites the console script works out the risk profiles and the risk groups in
    # forked children; the result must be the one a single process writes.
    chain = tmp_path / "large.csv"
    write_synthetic_csv(chain, cli.FORK_FROM_SITES)  # that many sites
    forked = console_script("analyse", str(chain), "--format", "json")
    monkeypatch.setattr(cli, "FORK_FROM_SITES", 10**9)
    code, alone, _ = run(capsys, "analyse", str(chain), "--format", "json")
    assert (forked.returncode, code) == (EXIT_OK, EXIT_OK)
    assert forked.stdout.decode() == alone
