"""No export, XLSX sheet, API answer or public page carries a family reference or any free
text of a report, and the indicator export is the same with reports as without."""

import datetime
import io
import zipfile

import pytest
from django.core.management import call_command
from django.urls import reverse

from partnership.fiscal import fiscal_year_of
from partnership.roles import Role
from services.kinds import KINDS

from .helpers import NOTES, REFERENCE, REPLY, SECRET, family_project, report_in, welfare_officer

pytestmark = pytest.mark.django_db

SECRETS = (SECRET, REFERENCE, NOTES, REPLY)
API = ["api:indicators", "api:indicators_csv", "api:calls", "api:calls_csv", "api:proposals",
       "api:proposals_csv", "api:proposal_history_csv", "api:decisions", "api:decisions_csv",
       "api:projects", "api:projects_csv", "api:agreements_csv", "api:openapi-json"]


def _text(response) -> str:
    body = b"".join(response.streaming_content) if response.streaming else response.content
    if body.startswith(b"PK"):  # an XLSX: every part of the zip, as text
        with zipfile.ZipFile(io.BytesIO(body)) as book:
            return " ".join(book.read(name).decode("utf-8", "replace")
                            for name in book.namelist())
    return body.decode("utf-8-sig", "replace")


def _export(year: int) -> str:
    out = io.StringIO()
    call_command("export_indicators", "--year", str(year), stdout=out)
    return out.getvalue()


def test_nothing_of_a_report_leaves_the_portal(client, make_user):
    project = family_project()
    this_year = fiscal_year_of(datetime.date.today())
    before = _export(this_year)
    officer = welfare_officer()
    for state in ("filed", "acknowledged", "intervened", "closed"):
        report_in(state, project, officer)
    assert _export(this_year) == before
    responses = []
    for name in API:
        responses.append(client.get(reverse(name), {"year": 2011}))
    responses.append(client.get(reverse("reports:public_summary")))
    client.force_login(make_user(Role.CITY_OFFICER, Role.MAYORS_OFFICE))
    # The reports are filed today: this fiscal year's pages and files, and 2011's.
    for year in (2011, fiscal_year_of(datetime.date.today())):
        responses.append(client.get(reverse("reports:export_csv"), {"year": year}))
        responses.append(client.get(reverse("reports:export_xlsx"), {"year": year}))
        responses.append(client.get(reverse("reports:year"), {"year": year}))
        for kind in KINDS:
            responses.append(client.get(reverse("reports:raw_csv", kwargs={"kind": kind}),
                                        {"year": year}))
    for response in responses:
        assert response.status_code == 200, response
        text = _text(response)
        for secret in SECRETS:
            assert secret not in text
