# Writes people.ods (odfpy) and people.xls (xlwt): spreadsheets made by programs other than SheetJS,
# so the nodes' readers are tested against foreign files. Run with Debian's python3-odf and python3-xlwt:
#   /usr/bin/python3 make-files.py
import datetime

import xlwt
from odf.opendocument import OpenDocumentSpreadsheet
from odf.table import Table, TableCell, TableRow
from odf.text import P

ROWS = [["name", "born", "admin"], ["Ada", 1815, True], ["Grace", 1906.5, None]]


def ods():
    doc = OpenDocumentSpreadsheet()
    for sheet_name, rows in (("Notes", [["ignore me"]]), ("People", ROWS)):
        table = Table(name=sheet_name)
        for values in rows:
            row = TableRow()
            for value in values:
                if value is None:
                    cell = TableCell()
                elif isinstance(value, bool):
                    cell = TableCell(valuetype="boolean", booleanvalue="true" if value else "false")
                    cell.addElement(P(text="TRUE" if value else "FALSE"))
                elif isinstance(value, (int, float)):
                    cell = TableCell(valuetype="float", value=value)
                    cell.addElement(P(text=str(value)))
                else:
                    cell = TableCell(valuetype="string")
                    cell.addElement(P(text=value))
                row.addElement(cell)
            table.addElement(row)
        doc.spreadsheet.addElement(table)
    doc.save("people.ods")


def xls():
    book = xlwt.Workbook()
    sheet = book.add_sheet("People")
    for r, values in enumerate(ROWS):
        for c, value in enumerate(values):
            if value is not None:
                sheet.write(r, c, value)
    date_style = xlwt.easyxf(num_format_str="YYYY-MM-DD")
    sheet.write(0, 3, "joined")
    sheet.write(1, 3, datetime.date(2024, 3, 1), date_style)
    book.save("people.xls")


ods()
xls()
