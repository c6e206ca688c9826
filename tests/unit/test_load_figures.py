"""`make load` computes its figures from the requests the locustfile recorded and fails on an error or a
p95 over the target (bench/load.py)."""

from pathlib import Path

import pytest

from bench.load import LOGIN, P95_TARGET_MS, Timing, figures_of, read_timings, report, steady


def timings(*, failures: int, slow_ms: float) -> list[Timing]:
    """Two logins, then 100 dashboard requests a tenth of a second apart: 94 of 10 ms, 6 of `slow_ms`."""
    logins = [Timing(0.0, LOGIN, 2_000.0), Timing(0.5, LOGIN, 1_500.0)]
    pages = [
        Timing(
            2.0 + n / 10,
            "GET /dashboard",
            slow_ms if n >= 94 else 10.0,
            "HTTPError: 500" if n < failures else "",
        )
        for n in range(100)
    ]
    return logins + pages


def test_percentiles_are_nearest_rank_and_the_steady_state_starts_after_the_last_login(
    tmp_path: Path,
) -> None:
    log = tmp_path / "requests.csv"
    log.write_text(
        "".join(
            f"{t.started},{t.name},{t.milliseconds},{t.error}\n" for t in timings(failures=0, slow_ms=500.0)
        )
    )
    read = read_timings(log)
    whole = figures_of(read)
    assert (whole.requests, whole.failures, whole.p50_ms, whole.p95_ms, whole.p99_ms) == (
        102,
        0,
        10.0,
        500.0,
        1_500.0,
    )
    after = figures_of(steady(read))
    assert (after.requests, after.p95_ms, after.p99_ms) == (100, 500.0, 500.0)
    assert after.requests_per_s == pytest.approx(100 / 10.4)


@pytest.mark.parametrize(
    ("failures", "slow_ms", "met"),
    [(0, P95_TARGET_MS, True), (0, P95_TARGET_MS + 1, False), (1, 10.0, False)],
    ids=["at the target", "over it", "an error"],
)
def test_the_target_is_no_error_and_p95_within_300_ms_in_the_steady_state(
    capsys: pytest.CaptureFixture[str], failures: int, slow_ms: float, met: bool
) -> None:
    """The 95th percentile of the 100 pages after the first logins is the 95th fastest: a slow page."""
    assert report(timings(failures=failures, slow_ms=slow_ms)) is met
    assert ("MISSED" in capsys.readouterr().out) is not met
