"""An export table as a real Excel workbook (.xlsx, written with openpyxl, row by row).

Every text cell is a text cell: a note starting with "=" is shown, never run as a formula. Excel
holds at most 1,048,576 rows and 32,767 characters a cell: a longer table is refused (export CSV),
a longer cell is cut and the report says how many were."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from annotator.core.errors import AnnotatorError
from annotator.core.wording import counted
from annotator.io.writers.csv_export import Table

EXCEL_MAX_ROWS = 1_048_576
EXCEL_MAX_CELL = 32_767
# Characters an .xlsx file (XML 1.0) cannot hold: control characters other than tab and line ends.
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _openpyxl():
    try:
        import openpyxl
        from openpyxl.cell import WriteOnlyCell
    except ImportError:  # pragma: no cover - openpyxl is a dependency; a broken install says so
        raise AnnotatorError("writing an Excel workbook (.xlsx) needs the openpyxl package, which is not "
                             "installed; export a .csv file with --excel instead") from None
    return openpyxl, WriteOnlyCell


def write_table_xlsx(table: Table, path: Path) -> tuple[int, list[str]]:
    """Write `table` as one sheet of a workbook at `path`; return (rows written, warnings)."""
    openpyxl, WriteOnlyCell = _openpyxl()
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet(title=table.name[:31])
    cut = cleaned = 0

    def cell(value: Any) -> Any:
        nonlocal cut, cleaned
        if not isinstance(value, str):
            return value
        if _ILLEGAL.search(value):
            value = _ILLEGAL.sub(" ", value)
            cleaned += 1
        if len(value) > EXCEL_MAX_CELL:
            value = value[:EXCEL_MAX_CELL]
            cut += 1
        if value.startswith("="):
            text = WriteOnlyCell(sheet, value=value)
            text.data_type = "s"  # text, not a formula
            return text
        return value

    sheet.append([cell(name) for name in table.header])
    count = 0
    for row in table.rows:
        count += 1
        if count >= EXCEL_MAX_ROWS:
            raise AnnotatorError(f"{path.name}: the {table.name} table has more than {EXCEL_MAX_ROWS - 1:,} rows, "
                                 "more than an Excel sheet holds; export a .csv file instead")
        sheet.append([cell(value) for value in row])
    book.save(path)
    warnings = []
    if cut:
        one = cut == 1
        warnings.append(f"{counted(cut, 'cell')} longer than Excel's {EXCEL_MAX_CELL:,} characters "
                        f"{'was' if one else 'were'} cut; the CSV export keeps {'it' if one else 'them'} whole")
    if cleaned:
        warnings.append(f"{counted(cleaned, 'cell')} held control characters Excel cannot store; they became spaces")
    return count, warnings
