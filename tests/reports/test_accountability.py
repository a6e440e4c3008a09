"""The public accountability pages: a project's public record and a call year's outcomes."""

import datetime
import re
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from proposals.models import Decision, Proposal, Status
from reports import formatting
from reports.accountability import outcomes
from reports.selectors import project_indicators
from services import actions
from services.kinds import KINDS
from services.models import Agreement
from tests.factories import CallFactory, ProposalFactory, UserFactory
from tests.pages import text
from tests.reports.accountability_data import closed as _closed
from tests.reports.accountability_data import record as _record
from tests.services.agreement_data import TERMS, agreement_in, agreement_project
from tests.services.conftest import make_project, officer_of, staff_of

pytestmark = pytest.mark.django_db


def _url(project):
    return reverse("reports:accountability_project", kwargs={"code": project.code})


def _section(page: str, section: str) -> str:
    return re.search(rf'id="{section}".*?</section>', page).group(0)


def test_the_public_record_shows_the_agreement_amendments_and_closed_years(client):
    project = agreement_project()
    agreement_in(project, Agreement.Status.SUPERSEDED)
    _record(project, (2010, 2011))
    page = text(client.get(_url(project)))  # anonymous
    agreed = _section(page, "agreed")
    assert "家庭訪問を追加" in agreed and "年度終了後30日以内に実績報告書を提出" in agreed
    assert agreed.count(f"{TERMS['city_contribution']:,}") == 3  # fiscal 2010-2012
    assert "対象の拡大" in _section(page, "amendments")
    results = _section(page, "results")
    expected = [row for row in project_indicators(2010, 2011, project=project)]
    assert expected and all(row.year in (2010, 2011) for row in expected)
    for row in expected:
        hours = row.results[[r.indicator for r in row.results].index("activity_hours")]
        assert f"{formatting.number(hours.shown)}" in results
        if hours.target is not None:
            ratio = formatting.percent(hours.percent)
            assert f"target {formatting.number(hours.target)} ({ratio})" in results
    assert 'id="accountability-chart-caption"' in results  # the chart and its data table
    assert 'id="published-2011"' in page and 'id="published-2010"' in page
    assert 'id="published-2012"' not in page and "FY2012</th>" not in results


def test_nothing_unpublished_or_personal_is_shown(client):
    project = agreement_project()
    agreement_in(project, Agreement.Status.IN_FORCE)
    officer = officer_of(project)
    actions.draft_agreement(actor=officer, project=project, reason="未確認の変更",
                            **{**TERMS, "group_role": "下書きの役割"})
    staff = staff_of(project)
    staff.first_name, staff.last_name = "花子", "山田"
    staff.save()
    actions.create_records(actor=staff, project=project, kind=KINDS["activities"],
                           rows=[{"date": datetime.date(2011, 6, 1), "hours": Decimal("3")}])
    page = text(client.get(_url(project)))
    assert "下書きの役割" not in page and "未確認の変更" not in page
    assert "山田" not in page and "花子" not in page and staff.username not in page
    assert "published-heading" not in page
    assert "No fiscal year of this project is closed yet." in page


def test_the_public_record_keeps_its_queries_for_more_years(client, django_assert_max_num_queries):
    project = agreement_project()
    agreement_in(project, Agreement.Status.SUPERSEDED)
    counts = []
    for years in ((2010,), (2011, 2012)):
        _record(project, years) if years == (2010,) else [_closed(project, y) for y in years]
        with django_assert_max_num_queries(20) as queries:
            response = client.get(_url(project), HTTP_COOKIE="")
        assert response.status_code == 200
        counts.append(len(queries))
    assert text(response).count('<article class="card mb-3" id="published-') == 3
    assert counts[0] == counts[1]


def _decided(call, outcome, reason=""):
    proposal = ProposalFactory(call=call)
    Proposal.objects.filter(pk=proposal.pk).update(status=outcome, submitted_at=timezone.now())
    Decision.objects.create(proposal=proposal, outcome=outcome, reason=reason,
                            decided_by=UserFactory())
    return proposal


def _year_url(year):
    return reverse("reports:accountability_year", kwargs={"year": year})


def test_the_call_year_lists_what_became_of_each_decided_proposal(client):
    project = make_project("advisors", starts_on=datetime.date(2010, 4, 1), years=1)
    call = project.proposal.call
    Proposal.objects.filter(pk=project.proposal.pk).update(status=Status.CHOSEN,
                                                           submitted_at=timezone.now())
    Decision.objects.create(proposal=project.proposal, outcome="chosen", reason="地域に必要",
                            decided_by=UserFactory())
    declined = _decided(call, Status.DECLINED, "予算の都合により見送り")
    ProposalFactory(call=call)  # a draft: not listed
    page = text(client.get(_year_url(call.fiscal_year)))
    assert f'id="proposal-{project.proposal.pk}"' in page and "地域に必要" in page
    assert _url(project) in page and "ended" in page
    assert f'id="proposal-{declined.pk}"' in page and "予算の都合により見送り" in page
    assert page.count('class="card mb-3" id="proposal-') == 2
    assert client.get(_year_url(call.fiscal_year + 1)).status_code == 404


def test_the_call_year_keeps_its_queries_for_more_proposals(client, django_assert_max_num_queries):
    call = CallFactory(fiscal_year=2005)
    counts = []
    for more in (1, 4):
        for _ in range(more):
            _decided(call, Status.DECLINED, "見送り")
        with django_assert_max_num_queries(12) as queries:
            response = client.get(_year_url(2005), HTTP_COOKIE="")
        assert response.status_code == 200
        counts.append(len(queries))
    assert text(response).count('class="card mb-3" id="proposal-') == 5
    assert counts[0] == counts[1]


def test_the_pages_are_linked_from_the_project_the_call_and_the_public_summary(client):
    project = make_project("advisors", starts_on=datetime.date(2010, 4, 1), years=1)
    call = project.proposal.call
    project_page = text(client.get(reverse("services:project_detail",
                                           kwargs={"code": project.code})))
    assert _url(project) in project_page
    call_url = reverse("proposals:call_detail", kwargs={"pk": call.pk})
    assert _year_url(call.fiscal_year) not in text(client.get(call_url))  # nothing decided
    Proposal.objects.filter(pk=project.proposal.pk).update(status=Status.CHOSEN,
                                                           submitted_at=timezone.now())
    Decision.objects.create(proposal=project.proposal, outcome="chosen",
                            decided_by=UserFactory())
    assert _year_url(call.fiscal_year) in text(client.get(call_url, HTTP_COOKIE=""))
    summary = text(client.get(reverse("reports:public_summary"), HTTP_COOKIE=""))
    assert _year_url(call.fiscal_year) in summary
    assert client.get(_year_url(call.fiscal_year)).status_code == 200


def test_a_chosen_proposals_project_is_running_ended_or_not_started_by_today(client):
    today = timezone.localdate()
    starts = {"running": today.replace(day=1) - datetime.timedelta(days=400),
              "not_started": today + datetime.timedelta(days=400),
              "ended": datetime.date(2005, 4, 1)}
    for state, starts_on in starts.items():
        project = make_project(state.replace("_", "-"), starts_on=starts_on, years=2)
        Proposal.objects.filter(pk=project.proposal.pk).update(status=Status.CHOSEN)
        Decision.objects.create(proposal=project.proposal, outcome="chosen",
                                decided_by=UserFactory())
        found = {o.proposal.pk: o.state
                 for o in outcomes(project.proposal.call.fiscal_year)}
        assert found[project.proposal.pk] == state
