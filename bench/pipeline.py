"""Time file read + validation + full analysis on synthetic chains of 1k, 10k and 100k sites.

Each size runs RUNS times, each in a fresh Python process so that its peak memory is its own; the run
with the median total is reported, so one disturbed run on a shared machine does not decide the result.
Run with `make bench`; the figures are recorded in docs/benchmarks.md.
"""

import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.synthetic import write_synthetic_csv

SIZES = (1_000, 10_000, 100_000)
TARGET_SECONDS = 5.0
TARGET_MB = 1024
TARGET_GROWTH = 12.0
RUNS = 5


def peak_rss_mb() -> float:
    """Peak resident memory of this process in MB.

    On Linux this is VmHWM, which belongs to this process's own address space. ru_maxrss is not used
    there: the kernel carries it across exec, so a child started by the (large) parent would report
    the parent's peak whenever that is higher than its own.
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    maxrss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return maxrss / 1024 / 1024 if sys.platform == "darwin" else maxrss / 1024


def measure(path: str) -> None:
    """Child process: run the pipeline on one file and print its timings as JSON."""
    from chainmap.analysis import analyse
    from chainmap.chainfile import read_chain_file
    from chainmap.reference import load_reference
    from chainmap.validation import build_chain

    reference = load_reference()
    started = time.perf_counter()
    chain_file = read_chain_file(Path(path))
    read_done = time.perf_counter()
    built = build_chain(chain_file.rows, reference=reference)
    assert built.ok, [f.message() for f in built.findings[:5]]
    validated = time.perf_counter()
    result = analyse(built.graph, reference=reference, findings=built.findings, order=built.upstream_order)
    analysed = time.perf_counter()
    peak_mb = peak_rss_mb()
    print(
        json.dumps(
            {
                "nodes": built.graph.number_of_nodes(),
                "links": built.graph.number_of_edges(),
                "hotspots": len(result.hotspots),
                "read": read_done - started,
                "validate": validated - read_done,
                "analyse": analysed - validated,
                "total": analysed - started,
                "peak_mb": peak_mb,
            }
        )
    )


def measure_in_child(path: Path) -> dict[str, float]:
    """One run of the pipeline on `path` in a fresh Python process."""
    output = subprocess.run(  # noqa: S603 - runs this same module with a path we created
        [sys.executable, "-m", "bench.pipeline", "--measure", str(path)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    result: dict[str, float] = json.loads(output)
    return result


def main() -> int:
    results = {}
    with tempfile.TemporaryDirectory() as directory:
        for size in SIZES:
            path = Path(directory) / f"chain-{size}.csv"
            write_synthetic_csv(path, size)
            runs = sorted((measure_in_child(path) for _ in range(RUNS)), key=lambda run: run["total"])
            results[size] = runs[len(runs) // 2] | {"peak_mb": max(run["peak_mb"] for run in runs)}
    header = ("sites", 8), ("links", 8), ("read s", 7), ("valid s", 8), ("analyse s", 9), ("total s", 8)
    print(" ".join(f"{title:>{width}}" for title, width in header), f"{'peak MB':>8}")
    for r in results.values():
        print(
            f"{r['nodes']:>8} {r['links']:>8} {r['read']:>7.2f} {r['validate']:>8.2f} "
            f"{r['analyse']:>9.2f} {r['total']:>8.2f} {r['peak_mb']:>8.0f}"
        )
    largest, previous = results[SIZES[-1]], results[SIZES[-2]]
    growth = largest["total"] / previous["total"]
    print(f"median of {RUNS} runs per size; peak MB is the highest of the runs")
    print(f"growth 10k -> 100k: {growth:.1f}x")
    verdicts = {
        f"100k under {TARGET_SECONDS:.0f} s": largest["total"] < TARGET_SECONDS,
        f"100k under {TARGET_MB} MB": largest["peak_mb"] < TARGET_MB,
        f"growth at most {TARGET_GROWTH:.0f}x": growth <= TARGET_GROWTH,
    }
    for target, met in verdicts.items():
        print(f"{target}: {'met' if met else 'NOT met'}")
    ok = all(verdicts.values())
    return 0 if ok else 1


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--measure":
        measure(sys.argv[2])
    else:
        sys.exit(main())
