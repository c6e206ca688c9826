"""Pausing Python's cyclic garbage collector while a chain is read, built or analysed.

Reading and analysing a 100,000-site chain allocates millions of small dicts and tuples, none of them in
reference cycles. The collector nevertheless runs its full collections over every live object as they
pile up, which costs about a fifth of the time of a large import and grows faster than the chain. The
work creates no cycles to collect, so the collector waits until it is done; reference counting still
frees everything as usual. The switch is process-wide: where requests overlap, the first to finish turns
the collector back on, which is harmless.
"""

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Disable the cyclic garbage collector for the block (or decorated call), then restore it."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
