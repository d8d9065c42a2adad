"""A unit's own ledger, every measure owned by one 股室: its 督办通知 holds one long table and the
提醒清单 one row per measure — each row the ledger's own measure, text and line breaks kept, the
table formatted as the letters' short tables are (the rows after the first are copies of it,
made so because formatting each cell through python-docx took minutes at 5,000 measures)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt
from openpyxl import load_workbook

from rectxl import api
from tests.followup_ledgers import REMIND_HEADER, write_ledger

AS_OF = date(2026, 11, 20)
MEASURES = 40
#: the columns a letter's table centres: numbers, dates, days and names
CENTRED = {"序号", "整改时限", "剩余天数", "逾期天数", "责任领导", "责任人"}


def _rows() -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for i in range(1, MEASURES + 1):
        text = f"（{i}）清理第{i}批闲置办公用房"
        if i % 7 == 0:  # numbered items on lines of their own, as clerks type them with Alt+Enter
            text = f"1.核查第{i}批公务用车使用登记\n2.对违规使用的{i}辆车收回处置"
        if i == 13:  # a dash as a bullet: a text that starts like a formula, kept as text
            text = "-清理超标准配备的办公家具"
        rows.append({"issue": 1 + i % 4, "整改措施": text, "责任股室": "办公室", "分管领导": "张志刚",
                     "经办人": "李明" if i % 2 else "王芳", "完成时限": f"2026年{1 + i % 10}月{10 + i % 18}日",
                     "完成情况": "正在推进"})
    return rows


def test_one_unit_with_many_overdue_measures_gets_every_row_in_its_letter(tmp_path: Path) -> None:
    ledger = write_ledger(tmp_path / "办公室台账.xlsx", REMIND_HEADER, _rows(), info={"报告日期": AS_OF})
    out = tmp_path / "提醒"
    api.remind(ledger, output=out)  # as of the 报告日期
    letters = sorted(p.name for p in out.iterdir() if p.suffix == ".docx")
    assert letters == ["办公室_督办通知.docx"]

    doc = Document(str(out / letters[0]))
    (table,) = doc.tables
    rows = list(table.rows)
    header = [c.text for c in rows[0].cells]
    measure_col = header.index("整改措施")
    measures = [r.cells[measure_col].text for r in rows[1:]]
    expected = [str(r["整改措施"]) for r in _rows()]
    assert sorted(measures) == sorted(expected)  # every overdue measure once, with its own text
    assert "1.核查第7批公务用车使用登记\n2.对违规使用的7辆车收回处置" in measures  # the line break kept
    assert len({tuple(c.text for c in r.cells) for r in rows[1:]}) == MEASURES  # no row a copy's text

    # the header repeats on every page and is bold; every cell is 小四 in 表格文字, exactly 20 pt
    assert rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert all(run.bold for c in rows[0].cells for run in c.paragraphs[0].runs)
    style = doc.styles["表格文字"]
    assert style.font.size == Pt(12) and style.paragraph_format.line_spacing == Pt(20)
    assert style.paragraph_format.first_line_indent == Pt(0)
    for r in (rows[1], rows[-1]):  # the first data row and a copy alike
        for c, cell in enumerate(r.cells):
            p = cell.paragraphs[0]
            assert p.style.name == "表格文字"
            assert not any(run.bold for run in p.runs)
            centred = p.alignment == WD_ALIGN_PARAGRAPH.CENTER
            assert centred == (header[c] in CENTRED), (header[c], p.alignment)
            assert centred or p.alignment is None  # the others left, as the style is
            assert style.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.LEFT
    assert [c.width for c in rows[-1].cells] == [c.width for c in rows[1].cells]


def test_the_reminder_list_has_one_row_per_measure_and_keeps_text_as_text(tmp_path: Path) -> None:
    ledger = write_ledger(tmp_path / "办公室台账.xlsx", REMIND_HEADER, _rows(), info={"报告日期": AS_OF})
    out = tmp_path / "提醒"
    api.remind(ledger, output=out)  # as of the 报告日期
    wb = load_workbook(out / "提醒清单.xlsx")
    ws = wb.worksheets[0]
    header = [c.value for c in ws[2]]
    col = header.index("整改措施") + 1
    values = [ws.cell(r, col).value for r in range(3, 3 + MEASURES)]
    assert sorted(map(str, values)) == sorted(str(r["整改措施"]) for r in _rows())
    assert ws.cell(3 + MEASURES, col).value is None  # nothing after the last measure
    formula_like = next(ws.cell(r, col) for r in range(3, 3 + MEASURES)
                        if ws.cell(r, col).value == "-清理超标准配备的办公家具")
    assert formula_like.data_type == "s" and formula_like.quotePrefix  # text, never a live formula
    stats = wb.worksheets[1]
    total = next(r for r in stats.iter_rows(min_row=2) if r[1].value == "（合计）")
    assert total[5].value == MEASURES and all(c.font.bold for c in total)
