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

__all__ = ["gc_paused"]


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
