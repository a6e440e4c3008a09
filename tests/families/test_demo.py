"""The demo's family-situation reports: fiscal 2011 on the childcare project, filed by its
staff after the 2008 amendment, every urgency, all acknowledged, some closed; loaded once;
shown on the officer's yearly report for fiscal 2011; the service figures of 2011
unchanged."""

import re
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils.html import escape

from families import demo as families_demo
from families import indicators
from families.models import FamilyReport
from services import demo as services_demo
from services.indicators import indicator_values
from services.models import Project
from tests.services.test_demo import load_case_projects

pytestmark = pytest.mark.django_db

# The nine figures of fiscal 2011 that the case gives (tests/services/test_demo.py).
SEED_2011 = {
    ("childcare-support", "service_requests_handled"): 3483,
    ("childcare-support", "activity_hours"): Decimal("5508.00"),
    ("community-centre", "facility_users"): 20308,
    ("community-centre", "courses_by_members"): 111,
    ("community-centre", "participants_by_members"): 673,
    ("community-centre", "courses_by_professionals"): 18,
    ("community-centre", "participants_by_professionals"): 309,
    ("community-centre", "courses_by_citizens"): 33,
    ("community-centre", "participants_by_citizens"): 219,
}


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The case projects' demo and its reports (loaded twice: the second load adds nothing),
    once for the module, in a transaction rolled back at the end. Gives the fiscal 2011
    service figures as they were before the reports."""
    from ..shared_data import rolled_back

    with rolled_back(django_db_blocker):
        load_case_projects()
        services_demo.load()
        figures_before = indicator_values(years=[2011])
        families_demo.load()
        families_demo.load()
        yield figures_before


def test_the_demo_reports(demo):
    project = Project.objects.get(code="childcare-support")
    reports = FamilyReport.objects.filter(project=project)
    assert reports.count() == len(families_demo.REPORTS)
    assert set(reports.values_list("urgency", flat=True)) == set(FamilyReport.Urgency.values)
    assert not reports.filter(acknowledged_at__isnull=True).exists()
    assert reports.filter(status="closed").exists() and reports.exclude(status="closed").exists()
    assert {r.filed_by.username for r in reports} == {"citizen"}
    assert project.agreements.get(status="in_force").family_contacts
    figures = indicators.for_year(2011)
    assert figures.total == len(families_demo.REPORTS)
    assert figures.urgent == sum(1 for row in families_demo.REPORTS if row[3] == "urgent")
    assert indicator_values(years=[2011]) == demo


def _cells(*values) -> str:
    return "".join(f'<td class="text-end">{value}</td>' for value in values)


def _definition(page: str, term: str) -> str:
    return re.search(rf">{re.escape(term)}</dt><dd[^>]*>(.*?)</dd>", page).group(1)


def test_the_officers_fiscal_2011_report_shows_the_demo_figures(demo, client):
    client.force_login(get_user_model().objects.get(username="welfare"))
    response = client.get(reverse("families:year"), {"year": "2011"})
    assert response.status_code == 200
    page = re.sub(r"\s+", " ", response.content.decode())
    assert "Family-situation reports: fiscal 2011" in page
    assert '<option value="2011" selected>' in page
    figures = indicators.for_year(2011)
    # The demo's own figures, so that a year counted empty could not pass.
    urgent = [row for row in families_demo.REPORTS if row[3] == "urgent"]
    assert (figures.total, figures.urgent) == (len(families_demo.REPORTS), len(urgent))
    assert figures.urgent_within_24h == sum(1 for row in urgent if row[1] <= 24)
    for label, counts, total in figures.rows():
        assert f'<th scope="row">{escape(label)}</th>{_cells(*counts, total)}' in page
    totals = _cells(*figures.urgency_totals(), figures.total)
    assert f'<tfoot><tr><th scope="row">Total</th>{totals}</tr></tfoot>' in page
    assert _definition(page, "Median") == f"{figures.median_hours:.1f} hours"
    assert _definition(page, "90th percentile") == f"{figures.p90_hours:.1f} hours"
    share = round(100 * figures.urgent_within_24h / figures.urgent)
    assert _definition(page, "Urgent reports acknowledged within 24 hours") == (
        f"{figures.urgent_within_24h} of {figures.urgent} ({share}%)")
    for label, n in figures.intervention_rows():
        assert f'<tr><th scope="row">{escape(label)}</th>{_cells(n)}</tr>' in page
    assert sum(figures.interventions.values()) == sum(1 for row in families_demo.REPORTS
                                                      if row[4])


def test_the_nine_seed_figures_of_2011_are_unchanged(demo):
    codes = dict(Project.objects.values_list("pk", "code"))
    values = {(codes[pk], indicator): value
              for (pk, year, indicator), value in indicator_values(years=[2011]).items()}
    assert {key: values[key] for key in SEED_2011} == SEED_2011
