"""start_forked: a result computed in a forked child equals the one computed here, and whatever goes
wrong in the child is done again, and raised, in the parent."""

import os
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
