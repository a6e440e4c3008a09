"""The open data against the demo: the indicator API is `export_indicators`, figure for
figure, for every demo year; its CSV is the command's file with a byte-order mark."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from .api_helpers import api_rows, command_csv, command_rows


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo, loaded once for the module in a transaction rolled back at the end."""
    from ..shared_data import rolled_back

    with rolled_back(django_db_blocker):
        call_command("demo", "--force", stdout=io.StringIO())
        yield


pytestmark = pytest.mark.django_db


def test_every_demo_year_answers_the_commands_figures(demo, client):
    for year in range(2003, 2015):
        assert api_rows(client, year) == command_rows(year), year


def test_the_case_study_figures_of_2011(demo, client):
    figures = {(project, indicator): value
               for project, indicator, value in api_rows(client, 2011)}
    assert figures[("childcare-support", "service_requests_handled")] == "3483"
    assert figures[("childcare-support", "activity_hours")] == "5508.00"
    assert figures[("community-centre", "facility_users")] == "20308"


def test_the_csv_is_the_commands_file_with_a_bom(demo, client):
    for year in (2005, 2011):
        response = client.get(reverse("api:indicators_csv"), {"year": year})
        assert response.status_code == 200
        assert response["Content-Type"] == "text/csv; charset=utf-8"
        assert response.content == b"\xef\xbb\xbf" + command_csv(year).encode()


def test_the_funnel_of_2003_to_2006(demo, client):
    funnel = {"proposals_submitted": 0, "proposals_recommended": 0, "proposals_chosen": 0}
    for year in range(2003, 2007):
        for project, indicator, value in api_rows(client, year):
            if not project:
                funnel[indicator] += int(value)
    assert funnel == {"proposals_submitted": 47, "proposals_recommended": 23,
                      "proposals_chosen": 20}
    calls = client.get(reverse("api:calls")).json()
    old = [c for c in calls if 2003 <= c["fiscal_year"] <= 2006]
    assert sum(c["submitted"] for c in old) == 47
    assert sum(c["chosen"] for c in old) == 20
