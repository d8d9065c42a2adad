"""The default Office theme part (xl/theme/theme1.xml) of the workbooks rectxl writes itself.

It is openpyxl's (``openpyxl.writer.theme.theme_xml``), read from openpyxl's source file without
importing openpyxl: importing it costs ~0.5 s (numpy among others), and the summary writer needs
only this one text. Fonts and colours in the styles part refer to it (``<color theme="1"/>``,
``<scheme val="minor"/>``).
"""

from __future__ import annotations

import ast
import functools
import importlib.util
from pathlib import Path

__all__ = ["theme_xml"]


@functools.cache
def theme_xml() -> str:
    """openpyxl's default theme XML (the string ``openpyxl.writer.theme.theme_xml``)."""
    spec = importlib.util.find_spec("openpyxl")  # finds the package without importing it
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("openpyxl")
    source = Path(spec.submodule_search_locations[0], "writer", "theme.py").read_text("utf-8")
    for node in ast.parse(source).body:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "theme_xml" for t in node.targets):
            value = ast.literal_eval(node.value)
            if isinstance(value, str):
                return value
    from openpyxl.writer.theme import theme_xml as imported  # a layout this reader does not know

    return imported
