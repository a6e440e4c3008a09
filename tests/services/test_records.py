import datetime
from decimal import Decimal

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from partnership import audit
from partnership.models import AuditEntry
from services import actions
from services.errors import ServiceError
from services.indicators import indicator_values
from services.kinds import KINDS
from services.models import Activity, ProjectYear, ServiceRequest, Visit
from tests.services.report_data import accepted_quietly

from .conftest import officer_of, staff_of


def entry_data(kind: str, rows: list[dict], total: int = 5) -> dict:
    data = {f"{kind}-TOTAL_FORMS": total, f"{kind}-INITIAL_FORMS": 0,
            f"{kind}-MIN_NUM_FORMS": 0, f"{kind}-MAX_NUM_FORMS": 50}
    for index, row in enumerate(rows):
        data.update({f"{kind}-{index}-{name}": value for name, value in row.items()})
    return data


@pytest.mark.django_db
def test_entry_page_saves_several_rows_and_skips_untouched_ones(client, project):
    staff = staff_of(project)
    client.force_login(staff)
    url = reverse("services:record_entry", kwargs={"code": project.code, "kind": "visits"})
    response = client.get(url)
    assert response.status_code == 200
    # The project ended on 2013-03-31: every row starts on its last day.
    today = "2013-03-31"
    assert response.content.decode().count(f'value="{today}"') == 5
    # Every row is optional: the page's management form says there are no initial rows.
    assert 'name="visits-INITIAL_FORMS" value="0"' in response.content.decode()
    # Untouched rows carry the defaults; only the filled ones are saved.
    rows = [{"date": "2011-04-01", "facility": "調理室", "users": "12"},
            {"date": "2011-04-01", "facility": "図工室", "users": "8"},
            {"date": today, "facility": ""}, {"date": today, "facility": ""},
            {"date": today, "facility": ""}]
    response = client.post(url, entry_data("visits", rows))
    assert response.status_code == 302
    assert sorted(Visit.objects.values_list("facility", "users")) == [("図工室", 8), ("調理室", 12)]
    created = AuditEntry.objects.filter(action="record.created", actor=staff)
    assert sorted(row.after["facility"] for row in created) == ["図工室", "調理室"]
    assert {row.parent_id for row in created} == {project.pk}
    # The last facility entered is pre-filled next time.
    response = client.get(url)
    assert response.content.decode().count('value="図工室"') == 5


@pytest.mark.django_db
def test_the_saved_message_counts_in_singular_and_plural(client, project):
    client.force_login(staff_of(project))
    url = reverse("services:record_entry", kwargs={"code": project.code, "kind": "activities"})
    for rows in ([{"date": "2011-04-01", "hours": "2"}],
                 [{"date": "2011-04-02", "hours": "1"}, {"date": "2011-04-03", "hours": "3"}]):
        response = client.post(url, entry_data("activities", rows, total=len(rows)))
        assert response.status_code == 302
    # Neither redirect was followed: both messages are still waiting.
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        "1 record was saved.", "2 records were saved."
    ]


@pytest.mark.django_db
def test_entry_errors_are_shown_and_nothing_saved(client, project):
    client.force_login(staff_of(project))
    url = reverse("services:record_entry", kwargs={"code": project.code, "kind": "activities"})
    rows = [{"date": "2011-04-01", "hours": "2"}, {"date": "2011-04-02", "hours": "-1"}]
    response = client.post(url, entry_data("activities", rows, total=2))
    assert response.status_code == 200
    assert b"error-summary" in response.content
    assert Activity.objects.count() == 0


@pytest.mark.django_db
def test_edit_and_delete_write_the_history(project):
    staff = staff_of(project)
    [record] = actions.create_records(actor=staff, project=project, kind=KINDS["requests"],
                                      rows=[{"received_on": datetime.date(2011, 6, 1),
                                             "category": "相談", "status": "open"}])
    actions.update_record(actor=staff, record=record, status="handled")
    record.refresh_from_db()
    assert record.status == "handled"
    actions.delete_record(actor=staff, record=record)
    assert not ServiceRequest.objects.exists()
    rows = [(row.action, row.subject_id, row.before, row.after)
            for row in audit.history(project)]
    assert rows == [
        ("record.created", record.pk, None,
         {"received_on": "2011-06-01", "category": "相談", "status": "open"}),
        ("record.changed", record.pk, {"status": "open"}, {"status": "handled"}),
        ("record.deleted", record.pk,
         {"received_on": "2011-06-01", "category": "相談", "status": "handled"}, None),
    ]
    assert {row.actor for row in audit.history(project)} == {staff}


@pytest.mark.django_db
def test_only_the_group_writes(project, make_user):
    from partnership.roles import Role

    with pytest.raises(ServiceError):
        actions.create_records(actor=make_user(Role.CITY_OFFICER), project=project,
                               kind=KINDS["activities"],
                               rows=[{"date": datetime.date(2011, 4, 1), "hours": 1}])
    assert not Activity.objects.exists()


@pytest.mark.django_db
def test_closed_year_is_read_only(client, project):
    staff, officer = staff_of(project), officer_of(project)
    kind = KINDS["activities"]
    march, april = datetime.date(2012, 3, 31), datetime.date(2012, 4, 1)
    old, new = actions.create_records(actor=staff, project=project, kind=kind, rows=[
        {"date": march, "hours": Decimal(1)}, {"date": april, "hours": Decimal(2)},
    ])
    with pytest.raises(ServiceError):
        actions.close_year(actor=staff, project=project, year=2011)
    accepted_quietly(project, 2011)
    actions.close_year(actor=officer, project=project, year=2011)
    with pytest.raises(ServiceError):
        actions.update_record(actor=staff, record=old, hours=Decimal(5))
    with pytest.raises(ServiceError):
        actions.delete_record(actor=staff, record=old)
    with pytest.raises(ServiceError):
        actions.create_records(actor=staff, project=project, kind=kind,
                               rows=[{"date": march, "hours": Decimal(1)}])
    with pytest.raises(ServiceError):  # moving an open year's record into a closed year
        actions.update_record(actor=staff, record=new, date=march)
    actions.update_record(actor=staff, record=new, hours=Decimal(3))
    assert list(Activity.objects.order_by("date").values_list("hours", flat=True)) == [
        Decimal("1.00"), Decimal("3.00")
    ]
    # The pages of a closed year's records are not allowed; the list shows them read-only.
    client.force_login(staff)
    for name in ("record_edit", "record_delete"):
        url = reverse(f"services:{name}",
                      kwargs={"code": project.code, "kind": "activities", "pk": old.pk})
        assert client.get(url).status_code == 403
        assert client.post(url, {"date": "2012-03-31", "hours": "9"}).status_code == 403
    old.refresh_from_db()
    assert old.hours == Decimal("1.00")
    listing = reverse("services:record_list", kwargs={"code": project.code, "kind": "activities"})
    response = client.get(listing, {"year": 2011})
    assert b"This fiscal year is closed" in response.content
    assert b"/edit/" not in response.content and b"Add records" not in response.content
    response = client.get(listing, {"year": 2012})
    edit_new = reverse("services:record_edit",
                       kwargs={"code": project.code, "kind": "activities", "pk": new.pk})
    assert edit_new.encode() in response.content and b"Add records" in response.content
    closed = ProjectYear.objects.get(status=ProjectYear.Status.CLOSED)
    assert (closed.project, closed.fiscal_year, closed.closed_by) == (project, 2011, officer)


@pytest.mark.django_db
def test_31_march_and_1_april_fall_in_their_fiscal_years(project):
    staff = staff_of(project)
    actions.create_records(actor=staff, project=project, kind=KINDS["requests"], rows=[
        {"received_on": datetime.date(2011, 3, 31), "category": "a", "status": "handled"},
        {"received_on": datetime.date(2011, 4, 1), "category": "a", "status": "handled"},
        {"received_on": datetime.date(2012, 3, 31), "category": "a", "status": "open"},
        {"received_on": datetime.date(2012, 4, 1), "category": "a", "status": "handled"},
    ])
    values = indicator_values(years=[2010, 2011, 2012], projects=[project])
    assert values[(project.pk, 2010, "service_requests")] == 1
    assert values[(project.pk, 2011, "service_requests")] == 2
    assert values[(project.pk, 2011, "service_requests_handled")] == 1
    assert values[(project.pk, 2012, "service_requests")] == 1
    # Asking for one year does not count its neighbours.
    assert indicator_values(years=[2011], projects=[project]) == {
        (project.pk, 2011, "service_requests"): 2,
        (project.pk, 2011, "service_requests_handled"): 1,
    }


@pytest.mark.django_db
def test_fiscal_year_start_month_is_a_setting(project, settings):
    settings.REPORTING_YEAR_START_MONTH = 1
    actions.create_records(actor=staff_of(project), project=project, kind=KINDS["members"],
                           rows=[{"joined_on": datetime.date(2011, 3, 31), "former_user": True}])
    values = indicator_values(years=[2011], projects=[project])
    assert values[(project.pk, 2011, "new_members_former_users")] == 1


@pytest.mark.django_db
def test_list_filters_by_fiscal_year_and_month(client, project):
    staff = staff_of(project)
    actions.create_records(actor=staff, project=project, kind=KINDS["visits"], rows=[
        {"date": datetime.date(2011, 5, 3), "facility": "五月室", "users": 1},
        {"date": datetime.date(2011, 6, 3), "facility": "六月室", "users": 1},
        {"date": datetime.date(2012, 5, 3), "facility": "翌年室", "users": 1},
    ])
    client.force_login(staff)
    url = reverse("services:record_list", kwargs={"code": project.code, "kind": "visits"})
    body = client.get(url, {"year": 2011, "month": 5}).content.decode()
    assert "五月室" in body and "六月室" not in body and "翌年室" not in body
    body = client.get(url, {"year": 2011}).content.decode()
    assert "五月室" in body and "六月室" in body and "翌年室" not in body


@pytest.mark.django_db
def test_the_entry_page_shows_the_actions_refusal_and_saves_nothing(client, project):
    """A row in a year outside the project's period (fiscal 2010–2012) or in a closed year:
    the form comes back with the reason, and no row of the form is saved."""
    officer = officer_of(project)
    accepted_quietly(project, 2010)
    actions.close_year(actor=officer, project=project, year=2010)
    client.force_login(staff_of(project))
    url = reverse("services:record_entry", kwargs={"code": project.code, "kind": "activities"})
    for day, reason in (("2013-04-01", "Fiscal year 2013 is outside the project&#x27;s period."),
                        ("2010-05-01", "Fiscal year 2010 is closed: it can no longer be changed.")):
        rows = [{"date": "2011-04-01", "hours": "2"}, {"date": day, "hours": "1"}]
        response = client.post(url, entry_data("activities", rows, total=2))
        assert response.status_code == 200
        assert reason in response.content.decode()
        assert b"error-summary" in response.content
    assert not Activity.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("day", [datetime.date(1, 1, 1), datetime.date(9999, 12, 31),
                                 datetime.date(2010, 3, 31), datetime.date(2013, 4, 1)])
def test_a_record_outside_the_projects_period_is_refused_day_by_day(project, day):
    """The project runs 2010-04-01 – 2013-03-31: out-of-range dates change no figure."""
    staff = staff_of(project)
    with pytest.raises(ServiceError):
        actions.create_records(actor=staff, project=project, kind=KINDS["activities"],
                               rows=[{"date": day, "hours": Decimal("1")}])
    [record] = actions.create_records(actor=staff, project=project, kind=KINDS["activities"],
                                      rows=[{"date": datetime.date(2011, 4, 1),
                                             "hours": Decimal("1")}])
    with pytest.raises(ServiceError):
        actions.update_record(actor=staff, record=record, date=day)
    assert list(Activity.objects.values_list("date", flat=True)) == [datetime.date(2011, 4, 1)]


@pytest.mark.django_db
def test_the_entry_form_starts_inside_the_projects_period(client, project):
    """The project ended on 2013-03-31: today is outside it, so the form offers its last day."""
    client.force_login(staff_of(project))
    url = reverse("services:record_entry", kwargs={"code": project.code, "kind": "activities"})
    form = client.get(url).context["formset"].forms[0]
    assert form.initial["date"] == datetime.date(2013, 3, 31)


@pytest.mark.django_db
def test_the_entry_form_starts_in_a_year_still_open(client, project):
    """The project ended on 2013-03-31 and fiscal 2012 is closed: the form offers the last
    day of fiscal 2011, the nearest open year."""
    accepted_quietly(project, 2012)
    actions.close_year(actor=officer_of(project), project=project, year=2012)
    client.force_login(staff_of(project))
    url = reverse("services:record_entry", kwargs={"code": project.code, "kind": "activities"})
    form = client.get(url).context["formset"].forms[0]
    assert form.initial["date"] == datetime.date(2012, 3, 31)
