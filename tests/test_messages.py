"""What rectxl says to a user reads as Chinese: no ASCII , : ; ( ) beside Chinese characters.

The rule messages are checked as rendered (tests/test_rules.py); this reads every other literal
the package writes — error messages, the batch and diff reports, sheet headings — from the source,
so a new message cannot slip in with "找不到文件:" or "是文件夹,不是台账文件(…)". Docstrings
(English, for developers) and raw strings (regular expressions, which match what clerks type)
are not messages.
"""

from __future__ import annotations

import io
import re
import tokenize
from pathlib import Path

import pytest

import rectxl
from rectxl.core.errors import LedgerError
from rectxl.io.reader import read_ledger

PACKAGE = Path(rectxl.__file__).parent
#: ASCII punctuation touching a Chinese character or a Chinese quotation mark
_ASCII_BESIDE_CHINESE = re.compile(r"[\u3400-\u9fff“”][,:;()]|[,:;()][\u3400-\u9fff“”]")
#: literals that are not messages: wording as clerks type it (an alias the status reader must
#: accept, with its ASCII comma), a source note, and option syntax typed on the command line
_NOT_MESSAGES = ("基本完成,取得阶段性成果", "DESIGN (stage 已销号)", "责任单位,责任领导,责任人")


def _literal_text(body: str, formatted: bool) -> str:
    """A literal's own text: an f-string's replacement fields (code) become a placeholder."""
    out: list[str] = []
    depth = 0
    i = 0
    while i < len(body):
        ch = body[i]
        if formatted and depth == 0 and body.startswith(("{{", "}}"), i):
            out.append(ch)
            i += 2
            continue
        if formatted and ch == "{":
            depth += 1
        elif formatted and ch == "}":
            depth -= 1
            out.append("\x00")
        elif depth == 0:
            out.append(ch)
        i += 1
    return "".join(out)


def _messages(path: Path) -> list[tuple[int, str]]:
    found = []
    tokens = tokenize.generate_tokens(io.StringIO(path.read_text(encoding="utf-8")).readline)
    for tok in tokens:
        if tok.type != tokenize.STRING:
            continue
        prefix = re.match(r"[rbfuRBFU]*", tok.string).group(0).lower()  # type: ignore[union-attr]
        body = tok.string[len(prefix):]
        if "r" in prefix or body.startswith(('"""', "'''")):
            continue
        found.append((tok.start[0], _literal_text(body[1:-1], "f" in prefix)))
    return found


def test_every_message_in_the_package_uses_full_width_punctuation() -> None:
    bad = [f"{path.relative_to(PACKAGE.parent)}:{line}: {text}"
           for path in sorted(PACKAGE.rglob("*.py"))
           for line, text in _messages(path)
           if _ASCII_BESIDE_CHINESE.search(text) and not any(n in text for n in _NOT_MESSAGES)]
    assert not bad, "\n".join(bad)


def test_the_scan_sees_a_message_inside_an_f_string() -> None:
    """The check above would catch the messages it was written for (not only plain literals)."""
    assert _ASCII_BESIDE_CHINESE.search(_literal_text('找不到文件:{path}', True))
    assert _ASCII_BESIDE_CHINESE.search(_literal_text('{p} 是文件夹,不是台账文件({x})', True))
    assert not _ASCII_BESIDE_CHINESE.search(_literal_text('比例（{a // max(b, 1)}:1）', True))


@pytest.mark.parametrize(("make", "expected"), [
    (lambda d: d / "不存在.xlsx", "找不到文件："),
    (lambda d: d, "是文件夹，不是台账文件（检查整个文件夹请用 rectxl batch）"),
])
def test_reader_errors_read_as_chinese(tmp_path: Path, make, expected: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(LedgerError) as exc:
        read_ledger(make(tmp_path))
    assert expected in str(exc.value)
