"""Validation rules, one per finding code, registered in :data:`RULES` on import."""

# Imported for their side effect (registration), in the catalogue's order.
from rectxl.core.rules import structure  # noqa: I001, F401
from rectxl.core.rules import owners  # noqa: F401
from rectxl.core.rules import deadlines  # noqa: F401
from rectxl.core.rules import statuses  # noqa: F401
from rectxl.core.rules import evidence  # noqa: F401
from rectxl.core.rules import closure  # noqa: F401
from rectxl.core.rules import followup  # noqa: F401
from rectxl.core.rules import info  # noqa: F401
from rectxl.core.rules.context import Context, Options
from rectxl.core.rules.registry import RULES, Rule

__all__ = ["RULES", "Context", "Options", "Rule"]
