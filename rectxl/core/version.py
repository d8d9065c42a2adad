"""rectxl's version (one home; the package, the reports and the add-in read it from here)."""

__all__ = ["__version__"]

__version__ = "0.1.0"
