"""The public accountability pages in Chromium: Japanese, a phone's width, axe."""

import pytest

from proposals.models import Decision, Proposal, Status
from services.models import Agreement
from tests.browser_fixtures import fits_the_screen, watch_csp
from tests.factories import UserFactory
from tests.reports.accountability_data import record
from tests.services.agreement_data import agreement_in, agreement_project

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_public_record_and_the_call_year_on_a_phone(new_page, check_a11y):
    project = agreement_project()
    agreement_in(project, Agreement.Status.SUPERSEDED)
    record(project, (2010, 2011))
    Proposal.objects.filter(pk=project.proposal.pk).update(status=Status.CHOSEN)
    Decision.objects.create(proposal=project.proposal, outcome="chosen", reason="地域に必要",
                            decided_by=UserFactory())
    page = new_page(locale="ja", mobile=True)
    problems = watch_csp(page)
    page.goto(f"/reports/accountability/projects/{project.code}/")
    assert page.locator("h1").count() == 1
    assert page.locator("#accountability-chart-caption").count() == 1
    assert page.locator("svg[role=img]").count() >= 1
    assert "対象の拡大" in page.locator("#amendments").inner_text()
    check_a11y(page)
    assert fits_the_screen(page)
    page.locator("#partners a").click()  # the call year
    page.wait_for_load_state()
    assert f"proposal-{project.proposal.pk}" in page.content()
    assert "地域に必要" in page.locator("main").inner_text()
    check_a11y(page)
    assert fits_the_screen(page)
    assert problems == []
