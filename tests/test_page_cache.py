"""The public pages kept in the cache for anonymous visitors (partnership/page_cache.py):
never stale after a change made through the real pages and commands, never a signed-in
person's page, and each visitor gets their own CSRF token, language and headers."""

import datetime

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from partnership import page_cache
from proposals.models import Call, Proposal, Status
from tests.factories import CallFactory, ProposalFactory
from tests.lifecycle import group_member
from tests.services.conftest import make_project, officer_of

LANGUAGES = {"ja": "ja,en;q=0.5", "en": "en"}


@pytest.fixture(autouse=True)
def cached(settings):
    settings.PAGE_CACHE_SECONDS = 60
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """`with committed():` runs what waits for the commit (the version's bump) as a real
    commit would: the test's own transaction never commits."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def anonymous_pages(url: str) -> dict[str, str]:
    """The page in each language, as a new anonymous visitor gets it."""
    pages = {}
    for language, header in LANGUAGES.items():
        response = Client(HTTP_ACCEPT_LANGUAGE=header).get(url)
        assert response.status_code == 200, (url, language)
        assert response["Content-Language"] == language
        pages[language] = response.content.decode()
    return pages


def seen_everywhere(text: str, urls: list[str]) -> bool:
    return all(text in page for url in urls for page in anonymous_pages(url).values())


def seen_nowhere(text: str, urls: list[str]) -> bool:
    return not any(text in page for url in urls for page in anonymous_pages(url).values())


@pytest.mark.django_db
def test_a_submitted_then_withdrawn_proposal_shows_at_once_in_both_languages(committed):
    draft = ProposalFactory(title="みどりの見守り隊")
    call_list = reverse("proposals:call_list")
    call_pages = [reverse("proposals:call_detail", args=[draft.call.pk])]
    one_public = '<td class="text-end">1</td>'  # the call's count of public proposals
    assert seen_nowhere("みどりの見守り隊", call_pages)  # now in the cache
    assert seen_nowhere(one_public, [call_list])
    member = Client()
    member.force_login(group_member(draft))
    with committed():
        member.post(reverse("proposals:proposal_submit", args=[draft.pk]))
    assert Proposal.objects.get(pk=draft.pk).status == Status.SUBMITTED
    detail = reverse("proposals:proposal_detail", args=[draft.pk])
    assert seen_everywhere("みどりの見守り隊", [*call_pages, detail])
    assert seen_everywhere(one_public, [call_list])
    assert seen_nowhere("Withdrawn", [detail])
    with committed():
        member.post(reverse("proposals:proposal_withdraw", args=[draft.pk]),
                    {"reason": "担い手が見つからない"})
    assert "担い手が見つからない" in anonymous_pages(detail)["en"]
    assert "担い手が見つからない" in anonymous_pages(detail)["ja"]


@pytest.mark.django_db
def test_an_officer_editing_a_project_shows_at_once(committed):
    project = make_project()
    pages = [reverse("services:project_list"),
             reverse("services:project_detail", kwargs={"code": project.code})]
    assert seen_nowhere("2014-03-31", pages)
    officer = Client()
    officer.force_login(officer_of(project))
    with committed():
        response = officer.post(
            reverse("services:project_edit", kwargs={"code": project.code}),
            {"code": project.code, "starts_on": "2010-04-01", "ends_on": "2014-03-31",
             "agreement_date": "2010-03-15"})
    assert response.status_code == 302
    assert seen_everywhere("2014-03-31", pages)
    assert seen_everywhere("2010-03-15", pages[1:])


@pytest.mark.django_db
def test_imported_records_show_at_once_in_the_public_summary(committed, tmp_path):
    project = make_project(starts_on=datetime.date(2011, 4, 1))
    summary = reverse("reports:public_summary") + "?year=2011"
    assert seen_nowhere("98,765", [summary])
    csv = tmp_path / "visits.csv"
    csv.write_text(f"project,date,users,facility\n{project.code},2011-06-01,98765,hall\n")
    with committed():
        call_command("import_records", "visits", str(csv), stdout=None)
    assert seen_everywhere("98,765", [summary])


@pytest.mark.django_db
def test_a_stored_page_stays_until_the_version_is_bumped():
    """Without a bump the cached page stays: what makes the tests above able to fail."""
    call = CallFactory(title="令和の公募")
    url = reverse("proposals:call_list")
    assert seen_everywhere("令和の公募", [url])
    Call.objects.filter(pk=call.pk).update(title="名前を変えた公募")  # no audit row, no bump
    assert seen_everywhere("令和の公募", [url])
    page_cache.bump()
    assert seen_everywhere("名前を変えた公募", [url])
    assert anonymous_pages(reverse("home"))


@pytest.mark.django_db
def test_signed_in_pages_are_never_served_from_or_stored_in_the_cache(client, make_user):
    call = CallFactory(title="令和の公募")
    url = reverse("proposals:call_list")
    client.force_login(make_user())
    assert "令和の公募" in client.get(url).content.decode()
    Call.objects.filter(pk=call.pk).update(title="名前を変えた公募")
    # Nothing was stored for the signed-in visit: the anonymous visitor renders afresh.
    assert seen_everywhere("名前を変えた公募", [url])
    Call.objects.filter(pk=call.pk).update(title="三度目の名前")
    signed_in = client.get(url)
    assert "三度目の名前" in signed_in.content.decode()
    assert "private" in signed_in["Cache-Control"]


@pytest.mark.django_db
def test_a_visitor_with_a_session_or_messages_cookie_is_not_served_from_the_cache():
    call = CallFactory(title="令和の公募")
    url = reverse("proposals:call_list")
    assert seen_everywhere("令和の公募", [url])
    Call.objects.filter(pk=call.pk).update(title="名前を変えた公募")
    for cookie in ("sessionid", "messages"):
        visitor = Client()
        visitor.cookies[cookie] = "anything"
        assert "名前を変えた公募" in visitor.get(url).content.decode()


@pytest.mark.django_db
def test_each_visitor_gets_their_own_csrf_token_and_cookie_and_the_headers(settings):
    url = reverse("proposals:call_list")
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    stored = first.get(url)  # rendered, then stored
    served = second.get(url)  # from the cache
    for response in (stored, served):
        assert set(response.cookies) == {settings.CSRF_COOKIE_NAME}  # no session cookie
        assert "Accept-Language" in response["Vary"] and "Cookie" in response["Vary"]
        assert "Content-Security-Policy" in response
    tokens = [r.content.decode().split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
              for r in (stored, served)]
    assert tokens[0] != tokens[1] and "\x00" not in tokens[1]
    # The cached page's token works for its visitor: the language switcher accepts it.
    switched = second.post(reverse("set_language"),
                           {"csrfmiddlewaretoken": tokens[1], "language": "ja", "next": url})
    assert switched.status_code == 302


@pytest.mark.django_db
def test_the_language_is_the_one_activated_by_cookie_or_header(settings):
    url = reverse("proposals:call_list")
    english = Client(HTTP_ACCEPT_LANGUAGE="en").get(url)
    by_cookie = Client(HTTP_ACCEPT_LANGUAGE="en")
    by_cookie.cookies[settings.LANGUAGE_COOKIE_NAME] = "ja"
    japanese = by_cookie.get(url)
    assert (english["Content-Language"], japanese["Content-Language"]) == ("en", "ja")
    assert english.content != japanese.content
    assert '<html lang="ja"' in japanese.content.decode()
    unknown = Client(HTTP_ACCEPT_LANGUAGE="fr").get(url)  # the default language, English here
    assert unknown["Content-Language"] == "en"
    assert without_token(unknown.content) == without_token(english.content)


def without_token(content: bytes) -> bytes:
    return page_cache.TOKEN.sub(b"", content)


@pytest.mark.django_db
def test_a_closed_year_shows_at_once_on_the_public_record(committed):
    from tests.reports.accountability_data import closed

    project = make_project(starts_on=datetime.date(2011, 4, 1))
    pages = [reverse("reports:accountability_project", kwargs={"code": project.code})]
    assert seen_nowhere('id="published-2011"', pages)  # now in the cache
    with committed():
        closed(project, 2011)
    assert seen_everywhere('id="published-2011"', pages)
