"""Notices in Word files with the features real files carry: tracked changes, hidden text,
content controls and fields, text boxes under the seal, ledger tables (headers repeated, 合计
rows, a table nested in a cell, 序号 numbering rows), a red letterhead, picture captions, and
files whose name does not say what they are (.docx named .doc, .docm, encrypted, .odt, MHT, a
body imported as an HTML chunk).

Every notice here is written for this file about fictional units; the files are built here
with python-docx and lxml.
"""

from __future__ import annotations

import io
import struct
import zipfile
from pathlib import Path

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import parse_xml

from rectxl.core.errors import RectxlError
from rectxl.core.notice import ParsedNotice, parse_notice
from rectxl.core.notice.parse import UNPLACED_KEY
from rectxl.io import file_kind
from rectxl.io.docx_read import read_notice_docx
from rectxl.io.notice_file import read_notice_file

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
NS = (f'{W} xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
      'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
      'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
      'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
      'xmlns:v="urn:schemas-microsoft-com:vml"')

TITLE = "中共青岚市水务局党组关于市委第三轮巡察整改进展情况的通报"
PREAMBLE = ("根据市委统一部署，2023年3月6日至4月28日，市委第三巡察组对市水务局党组开展了常规巡察。"
            "2023年6月12日，市委第三巡察组向市水务局党组反馈了巡察意见。现将整改进展情况予以公布。")
SECTION_ONE = ["一、整改工作组织情况", "党组成立整改工作专班，逐项明确责任人和完成时限，每月调度整改进度。"]
SECTION_TWO = "二、巡察反馈问题整改情况"
CLOSING = ["三、下一步工作安排", "下一步，党组将持续巩固整改成果，确保问题整改到位。",
           "欢迎社会各界对整改情况进行监督。联系电话：0571-87654321；"
           "邮寄地址：青岚市解放路8号市水务局办公室；邮编：310000。"]
SIGN = "中共青岚市水务局党组"
DATE = "2024年2月20日"

ASPECT_1 = "（一）关于贯彻落实上级决策部署方面"
ASPECT_2 = "（二）关于落实全面从严治党责任方面"


def _doc() -> docx.document.Document:
    return docx.Document()


def _xml(doc: docx.document.Document, xml: str) -> None:
    body = doc.element.body
    body.insert(len(body) - 1, parse_xml(xml))


def _r(text: str, props: str = "") -> str:
    return f'<w:r>{props}<w:t xml:space="preserve">{text}</w:t></w:r>'


def _p(doc: docx.document.Document, inner: str, ppr: str = "") -> None:
    _xml(doc, f"<w:p {NS}>{ppr}{inner}</w:p>")


def _front(doc: docx.document.Document) -> None:
    for text in (TITLE, PREAMBLE, *SECTION_ONE, SECTION_TWO):
        doc.add_paragraph(text)


def _back(doc: docx.document.Document, *, signed: bool = True) -> None:
    for text in CLOSING:
        doc.add_paragraph(text)
    if signed:
        doc.add_paragraph(SIGN)
        doc.add_paragraph(DATE)


def _save(doc: docx.document.Document, path: Path) -> Path:
    doc.save(str(path))
    return path


def _parse_file(path: Path) -> ParsedNotice:
    return parse_notice(read_notice_file(path))


def _measures(parsed: ParsedNotice) -> list[list[str]]:
    return [[m.text for m in issue.measures] for issue in parsed.ledger.issues()]


# ---------------------------------------------------------------------------
# Tracked changes, hidden text, content controls, fields
# ---------------------------------------------------------------------------

def _revision(tag: str, inner: str, rid: int) -> str:
    return f'<w:{tag} w:id="{rid}" w:author="李四" w:date="2024-02-01T10:00:00Z">{inner}</w:{tag}>'


def _deleted(text: str, rid: int) -> str:
    return _revision("del", f'<w:r><w:delText xml:space="preserve">{text}</w:delText></w:r>', rid)


def _tracked_notice(tmp_path: Path) -> Path:
    doc = _doc()
    hidden = doc.styles.add_style("内部批注", WD_STYLE_TYPE.CHARACTER)
    hidden.font.hidden = True
    style_id = hidden.style_id
    _front(doc)
    doc.add_paragraph(ASPECT_1)
    # a measure replaced by tracked changes: the deletion is not read, the insertion is
    _p(doc, _r("1.河长制工作推进不平衡的问题。一是已建立河长巡河情况月通报制度。")
       + _deleted("二是拟开展河湖专项整治。", 1)
       + _revision("ins", _r("二是已开展河湖“清四乱”专项行动3轮。"), 2))
    # hidden text: by the run's own formatting, and by a hidden character style
    _p(doc, _r("2.水利工程建设管理不严格的问题。一是已修订水利工程质量监督办法。")
       + _r("二是内部掌握：暂缓公开。", "<w:rPr><w:vanish/></w:rPr>")
       + _r("二是正在开展在建工程质量抽查。")
       + _r("（经办人手机13800000000）", f'<w:rPr><w:rStyle w:val="{style_id}"/></w:rPr>'))
    doc.add_paragraph(ASPECT_2)
    # measures moved by tracked changes (read where moved to), one in an inline content control,
    # one with soft hyphens
    _p(doc, _r("1.财务报销审核把关不严的问题。")
       + _revision("moveTo", _r("一是已完善财务报销审核流程。"), 3)
       + '<w:sdt><w:sdtPr><w:alias w:val="措施"/></w:sdtPr><w:sdtContent>'
       + _r("二是已清退不合规报销款项2.3万元。") + "</w:sdtContent></w:sdt>"
       + _r("三是长期坚持财\u00ad务公开制度。"))
    _p(doc, _revision("moveFrom", _r("一是已完善财务报销审核流程。"), 4))
    # a paragraph whose mark is hidden runs on into the next one, as Word shows it
    _p(doc, _r("2.公务用车管理不规范的问题。一是已建立公务用车使用登记台账。"),
       '<w:pPr><w:rPr><w:vanish/></w:rPr></w:pPr>')
    _p(doc, _r("二是已处理违规使用公务用车问题2起。"))
    _back(doc, signed=False)
    doc.add_paragraph(SIGN)
    # the date as the result of a simple field
    _p(doc, f'<w:fldSimple w:instr=" CREATEDATE "><w:r><w:t>{DATE}</w:t></w:r></w:fldSimple>')
    return _save(doc, tmp_path / "修订痕迹.docx")


def test_tracked_changes_hidden_text_and_fields(tmp_path: Path) -> None:
    path = _tracked_notice(tmp_path)
    text = read_notice_docx(path)
    for never in ("拟开展河湖专项整治", "内部掌握", "13800000000", "\u00ad"):
        assert never not in text
    assert text.count("一是已完善财务报销审核流程") == 1  # moved: read once, where it went
    parsed = parse_notice(text)
    assert _measures(parsed) == [
        ["已建立河长巡河情况月通报制度。", "已开展河湖“清四乱”专项行动3轮。"],
        ["已修订水利工程质量监督办法。", "正在开展在建工程质量抽查。"],
        ["已完善财务报销审核流程。", "已清退不合规报销款项2.3万元。", "长期坚持财务公开制度。"],
        ["已建立公务用车使用登记台账。", "已处理违规使用公务用车问题2起。"],
    ]
    assert parsed.ledger.info.party_org == SIGN
    assert str(parsed.ledger.info.report_date) == "2024-02-20"


# ---------------------------------------------------------------------------
# Text boxes
# ---------------------------------------------------------------------------

def _box(paragraphs: list[str]) -> str:
    inner = "".join(f"<w:p>{_r(t)}</w:p>" for t in paragraphs)
    return (
        "<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing>"
        '<wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="2" '
        'behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
        '<wp:positionH relativeFrom="column"><wp:posOffset>2800000</wp:posOffset></wp:positionH>'
        '<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
        '<wp:extent cx="2400000" cy="600000"/><wp:wrapNone/><wp:docPr id="9" name="文本框 9"/>'
        '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        f"<wps:wsp><wps:txbx><w:txbxContent>{inner}</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp>"
        "</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
        f'<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>{inner}</w:txbxContent>'
        "</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>")


def _short_items(doc: docx.document.Document) -> None:
    doc.add_paragraph(ASPECT_1)
    doc.add_paragraph("1.河长制工作推进不平衡的问题。一是已建立河长巡河情况月通报制度。二是已开展专项行动3轮。")
    doc.add_paragraph(ASPECT_2)
    doc.add_paragraph("1.财务报销审核把关不严的问题。一是已完善财务报销审核流程。二是正在开展专项检查。")


def test_signature_and_date_in_a_text_box_are_read_once(tmp_path: Path) -> None:
    doc = _doc()
    _front(doc)
    _short_items(doc)
    _back(doc, signed=False)
    _p(doc, _box([SIGN, DATE]))
    text = read_notice_docx(_save(doc, tmp_path / "文本框.docx"))
    lines = text.split("\n")
    assert lines.count(SIGN) == 1 and lines.count(DATE) == 1  # one branch of the alternate content
    parsed = parse_notice(text)
    assert parsed.ledger.info.party_org == SIGN
    assert str(parsed.ledger.info.report_date) == "2024-02-20"


def test_a_text_box_without_alternate_content(tmp_path: Path) -> None:
    doc = _doc()
    _front(doc)
    _short_items(doc)
    _back(doc, signed=False)
    inner = "".join(f"<w:p>{_r(t)}</w:p>" for t in (SIGN, DATE))
    _p(doc, f"<w:r><w:pict><v:shape><v:textbox><w:txbxContent>{inner}</w:txbxContent>"
            "</v:textbox></v:shape></w:pict></w:r>")
    parsed = _parse_file(_save(doc, tmp_path / "旧式文本框.docx"))
    assert parsed.ledger.info.party_org == SIGN
    assert str(parsed.ledger.info.report_date) == "2024-02-20"


# ---------------------------------------------------------------------------
# Ledger tables
# ---------------------------------------------------------------------------

HEADER = ["序号", "巡察反馈问题", "整改措施", "责任单位", "完成时限", "完成情况"]


def _table(doc: docx.document.Document, rows: list[list[str | None]],
           merges: list[tuple[int, int, int]] = ()) -> docx.table.Table:  # type: ignore[assignment]
    """A table of ``rows`` (None: a cell merged into the one above); ``merges`` (row, col, last
    row) merge a column's cells down."""
    table = doc.add_table(rows=len(rows), cols=len(rows[0]))
    for i, row in enumerate(rows):
        for j, value in enumerate(row):
            if value:
                table.cell(i, j).text = value
    for top, col, bottom in merges:
        table.cell(top, col).merge(table.cell(bottom, col))
    return table


def _ledger_table_notice(tmp_path: Path) -> Path:
    doc = _doc()
    doc.add_paragraph(TITLE)
    doc.add_paragraph(PREAMBLE)
    doc.add_paragraph(SECTION_ONE[0])
    doc.add_paragraph("党组成立整改工作专班，逐项明确责任人和完成时限。")  # states no totals
    doc.add_paragraph(SECTION_TWO)
    rows: list[list[str | None]] = [
        HEADER,
        ["1", "河长制工作推进不平衡的问题", "建立河长巡河情况月通报制度", "河湖科", "2023年8月底", "已完成"],
        ["", "", "开展河湖专项整治行动", "河湖科", "2023年12月底", "已完成"],
        # content that names fields: a problem ending in 问题, a measure on a 管理办法
        ["2", "资金使用管理不规范的问题", "修订专项资金管理办法", "计财科", "2023年9月底", "已完成"],
        ["", "", "开展专项资金使用情况检查，追回资金明细如下：", "计财科", "2023年11月底", "已完成"],
        ["", "", "严格执行资金拨付审批制度", "计财科", "长期坚持", "长期坚持"],
        HEADER,  # the header printed again on the next page
        ["3", "问题整改台账管理不规范的问题", "规范问题整改台账管理措施", "办公室", "2024年3月底", "正在推进"],
        ["合计", "3个问题6项措施", "", "", "", "已完成4项"],
    ]
    table = _table(doc, rows, merges=[(1, 0, 2), (1, 1, 2), (3, 0, 5), (3, 1, 5)])
    # a table nested in a measure cell: its amounts belong to that measure
    cell = table.cell(4, 2)
    nested = cell.add_table(rows=2, cols=2)
    for i, (name, amount) in enumerate((("项目经费", "1.5万元"), ("培训经费", "0.6万元"))):
        nested.cell(i, 0).text = name
        nested.cell(i, 1).text = amount
    cell.add_paragraph("已全部追缴入库")
    _back(doc)
    return _save(doc, tmp_path / "台账式通报.docx")


def test_a_ledger_table_keeps_rows_that_name_fields(tmp_path: Path) -> None:
    parsed = _parse_file(_ledger_table_notice(tmp_path))
    issues = list(parsed.ledger.issues())
    assert [i.number for i in issues] == [1, 2, 3]
    assert [i.title for i in issues] == ["河长制工作推进不平衡的问题", "资金使用管理不规范的问题",
                                         "问题整改台账管理不规范的问题"]
    assert [len(i.measures) for i in issues] == [2, 3, 1]
    first = issues[1].measures[0]
    assert first.text == "修订专项资金管理办法"
    assert first.owner_unit == "计财科" and first.deadline.text == "2023年9月底"
    assert issues[2].measures[0].owner_unit == "办公室"
    # the nested table's text is part of its measure
    assert "项目经费 1.5万元" in issues[1].measures[1].text
    assert "培训经费 0.6万元" in issues[1].measures[1].text
    assert "已全部追缴入库" in issues[1].measures[1].text
    # the 合计 row is no issue; its counts are the stated totals
    assert not any("合计" in (i.title or "") for i in issues)
    assert parsed.stated_totals.issues == 3
    assert parsed.stated_totals.measures == 6
    assert parsed.stated_totals.done_measures == 4
    assert all(c.ok is not False for c in parsed.total_checks), parsed.total_checks
    assert not parsed.unplaced


def test_a_text_table_row_is_only_a_header_when_it_looks_like_one() -> None:
    """The same rule for a table pasted as text (tab-separated), as .txt and .html give it."""
    rows = [
        "序号\t存在问题\t整改措施\t责任单位\t整改时限\t整改情况",
        "1\t学习制度落实不到位的问题\t修订理论学习管理办法\t办公室\t2023年9月底\t已完成",
        "\t\t开展专题学习研讨\t办公室\t2023年10月底\t已完成",
        "\t档案管理混乱的问题\t完善档案管理措施\t档案室\t2023年11月底\t正在推进",
        "合 计\t2个问题3项措施\t\t\t\t已完成2项",
    ]
    text = "\n".join([TITLE, PREAMBLE, SECTION_TWO, *rows, *CLOSING, SIGN, DATE])
    parsed = parse_notice(text)
    issues = list(parsed.ledger.issues())
    assert [i.title for i in issues] == ["学习制度落实不到位的问题", "档案管理混乱的问题"]
    assert [len(i.measures) for i in issues] == [2, 1]
    assert issues[0].measures[0].text == "修订理论学习管理办法"
    assert parsed.stated_totals.issues == 2 and parsed.stated_totals.measures == 3


def test_a_row_numbering_serial_is_not_the_issue_number(tmp_path: Path) -> None:
    doc = _doc()
    _front(doc)
    rows: list[list[str | None]] = [
        ["序号", "问题", "整改措施", "整改进展"],
        ["1", "河长制工作推进不平衡的问题。", "建立月通报制度", "已建立河长巡河情况月通报制度。"],
        ["2", "", "开展专项整治", "已开展专项整治3轮。"],
        ["3", "水利工程建设管理不严格的问题。", "修订质量监督办法", "已修订质量监督办法。"],
        ["4", "", "开展质量抽查", "正在开展在建工程质量抽查。"],
        ["5", "", "建立约谈机制", "已约谈施工单位2家。"],
        ["6", "财务报销审核把关不严的问题。", "完善审核流程", "已完善财务报销审核流程。"],
    ]
    _table(doc, rows, merges=[(1, 1, 2), (3, 1, 5)])
    _back(doc)
    parsed = _parse_file(_save(doc, tmp_path / "逐行序号.docx"))
    issues = list(parsed.ledger.issues())
    assert [i.number for i in issues] == [1, 2, 3]
    assert [len(i.measures) for i in issues] == [2, 3, 1]
    assert not any("编号" in w for w in parsed.warnings)


def test_a_small_table_in_an_issue_is_not_glued_to_its_measure(tmp_path: Path) -> None:
    doc = _doc()
    _front(doc)
    doc.add_paragraph(ASPECT_1)
    doc.add_paragraph("1.河长制工作推进不平衡的问题。一是已建立河长巡河情况月通报制度。二是已开展专项行动3轮。")
    _table(doc, [["行动批次", "清理点位"], ["第一轮", "12"], ["第二轮", "9"]])
    doc.add_paragraph("图1　河湖专项整治行动现场")
    doc.add_paragraph("2.水利工程建设管理不严格的问题。一是已修订水利工程质量监督办法。")
    doc.add_paragraph("图2  质量抽查现场照片")
    _back(doc)
    parsed = _parse_file(_save(doc, tmp_path / "小表格.docx"))
    assert _measures(parsed) == [["已建立河长巡河情况月通报制度。", "已开展专项行动3轮。"],
                                 ["已修订水利工程质量监督办法。"]]
    kept = parsed.ledger.info.extra.get(UNPLACED_KEY, "")
    for cell in ("行动批次", "第一轮", "12", "第二轮", "9"):  # every cell kept, none lost
        assert cell in kept
    assert "现场" not in kept  # a picture's caption is no text of the notice


# ---------------------------------------------------------------------------
# Letterhead
# ---------------------------------------------------------------------------

def test_a_red_letterhead_is_not_part_of_the_title(tmp_path: Path) -> None:
    doc = _doc()
    doc.add_paragraph("中共青岚市水务局党组文件")
    doc.add_paragraph("青水党〔2024〕7号")
    doc.add_paragraph("")
    _front(doc)
    _short_items(doc)
    _back(doc)
    parsed = _parse_file(_save(doc, tmp_path / "红头.docx"))
    assert parsed.ledger.info.title == TITLE
    assert len(list(parsed.ledger.issues())) == 2


# ---------------------------------------------------------------------------
# Files named for something else
# ---------------------------------------------------------------------------

def _plain_notice(tmp_path: Path, name: str) -> Path:
    doc = _doc()
    _front(doc)
    _short_items(doc)
    _back(doc)
    return _save(doc, tmp_path / name)


def _rewrite_zip(source: Path, target: Path, edit: dict[str, bytes | None]) -> Path:
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename in edit:
                replaced = edit[info.filename]
                if replaced is None:
                    continue
                data = replaced
            zout.writestr(info.filename, data)
        for name, data in edit.items():
            if name not in zin.namelist() and data is not None:
                zout.writestr(name, data)
    return target


def _issues(parsed: ParsedNotice) -> int:
    return len(list(parsed.ledger.issues()))


def test_a_docx_named_doc_is_read_by_its_content(tmp_path: Path) -> None:
    source = _plain_notice(tmp_path, "原件.docx")
    renamed = tmp_path / "通报.doc"
    renamed.write_bytes(source.read_bytes())
    assert file_kind.sniff(renamed) == file_kind.OOXML_WORD
    assert _issues(_parse_file(renamed)) == 2


@pytest.mark.parametrize("name", ["通报.docm", "通报.docx"])
def test_a_macro_enabled_document_is_read(tmp_path: Path, name: str) -> None:
    source = _plain_notice(tmp_path, "原件.docx")
    with zipfile.ZipFile(source) as zf:
        types = zf.read("[Content_Types].xml")
        rels = zf.read("word/_rels/document.xml.rels")
    types = types.replace(
        b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        b"application/vnd.ms-word.document.macroEnabled.main+xml")
    types = types.replace(b"</Types>", b'<Default Extension="bin" '
                          b'ContentType="application/vnd.ms-office.vbaProject"/></Types>')
    rels = rels.replace(b"</Relationships>", b'<Relationship Id="rIdVba" Type="http://schemas.'
                        b'microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/>'
                        b"</Relationships>")
    path = _rewrite_zip(source, tmp_path / name, {
        "[Content_Types].xml": types, "word/_rels/document.xml.rels": rels,
        "word/vbaProject.bin": b"\xd0\xcf\x11\xe0 not real macros"})
    assert file_kind.sniff(path) == file_kind.OOXML_WORD_MACRO
    assert _issues(_parse_file(path)) == 2


def _ole_with_streams(path: Path, names: list[str], *, directory_sector: int) -> Path:
    """A minimal OLE compound file whose directory (at ``directory_sector``, beyond the first
    64 KiB when large) names ``names``."""
    header = bytearray(512)
    header[:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    struct.pack_into("<H", header, 0x1E, 9)  # 512-byte sectors
    struct.pack_into("<I", header, 0x30, directory_sector)
    entries = bytearray()
    for name in ["Root Entry", *names]:
        entry = bytearray(128)
        encoded = name.encode("utf-16-le")
        entry[:len(encoded)] = encoded
        entries += entry
    body = bytearray(512 * directory_sector) + entries
    path.write_bytes(bytes(header) + bytes(body))
    return path


@pytest.mark.parametrize("name", ["通报.docx", "通报.doc"])
@pytest.mark.parametrize("sector", [0, 200])
def test_an_encrypted_document_is_named_for_what_it_is(tmp_path: Path, name: str, sector: int) -> None:
    path = _ole_with_streams(tmp_path / name, ["EncryptionInfo", "EncryptedPackage"],
                             directory_sector=sector)
    assert file_kind.is_encrypted_ole(path)
    with pytest.raises(RectxlError) as err:
        read_notice_file(path)
    message = str(err.value)
    assert "设有打开密码（已加密）" in message and "旧版" not in message and "UTF-8" not in message
    with pytest.raises(RectxlError, match="已加密"):
        read_notice_docx(path)


def test_a_legacy_doc_is_not_taken_for_encrypted(tmp_path: Path) -> None:
    path = _ole_with_streams(tmp_path / "通报.doc", ["WordDocument", "1Table"], directory_sector=3)
    assert not file_kind.is_encrypted_ole(path)
    with pytest.raises(RectxlError, match="旧版 Word"):
        read_notice_file(path)


def test_an_opendocument_text_says_so(tmp_path: Path) -> None:
    path = tmp_path / "通报.odt"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        zf.writestr("content.xml", "<office:document-content/>")
    with pytest.raises(RectxlError) as err:
        read_notice_file(path)
    assert "OpenDocument" in str(err.value) and ".docx" in str(err.value)
    assert "UTF-8" not in str(err.value)


@pytest.mark.parametrize("content", [b"", b"PK\x03\x04broken"])
def test_empty_and_damaged_files_never_advise_reencoding(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "通报.doc"
    path.write_bytes(content)
    with pytest.raises(RectxlError) as err:
        read_notice_file(path)
    assert "UTF-8" not in str(err.value)


def _notice_html() -> str:
    paragraphs = [TITLE, PREAMBLE, *SECTION_ONE, SECTION_TWO, ASPECT_1,
                  "1.河长制工作推进不平衡的问题。一是已建立河长巡河情况月通报制度。二是已开展专项行动3轮。",
                  ASPECT_2, "1.财务报销审核把关不严的问题。一是已完善财务报销审核流程。", *CLOSING, SIGN, DATE]
    return "<html><body>" + "".join(f"<p>{p}</p>" for p in paragraphs) + "</body></html>"


def test_a_single_file_web_page_is_read(tmp_path: Path) -> None:
    import quopri

    html = quopri.encodestring(_notice_html().encode("gb18030")).decode("ascii")
    mht = ("MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"----=_Part_7\"\r\n\r\n"
           "------=_Part_7\r\nContent-Location: file:///C:/tongbao.htm\r\n"
           "Content-Transfer-Encoding: quoted-printable\r\n"
           "Content-Type: text/html; charset=\"gb2312\"\r\n\r\n" + html + "\r\n------=_Part_7--\r\n")
    path = tmp_path / "通报.doc"
    path.write_bytes(mht.encode("ascii"))
    assert file_kind.sniff(path) == file_kind.MHT
    parsed = _parse_file(path)
    assert parsed.ledger.info.title == TITLE and _issues(parsed) == 2


def _alt_chunk_docx(tmp_path: Path, chunk: bytes, content_type: str, suffix: str) -> Path:
    source = _save(_doc(), tmp_path / "空白.docx")
    with zipfile.ZipFile(source) as zf:
        types = zf.read("[Content_Types].xml")
        rels = zf.read("word/_rels/document.xml.rels")
        document = zf.read("word/document.xml")
    types = types.replace(b"</Types>", f'<Override PartName="/word/chunk{suffix}" '
                          f'ContentType="{content_type}"/></Types>'.encode())
    rels = rels.replace(b"</Relationships>", f'<Relationship Id="rIdChunk" Type="http://schemas.'
                        'openxmlformats.org/officeDocument/2006/relationships/aFChunk" '
                        f'Target="chunk{suffix}"/></Relationships>'.encode())
    document = document.replace(b"<w:body>", b'<w:body><w:altChunk xmlns:r="http://schemas.'
                                b'openxmlformats.org/officeDocument/2006/relationships" r:id="rIdChunk"/>', 1)
    return _rewrite_zip(source, tmp_path / "导出.docx", {
        "[Content_Types].xml": types, "word/_rels/document.xml.rels": rels,
        "word/document.xml": document, f"word/chunk{suffix}": chunk})


def test_a_body_imported_as_an_html_chunk_is_read(tmp_path: Path) -> None:
    path = _alt_chunk_docx(tmp_path, _notice_html().encode("utf-8"), "text/html", ".htm")
    parsed = _parse_file(path)
    assert parsed.ledger.info.title == TITLE and _issues(parsed) == 2


def test_a_body_imported_as_an_unreadable_chunk_says_so(tmp_path: Path) -> None:
    path = _alt_chunk_docx(tmp_path, b"{\\rtf1 ...}", "application/rtf", ".rtf")
    with pytest.raises(RectxlError, match="altChunk"):
        read_notice_file(path)


def test_file_kind_of_other_files(tmp_path: Path) -> None:
    pdf = tmp_path / "a.doc"
    pdf.write_bytes(b"%PDF-1.7\n...")
    assert file_kind.sniff(pdf) == file_kind.PDF
    text = tmp_path / "a.txt"
    text.write_text("中共某某党组关于巡察整改进展情况的通报", encoding="utf-8")
    assert file_kind.sniff(text) == file_kind.OTHER
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("[Content_Types].xml", '<Types><Override PartName="/xl/workbook.xml" '
                    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>')
        zf.writestr("xl/workbook.xml", "<workbook/>")
    book = tmp_path / "台账.docx"
    book.write_bytes(buf.getvalue())
    assert file_kind.sniff(book) == file_kind.OOXML_OTHER
    with pytest.raises(RectxlError, match="不是通报"):
        read_notice_file(book)


def test_soft_hyphens_are_dropped_from_text_notices() -> None:
    text = "\n".join([TITLE, PREAMBLE, SECTION_TWO, ASPECT_1,
                      "1.河长制工作推进不平\u00ad衡的问题。一是已建立河长巡河情况月通\u00ad报制度。",
                      *CLOSING, SIGN, DATE])
    parsed = parse_notice(text)
    issue = next(iter(parsed.ledger.issues()))
    assert issue.title == "河长制工作推进不平衡的问题"
    assert issue.measures[0].text == "已建立河长巡河情况月通报制度。"
