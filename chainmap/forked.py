"""Work done in a forked child process while the parent goes on: the command line's analysis of a large
chain uses a second core this way.

`start_forked(work)` forks; the child runs `work` and sends its result back through a pipe, pickled, and
ends at once. The parent carries on and calls the returned function when it needs the result. Where the
child cannot deliver (no `os.fork`, a failure in the child, a result that does not pickle), the parent
runs `work` itself, so a result is the same either way and an error is raised in the parent as it would
be without the fork.

Forking is only safe in a process without other threads: the command line is one; the web app, which
serves requests in threads, never calls this (`chainmap.analysis.analyse` forks only when asked to).
"""

import os
import pickle
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def start_forked(work: Callable[[], T]) -> Callable[[], T]:
    """Start `work` in a forked child; return the function that waits for its result (see the module)."""
    if not hasattr(os, "fork"):
        return work
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: the result or nothing, then out without running the parent's exit handlers
        status = 1
        try:
            os.close(read_end)
            payload = pickle.dumps(work(), protocol=pickle.HIGHEST_PROTOCOL)
            with os.fdopen(write_end, "wb") as pipe:
                pipe.write(payload)
            status = 0
        finally:
            os._exit(status)
    os.close(write_end)

    def result() -> T:
        with os.fdopen(read_end, "rb") as pipe:
            payload = pipe.read()  # before waiting: a result larger than the pipe holds blocks the child
        _, status = os.waitpid(pid, 0)
        if status != 0 or not payload:
            return work()
        value: T = pickle.loads(payload)  # noqa: S301 - written by our own child (see above)
        return value

    return result
