"""start_forked: a result computed in a forked child equals the one computed here, and whatever goes
wrong in the child is done again, and raised, in the parent."""

import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable

import pytest

from chainmap.forked import start_forked


def test_the_child_computes_the_result_in_another_process() -> None:
    parent = os.getpid()
    result = start_forked(lambda: (os.getpid(), sorted({"b", "a"}), {"n1": 0.5}))()
    assert result[0] != parent
    assert result[1:] == (["a", "b"], {"n1": 0.5})


def test_a_result_larger_than_a_pipe_holds_arrives_whole() -> None:
    big = list(range(300_000))
    assert start_forked(lambda: big)() == big


def test_an_error_in_the_child_is_raised_in_the_parent() -> None:
    calls: list[int] = []

    def failing() -> int:
        calls.append(os.getpid())
        raise ValueError("no such site")

    waiting = start_forked(failing)
    with pytest.raises(ValueError, match="no such site"):
        waiting()
    assert calls == [os.getpid()]  # the parent's own attempt; the child's did not touch this list


def test_a_result_that_does_not_pickle_is_computed_in_the_parent() -> None:
    def unpicklable() -> Callable[[], int]:
        return lambda: 7

    assert start_forked(unpicklable)()() == 7


def test_after_an_error_the_result_is_asked_for_again_and_worked_out_here() -> None:
    attempts: list[int] = []

    def flaky() -> str:
        attempts.append(os.getpid())
        if len(attempts) == 1:
            raise ValueError("first time")
        return "done"

    waiting = start_forked(flaky)
    with pytest.raises(ValueError, match="first time"):
        waiting()  # the child failed as well: its attempt is in its own copy of `attempts`
    assert waiting() == "done"
    assert waiting() == "done"
    assert attempts == [os.getpid(), os.getpid()]


def test_no_child_is_forked_beside_other_threads() -> None:
    release = threading.Event()
    other = threading.Thread(target=release.wait)
    other.start()
    try:
        assert start_forked(os.getpid)() == os.getpid()
    finally:
        release.set()
        other.join()


def test_the_child_does_not_hold_the_caller_s_output_open() -> None:
    # A child whose result is never read must not keep a pipe reading the parent's output waiting.
    probe = (
        "import os, time; from chainmap.forked import start_forked;"
        "start_forked(lambda: time.sleep(5)); print('done', flush=True); os._exit(0)"
    )
    started = time.monotonic()
    output = subprocess.run(  # noqa: S603 - our own interpreter and a fixed probe
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=30
    ).stdout
    assert output == "done\n"
    assert time.monotonic() - started < 4
