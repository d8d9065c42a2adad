"""``rectxl batch`` over a folder where a unit keeps its ledger as a Word table (整改台账.docx):
the table is read and counted like any ledger, while the Word documents that are no ledger — a
情况报告 with no table, a file that cannot be opened, the notice and letters rectxl itself wrote
(they carry its marker, as its workbooks do) — are listed with why, never counted."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from rectxl.api import notice, remind
from rectxl.batch import BatchOutputs, run_batch, write_batch
from rectxl.core.batch_report import round_rows
from rectxl.io.outputs import output_kind
from tests.test_batch_round5 import OPTS, ledger, word_file
from tests.test_word_ledger import word_ledger


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "收件"
    ledger(folder / "教育局" / "教育局整改台账.xlsx", 3, unit="清河县教育局", done=1)
    (folder / "农业农村局").mkdir(parents=True)
    word_ledger(folder / "农业农村局" / "农业农村局整改台账.docx")
    word_file(folder / "石门乡" / "石门乡巡察整改情况报告.docx")
    (folder / "水利局").mkdir()
    (folder / "水利局" / "水利局整改台账.docx").write_bytes(b"PK\x03\x04 not a document")
    return folder


def test_a_word_table_ledger_is_counted_for_its_unit(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    result = run_batch(folder, options=OPTS, workers=1)
    by_file = {r.file: r for r in result.ledgers}
    word = by_file["农业农村局/农业农村局整改台账.docx"]
    assert (word.aspects, word.issues, word.counts["measures"], word.sheets) == (2, 3, 6, ["表格1"])
    assert "农业农村局" in word.unit
    codes = {f[0] for f in word.findings}  # (code, severity, message, …)
    assert {"missing-owner-person", "missing-evidence"} <= codes
    counted = {row.unit: row.reason for row in round_rows(result)}
    assert counted[word.unit] == ""  # ranked with its measures, not chased for a ledger
    assert set(by_file) == {"教育局/教育局整改台账.xlsx", "农业农村局/农业农村局整改台账.docx"}


def test_word_documents_that_are_no_ledger_are_listed_with_why(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    result = run_batch(folder, options=OPTS, workers=1)
    reasons = {s.file: s.reason for s in [*result.ignored, *result.skipped]}
    assert reasons["石门乡/石门乡巡察整改情况报告.docx"] == (
        "这是 Word 文档（.docx），不是台账，未检查：请向该单位（石门乡）索取 Excel 台账")
    damaged = reasons["水利局/水利局整改台账.docx"]
    assert damaged.startswith("这是 Word 文档（.docx），无法读取（")
    assert damaged.endswith("未检查：请向该单位（水利局）索取 Excel 台账")
    assert not result.skipped  # a document is never an error of the run


def test_the_notice_and_letters_rectxl_wrote_are_never_counted(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    source = folder / "教育局" / "教育局整改台账.xlsx"
    _, written = notice(source, folder / "教育局" / "教育局整改通报.docx")
    done = remind(source, tmp_path / "文书", options=OPTS)
    assert done.letters
    _, letter = done.letters[0]
    moved = shutil.copy(letter, folder / "教育局" / letter.name)  # without the 提醒清单 beside it
    assert output_kind(written) == "notice"
    assert output_kind(Path(moved)) == "letters"
    outputs = BatchOutputs(tmp_path / "汇总.xlsx", tmp_path / "汇总.json")
    result = write_batch(folder, outputs, options=OPTS, workers=1)
    reasons = {s.file: s.reason for s in result.ignored}
    assert reasons["教育局/教育局整改通报.docx"].startswith("rectxl 生成的文件（整改进展情况通报）")
    assert reasons[f"教育局/{letter.name}"].startswith("rectxl 生成的文件（提醒函或督办通知）")
    data = json.loads((tmp_path / "汇总.json").read_text("utf-8"))
    files = {entry["file"] for entry in data["ledgers"]}
    assert files == {"教育局/教育局整改台账.xlsx", "农业农村局/农业农村局整改台账.docx"}
