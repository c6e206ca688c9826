"""start_forked: a result computed in a forked child equals the one computed here, and whatever goes
wrong in the child is done again, and raised, in the parent.

A process with other threads never forks (the test session has some once the browser tests have run),
so what needs a real fork runs in a fresh interpreter (`in_fresh_process`)."""

import os
import subprocess
import sys
import textwrap
import threading
import time

from chainmap.forked import start_forked


def in_fresh_process(code: str, *, timeout: float = 60) -> str:
    """What `code` prints when run by a fresh interpreter of ours, with `start_forked` imported."""
    program = "import os\nfrom chainmap.forked import start_forked\n" + textwrap.dedent(code)
    return subprocess.run(  # noqa: S603 - our own interpreter and a fixed program
        [sys.executable, "-c", program], capture_output=True, text=True, check=True, timeout=timeout
    ).stdout


def test_the_child_computes_the_result_in_another_process() -> None:
    output = in_fresh_process(
        """
        child, ordered, shares = start_forked(lambda: (os.getpid(), sorted({"b", "a"}), {"n1": 0.5}))()
        print(child != os.getpid(), ordered, shares)
        """
    )
    assert output == "True ['a', 'b'] {'n1': 0.5}\n"


def test_a_result_larger_than_a_pipe_holds_arrives_whole() -> None:
    output = in_fresh_process(
        """
        big = list(range(300_000))
        print(start_forked(lambda: (os.getpid(), big))() == (os.getpid(), big))  # False: from the child
        print(start_forked(lambda: big)() == big)
        """
    )
    assert output == "False\nTrue\n"


def test_an_error_in_the_child_is_raised_in_the_parent_and_a_second_call_works_it_out_here() -> None:
    output = in_fresh_process(
        """
        attempts = []

        def flaky():
            attempts.append(os.getpid())
            if len(attempts) == 1:
                raise ValueError("first time")
            return "done"

        waiting = start_forked(flaky)
        try:
            waiting()
        except ValueError as error:
            print("raised:", error)
        print(waiting(), waiting(), attempts == [os.getpid(), os.getpid()])
        """
    )
    # The child failed too, in its own copy of `attempts`: the parent's two attempts are its own.
    assert output == "raised: first time\ndone done True\n"


def test_a_result_that_does_not_pickle_is_computed_in_the_parent() -> None:
    output = in_fresh_process(
        """
        def unpicklable():
            return lambda: 7

        print(start_forked(unpicklable)()())
        """
    )
    assert output == "7\n"


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
    started = time.monotonic()
    output = in_fresh_process(
        """
        import time

        start_forked(lambda: time.sleep(5))
        print("done", flush=True)
        os._exit(0)
        """
    )
    assert output == "done\n"
    assert time.monotonic() - started < 4


def test_a_cancelled_child_is_stopped_and_waited_for_and_the_work_is_then_done_here() -> None:
    output = in_fresh_process(
        """
        import time
        parent = os.getpid()
        forked = start_forked(lambda: os.getpid() == parent or time.sleep(60))  # only the child waits
        started = time.monotonic()
        forked.cancel()
        try:
            os.waitpid(-1, os.WNOHANG)
            print("a child is left")
        except ChildProcessError:
            print("no child left")
        print(time.monotonic() - started < 5, forked())
        """
    )
    assert output == "no child left\nTrue True\n"
