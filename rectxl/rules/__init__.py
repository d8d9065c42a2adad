"""Validation rules, one per finding code, registered in :data:`RULES` on import."""

# Imported for their side effect (registration), in the catalogue's order.
from rectxl.rules import structure  # noqa: I001, F401
from rectxl.rules import owners  # noqa: F401
from rectxl.rules import deadlines  # noqa: F401
from rectxl.rules import statuses  # noqa: F401
from rectxl.rules import evidence  # noqa: F401
from rectxl.rules.context import Context, Options
from rectxl.rules.registry import RULES, Rule

__all__ = ["RULES", "Context", "Options", "Rule"]
