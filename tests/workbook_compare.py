"""Cell-for-cell and style-for-style fingerprints of a workbook, for "nothing else changed" tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import load_workbook

__all__ = ["fingerprint", "soffice", "soffice_convert"]


def _style(cell: Any) -> tuple[str, ...]:
    return (repr(cell.font), repr(cell.fill), repr(cell.border), repr(cell.alignment),
            cell.number_format, repr(cell.protection))


def fingerprint(path: Path) -> dict[str, Any]:
    """Everything a user would notice: sheet order and visibility, values, styles, merges,
    validations, conditional formats, widths, heights, hidden rows, freeze panes, links."""
    wb = load_workbook(path, rich_text=True)
    out: dict[str, Any] = {"sheets": [(ws.title, ws.sheet_state) for ws in wb.worksheets]}
    for ws in wb.worksheets:
        cells = {}
        for row in ws.iter_rows():
            for cell in row:
                if cell.value is not None or cell.has_style:
                    cells[cell.coordinate] = (repr(cell.value), _style(cell),
                                              cell.hyperlink.location if cell.hyperlink else None)
        out[ws.title] = {
            "cells": cells,
            "merged": sorted(str(r) for r in ws.merged_cells.ranges),
            "validations": sorted((str(dv.sqref), dv.type, dv.formula1) for dv in ws.data_validations.dataValidation),
            "conditional": sorted(
                (str(cf.sqref), r.type, tuple(r.formula or ()), repr(r.dxf))
                for cf in ws.conditional_formatting for r in cf.rules
            ),
            "widths": {k: d.width for k, d in ws.column_dimensions.items()},
            "col_hidden": {k: d.hidden for k, d in ws.column_dimensions.items()},
            "heights": {k: (d.height, d.hidden, d.outline_level) for k, d in ws.row_dimensions.items()},
            "freeze": ws.freeze_panes,
            "filter": ws.auto_filter.ref,
        }
    return out


def soffice() -> str | None:
    import shutil

    return shutil.which("soffice") or shutil.which("libreoffice")


def soffice_convert(path: Path, fmt: str, outdir: Path) -> Path:
    """Convert with LibreOffice headless (own profile per call); returns the output path."""
    import subprocess

    exe = soffice()
    assert exe, "LibreOffice not installed"
    profile = outdir / "lo-profile"
    proc = subprocess.run(
        [exe, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
         "--convert-to", fmt, "--outdir", str(outdir), str(path)],
        capture_output=True, text=True, timeout=180,
    )
    target = outdir / (path.stem + "." + fmt.split(":")[0])
    assert proc.returncode == 0 and target.exists(), (proc.stdout, proc.stderr)
    return target
