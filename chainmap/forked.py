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
import signal
import threading
from collections.abc import Callable
from contextlib import suppress
from typing import Generic, TypeVar

T = TypeVar("T")


class Forked(Generic[T]):
    """Work started by `start_forked`: called, it gives the result, from the child or, where the child
    cannot deliver, worked out here; `cancel` stops a child whose result is no longer wanted."""

    def __init__(self, work: Callable[[], T], pid: int | None = None, read_end: int | None = None) -> None:
        self._work = work
        self._pid = pid  # None once the child has been waited for (or when there is none)
        self._read_end = read_end
        self._delivered: list[T] = []

    def __call__(self) -> T:
        if self._delivered:
            return self._delivered[0]
        payload = b""
        if self._pid is not None and self._read_end is not None:  # waited for once; after a failure
            with os.fdopen(self._read_end, "rb") as pipe:  # here, `work` is simply run again
                payload = pipe.read()  # before waiting: a result larger than the pipe holds blocks the child
            payload = payload if self._reaped() == 0 else b""
        value: T = pickle.loads(payload) if payload else self._work()  # noqa: S301 - written by our own child
        self._delivered.append(value)
        return value

    def cancel(self) -> None:
        """Stop the child, if it still runs, and wait for it: a command that gives up on the result (a
        chain found invalid after its profiles were started) leaves no process or pipe behind."""
        if self._pid is not None and self._read_end is not None:
            with suppress(ProcessLookupError):
                os.kill(self._pid, signal.SIGKILL)
            os.close(self._read_end)
            self._reaped()

    def _reaped(self) -> int:
        """Wait for the child; its exit status (0 when it was reaped elsewhere, SIGCHLD being ignored)."""
        pid, self._pid, self._read_end = self._pid, None, None
        if pid is None:
            return 0
        try:
            return os.waitpid(pid, 0)[1]
        except ChildProcessError:
            return 0


def start_forked(work: Callable[[], T]) -> Forked[T]:
    """Start `work` in a forked child; return the `Forked` that waits for its result (see the module).

    No child is forked where there is no `os.fork`, where the process has other threads (forking those
    is unsafe), or when the fork fails; `work` then runs when its result is asked for. The child's standard
    streams are pointed at /dev/null, so that a child whose result is never read does not hold the
    caller's output open after the parent has exited."""
    if not hasattr(os, "fork") or threading.active_count() > 1:
        return Forked(work)
    read_end, write_end = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        os.close(read_end)
        os.close(write_end)
        return Forked(work)
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
    return Forked(work, pid, read_end)


def _silence_standard_streams() -> None:
    """Point the child's standard input, output and error at /dev/null."""
    null = os.open(os.devnull, os.O_RDWR)
    for stream in (0, 1, 2):
        os.dup2(null, stream)
    os.close(null)
