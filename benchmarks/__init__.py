"""rectxl benchmarks: realistic generated ledgers, timed against the bare readers.

Run ``python -m benchmarks.run`` (``--quick`` for a smoke run); see ``benchmarks/run.py``.
"""
