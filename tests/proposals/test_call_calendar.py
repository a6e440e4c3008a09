"""The call's calendar: its dates validated in order, shown on the call page (with the era
on Japanese pages), and served as an iCalendar feed (RFC 5545)."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import override

from proposals import ical
from tests.factories import CallFactory
from tests.pages import text

pytestmark = pytest.mark.django_db
D = datetime.date


def aware(*args):
    return timezone.make_aware(datetime.datetime(*args))


def calendar_call(**overrides):
    dates = {"opens_at": aware(2026, 5, 1, 9), "closes_at": aware(2026, 7, 31, 17),
             "consultation_opens_on": D(2026, 4, 15), "consultation_closes_on": D(2026, 7, 15),
             "hearing_on": D(2026, 9, 12), "review_ends_on": D(2026, 10, 31),
             "decision_on": D(2026, 12, 1), "fiscal_year": 2026,
             "title": "2026年度 協働事業提案募集"}
    return CallFactory(**{**dates, **overrides})


def test_dates_in_order_and_empty_dates_are_accepted():
    calendar_call().full_clean()
    calendar_call(consultation_opens_on=None, hearing_on=None, decision_on=None).full_clean()


@pytest.mark.parametrize(("field", "day", "refused_on"), [
    ("consultation_closes_on", D(2026, 4, 1), None),  # before consultations open
    ("consultation_closes_on", D(2026, 8, 1), "closes_at"),  # after the submission deadline
    ("hearing_on", D(2026, 4, 30), None),  # before submissions open
    ("review_ends_on", D(2026, 9, 1), None),  # before the hearing
    ("decision_on", D(2026, 10, 1), None),  # before the review ends
])
def test_a_date_out_of_order_is_refused_on_the_later_field(field, day, refused_on):
    call = calendar_call()
    setattr(call, field, day)
    with pytest.raises(ValidationError) as refused:
        call.full_clean()
    assert list(refused.value.message_dict) == [refused_on or field]


def test_the_database_keeps_the_order_of_the_days_too():
    call = calendar_call()
    with pytest.raises(IntegrityError), transaction.atomic():
        type(call).objects.filter(pk=call.pk).update(review_ends_on=D(2026, 9, 1))


def test_the_call_page_shows_the_key_dates(client):
    call = calendar_call()
    page = text(client.get(reverse("proposals:call_detail", kwargs={"pk": call.pk})))
    for label in ("Consultation with the departments", "Submissions", "Public hearing",
                  "Review by the partnership", "Decision by the mayor&#x27;s office"):
        assert label in page
    assert "2026-04-15 – 2026-07-15" in page
    assert "2026-05-01 09:00 – 2026-07-31 17:00" in page
    assert "2026-09-12 – 2026-10-31" in page  # the review runs from the hearing
    assert "令和" not in page  # the era is for Japanese pages


def test_the_japanese_call_page_gives_the_era(client):
    call = calendar_call()
    client.cookies["django_language"] = "ja"
    with override("ja"):
        page = text(client.get(reverse("proposals:call_detail", kwargs={"pk": call.pk}),
                               HTTP_ACCEPT_LANGUAGE="ja"))
    assert "令和8年度" in page
    assert "2026-09-12（令和8年9月12日）" in page


def feed(client, call) -> str:
    response = client.get(reverse("proposals:call_calendar", kwargs={"pk": call.pk}))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return response.content.decode()


def unfolded(body: str) -> list[str]:
    assert body.endswith("\r\n") and "\n" not in body.replace("\r\n", "")
    return body.replace("\r\n ", "").split("\r\n")[:-1]


def test_the_feed_has_one_event_per_key_date_with_stable_uids(client):
    call = calendar_call()
    body = feed(client, call)
    lines = unfolded(body)
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "END:VCALENDAR"
    uids = [line for line in lines if line.startswith("UID:")]
    assert uids == [f"UID:call-{call.pk}-{key}@127.0.0.1" for key in
                    ("consultation", "submission", "hearing", "review", "decision")]
    assert [line for line in unfolded(feed(client, call)) if line.startswith("UID:")] == uids
    # The submission window in UTC: 09:00 in Tokyo is 00:00 UTC.
    assert "DTSTART:20260501T000000Z" in lines and "DTEND:20260731T080000Z" in lines
    # A day's event ends (exclusively) the next day.
    assert "DTSTART;VALUE=DATE:20260912" in lines and "DTEND;VALUE=DATE:20260913" in lines
    assert "SUMMARY:2026年度 協働事業提案募集: Public hearing" in lines


def test_a_missing_call_has_no_feed(client):
    assert client.get(reverse("proposals:call_calendar", kwargs={"pk": 999999})).status_code == 404


def test_text_is_escaped():
    assert ical.escape("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"


@pytest.mark.parametrize("line", [
    "SUMMARY:" + "あ" * 60, "DESCRIPTION:" + "a" * 200, "LOCATION:" + "大和市" * 9 + "x" * 5,
    "X:y"])
def test_long_lines_fold_at_75_octets_without_splitting_a_character(line):
    folded = ical.fold(line)
    pieces = folded.split("\r\n")
    assert all(len(piece.encode()) <= 75 for piece in pieces)
    assert all(piece.startswith(" ") for piece in pieces[1:])
    assert folded.replace("\r\n ", "") == line
