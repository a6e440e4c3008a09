"""Figures every reader of a signed-in page sees alike, kept in the cache under the public
pages' version (`partnership.page_cache.shared`): the yearly report and a project's
indicators. Never stale after a change made through the real commands, and kept when
nothing changed (what makes the first test able to fail)."""

import datetime

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from partnership import page_cache
from partnership.roles import Role
from services.models import Visit
from tests.factories import UserFactory
from tests.services.conftest import make_project, officer_of


@pytest.fixture(autouse=True)
def cached(settings):
    settings.PAGE_CACHE_SECONDS = 60
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


def pages_of(project) -> list[tuple[Client, str]]:
    """The yearly report (as an officer and as the mayor's office) and the project's page
    (as its partner department's officer), in both languages."""
    readers = [UserFactory(roles=[Role.CITY_OFFICER]), UserFactory(roles=[Role.MAYORS_OFFICE])]
    pages = []
    for language in ("ja", "en"):
        for reader in readers:
            client = Client(HTTP_ACCEPT_LANGUAGE=language)
            client.force_login(reader)
            pages.append((client, reverse("reports:year") + "?year=2011"))
        client = Client(HTTP_ACCEPT_LANGUAGE=language)
        client.force_login(officer_of(project))
        pages.append((client, reverse("services:project_detail", args=[project.code])
                       + "?year=2011"))
    return pages


def shows_figure(client, url) -> bool:
    response = client.get(url)
    assert response.status_code == 200, url
    html = response.content.decode()
    return "98,765" in html or "98765" in html  # the report groups digits, the project page not


def shown_on_all(pages) -> bool:
    return all([shows_figure(client, url) for client, url in pages])


def shown_on_none(pages) -> bool:
    return not any([shows_figure(client, url) for client, url in pages])


@pytest.mark.django_db
def test_imported_records_show_at_once_on_the_report_and_the_project_page(committed, tmp_path):
    project = make_project(starts_on=datetime.date(2011, 4, 1))
    pages = pages_of(project)
    assert shown_on_none(pages)  # now in the cache, with no such figure
    csv = tmp_path / "visits.csv"
    csv.write_text(f"project,date,users,facility\n{project.code},2011-06-01,98765,hall\n")
    with committed():
        call_command("import_records", "visits", str(csv), stdout=None)
    assert Visit.objects.filter(project=project, users=98765).exists()
    assert shown_on_all(pages)


@pytest.mark.django_db
def test_the_figures_stay_until_the_version_is_bumped():
    project = make_project(starts_on=datetime.date(2011, 4, 1))
    pages = pages_of(project)
    assert shown_on_none(pages)
    # Written without an audit row, so without a bump: the kept figures are still shown.
    Visit.objects.create(project=project, date=datetime.date(2011, 6, 1), users=98765,
                         facility="hall")
    assert shown_on_none(pages)
    page_cache.bump()
    assert shown_on_all(pages)


@pytest.mark.django_db
def test_without_the_page_cache_the_figures_are_counted_afresh(settings):
    settings.PAGE_CACHE_SECONDS = 0
    project = make_project(starts_on=datetime.date(2011, 4, 1))
    pages = pages_of(project)
    assert shown_on_none(pages)
    Visit.objects.create(project=project, date=datetime.date(2011, 6, 1), users=98765,
                         facility="hall")
    assert shown_on_all(pages)


@pytest.mark.django_db
def test_a_ballot_shows_at_once_in_every_members_review_queue(committed):
    from proposals.models import Status
    from tests.lifecycle import members, proposal_in, vote

    panel = members(3)
    proposal = proposal_in(Status.UNDER_REVIEW, ballots=0, voters=panel)
    readers = []
    for user in panel[:2]:
        client = Client(HTTP_ACCEPT_LANGUAGE="en")
        client.force_login(user)
        readers.append(client)
    url = reverse("proposals:review_queue")

    def ballots_shown(count: int) -> bool:
        return all(f"{count} of " in client.get(url).content.decode() for client in readers)

    assert ballots_shown(0)  # the tally is now kept
    with committed():
        vote(panel[2], proposal)
    assert ballots_shown(1)


@pytest.mark.django_db
def test_a_decision_leaves_every_readers_decision_queue_at_once(committed):
    from proposals import actions
    from proposals.models import Decision
    from tests.lifecycle import recommended

    first, second = recommended(2)
    readers = []
    for _ in range(2):
        client = Client(HTTP_ACCEPT_LANGUAGE="ja")
        client.force_login(UserFactory(roles=[Role.MAYORS_OFFICE]))
        readers.append(client)
    url = reverse("proposals:decision_queue")

    def listed(proposal) -> list[bool]:
        return [proposal.title in client.get(url).content.decode() for client in readers]

    assert listed(first) == [True, True]  # the rows are now kept
    with committed():
        actions.decide(actor=UserFactory(roles=[Role.MAYORS_OFFICE]), proposal=first,
                       outcome=Decision.Outcome.CHOSEN)
    assert listed(first) == [False, False]
    assert listed(second) == [True, True]
