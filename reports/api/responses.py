"""The API's own answers: the indicator JSON, CSV files and errors."""

import csv
import datetime
import io
import json

from django.http import HttpResponse, JsonResponse

from .. import export

BOM = "\ufeff"  # Excel reads UTF-8 only after it


def indicators_json(year: int) -> str:
    """`{"year": Y, "rows": [...]}` written from the very rows `export_indicators --year Y`
    prints, each value's text as is: JSON numbers with the CSV's digits (hours keep two
    decimals, `5508.00`), so the two cannot differ."""
    # Each code and name recurs on many rows: quoted once (bench/api.py: a third of the time).
    quoted = {"": "null"}

    def quote(text: str) -> str:
        if text not in quoted:
            quoted[text] = json.dumps(text)
        return quoted[text]

    rows = ", ".join(
        f'{{"project": {quote(project)}, "indicator": {quote(indicator)}, "value": {value}}}'
        for _year, project, indicator, value in export.indicator_rows(year, year)
    )
    return f'{{"year": {int(year)}, "rows": [{rows}]}}'


def json_response(text: str) -> HttpResponse:
    return HttpResponse(text, content_type="application/json")


def error(status: int, message) -> JsonResponse:
    return JsonResponse({"detail": str(message)}, status=status,
                        json_dumps_params={"ensure_ascii": False})


def _cell(value):
    if value is None:
        return ""
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    return export.safe_cell(value)


def csv_response(filename: str, header, rows) -> HttpResponse:
    """A CSV download: UTF-8 with a byte-order mark, a header row, `rows` as sequences."""
    buffer = io.StringIO()
    buffer.write(BOM)
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([_cell(value) for value in row] for row in rows)
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def dicts_csv(filename: str, fields, rows: list[dict]) -> HttpResponse:
    return csv_response(filename, list(fields), ([row[name] for name in fields] for row in rows))
