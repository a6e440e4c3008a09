"""Writing the report workbooks (XLSX): a bold, frozen header row, numbers as numbers with
a number format (hours with two places, ratios as percentages), a dash where there is no
figure, and columns as wide as their content."""

from __future__ import annotations

import io
from decimal import Decimal

from .formatting import DASH

COUNT = "#,##0"
HOURS = "#,##0.00"
PERCENT = "0.0%"
MAX_WIDTH = 60


def xlsx_text(value):
    """Text as XLSX can hold it: the control characters a title may carry (a pasted
    tab is kept) are dropped, as openpyxl refuses the whole file for one of them."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    return ILLEGAL_CHARACTERS_RE.sub("", value) if isinstance(value, str) else value


class Percent(Decimal):
    """A ratio (1.055) to be shown as a percentage (105.5%)."""


def _width(value) -> int:
    """Characters a cell needs; CJK characters take two."""
    if isinstance(value, float | int):
        return len(f"{value:,.2f}")
    return sum(2 if ord(c) > 0x2E80 else 1 for c in str(value))


def _cell(value):
    """(value as the sheet holds it, number format or None)."""
    if value is None:
        return DASH, None
    if isinstance(value, Percent):
        return float(value), PERCENT
    if isinstance(value, Decimal):
        return float(value), HOURS
    if isinstance(value, bool):
        return value, None
    if isinstance(value, int):
        return value, COUNT
    return xlsx_text(value), None


class Book:
    """A workbook written sheet by sheet."""

    def __init__(self) -> None:
        from openpyxl import Workbook

        self.book = Workbook()
        self.sheets = 0

    def sheet(self, title: str, header: list[str]):
        from openpyxl.styles import Font

        ws = self.book.active if not self.sheets else self.book.create_sheet()
        self.sheets += 1
        ws.title = xlsx_text(title)[:31]
        ws.append([str(name) for name in header])
        for cell in ws[1]:
            cell.font = Font(bold=True)
        ws.freeze_panes = "A2"
        return ws

    @staticmethod
    def append(ws, values: list) -> None:
        from openpyxl.styles import Alignment

        cells = [_cell(value) for value in values]
        ws.append([value for value, _format in cells])
        for cell, (value, number_format) in zip(ws[ws.max_row], cells, strict=True):
            if isinstance(value, str) and value.startswith("="):
                cell.data_type = "s"  # text, never a formula
            if number_format:
                cell.number_format = number_format
            elif value == DASH:
                cell.alignment = Alignment(horizontal="right")

    def save(self) -> bytes:
        from openpyxl.utils import get_column_letter

        for ws in self.book.worksheets:
            widths: dict[int, int] = {}
            for row in ws.iter_rows():
                for cell in row:
                    if cell.value is not None:
                        widths[cell.column] = max(widths.get(cell.column, 0), _width(cell.value))
            for column, width in widths.items():
                ws.column_dimensions[get_column_letter(column)].width = min(width + 2, MAX_WIDTH)
        buffer = io.BytesIO()
        self.book.save(buffer)
        return buffer.getvalue()
