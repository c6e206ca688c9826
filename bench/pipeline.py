"""Time `chainmap` as a user runs it, end to end, on chains of 10,000 and 100,000 sites.

Each command runs in a fresh process (start-up, reference data, read, validation, analysis, output):
`chainmap analyse FILE --format json`, the text report with `--top 20`, `--format csv`, and the start-up of
`chainmap risk`. For each the bench reports wall seconds (median of RUNS), the peak memory of the command
(the highest of the runs) and the size of what it wrote.

The JSON command is compared with the compiled floor of `../shared/bench/perfchain.py` (polars + numpy
reading the same file and computing exposure and tiers), measured in the same run, when that script and a
Python with polars and numpy (FLOOR_PYTHON; `make bench` makes one) are there; without them the ratio is
skipped with a message saying why. The chains are perfchain's own (`perfchain.py gen`) when it is there,
so the figures are those of `perfchain.py compare`, else bench/synthetic.py's.

`python -m bench.pipeline --phases` times read, validation and analysis inside one process instead, to see
where the time goes. Run with `make bench`; the figures are recorded in docs/benchmarks.md.
"""

import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from bench.synthetic import write_synthetic_csv

ROOT = Path(__file__).resolve().parents[1]
CHAINMAP = Path(sys.executable).parent / "chainmap"
PERFCHAIN = ROOT.parent / "shared" / "bench" / "perfchain.py"
SIZES = (10_000, 100_000)
RUNS = 3
FLOOR_RUNS = 3
TARGET_RATIO = 35.0
TARGET_MB = 1024
TARGET_OUTPUT_MB = 40
TARGET_TEXT_SECONDS = 4.0
TARGET_GROWTH = 11.0
TARGET_STARTUP_SECONDS = 0.5
COMMANDS: dict[str, tuple[str, ...]] = {
    "json": ("--format", "json"),
    "text --top 20": ("--top", "20"),
    "csv": ("--format", "csv"),
}
STARTUP = ("risk", "--country", "IN", "--goods", "Cotton")
# Run by a small Python of its own, so that the peak memory of its one child is the command's.
_TIMER = (
    "import resource, subprocess, sys, time\n"
    "out = open(sys.argv[1], 'wb')\n"
    "started = time.perf_counter()\n"
    "done = subprocess.run(sys.argv[2:], stdout=out, stderr=subprocess.PIPE)\n"
    "seconds = time.perf_counter() - started\n"
    "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024\n"
    "print(done.returncode, seconds, peak, out.tell())\n"
)


@dataclass(frozen=True)
class Run:
    """One command run: wall seconds, peak resident memory in MB and bytes written to stdout."""

    seconds: float
    peak_mb: float
    output_bytes: int


def run_command(argv: list[str], output: Path) -> Run:
    """Run `argv` in a fresh process with stdout into `output`; fails loudly when it fails."""
    line = subprocess.run(  # noqa: S603 - our own interpreter, the venv's chainmap and a file we made
        [sys.executable, "-c", _TIMER, str(output), *argv], check=True, capture_output=True, text=True
    ).stdout.split()
    if line[0] != "0":
        raise SystemExit(f"{' '.join(argv)} failed with exit code {line[0]}")
    return Run(float(line[1]), float(line[2]), int(line[3]))


def median_run(argv: list[str], output: Path, runs: int = RUNS) -> Run:
    """The median time of `runs` runs, the highest peak memory and the output size."""
    measured = [run_command(argv, output) for _ in range(runs)]
    return Run(
        statistics.median(run.seconds for run in measured),
        max(run.peak_mb for run in measured),
        measured[-1].output_bytes,
    )


def floor_python() -> str | None:
    """The Python with polars and numpy for the floor, from FLOOR_PYTHON, if it works."""
    candidate = os.environ.get("FLOOR_PYTHON")
    if not candidate:
        return None
    check = subprocess.run(  # noqa: S603 - the interpreter the Makefile made for the floor
        [candidate, "-c", "import polars, numpy"], capture_output=True
    )
    return candidate if check.returncode == 0 else None


def floor_seconds(python: str, path: Path) -> float:
    """The fastest of FLOOR_RUNS runs of perfchain's compiled floor on `path`, each a fresh process."""
    times = [
        float(
            subprocess.run(  # noqa: S603 - perfchain.py of ../shared on a file we made
                [python, str(PERFCHAIN), "floor", str(path)], check=True, capture_output=True, text=True
            ).stdout
        )
        for _ in range(FLOOR_RUNS)
    ]
    return min(times)


def write_chain(path: Path, size: int, python: str | None) -> str:
    """Write a chain of `size` sites; perfchain's when it can run, else bench/synthetic.py's."""
    if python is not None and PERFCHAIN.is_file():
        subprocess.run(  # noqa: S603 - perfchain.py of ../shared
            [python, str(PERFCHAIN), "gen", str(size), str(path)], check=True
        )
        return "perfchain.py gen"
    write_synthetic_csv(path, size)
    return "bench/synthetic.py"


def main() -> int:
    python = floor_python()
    if not PERFCHAIN.is_file():
        print(f"no {PERFCHAIN}: the ratio to the compiled floor is skipped")
    elif python is None:
        print("no Python with polars and numpy (set FLOOR_PYTHON, as `make bench` does): floor skipped")
    results: dict[tuple[int, str], Run] = {}
    floors: dict[int, float] = {}
    with tempfile.TemporaryDirectory() as directory:
        output = Path(directory) / "output"
        for size in SIZES:
            path = Path(directory) / f"chain-{size}.csv"
            made_by = write_chain(path, size, python)
            for name, options in COMMANDS.items():
                results[size, name] = median_run([str(CHAINMAP), "analyse", str(path), *options], output)
            if python is not None and PERFCHAIN.is_file():
                floors[size] = floor_seconds(python, path)
        startup = median_run([str(CHAINMAP), *STARTUP], output, runs=5)
    print(f"chains from {made_by}; median of {RUNS} fresh processes, peak MB the highest")
    print(f"{'sites':>8} {'command':<14} {'seconds':>8} {'peak MB':>8} {'output MB':>10} {'× floor':>8}")
    for (size, name), run in results.items():
        ratio = f"{run.seconds / floors[size]:.1f}" if name == "json" and size in floors else ""
        print(
            f"{size:>8} {name:<14} {run.seconds:>8.2f} {run.peak_mb:>8.0f} "
            f"{run.output_bytes / 1e6:>10.1f} {ratio:>8}"
        )
    for size, seconds in floors.items():
        print(f"floor at {size}: {seconds:.3f} s (fastest of {FLOOR_RUNS})")
    print(f"start-up, chainmap {' '.join(STARTUP)}: {startup.seconds:.2f} s, {startup.peak_mb:.0f} MB")
    small, large = SIZES
    json_large, text_large = results[large, "json"], results[large, "text --top 20"]
    growth = json_large.seconds / results[small, "json"].seconds
    print(f"growth of json {small} -> {large}: {growth:.1f}x")
    verdicts = {
        f"json at {large} under {TARGET_MB} MB": json_large.peak_mb <= TARGET_MB,
        f"json output at {large} at most {TARGET_OUTPUT_MB} MB": json_large.output_bytes
        <= TARGET_OUTPUT_MB * 1e6,
        f"text --top 20 at {large} in at most {TARGET_TEXT_SECONDS:.0f} s": text_large.seconds
        <= TARGET_TEXT_SECONDS,
        f"growth at most {TARGET_GROWTH:.0f}x": growth <= TARGET_GROWTH,
        f"start-up at most {TARGET_STARTUP_SECONDS} s": startup.seconds <= TARGET_STARTUP_SECONDS,
    }
    if large in floors:
        times_floor = json_large.seconds / floors[large]
        verdicts[f"json at {large} at most {TARGET_RATIO:.0f}x the floor ({times_floor:.1f}x)"] = (
            times_floor <= TARGET_RATIO
        )
    for target, met in verdicts.items():
        print(f"{target}: {'met' if met else 'NOT met'}")
    return 0 if all(verdicts.values()) else 1


def peak_rss_mb() -> float:
    """Peak resident memory of this process in MB (VmHWM: ru_maxrss carries a parent's peak across exec)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    maxrss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return maxrss / 1024 / 1024 if sys.platform == "darwin" else maxrss / 1024


def measure_phases(path: str) -> None:
    """Child process: read, validate and analyse one file and print the time of each phase as JSON."""
    from chainmap.analysis import analyse_built
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
    analyse_built(built, reference=reference)
    analysed = time.perf_counter()
    phases = {"read": read_done - started, "validate": validated - read_done, "analyse": analysed - validated}
    print(json.dumps(phases | {"peak_mb": peak_rss_mb()}))


def phases() -> int:
    """Where the time of read + validation + analysis goes, at each size, median of RUNS processes."""
    print(f"{'sites':>8} {'read s':>7} {'valid s':>8} {'analyse s':>9} {'peak MB':>8}")
    with tempfile.TemporaryDirectory() as directory:
        for size in SIZES:
            path = Path(directory) / f"chain-{size}.csv"
            write_synthetic_csv(path, size)
            runs = [
                json.loads(
                    subprocess.run(  # noqa: S603 - this same module with a path we created
                        [sys.executable, "-m", "bench.pipeline", "--measure", str(path)],
                        check=True,
                        capture_output=True,
                        text=True,
                    ).stdout
                )
                for _ in range(RUNS)
            ]
            median = sorted(runs, key=lambda run: run["read"] + run["validate"] + run["analyse"])[RUNS // 2]
            print(
                f"{size:>8} {median['read']:>7.2f} {median['validate']:>8.2f} {median['analyse']:>9.2f} "
                f"{max(run['peak_mb'] for run in runs):>8.0f}"
            )
    return 0


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--measure":
        measure_phases(sys.argv[2])
    elif sys.argv[1:] == ["--phases"]:
        sys.exit(phases())
    else:
        sys.exit(main())
