"""The docs cover what the code offers: every finding code in the README's table with its
description and severity, every CLI command with help, and the README's two commands in CI."""

from __future__ import annotations

from pathlib import Path

from rectxl.core.rules import RULES

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text("utf-8")


def test_every_code_is_documented_in_the_readme() -> None:
    for code, rule in RULES.items():
        row = f"| `{code}` | {rule.severity.value} "
        assert row in README, code
        line = next(line for line in README.splitlines() if line.startswith(row))
        assert rule.description in line, code


def test_readme_has_no_stale_codes() -> None:
    import re

    documented = set(re.findall(r"^\| `([a-z-]+)` \| (?:error|warning|info) ", README, re.MULTILINE))
    assert documented == set(RULES)


def test_every_rule_has_a_chinese_description_and_template() -> None:
    for code, rule in RULES.items():
        assert any("\u4e00" <= ch <= "\u9fff" for ch in rule.description), code
        assert any("\u4e00" <= ch <= "\u9fff" for ch in rule.template), code


def test_ci_runs_the_readme_test_command() -> None:
    blocks = README.split("```bash")
    lines = [line for line in blocks[2].split("```")[0].strip().splitlines() if not line.startswith("#")]
    test_command = "\n".join(lines)  # with its continuation lines, as CI runs it
    assert "pytest" in lines[-1]
    assert test_command + "\n" in (ROOT / ".ci" / "run").read_text("utf-8")


def test_the_readme_links_each_code_to_the_file_that_defines_its_rule() -> None:
    """One hop from the table to the rule: the row's link is the module holding its function."""
    import inspect

    for code, rule in RULES.items():
        line = next(line for line in README.splitlines() if line.startswith(f"| `{code}` |"))
        source = Path(inspect.getsourcefile(rule.func) or "").resolve().relative_to(ROOT).as_posix()
        assert f"]({source})" in line, code
        assert (ROOT / source).is_file()


def test_the_readme_python_example_runs(tmp_path: Path) -> None:
    """The README's Python API example, run as written from the repository root."""
    import subprocess
    import sys

    code = README.split("## Python API", 1)[1].split("```python", 1)[1].split("```", 1)[0]
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[0].startswith("20") and "True" in lines[0]  # as-of date, measures, has_errors
    assert any("overdue" in line for line in lines)
