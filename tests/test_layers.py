"""The architecture, kept: rectxl/core is pure (DESIGN.md §6), and the packages do not import
each other in circles."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "rectxl"
CORE = PACKAGE / "core"

#: what the core may never import: rectxl's edges and front ends, file/Excel/document libraries,
#: the file system and process-level tricks
FORBIDDEN = (
    "rectxl.io", "rectxl.cli", "rectxl.excel", "rectxl.addin", "rectxl.api", "rectxl.batch",
    "openpyxl", "python_calamine", "docx", "xlwings", "lxml", "defusedxml", "zipfile",
    "os", "pathlib", "shutil", "tempfile", "glob", "subprocess", "gc", "ctypes", "mmap", "signal",
)


def _imports(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
            if node.module == "rectxl":  # "from rectxl import api" names a module
                found.extend((node.lineno, f"rectxl.{alias.name}") for alias in node.names)
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "open":
            found.append((node.lineno, "open()"))
    return found


def _violations(path: Path) -> list[str]:
    bad = []
    for line, name in _imports(path):
        if name == "open()" or name == "rectxl" or any(name == f or name.startswith(f + ".") for f in FORBIDDEN):
            bad.append(f"{path.relative_to(PACKAGE.parent)}:{line} imports {name}")
    return bad


def test_core_imports_nothing_but_the_core_and_pure_libraries() -> None:
    files = sorted(CORE.rglob("*.py"))
    assert len(files) > 20
    bad = [v for f in files for v in _violations(f)]
    assert bad == []


def test_the_layer_check_catches_a_core_module_that_opens_files(tmp_path: Path) -> None:
    probe = tmp_path / "probe.py"
    probe.write_text("from pathlib import Path\nimport rectxl.io.reader\nfrom rectxl import api\nopen('x')\n")
    original = _violations.__globals__["PACKAGE"]
    try:
        _violations.__globals__["PACKAGE"] = tmp_path
        assert [v.split(" imports ")[1] for v in _violations(probe)] == ["pathlib", "rectxl.io.reader", "rectxl",
                                                                         "rectxl.api", "open()"]
    finally:
        _violations.__globals__["PACKAGE"] = original


@pytest.mark.parametrize("module", ["rectxl.core.model", "rectxl.core.validate", "rectxl.core.notice"])
def test_importing_the_core_loads_no_io_library(module: str) -> None:
    code = (f"import sys, {module}\n"
            "heavy = ['openpyxl', 'python_calamine', 'docx', 'xlwings', 'lxml', 'pandas', 'rectxl.io']\n"
            "print(sorted(m for m in heavy if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_rectxl_check_loads_only_what_checking_uses() -> None:
    """``rectxl check`` on a small ledger is mostly start-up: it must not import the writers' and
    analysts' libraries (pydantic's import alone is several times a small ledger's bare read),
    nor the process pool of ``rectxl batch``, nor the notice's parser and renderer (the totals a
    基本信息 paragraph states are read without them), nor the summary and the output sheets'
    layouts (~20 ms of a small check's start-up)."""
    example = Path(__file__).resolve().parents[1] / "workbooks" / "示例台账.xlsx"
    code = ("import io, sys, contextlib\n"
            "from rectxl.cli.commands import main\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n"
            f"    main(['check', {str(example)!r}, '--format', 'json'])\n"
            "heavy = ['pydantic', 'openpyxl', 'pandas', 'numpy', 'docx', 'xlwings', 'lxml',\n"
            "         'multiprocessing', 'concurrent.futures', 'rectxl.batch', 'rectxl.io.xlsx_out',\n"
            "         'rectxl.core.notice.parse', 'rectxl.core.notice.render',\n"
            "         'rectxl.core.summary', 'rectxl.core.sheets']\n"
            "print(sorted(m for m in heavy if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def _package_of(module: str) -> str:
    parts = module.split(".")
    return ".".join(parts[:2]) if len(parts) > 1 else module


def test_no_import_cycles_between_modules() -> None:
    """Module-level imports inside rectxl form no cycle (imports inside functions are lazy and
    allowed to point back, e.g. the CLI's commands)."""
    graph: dict[str, set[str]] = {}
    for path in PACKAGE.rglob("*.py"):
        rel = path.relative_to(PACKAGE.parent).with_suffix("")
        name = ".".join(rel.parts[:-1] if rel.name == "__init__" else rel.parts)
        tree = ast.parse(path.read_text(encoding="utf-8"))
        deps = set()
        for node in tree.body:  # top level only
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("rectxl"):
                deps.update(f"{node.module}.{a.name}" for a in node.names)  # a submodule, or not:
                deps.add(node.module)  # names that are no module are dropped below
            elif isinstance(node, ast.Import):
                deps.update(a.name for a in node.names if a.name.startswith("rectxl"))
        graph[name] = deps - {name}
    graph = {name: {d for d in deps if d in graph or "." not in d} for name, deps in graph.items()}
    for name, deps in graph.items():  # "from pkg import sub": the submodule, not its package
        graph[name] = {d for d in deps if not any(s.startswith(d + ".") and s in deps for s in deps)}
    seen: dict[str, int] = {}
    cycles: list[list[str]] = []

    def visit(node: str, stack: list[str]) -> None:
        seen[node] = 1
        for dep in sorted(graph.get(node, ())):
            if dep not in graph:
                continue
            if seen.get(dep) == 1 and not node.startswith(dep + ".") and dep != "rectxl":
                cycles.append([*stack[stack.index(dep):], dep] if dep in stack else [node, dep])
            elif dep not in seen:
                visit(dep, [*stack, dep])
        seen[node] = 2

    for name in sorted(graph):
        if name not in seen:
            visit(name, [name])
    assert cycles == []
