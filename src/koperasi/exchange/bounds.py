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
# a text run longer than a cell can be, after a tag's start; the last row start of a chunk
_LONG_RUN = re.compile(b"<[^<]{%d}" % (MAX_TEXT_RUN + 1))
_LAST_ROW = re.compile(rb"(?s:.*)<(?:\w+:)?row[\s>/]")


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


def _scan(
    zf: zipfile.ZipFile, info: zipfile.ZipInfo, needles: tuple[bytes, ...], rows: bool
) -> int:
    """Count ``needles`` in the part's bytes; refuse a text run longer than a cell can be
    and (``rows``) a row with more cells than a sheet has columns. Stops at the first
    finding: a giant cell is found in its first megabyte."""
    keep = max(map(len, needles)) - 1
    count = 0
    run = 0  # bytes since the last '<'
    in_row = 0  # cells since the last row start
    carry = b""
    with zf.open(info) as fh:
        while chunk := fh.read(MiB):
            first = chunk.find(b"<")
            if first < 0:
                run += len(chunk)
            elif run + first > MAX_TEXT_RUN or _LONG_RUN.search(chunk, first):
                run = MAX_TEXT_RUN + 1
            else:
                run = len(chunk) - chunk.rfind(b"<") - 1
            if run > MAX_TEXT_RUN:
                raise TooLarge("xlsx_cell_too_long", part=info.filename, kb=MAX_TEXT_RUN // 1024)
            head = chunk[:keep]
            seam = carry + head  # a match across the seam lies wholly in here
            cells = _count(chunk, needles)
            count += cells + _count(seam, needles)
            count -= _count(carry, needles) + _count(head, needles)
            carry = chunk[-keep:]
            if rows and in_row + cells > MAX_ROW_CELLS:  # else no row here can be that wide
                segments = _ROW.split(chunk)
                widest = max(
                    in_row + _count(segments[0], needles),
                    *(_count(s, needles) for s in segments[1:]),
                )
                if widest > MAX_ROW_CELLS:
                    raise TooLarge("xlsx_row_too_wide", part=info.filename, max=MAX_ROW_CELLS)
            if rows:  # the cells since the chunk's last row start
                last = _LAST_ROW.match(chunk)
                in_row = _count(chunk[last.end() :], needles) if last else in_row + cells
    return count


def check(zf: zipfile.ZipFile) -> None:
    """Raise :class:`TooLarge` when the workbook in ``zf`` exceeds a cap."""
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
                cells += _scan(zf, info, _CELL, rows=True)
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
            counted = _scan(zf, info, _SI, rows=False) if info.file_size > SCAN_ABOVE else 0
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


def check_path(path: Any) -> None:
    with zipfile.ZipFile(path) as zf:
        check(zf)
