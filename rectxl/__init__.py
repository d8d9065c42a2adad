"""rectxl — 巡察整改台账 (rectification ledger) validation and 整改进展情况通报 (progress notice)."""

__version__ = "0.1.0"
