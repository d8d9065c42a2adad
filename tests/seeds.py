"""The two real published notices, read from ``../shared/seeds`` at test time (never copied in).

Without that folder (a clone of the repository alone) the tests that need them are skipped and
say why; under ``CI=true`` its absence fails the run instead, so CI can never pass by skipping.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

__all__ = ["SEEDS", "seed_path", "seed_text"]

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"


def seed_path(prefix: str) -> Path:
    """The seed notice whose file name starts with ``prefix`` ("000", "004")."""
    found = sorted(SEEDS.glob(f"{prefix}_*.txt")) if SEEDS.is_dir() else []
    if len(found) != 1:
        why = f"published notice {prefix} not found in {SEEDS} (the repository's ../shared/seeds)"
        if os.environ.get("CI") == "true":
            pytest.fail(f"{why}: CI runs with ../shared beside the clone", pytrace=False)
        pytest.skip(why)
    return found[0]


def seed_text(prefix: str) -> str:
    return seed_path(prefix).read_text(encoding="utf-8")
