"""The report of an import: every row's error with its column, in Indonesian or English."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import KoperasiError
from ..messages import render
from ..messages.text import T, text

MAX_ERRORS = 10_000  # errors kept in memory (the count goes on)


@dataclass
class RowError:
    row: int  # Excel row number
    column: str  # the header as written in the file ("" when about the whole row)
    error: KoperasiError

    def message(self, lang: str = "id") -> str:
        col = f", {text(T('kolom', 'column'), lang)} '{self.column}'" if self.column else ""
        return f"{text(T('Baris', 'Row'), lang)} {self.row}{col}: {self.error.message(lang)}"


@dataclass
class ImportReport:
    kind: str
    path: str
    dry_run: bool = False
    valid_only: bool = False
    sheet: str | None = None
    headers: list[str] = field(default_factory=list)
    total_rows: int = 0
    written: int = 0  # rows written (0 unless committed)
    committed: bool = False
    file_errors: list[KoperasiError] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    error_count: int = 0
    error_rows: set[int] = field(default_factory=set)
    warnings: list[KoperasiError] = field(default_factory=list)

    @property
    def has_errors(self) -> bool:
        return bool(self.file_errors or self.error_rows)

    @property
    def valid_rows(self) -> int:
        return self.total_rows - len(self.error_rows)

    @property
    def ok(self) -> bool:
        return not self.has_errors

    def add(self, row: int, column: str, error: KoperasiError) -> None:
        self.error_rows.add(row)
        self.error_count += 1
        if len(self.errors) < MAX_ERRORS:
            self.errors.append(RowError(row, column, error))

    def errors_by_row(self) -> dict[int, list[RowError]]:
        out: dict[int, list[RowError]] = {}
        for e in self.errors:
            out.setdefault(e.row, []).append(e)
        return out

    def summary(self, lang: str = "id") -> str:
        if self.file_errors:
            return render("import_failed_nothing_written", lang, {})
        parts = [
            f"{text(T('Baris', 'Rows'), lang)}: {self.total_rows}",
            f"{text(T('sah', 'valid'), lang)}: {self.valid_rows}",
            f"{text(T('salah', 'with errors'), lang)}: {len(self.error_rows)}",
        ]
        if self.committed:
            parts.append(f"{text(T('disimpan', 'written'), lang)}: {self.written}")
        elif self.dry_run:
            parts.append(render("import_dry_run_nothing_written", lang, {}))
        else:
            parts.append(render("import_nothing_written", lang, {}))
        out = ", ".join(parts)
        for w in self.warnings:
            out += "\n" + w.message(lang)
        return out

    def error_lines(self, lang: str = "id", limit: int | None = None) -> list[str]:
        lines = [e.message(lang) for e in self.file_errors]
        lines += [e.message(lang) for e in self.errors[: limit or None]]
        if limit is not None and self.error_count > limit:
            more = self.error_count - limit
            lines.append(render("import_more_errors", lang, {"count": more}))
        return lines
