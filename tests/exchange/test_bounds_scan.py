"""bounds.scan_sheet: the one byte pass over a worksheet gives the caps, the last row with a
value and whether the sheet has formulas (what three scans gave before)."""

from __future__ import annotations

import io
import zipfile

import pytest

from koperasi.exchange import bounds

PART = "xl/worksheets/sheet1.xml"


def _part(data: bytes) -> tuple[zipfile.ZipFile, zipfile.ZipInfo]:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr(PART, data)
    z = zipfile.ZipFile(buf)
    return z, z.getinfo(PART)


def _sheet(rows: list[tuple[int | None, list[int | None], bool]], ns: str = "") -> bytes:
    p = f"{ns}:" if ns else ""
    out = [f"<{p}worksheet><{p}sheetData>"]
    for r, values, formula in rows:
        out.append(f'<{p}row r="{r}" spans="1:3">' if r else f"<{p}row>")
        for v in values:
            out.append(f"<{p}c><{p}v>{v}</{p}v></{p}c>" if v is not None else f'<{p}c s="1"/>')
        if formula:
            out.append(f"<{p}c><{p}f>SUM(A1)</{p}f></{p}c>")
        out.append(f"</{p}row>")
    out.append(f"</{p}sheetData></{p}worksheet>")
    return "".join(out).encode()


@pytest.mark.parametrize("ns", ["", "x"])
def test_last_row_skips_formatted_empty_rows_past_several_pieces(ns: str) -> None:
    rows = [(i, [i, None, 3], False) for i in range(1, 50_000)]
    rows += [(i, [None, None], False) for i in range(50_000, 90_000)]  # > 1 MB of empty rows
    data = _sheet(rows, ns)
    z, info = _part(data)
    cells = sum(data.count(n) for n in bounds._CELL)  # as counted before (no '<x:c>' form)
    for caps in (True, False):
        scan = bounds.scan_sheet(z, info, caps=caps)
        assert (scan.last_row, scan.formulas, scan.cells) == (49_999, False, cells)


def test_rows_out_of_order_and_formulas() -> None:
    rows = [(5, [1], False), (3, [1], False), (9, [None], False), (2, [None], True)]
    scan = bounds.scan_sheet(*_part(_sheet(rows)))
    assert (scan.last_row, scan.formulas) == (5, True)


def test_value_outside_numbered_rows_is_unknown() -> None:
    scan = bounds.scan_sheet(*_part(_sheet([(None, [1], False), (2, [1], False)])))
    assert scan.last_row is None


@pytest.mark.parametrize("at", [0, 1000, (1 << 20) - 5, (1 << 20) - 200_000])
def test_text_run_cap_exact_wherever_the_run_lies(at: int) -> None:
    pad = b'<row r="1"><c><v>1</v></c></row>' * 40_000
    # the run after the '<' of <t> is "t>" and the text
    for length, refused in ((bounds.MAX_TEXT_RUN - 2, False), (bounds.MAX_TEXT_RUN - 1, True)):
        z, info = _part(pad[:at] + b"<t>" + b"a" * length + b"</t>" + pad)
        if refused:
            with pytest.raises(bounds.TooLarge) as exc:
                bounds.scan_sheet(z, info)
            assert exc.value.code == "xlsx_cell_too_long"
        else:
            bounds.scan_sheet(z, info)


def test_row_too_wide() -> None:
    pad = b'<row r="1"><c><v>1</v></c></row>' * 40_000
    z, info = _part(pad[:5000] + b'<row r="9">' + b"<c/>" * (bounds.MAX_ROW_CELLS + 1) + pad)
    with pytest.raises(bounds.TooLarge) as exc:
        bounds.scan_sheet(z, info)
    assert exc.value.code == "xlsx_row_too_wide"
    assert bounds.scan_sheet(z, info, caps=False).cells > bounds.MAX_ROW_CELLS
