"""CSV and XLSX downloads and the streamed raw records; page, files and command agree."""

import csv
import datetime
import io
import re
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.urls import reverse
from openpyxl import load_workbook

from partnership.roles import Role
from services.models import Course, Indicator

from .data import chosen_project, funnel_history, records, target

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer(role_client):
    return role_client(Role.CITY_OFFICER)


@pytest.fixture
def two_years():
    centre = chosen_project("community-centre", 2010, 2012)
    support = chosen_project("childcare-support", 2011, 2012)
    records(centre, datetime.date(2011, 4, 1), users=20308, hours="0.75",
            courses=[(Course.Organiser.MEMBERS, 6)] * 11 + [(Course.Organiser.CITIZENS, 7)] * 3,
            members=5, former=2)
    records(support, datetime.date(2012, 3, 31), requests=40, handled=35, hours="5508",
            members=2, former=2)
    records(support, datetime.date(2012, 4, 1), requests=3, hours="1.5")
    target(support, 2011, Indicator.SERVICE_REQUESTS_HANDLED, "50")
    funnel_history()


def command_csv(*args) -> str:
    out = io.StringIO()
    call_command("export_indicators", *args, stdout=out)
    return out.getvalue()


def test_csv_download_is_the_command_output(officer, two_years):
    response = officer.get(reverse("reports:export_csv"), {"first": 2010, "last": 2012})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    # A byte-order mark for Excel on Japanese Windows, then the command's output exactly.
    assert response.content.startswith(b"\xef\xbb\xbf")
    assert response.content.decode("utf-8-sig") == command_csv("--from", "2010", "--to", "2012")
    year = officer.get(reverse("reports:export_csv"), {"year": 2011}).content.decode("utf-8-sig")
    assert year == command_csv("--year", "2011")
    assert "2011,childcare-support,activity_hours,5508.00\n" in year


def test_csv_download_refuses_bad_years(officer):
    response = officer.get(reverse("reports:export_csv"), {"first": 2012, "last": 2010})
    assert response.status_code == 400


def test_xlsx_opens_and_holds_numbers_as_numbers(officer, two_years):
    response = officer.get(reverse("reports:export_xlsx"), {"year": 2011})
    assert response.status_code == 200
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["Funnel", "Indicators", "Courses by organiser", "Members"]
    indicators = book["Indicators"]
    header = [c.value for c in indicators[1]]
    assert header == ["Fiscal year", "Project code", "Project", "Indicator code", "Indicator",
                      "Target", "Result", "Result / target"]
    rows = {(r[1], r[3]): r for r in indicators.iter_rows(min_row=2, values_only=True)}
    handled = rows[("childcare-support", "service_requests_handled")]
    assert handled[0] == "FY2011"
    assert handled[5] == 50 and handled[6] == 35 and handled[7] == pytest.approx(0.7)
    assert isinstance(handled[6], int)
    cells = {(r[1].value, r[3].value): r for r in indicators.iter_rows(min_row=2)}
    assert cells[("childcare-support", "service_requests_handled")][7].number_format == "0.0%"
    assert cells[("childcare-support", "activity_hours")][6].number_format == "#,##0.00"
    assert indicators.column_dimensions["E"].width > len("Indicator")  # as wide as its labels
    assert rows[("childcare-support", "activity_hours")][6] == 5508
    assert isinstance(rows[("community-centre", "activity_hours")][6], float)
    assert rows[("community-centre", "facility_users")][6] == 20308
    assert rows[("community-centre", "service_requests")][5] == "—"  # no target
    courses = list(book["Courses by organiser"].iter_rows(min_row=2, values_only=True))
    assert courses[0][:2] == ("FY2011", "childcare-support")  # by project code
    assert [c[4] for c in courses if c[1] == "community-centre"] == [11, 0, 3]
    assert [c[5] for c in courses if c[1] == "community-centre"] == [66, 0, 21]
    # No course recorded: a dash, not a counted zero.
    assert [c[4] for c in courses if c[1] == "childcare-support"] == ["—", "—", "—"]
    assert rows[("community-centre", "service_requests")][6] == "—"
    members = {r[1]: r[3:] for r in book["Members"].iter_rows(min_row=2, values_only=True)}
    assert members == {"community-centre": (5, 2), "childcare-support": (2, 2)}


def test_xlsx_in_japanese_labels_the_years_2011年度(client, make_user, settings, two_years):
    settings.LANGUAGE_CODE = "ja"
    client.force_login(make_user(Role.MAYORS_OFFICE))
    response = client.get(reverse("reports:export_xlsx"), {"first": 2003, "last": 2004},
                          HTTP_ACCEPT_LANGUAGE="ja")
    book = load_workbook(io.BytesIO(response.content))
    funnel = list(book.worksheets[0].iter_rows(values_only=True))
    assert funnel[0][0] == "年度"
    assert funnel[1] == ("2003年度", 6, 3, 2)
    assert funnel[3] == ("合計", 9, 5, 3)


def test_raw_records_stream_the_years_records(officer, two_years):
    response = officer.get(reverse("reports:raw_csv", args=["requests"]), {"year": 2011})
    assert response.streaming
    body = b"".join(response.streaming_content)
    assert body.startswith(b"\xef\xbb\xbf")  # for Excel on Japanese Windows
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    assert rows[0] == ["project", "received_on", "category", "status"]
    assert len(rows) == 41  # the 40 requests of 31 March 2012, not the 3 of 1 April
    assert rows[1][:2] == ["childcare-support", "2012-03-31"]
    members = officer.get(reverse("reports:raw_csv", args=["members"]), {"year": 2011})
    assert len(b"".join(members.streaming_content).decode("utf-8-sig").splitlines()) == 8
    assert officer.get(reverse("reports:raw_csv", args=["ballots"])).status_code == 404


def test_raw_records_neutralise_spreadsheet_formulas(officer):
    project = chosen_project("formula", 2011, 2011)
    records(project, datetime.date(2011, 6, 1), hours="1")
    project.activity_set.update(description="=HYPERLINK(\"http://evil\")")
    response = officer.get(reverse("reports:raw_csv", args=["activities"]), {"year": 2011})
    assert "'=HYPERLINK" in b"".join(response.streaming_content).decode()


def _page_figures(html: str, code: str) -> dict[str, str]:
    section = html[html.index(f'id="project-{code}"'):]
    section = section[:section.index("</section>")]
    found = re.findall(r'data-indicator="(\w+)">\s*<th scope="row">.*?</th>\s*'
                       r'<td class="text-end">.*?</td>\s*<td class="text-end">(.*?)</td>',
                       section, re.S)
    return {indicator: value.replace(",", "") for indicator, value in found}


def assert_everything_agrees(client, year: int) -> dict:
    """The page, the CSV download, the XLSX and the command give the same figures."""
    command = {(r["project"], r["indicator"]): r["value"]
               for r in csv.DictReader(io.StringIO(command_csv("--year", str(year))))}
    download = client.get(reverse("reports:export_csv"), {"year": year}).content.decode("utf-8-sig")
    assert download == command_csv("--year", str(year))
    book = load_workbook(io.BytesIO(
        client.get(reverse("reports:export_xlsx"), {"year": year}).content))
    xlsx = {(r[1], r[3]): r[6] for r in book["Indicators"].iter_rows(min_row=2, values_only=True)}
    html = client.get(reverse("reports:year"), {"year": year}).content.decode()
    codes = {code for code, _i in command if code}
    assert codes == {code for code, _i in xlsx}
    for code in codes:
        page = _page_figures(html, code)
        assert len(page) == len(Indicator)
        for indicator in Indicator:
            value = command[(code, indicator.value)]
            shown = xlsx[(code, indicator.value)]
            # The stable CSV writes 0 where nothing of the kind was recorded; the page and
            # the workbook show a dash there.
            assert page[indicator.value] == ("—" if shown == "—" else page[indicator.value])
            if shown == "—":
                assert Decimal(value) == 0
                continue
            assert Decimal(value) == Decimal(str(shown))
            assert Decimal(value) == Decimal(page[indicator.value])
    funnel = [r for r in book["Funnel"].iter_rows(min_row=2, values_only=True)][0]
    assert [str(v) for v in funnel[1:]] == [
        command[("", name)] for name in
        ("proposals_submitted", "proposals_recommended", "proposals_chosen")]
    return command


def test_page_csv_xlsx_and_command_agree_on_factory_data(officer, two_years):
    figures = assert_everything_agrees(officer, 2011)
    assert figures[("community-centre", "facility_users")] == "20308"
    assert figures[("childcare-support", "activity_hours")] == "5508.00"


def test_page_csv_xlsx_and_command_agree_on_the_demo_data(officer):
    call_command("demo", "--force", stdout=io.StringIO())
    figures = assert_everything_agrees(officer, 2011)
    assert figures[("childcare-support", "service_requests_handled")] == "3483"
    assert figures[("childcare-support", "activity_hours")] == "5508.00"
    assert figures[("community-centre", "facility_users")] == "20308"
    assert figures[("community-centre", "courses_by_members")] == "111"
    assert figures[("community-centre", "participants_by_members")] == "673"
    span = {(r["year"], r["indicator"]): int(r["value"]) for r in
            csv.DictReader(io.StringIO(command_csv("--from", "2003", "--to", "2006")))
            if not r["project"]}
    for name, expected in (("proposals_submitted", 47), ("proposals_recommended", 23),
                           ("proposals_chosen", 20)):
        assert sum(v for (_y, i), v in span.items() if i == name) == expected


def test_xlsx_keeps_a_title_with_control_characters(officer, two_years):
    from services.models import Project

    project = Project.objects.get(code="community-centre")
    Project.objects.filter(pk=project.pk).update(title="地域\x01センター\x07運営\x1b")
    response = officer.get(reverse("reports:export_xlsx"), {"year": 2011})
    assert response.status_code == 200
    titles = {row[2].value for row in load_workbook(io.BytesIO(response.content))
              ["Indicators"].iter_rows(min_row=2)}
    assert "地域センター運営" in titles
