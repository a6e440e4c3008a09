"""The yearly indicators, counted from the rows: by category and urgency, time to
acknowledgement (median, 90th percentile), urgent ones acknowledged within 24 hours,
interventions; the fiscal year's edges; the officers' page shows them and nothing
personal."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from families import indicators
from families.models import FamilyReport
from tests.services.conftest import staff_of

from .helpers import REFERENCE, SECRET, family_project, welfare_officer

pytestmark = pytest.mark.django_db


def _at(text: str) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.fromisoformat(text))


def _report(project, filed: str, *, hours=None, urgency="soon", category="isolation",
            intervention=""):
    filed_at = _at(filed)
    acknowledged = {} if hours is None else {
        "status": "acknowledged", "acknowledged_at": filed_at + datetime.timedelta(hours=hours)}
    return FamilyReport.objects.create(
        project=project, filed_by=staff_of(project), filed_at=filed_at, category=category,
        urgency=urgency, consent=True, family_reference=REFERENCE, observed=SECRET,
        intervention=intervention, **acknowledged)


def test_percentiles():
    assert indicators.median([]) is None and indicators.percentile([], 0.9) is None
    assert indicators.median([3.0, 1.0, 2.0]) == 2.0
    assert indicators.median([4.0, 1.0, 2.0, 3.0]) == 2.5
    assert indicators.percentile([float(n) for n in range(1, 11)], 0.9) == 9.0
    assert indicators.percentile([5.0], 0.9) == 5.0


def test_counted_from_the_rows_of_the_fiscal_year():
    project = family_project()
    _report(project, "2011-03-31 23:59", hours=1, urgency="urgent")  # fiscal 2010
    _report(project, "2011-04-01 00:00", hours=2, urgency="urgent", category="child_safety",
            intervention="home_visit")
    _report(project, "2011-06-01 10:00", hours=30, urgency="urgent", category="child_safety")
    _report(project, "2011-07-01 10:00", hours=24, urgency="urgent", category="financial",
            intervention="referral")
    _report(project, "2011-08-01 10:00", hours=10, intervention="referral")
    _report(project, "2012-03-31 23:00", urgency="routine")  # not acknowledged yet
    _report(project, "2012-04-01 00:00", hours=5)  # fiscal 2012
    figures = indicators.for_year(2011)
    assert figures.total == 5
    assert figures.by_category_urgency == {("child_safety", "urgent"): 2,
                                           ("financial", "urgent"): 1,
                                           ("isolation", "soon"): 1,
                                           ("isolation", "routine"): 1}
    assert figures.urgency_totals() == [3, 1, 1]
    # Acknowledged after 2, 30, 24 and 10 hours.
    assert figures.median_hours == 17.0
    assert figures.p90_hours == 30.0
    assert (figures.urgent, figures.urgent_within_24h) == (3, 2)
    assert figures.urgent_share == pytest.approx(2 / 3)
    assert figures.interventions == {"home_visit": 1, "referral": 2}
    assert indicators.for_year(2010).total == 1


def test_an_empty_year():
    figures = indicators.for_year(2011)
    assert (figures.total, figures.median_hours, figures.urgent_share) == (0, None, None)


@pytest.mark.parametrize("size", [1, 8])
def test_the_officers_page_costs_the_same_whatever_the_rows(client, size,
                                                             django_assert_max_num_queries):
    project = family_project()
    for n in range(size):
        _report(project, f"2011-05-{n + 1:02d} 10:00", hours=n + 1, urgency="urgent",
                intervention="support")
    client.force_login(welfare_officer())
    url = reverse("families:year") + "?year=2011"
    client.get(url)
    with django_assert_max_num_queries(12):
        response = client.get(url)
    page = response.content.decode()
    assert response.status_code == 200
    assert SECRET not in page and REFERENCE not in page
    assert f"{size} of {size}" in page


def test_a_year_outside_the_choices_shows_the_latest(client):
    client.force_login(welfare_officer())
    response = client.get(reverse("families:year") + "?year=99999999999999999999")
    assert response.status_code == 200
