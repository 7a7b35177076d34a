"""Caps a workbook must stay within before any parser sees it (issue 22: a 1 MB file that
expanded to one 1 GB cell took 2.1 GB of memory; a 3 MB one with millions of cells raised
MemoryError).

Everything here reads the zip's central directory (the declared sizes) and, for the parts
large enough to matter, streams their bytes once in 1 MB chunks without parsing XML.
Python's zipfile never yields more than a member's declared size (a lying header ends in a
CRC error), so the declared sizes bound the actual ones and a part declared small cannot
hide a giant. The caps sit far above the largest real workbook the app meets (a financial
year of a big cooperative's audit workbook: 1.7 M rows, ~25 M cells) and far below what
would take the memory: openpyxl reads a sheet as a stream, but it keeps the shared strings
in memory and builds each row, and each cell's text, whole.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from typing import Any

MiB = 1 << 20
MAX_ENTRIES = 10_000  # parts in the zip
MAX_TOTAL = 4096 * MiB  # declared uncompressed size of all parts together
MAX_PART = 64 * MiB  # any part that is not a worksheet or the shared strings
MAX_SHARED_STRINGS_BYTES = 256 * MiB
MAX_SHARED_STRINGS = 3_000_000
MAX_CELLS = 40_000_000  # declared (<dimension>) or counted, all sheets together
# Excel has 16,384 columns; two neighbouring rows counted as one (a tag across a chunk's
# end) stay below this
MAX_ROW_CELLS = 40_000
# Excel holds at most 32,767 characters in a cell; escaped as XML (&amp; ...) that is at
# most ~200 KB of bytes between two tags
MAX_TEXT_RUN = 256 * 1024
# parts declared smaller cannot hurt (a row of 4-byte cells <c/> in 4 MB is ~1 M cells,
# within memory): no byte scan
SCAN_ABOVE = 4 * MiB

_DIMENSION = re.compile(rb"<(?:\w+:)?dimension\s+ref=\"([A-Z]*)(\d*)(?::([A-Z]*)(\d*))?\"")
_UNIQUE = re.compile(rb"\buniqueCount=\"(\d+)\"")
# how a cell, a row and a shared string start (with or without a namespace prefix)
_CELL = (b"<c ", b"<c>", b"<c/", b":c ")
_ROW = re.compile(rb"<(?:\w+:)?row[\s>/]")
_SI = (b"<si>", b"<si ", b":si>", b":si ")


class TooLarge(Exception):
    """The workbook exceeds a cap: ``code`` is a message code, ``params`` its figures."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code, params)
        self.code = code
        self.params = params


def _col(letters: bytes) -> int:
    n = 0
    for ch in letters.decode("ascii"):
        n = n * 26 + ord(ch) - 64
    return n


def _declared_cells(head: bytes) -> int:
    m = _DIMENSION.search(head)
    if not m or not (m.group(1) and m.group(2) and m.group(3) and m.group(4)):
        return 0
    rows = abs(int(m.group(4)) - int(m.group(2))) + 1
    cols = abs(_col(m.group(3)) - _col(m.group(1))) + 1
    return rows * cols


def _count(data: bytes, needles: tuple[bytes, ...]) -> int:
    return sum(data.count(n) for n in needles)


# the sheet facts the importer needs from the same stream (xlsxin.Workbook): the last row
# that holds a value or a formula, and whether the sheet holds formulas at all
_ROW_NUMBER = re.compile(rb"<(?:\w+:)?row\b[^>]*?\br=\"(\d+)\"")
_VALUE = re.compile(rb"<(?:\w+:)?(?:v|is|f)[\s>]")
_FORMULA = re.compile(rb"<(?:\w+:)?f[\s>/]")
_WINDOW = 64 * 1024  # a window holding a '<' bounds every text run across it (< 2 windows)


@dataclass
class SheetScan:
    """What one pass over a worksheet's bytes found: ``cells`` counted; ``last_row`` the
    last row holding a value or formula (None: values outside numbered rows, unknown);
    ``formulas`` whether any cell has a formula."""

    cells: int = 0
    last_row: int | None = 0
    formulas: bool = False


def _longest_inner_run(chunk: bytes, first: int, last: int) -> int:
    """The longest run of bytes without '<' between the '<' at ``first`` and at ``last``;
    exact when it could exceed the cap, else a bound below it (each 64 KB window holds a
    '<': no run spans two)."""
    if all(chunk.find(b"<", k, k + _WINDOW) >= 0 for k in range(first + 1, last, _WINDOW)):
        return 2 * _WINDOW
    return max(map(len, chunk[first + 1 : last].split(b"<")), default=0)


def _check_run(chunk: bytes, run: int, part: str) -> int:
    """Refuse a text run longer than a cell can be; return the run open at the chunk's end."""
    first = chunk.find(b"<")
    if first < 0:
        run += len(chunk)
    else:
        last = chunk.rfind(b"<")
        if run + first > MAX_TEXT_RUN or _longest_inner_run(chunk, first, last) > MAX_TEXT_RUN:
            run = MAX_TEXT_RUN + 1
        else:
            run = len(chunk) - last - 1
    if run > MAX_TEXT_RUN:
        raise TooLarge("xlsx_cell_too_long", part=part, kb=MAX_TEXT_RUN // 1024)
    return run


def _tail_matches(pattern: re.Pattern[bytes], data: bytes) -> list[re.Match[bytes]]:
    """The matches of ``pattern`` in the last 64 KB of ``data`` (all of them after the first
    one found), else in the whole of it: a piece's last rows without one match per row."""
    tail = max(0, len(data) - _WINDOW)
    found = list(pattern.finditer(data, tail))
    return found if found or tail == 0 else list(pattern.finditer(data))


def _row_cells(data: bytes, cells: int, in_row: int, part: str) -> int:
    """Refuse a row with more cells than a sheet has columns; return the cells of the row
    open at the end of ``data`` (whole tags: it is cut before a '<')."""
    if in_row + cells <= MAX_ROW_CELLS:  # no row in here can be too wide
        starts = _tail_matches(_ROW, data)
        return in_row + cells if not starts else _count(data[starts[-1].start() :], _CELL)
    segments = _ROW.split(data)
    widest = max(in_row + _count(segments[0], _CELL), *(_count(s, _CELL) for s in segments[1:]))
    if widest > MAX_ROW_CELLS:
        raise TooLarge("xlsx_row_too_wide", part=part, max=MAX_ROW_CELLS)
    return _count(segments[-1], _CELL) + (in_row if len(segments) == 1 else 0)


def _last_row(data: bytes, row: int, last: int | None) -> tuple[int, int | None]:
    """The row open at the end of ``data`` and the last row with a value so far (None:
    a value before any numbered row)."""
    if last is None:
        return row, None
    first = _ROW_NUMBER.search(data)
    head_end = first.start() if first else len(data)
    head_value = _VALUE.search(data, 0, head_end) is not None
    if head_value and row == 0:
        return row, None
    if head_value:
        last = max(last, row)
    if first is None:
        return row, last
    numbers = list(map(int, _ROW_NUMBER.findall(data, head_end)))
    if all(a <= b for a, b in zip([row, *numbers], numbers, strict=False)):
        # rows ascending (as Excel writes them): the last row with a value is the highest,
        # found from the end
        tail = _tail_matches(_ROW_NUMBER, data)
        ends = [m.start() for m in tail[1:]] + [len(data)]
        for m, end in zip(reversed(tail), reversed(ends), strict=True):
            if _VALUE.search(data, m.end(), end):
                return numbers[-1], max(last, int(m.group(1)))
        if tail[0].start() == first.start():  # no row in here has a value
            return numbers[-1], last
    starts = list(_ROW_NUMBER.finditer(data, head_end))
    ends = [m.start() for m in starts[1:]] + [len(data)]
    for m, end in zip(starts, ends, strict=True):
        if _VALUE.search(data, m.end(), end):
            last = max(last, int(m.group(1)))
    return numbers[-1], last


def scan_sheet(zf: zipfile.ZipFile, info: zipfile.ZipInfo, *, caps: bool = True) -> SheetScan:
    """One pass over a worksheet's bytes (1 MB chunks, no XML parsing): its cells counted,
    the last row with a value and whether it has formulas; with ``caps``, refuse a text
    run longer than a cell can be and a row with more cells than a sheet has columns.
    Stops at the first refusal: a giant cell is found in its first megabyte."""
    out = SheetScan()
    run = 0  # bytes since the last '<'
    in_row = 0  # cells since the last row start
    row = 0  # the row open (its number)
    carry = b""  # from the last '<' on: every tag lies whole in one piece
    with zf.open(info) as fh:
        while True:
            chunk = fh.read(MiB)
            if caps and chunk:
                run = _check_run(chunk, run, info.filename)
            data = carry + chunk
            if chunk:
                cut = data.rfind(b"<")
                if cut <= 0:
                    carry = data
                    continue
                data, carry = data[:cut], data[cut:]
            else:
                carry = b""
            cells = _count(data, _CELL)
            out.cells += cells
            if caps:
                in_row = _row_cells(data, cells, in_row, info.filename)
            if not out.formulas and (b"<f" in data or b":f" in data) and _FORMULA.search(data):
                out.formulas = True
            row, out.last_row = _last_row(data, row, out.last_row)
            if not chunk:
                break
    return out


def _scan(zf: zipfile.ZipFile, info: zipfile.ZipInfo, needles: tuple[bytes, ...]) -> int:
    """Count ``needles`` in the part's bytes (the shared strings) and refuse a text run
    longer than a cell can be."""
    keep = max(map(len, needles)) - 1
    count = 0
    run = 0
    carry = b""
    with zf.open(info) as fh:
        while chunk := fh.read(MiB):
            run = _check_run(chunk, run, info.filename)
            head = chunk[:keep]
            seam = carry + head  # a match across the seam lies wholly in here
            count += _count(chunk, needles) + _count(seam, needles)
            count -= _count(carry, needles) + _count(head, needles)
            carry = chunk[-keep:]
    return count


def check(zf: zipfile.ZipFile) -> dict[str, SheetScan]:
    """Raise :class:`TooLarge` when the workbook in ``zf`` exceeds a cap; return what the
    byte scans of the large worksheets found, by part name (the importer's row bounds and
    formula check come from the same pass)."""
    scans: dict[str, SheetScan] = {}
    infos = zf.infolist()
    if len(infos) > MAX_ENTRIES:
        raise TooLarge("xlsx_too_many_parts", count=len(infos), max=MAX_ENTRIES)
    total = sum(i.file_size for i in infos)
    if total > MAX_TOTAL:
        raise TooLarge("xlsx_too_large", mb=total // MiB, max=MAX_TOTAL // MiB)
    cells = 0
    for info in infos:
        name = info.filename.lower()
        if name.startswith("xl/worksheets/") and name.endswith(".xml"):
            with zf.open(info) as fh:
                head = fh.read(4096)
            declared = _declared_cells(head)
            if declared > MAX_CELLS:
                raise TooLarge(
                    "xlsx_too_many_cells", part=info.filename, count=declared, max=MAX_CELLS
                )
            if info.file_size > SCAN_ABOVE:
                scans[info.filename] = scan = scan_sheet(zf, info)
                cells += scan.cells
            if cells > MAX_CELLS:
                raise TooLarge(
                    "xlsx_too_many_cells", part=info.filename, count=cells, max=MAX_CELLS
                )
        elif name == "xl/sharedstrings.xml":
            if info.file_size > MAX_SHARED_STRINGS_BYTES:
                raise TooLarge(
                    "xlsx_too_large",
                    mb=info.file_size // MiB,
                    max=MAX_SHARED_STRINGS_BYTES // MiB,
                )
            with zf.open(info) as fh:
                head = fh.read(4096)
            m = _UNIQUE.search(head)
            declared = int(m.group(1)) if m else 0
            counted = _scan(zf, info, _SI) if info.file_size > SCAN_ABOVE else 0
            if max(declared, counted) > MAX_SHARED_STRINGS:
                raise TooLarge(
                    "xlsx_too_many_strings",
                    count=max(declared, counted),
                    max=MAX_SHARED_STRINGS,
                )
        elif info.file_size > MAX_PART:
            raise TooLarge(
                "xlsx_part_too_large",
                part=info.filename,
                mb=info.file_size // MiB,
                max=MAX_PART // MiB,
            )
    return scans


def check_path(path: Any) -> None:
    with zipfile.ZipFile(path) as zf:
        check(zf)
