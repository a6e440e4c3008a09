"""A person's notifications page, the unread count in the navigation, and their language and
e-mail settings."""

import datetime
import re

import pytest
from django.conf import settings as django_settings
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from partnership import notices
from partnership.models import AuditEntry, Notification
from tests.pages import queries_for, text

pytestmark = pytest.mark.django_db

PARAMS = {"title": "子育て支援 & 相談", "call": "2026年度募集", "status": "submitted",
          "reason": ""}


def notify(user, n: int = 1, *, read: bool = False, path: str = "/calls/") -> list:
    """n notifications of `user`, the last one the newest."""
    start = timezone.now() - datetime.timedelta(days=1)
    return [Notification.objects.create(
        recipient=user, kind="proposal_status", path=path,
        params={**PARAMS, "title": f"提案{i}"},
        created_at=start + datetime.timedelta(minutes=i),
        read_at=timezone.now() if read else None) for i in range(n)]


@pytest.fixture
def reader(client, make_user):
    user = make_user(language="en")
    client.force_login(user)
    return user


def checked(page: str, name: str) -> set[str]:
    """The values of the inputs called `name` that are checked."""
    inputs = re.findall(rf'<input[^>]*name="{name}"[^>]*>', page)
    return {re.search(r'value="([^"]*)"', i).group(1) for i in inputs if " checked" in i}


def unread_badge(response) -> str:
    return text(response).split('href="/notifications/"', 1)[1].split("</a>", 1)[0]


# -- the list -------------------------------------------------------------------------------

def test_the_list_is_newest_first_marks_unread_and_is_paginated(client, reader, make_user):
    notify(reader, 28)
    notify(reader, 2, read=True)
    notify(make_user(), 1)  # someone else's
    page = text(client.get(reverse("notification_list")))
    assert page.count('class="list-group-item') == 25
    assert page.index("提案27") < page.index("提案26")
    assert page.count(">Unread</span>") == 25
    assert "Page 1 of 2" in page
    second = text(client.get(reverse("notification_list") + "?page=2"))
    assert second.count('class="list-group-item') == 30 - 25
    assert second.count(">Unread</span>") == 3  # the two read ones are among the oldest


def test_each_line_is_in_the_readers_language_and_unescaped_html_is_escaped_once(
    client, reader
):
    Notification.objects.create(recipient=reader, kind="proposal_status", path="/calls/",
                                params={**PARAMS, "title": "<b>A & B</b>"})
    page = client.get(reverse("notification_list")).content.decode()
    assert "Your proposal “&lt;b&gt;A &amp; B&lt;/b&gt;” is now: Submitted" in page


def test_opening_a_notification_marks_it_read_and_goes_to_its_page(client, reader):
    (notification,) = notify(reader, path="/calls/")
    response = client.get(reverse("notification_open", args=[notification.pk]))
    assert (response.status_code, response.url) == (302, "/calls/")
    notification.refresh_from_db()
    assert notification.read_at is not None


def test_another_persons_notification_is_not_found_and_stays_unread(client, reader, make_user):
    (theirs,) = notify(make_user())
    response = client.get(reverse("notification_open", args=[theirs.pk]))
    assert response.status_code == 404
    theirs.refresh_from_db()
    assert theirs.read_at is None


def test_a_link_off_the_portal_is_not_followed(client, reader):
    (notification,) = notify(reader, path="//elsewhere.example/")
    response = client.get(reverse("notification_open", args=[notification.pk]))
    assert response.url == reverse("notification_list")


def test_mark_all_as_read(client, reader, make_user):
    notify(reader, 3)
    (theirs,) = notify(make_user())
    response = client.post(reverse("notifications_read_all"), follow=True)
    assert "3 notifications marked as read." in text(response)
    assert not Notification.objects.filter(recipient=reader, read_at__isnull=True).exists()
    theirs.refresh_from_db()
    assert theirs.read_at is None
    assert "Mark all as read" not in text(response)  # nothing left to mark


def test_a_broken_notice_template_does_not_take_the_list_down(client, reader,
                                                               broken_templates):
    broken_templates({"proposals/notices/status_subject.txt": "{% if %}"})
    notify(reader)
    response = client.get(reverse("notification_list"))
    assert response.status_code == 200
    assert str(notices.KINDS["proposal_status"].label) in text(response)


@pytest.mark.parametrize("n", [3, 30])
def test_the_list_costs_the_same_queries_whatever_its_length(client, reader, n):
    notify(reader, 1)
    few = queries_for(client, reverse("notification_list"))
    notify(reader, n)
    assert queries_for(client, reverse("notification_list")) == few


# -- the navigation ---------------------------------------------------------------------------

def test_the_navigation_shows_the_unread_count(client, reader):
    assert ">Notifications</a>" in text(client.get(reverse("home")))  # none: no badge
    notify(reader, 4)
    notify(reader, 2, read=True)
    badge = unread_badge(client.get(reverse("home")))
    assert '<span class="badge rounded-pill text-bg-warning" aria-hidden="true">4</span>' in badge
    assert "(4 unread)" in badge


def test_the_unread_count_is_one_query_on_every_page_whatever_the_count(client, reader):
    home = reverse("home")
    none = queries_for(client, home)
    notify(reader, 40)
    assert queries_for(client, home) == none
    client.logout()
    assert "/notifications/" not in text(client.get(home))


# -- settings ---------------------------------------------------------------------------------

def test_the_settings_page_has_a_labelled_box_per_kind_and_the_current_choices(client,
                                                                                 reader):
    reader.email_muted = ["review_opened"]
    reader.save()
    page = text(client.get(reverse("account_settings")))
    for kind in notices.KINDS.values():
        assert escape(str(kind.label)) in page
    assert checked(page, "email_kinds") == set(notices.KINDS) - {"review_opened"}
    assert checked(page, "language") == {"en"}
    assert page.count("<legend") == 2  # each group of boxes is a labelled fieldset
    assert "E-mails are sent to" in page


def test_saving_settings_changes_the_account_writes_the_audit_log_and_the_language(
    client, reader
):
    response = client.post(reverse("account_settings"),
                           {"language": "ja", "email_kinds": ["review_opened"]}, follow=True)
    reader.refresh_from_db()
    assert reader.language == "ja"
    assert reader.email_muted == sorted(set(notices.KINDS) - {"review_opened"})
    entry = AuditEntry.objects.get(action="account.settings_changed")
    assert (entry.actor, entry.subject_id) == (reader, reader.pk)
    assert entry.before == {"language": "en", "email_muted": []}
    assert entry.after == {"language": "ja", "email_muted": reader.email_muted}
    # The session's language follows: this page and the next are in Japanese.
    assert client.cookies[django_settings.LANGUAGE_COOKIE_NAME].value == "ja"
    assert "設定を保存しました。" in text(response)
    assert client.get(reverse("home")).headers["Content-Language"] == "ja"


def test_saving_the_same_settings_changes_nothing(client, reader):
    response = client.post(reverse("account_settings"),
                           {"language": "en", "email_kinds": list(notices.KINDS)}, follow=True)
    assert "Nothing was changed." in text(response)
    assert not AuditEntry.objects.exists()


def test_bad_settings_are_refused_with_a_message_and_change_nothing(client, reader):
    response = client.post(reverse("account_settings"),
                           {"language": "xx", "email_kinds": ["no_such_kind"]})
    assert response.status_code == 200
    page = text(response)
    assert 'id="error-summary"' in page
    assert "Select a valid choice." in page
    # Each error links to the first option of its group, which the keyboard then reaches.
    assert '<a href="#id_language_0">Language: Select a valid choice.' in page
    assert '<a href="#id_email_kinds_0">Send me an e-mail when: Select a valid choice.' in page
    reader.refresh_from_db()
    assert (reader.language, reader.email_muted) == ("en", [])
    assert not AuditEntry.objects.exists()


def test_the_settings_page_in_japanese(client, make_user, settings):
    settings.LANGUAGE_CODE = "ja"
    client.force_login(make_user(language="ja"))
    page = text(client.get(reverse("account_settings")))
    assert "言語とメールの設定" in page
    assert "所属団体の提案の状況が変わったとき" in page
    assert "English" in page and "日本語" in page  # each language in its own words


def test_signing_in_switches_to_the_accounts_language(client, make_user, settings):
    settings.LANGUAGE_CODE = "ja"
    make_user(username="emma", password="right-password-123", language="en")
    response = client.post(reverse("login"),
                           {"username": "emma", "password": "right-password-123"})
    assert response.status_code == 302
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    assert client.get(reverse("home")).headers["Content-Language"] == "en"
