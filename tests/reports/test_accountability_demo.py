"""The accountability pages against the demo: the three case projects' agreements,
amendments, closed years 2009-2011 and evaluations, and what became of each call year's
decided proposals."""

import re

import pytest
from django.urls import reverse

from proposals.models import Proposal, Status
from reports import formatting
from reports.selectors import project_indicators
from services.models import Evaluation, Project

from .test_api_demo import demo  # noqa: F401 - the demo, loaded once for the module

pytestmark = pytest.mark.django_db
CASES = ("childcare-support", "community-centre", "childcare-advisors")


def _page(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return re.sub(r"\s+", " ", response.content.decode())


@pytest.mark.parametrize("code", CASES)
def test_each_case_project_shows_its_agreement_results_and_published_years(demo, client, code):  # noqa: F811
    project = Project.objects.get(code=code)
    page = _page(client, reverse("reports:accountability_project", kwargs={"code": code}))
    agreement = project.agreements.get(status="in_force")
    assert f"{agreement.city_contribution:,}" in page
    for line in agreement.group_role.splitlines():
        assert line in page
    for amendment in project.agreements.filter(version__gt=1):
        assert amendment.reason.splitlines()[0] in page
    published = sorted(int(y) for y in re.findall(r'id="published-(\d{4})"', page))
    assert published == [2009, 2010, 2011]
    results = re.search(r'id="results-table".*?</table>', page).group(0)
    for row in project_indicators(2009, 2011, project=project):
        for result in row.results:
            if result.recorded:
                assert f">{formatting.number(result.shown)}" in results, (row.year, result)
    for evaluation in Evaluation.objects.filter(project=project, fiscal_year__lte=2011):
        if evaluation.comment:
            assert evaluation.comment.splitlines()[0] in page


def test_each_call_year_lists_its_decided_proposals(demo, client):  # noqa: F811
    for year in range(2003, 2007):
        page = _page(client, reverse("reports:accountability_year", kwargs={"year": year}))
        decided = Proposal.objects.filter(call__fiscal_year=year,
                                          status__in=(Status.CHOSEN, Status.DECLINED))
        assert page.count('class="card mb-3" id="proposal-') == decided.count()
        for project in Project.objects.filter(proposal__call__fiscal_year=year):
            assert reverse("reports:accountability_project",
                           kwargs={"code": project.code}) in page


def test_cost_shares_follow_the_version_in_force_each_year_and_the_renewal(demo, client):  # noqa: F811
    """The childcare NPO's first agreement gave 2,400,000 yen a year; its amendment of June
    2008 raised it to 3,000,000 from fiscal 2008; the renewal carries it to fiscal 2013;
    the renewal's reasons are published."""
    page = _page(client, reverse("reports:accountability_project",
                                 kwargs={"code": "childcare-support"}))
    shares = re.search(r'id="cost-shares".*?</table>', page).group(0)
    rows = dict(re.findall(r'<th scope="row">\D*(\d{4})\D*</th><td class="text-end">([\d,]+)',
                           shares))
    assert rows["2005"] == rows["2007"] == "2,400,000"
    assert rows["2008"] == rows["2013"] == "3,000,000"
    assert 'id="renewals"' in page and "2014-03-31" in page
    renewal = Project.objects.get(code="childcare-support").renewals.get()
    assert renewal.reasons in page
