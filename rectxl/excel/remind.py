"""The Excel 生成提醒 button: what ``rectxl remind`` does, for the active ledger.

``remind(book, options)`` reads the workbook as the other buttons do (its current state,
:func:`rectxl.excel.read_book`), plans the letters with the same core function as the command
line (:func:`rectxl.core.letters.plan_reminders`) and writes them with the same writer
(:func:`rectxl.io.letters_docx.write_reminders`) into a new folder beside the saved workbook —
``<工作簿>_提醒_YYYYMMDD``, or ``…(2)``, ``…(3)`` when that folder exists: the button never
replaces a file. The result is said in an alert.

Ribbon wiring (left to the add-in's owner): a button whose callback runs
``RunPython "import rectxl.excel.remind as rr; rr.remind()"``.
"""

from __future__ import annotations

from typing import Any

from rectxl.core.letters import plan_reminders, unaddressed_note
from rectxl.core.rules import Options
from rectxl.core.text import cn_date
from rectxl.excel import _alert, entry_point, read_book
from rectxl.excel.book_io import book_path, no_folder
from rectxl.excel.places import free_name
from rectxl.io.letters_docx import Reminders, write_reminders

__all__ = ["remind"]


@entry_point
def remind(book: Any, options: Options | None = None, *, final_days: int = 15,
           letter: str = "督办通知") -> Reminders:
    """生成提醒: per owner unit with anything due, a 提醒函 and/or a 督办通知 (告诫书 with
    ``letter="告诫书"``) as .docx, and the 提醒清单 workbook, in a new folder beside the workbook."""
    path = book_path(book)
    if path is None:
        raise no_folder(book, "提醒函")
    options = options or Options()
    ledger, _ = read_book(book, options)
    plan = plan_reminders(ledger, as_of=options.as_of, warn_days=options.warn_days,
                          due_soon_days=options.due_soon_days, final_days=final_days,
                          escalation=letter, name=path.stem)  # type: ignore[arg-type]
    folder = free_name(path.parent, f"{path.stem}_提醒_{plan.as_of:%Y%m%d}", "")
    done = write_reminders(path, folder, plan)
    # the date as the other buttons' alerts say it (截至2026年11月20日), not the command line's ISO
    when = f"截至{cn_date(done.as_of)}（预警天数 {'、'.join(f'{d}天' for d in done.warn_days)}）"
    unreadable = (f"\n注意：{len(done.unreadable)} 项未完成的措施整改时限无法识别，未纳入提醒："
                  f"{'、'.join(done.unreadable[:5])}{'等' if len(done.unreadable) > 5 else ''}。"
                  if done.unreadable else "")
    if not done.rows:
        _alert(book, f"{when}：没有临期或逾期的整改措施，未生成提醒函。{unreadable}")
        return done
    units = "、".join(f"{unit.unit}（{unit.kinds}）" for unit, _ in done.letters)
    units = units or ("无（台账没有责任单位列）" if done.no_unit_column else "无（临期、逾期的措施未填写责任单位）")
    if note := unaddressed_note(done.rows, done.no_unit_column, limit=5):
        unreadable += f"\n注意：{note}"
    _alert(book, f"{when}：已生成 {len(done.letters)} 份文书和提醒清单（{len(done.rows)} 行），"
                 f"在文件夹 {done.folder} 中。\n发函单位：{units}{unreadable}")
    return done
