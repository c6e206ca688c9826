"""`make load` reads locust's statistics and fails on an error or a p95 over the target (bench/load.py)."""

from pathlib import Path

import pytest

from bench.load import P95_TARGET_MS, read_figures, report

HEADER = "Type,Name,Request Count,Failure Count,Requests/s,50%,95%,99%\n"


def stats(tmp_path: Path, *, failures: int, p95: float) -> Path:
    path = tmp_path / "sqlite_stats.csv"
    path.write_text(
        HEADER
        + f"GET,/dashboard,100,{failures},5.0,40,{p95},400\n"
        + f",Aggregated,100,{failures},5.0,40,{p95},400\n",
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize(
    ("failures", "p95", "met"),
    [(0, P95_TARGET_MS, True), (1, 100.0, False), (0, P95_TARGET_MS + 10, False)],
)
def test_the_target_is_no_error_and_p95_within_300_ms(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], failures: int, p95: float, met: bool
) -> None:
    figures = read_figures(stats(tmp_path, failures=failures, p95=p95))
    assert (figures.requests, figures.failures, figures.p95_ms) == (100, failures, p95)
    assert [row["Name"] for row in figures.per_name] == ["/dashboard"]
    assert report("sqlite", figures) is met
    assert ("MISSED" in capsys.readouterr().out) is not met
