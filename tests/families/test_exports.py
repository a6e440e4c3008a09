"""No export, XLSX sheet, API answer, calendar or public page carries a family reference or
any free text of a report, and the indicator export is the same with reports as without."""

import datetime
import io
import zipfile

import pytest
from django.core.management import call_command
from django.urls import reverse

from partnership.fiscal import fiscal_year_of
from partnership.roles import Role
from proposals.models import Proposal, Status
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


def _assert_nothing_of_a_report(responses) -> None:
    for response in responses:
        assert response.status_code == 200, response
        text = _text(response)
        for secret in SECRETS:
            assert secret not in text, response


@pytest.fixture
def filed():
    """A family project (its proposal chosen, so its call year is public) with a report in
    every state, filed today; the export of this year before the reports."""
    project = family_project()
    Proposal.objects.filter(pk=project.proposal_id).update(status=Status.CHOSEN)
    before = _export(THIS_YEAR)
    officer = welfare_officer()
    for state in ("filed", "acknowledged", "intervened", "closed"):
        report_in(state, project, officer)
    return project, before


THIS_YEAR = fiscal_year_of(datetime.date.today())


def test_nothing_of_a_report_leaves_the_portal(client, make_user, filed):
    _project, before = filed
    assert _export(THIS_YEAR) == before
    responses = []
    for name in API:
        responses.append(client.get(reverse(name), {"year": 2011}))
    responses.append(client.get(reverse("reports:public_summary")))
    client.force_login(make_user(Role.CITY_OFFICER, Role.MAYORS_OFFICE))
    # The reports are filed today: this fiscal year's pages and files, and 2011's.
    for year in (2011, THIS_YEAR):
        responses.append(client.get(reverse("reports:export_csv"), {"year": year}))
        responses.append(client.get(reverse("reports:export_xlsx"), {"year": year}))
        responses.append(client.get(reverse("reports:year"), {"year": year}))
        for kind in KINDS:
            responses.append(client.get(reverse("reports:raw_csv", kwargs={"kind": kind}),
                                        {"year": year}))
    _assert_nothing_of_a_report(responses)


def test_nor_the_summary_trend_span_accountability_and_calendar(client, make_user, filed):
    project, _before = filed
    call = project.proposal.call
    span = {"first": 2011, "last": THIS_YEAR}
    public = [client.get(reverse("reports:accountability_project",
                                 kwargs={"code": project.code})),
              client.get(reverse("reports:accountability_year",
                                 kwargs={"year": call.fiscal_year})),
              client.get(reverse("proposals:call_calendar", kwargs={"pk": call.pk}))]
    for year in (2011, THIS_YEAR):
        public.append(client.get(reverse("reports:summary_csv"), {"year": year}))
        public.append(client.get(reverse("reports:summary_xlsx"), {"year": year}))
    client.force_login(make_user(Role.CITY_OFFICER, Role.MAYORS_OFFICE))
    code = {"code": project.code}
    internal = [client.get(reverse("reports:span"), span),
                client.get(reverse("reports:project_trend", kwargs=code), span),
                client.get(reverse("reports:project_trend_csv", kwargs=code), span),
                client.get(reverse("reports:project_trend_xlsx", kwargs=code), span)]
    _assert_nothing_of_a_report(public + internal)
    # What was searched is each file's text: the page, the calendar, the sheets' cells.
    assert project.title in _text(public[0])
    assert "BEGIN:VCALENDAR" in _text(public[2])
    assert "<sheetData" in _text(public[4]) and "<sheetData" in _text(internal[3])
