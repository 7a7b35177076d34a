"""Real workbook files for the exchange tests, made the way people make them."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.styles import PatternFill


def write_xlsx(path: Path, headers: list[Any], rows: list[list[Any]], title: str = "Data") -> Path:
    """A workbook in openpyxl's normal mode (like a person's spreadsheet)."""
    wb = Workbook()
    ws = wb.active
    ws.title = title
    ws.append(headers)
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


def sheet_xml_name(path: Path, title: str) -> str:
    wb = load_workbook(path, read_only=True)
    try:
        return wb[title]._worksheet_path
    finally:
        wb.close()


def rewrite_member(path: Path, member: str, fn) -> None:  # type: ignore[no-untyped-def]
    """Rewrite one file inside the xlsx zip with ``fn(bytes) -> bytes``."""
    tmp = path.with_suffix(".tmp")
    with zipfile.ZipFile(path) as zin, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == member:
                data = fn(data)
            zout.writestr(item, data)
    tmp.replace(path)


def add_formatted_empty_rows(path: Path, title: str, n: int, width: int = 6) -> None:
    """Append ``n`` rows of formatted but empty cells, as Excel saves a sheet someone
    coloured down to row 50,000."""
    wb = load_workbook(path)
    wb[title]["A1"].fill = PatternFill("solid", fgColor="FFFF00")  # make style id 1 exist
    wb.save(path)
    member = sheet_xml_name(path, title)

    def patch(xml: bytes) -> bytes:
        last = max(int(m) for m in re.findall(rb'<row r="(\d+)"', xml))
        cols = [chr(ord("A") + i) for i in range(width)]
        extra = b"".join(
            b'<row r="%d">' % r
            + b"".join(b'<c r="%s%d" s="1"/>' % (c.encode(), r) for c in cols)
            + b"</row>"
            for r in range(last + 1, last + 1 + n)
        )
        xml = re.sub(
            rb'<dimension ref="[^"]*"/>',
            b'<dimension ref="A1:%s%d"/>' % (cols[-1].encode(), last + n),
            xml,
        )
        return xml.replace(b"</sheetData>", extra + b"</sheetData>")

    rewrite_member(path, member, patch)


def set_cached_value(path: Path, title: str, cell: str, value: str) -> None:
    """Give a formula cell the value Excel would have saved with it."""
    member = sheet_xml_name(path, title)

    def patch(xml: bytes) -> bytes:
        pat = re.compile(
            rb'(<c r="' + cell.encode() + rb'"[^>]*>\s*<f>[^<]*</f>)\s*(<v\s*/>|<v>\s*</v>)?'
        )
        return pat.sub(lambda m: m.group(1) + b"<v>" + value.encode() + b"</v>", xml, count=1)

    rewrite_member(path, member, patch)


def encrypt(src: Path, dst: Path, password: str = "rahasia") -> Path:
    from msoffcrypto.format.ooxml import OOXMLFile

    with src.open("rb") as fin, dst.open("wb") as fout:
        OOXMLFile(fin).encrypt(password, fout)
    return dst
