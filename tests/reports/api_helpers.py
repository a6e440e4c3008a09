"""What the open-data tests share: the command's rows, and the API's JSON read exactly."""

import csv
import io
import json
from decimal import Decimal

from django.core.management import call_command
from django.urls import reverse


def command_rows(year: int) -> list[tuple[str, str, str]]:
    """(project, indicator, value text) of `export_indicators --year Y`."""
    out = io.StringIO()
    call_command("export_indicators", "--year", str(year), stdout=out)
    return [(r["project"], r["indicator"], r["value"])
            for r in csv.DictReader(io.StringIO(out.getvalue()))]


def command_csv(year: int) -> str:
    out = io.StringIO()
    call_command("export_indicators", "--year", str(year), stdout=out)
    return out.getvalue()


def api_rows(client, year: int) -> list[tuple[str, str, str]]:
    """The API's rows, each value's digits as the JSON wrote them (Decimal keeps them)."""
    response = client.get(reverse("api:indicators"), {"year": year})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    data = json.loads(response.content, parse_float=Decimal)
    assert list(data) == ["year", "rows"] and data["year"] == year
    rows = []
    for row in data["rows"]:
        assert list(row) == ["project", "indicator", "value"]
        assert isinstance(row["value"], int | Decimal)  # a JSON number, not text
        rows.append((row["project"] or "", row["indicator"], str(row["value"])))
    return rows
