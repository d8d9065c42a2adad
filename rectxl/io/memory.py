"""Memory hygiene at the I/O edge: the one speed trick rectxl keeps, and why.

Reading a ledger and writing a workbook build a few objects per cell, none of them in
reference cycles. With the cyclic garbage collector running, each of its full passes re-scans
everything built so far: at 100,000 rows that costs as much as the building itself (measured by
``python -m benchmarks.run``). At the sizes clerks have (a few hundred rows) it buys nothing
measurable, so it lives here, around the bulk reads and writes, and never in the core.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["gc_paused", "settle", "short_lived_process"]


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic collector while many objects are built; restore its state afterwards.

    Reference counting still frees memory as usual."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def short_lived_process() -> None:
    """Say that this process ends when its one job is done (the command line, a batch worker):
    :func:`settle` may then freeze what was read. A long-lived process (Excel's Python, a
    notebook) never calls this, so nothing of its own is ever frozen."""
    global _SHORT_LIVED
    _SHORT_LIVED = True


_SHORT_LIVED = False


def settle() -> None:
    """In a short-lived process, tell the cyclic collector that what exists now (a ledger just
    read) will not become cyclic garbage: ``gc.freeze`` moves it out of the generations the
    collector scans.

    What it buys: validation and the writers build tens of thousands of findings and cells
    afterwards, and every full collection they trigger would otherwise re-scan the hundreds of
    thousands of objects of a 100,000-row ledger (measured at 0.5–1 s of ``rectxl check``).
    The ledger is a tree without reference cycles, so reference counting still frees it; only
    a process about to exit does it (:func:`short_lived_process`), so that a long-lived one
    never keeps cyclic garbage of its own frozen."""
    if _SHORT_LIVED:
        gc.freeze()
