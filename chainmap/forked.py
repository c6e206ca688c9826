"""Work done in a forked child process while the parent goes on: the command line's analysis of a large
chain uses a second core this way.

`start_forked(work)` forks; the child runs `work` and sends its result back through a pipe, pickled, and
ends at once. The parent carries on and calls the returned function when it needs the result. Where the
child cannot deliver (no `os.fork`, a failure in the child, a result that does not pickle), the parent
runs `work` itself, so a result is the same either way and an error is raised in the parent as it would
be without the fork.

Forking is only safe in a process without other threads: the command line is one; the web app, which
serves requests in threads, never asks for it (`chainmap.analysis.analyse` forks only when asked to), and
`start_forked` does not fork where other threads run.
"""

import os
import pickle
import threading
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def start_forked(work: Callable[[], T]) -> Callable[[], T]:
    """Start `work` in a forked child; return the function that waits for its result (see the module).

    No child is forked where there is no `os.fork`, where the process has other threads (forking those
    is unsafe), or when the fork fails; `work` then runs when its result is asked for. The child's standard
    streams are pointed at /dev/null, so that a child whose result is never read does not hold the
    caller's output open after the parent has exited."""
    if not hasattr(os, "fork") or threading.active_count() > 1:
        return work
    read_end, write_end = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        os.close(read_end)
        os.close(write_end)
        return work
    if pid == 0:  # the child: the result or nothing, then out without running the parent's exit handlers
        status = 1
        try:
            os.close(read_end)
            _silence_standard_streams()
            payload = pickle.dumps(work(), protocol=pickle.HIGHEST_PROTOCOL)
            with os.fdopen(write_end, "wb") as pipe:
                pipe.write(payload)
            status = 0
        finally:
            os._exit(status)
    os.close(write_end)
    delivered: list[T] = []
    waited: list[bool] = []

    def result() -> T:
        if delivered:
            return delivered[0]
        payload = b""
        if not waited:  # the child is waited for once; after a failure here, `work` is simply run again
            waited.append(True)
            with os.fdopen(read_end, "rb") as pipe:
                payload = pipe.read()  # before waiting: a result larger than the pipe holds blocks the child
            try:
                _, status = os.waitpid(pid, 0)
            except ChildProcessError:  # reaped elsewhere (SIGCHLD ignored): the payload alone tells
                status = 0
            payload = payload if status == 0 else b""
        value: T = pickle.loads(payload) if payload else work()  # noqa: S301 - written by our own child
        delivered.append(value)
        return value

    return result


def _silence_standard_streams() -> None:
    """Point the child's standard input, output and error at /dev/null."""
    null = os.open(os.devnull, os.O_RDWR)
    for stream in (0, 1, 2):
        os.dup2(null, stream)
    os.close(null)
