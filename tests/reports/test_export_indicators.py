"""`export_indicators`: the CSV contract that scripts rely on (README, "Reports")."""

import csv
import datetime
import io

import pytest
from django.core.management import CommandError, call_command

from services.models import Course, Indicator

from .data import chosen_project, funnel_history, records

pytestmark = pytest.mark.django_db

FUNNEL_NAMES = ["proposals_submitted", "proposals_recommended", "proposals_chosen"]


def export(*args) -> str:
    out = io.StringIO()
    call_command("export_indicators", *args, stdout=out)
    return out.getvalue()


def rows_of(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text)))


def test_funnel_2003_to_2006_counts_the_proposals_made_through_the_actions():
    expected = funnel_history()
    text = export("--from", "2003", "--to", "2006")
    assert text.splitlines()[0] == "year,project,indicator,value"
    funnel = {(int(r["year"]), r["indicator"]): r["value"] for r in rows_of(text)
              if r["project"] == ""}
    for year, figures in expected.items():
        assert [funnel[(year, name)] for name in FUNNEL_NAMES] == [str(v) for v in figures]
    # Summed over the span, as the span report shows it.
    sums = [sum(int(funnel[(y, name)]) for y in expected) for name in FUNNEL_NAMES]
    assert sums == [9, 5, 3]


def test_year_gives_every_indicator_of_every_running_project_with_zeros():
    running = chosen_project("running", 2010, 2012)
    chosen_project("idle", 2011, 2011)
    chosen_project("later", 2013, 2015)  # not running in 2011: no rows
    day = datetime.date(2011, 6, 1)
    records(running, day, requests=5, handled=3, hours="12.5", users=40,
            courses=[(Course.Organiser.MEMBERS, 10), (Course.Organiser.MEMBERS, 7),
                     (Course.Organiser.PROFESSIONALS, 9), (Course.Organiser.CITIZENS, 4)],
            members=3, former=2)
    records(running, datetime.date(2012, 4, 1), requests=100, hours="99")  # fiscal 2012
    text = export("--year", "2011")
    rows = rows_of(text)
    projects = [r["project"] for r in rows if r["project"]]
    assert sorted(set(projects)) == ["idle", "running"]
    for code in ("idle", "running"):
        indicators = [r["indicator"] for r in rows if r["project"] == code]
        assert indicators == [i.value for i in Indicator]
    got = {r["indicator"]: r["value"] for r in rows if r["project"] == "running"}
    assert got == {
        "service_requests": "5", "service_requests_handled": "3", "activity_hours": "12.50",
        "facility_users": "40", "courses": "4", "course_participants": "30",
        "courses_by_members": "2", "participants_by_members": "17",
        "courses_by_professionals": "1", "participants_by_professionals": "9",
        "courses_by_citizens": "1", "participants_by_citizens": "4",
        "new_members": "3", "new_members_former_users": "2",
    }
    idle_values = {r["indicator"]: r["value"] for r in rows if r["project"] == "idle"}
    assert idle_values["activity_hours"] == "0.00"
    assert set(idle_values.values()) == {"0", "0.00"}
    assert [r["indicator"] for r in rows if r["project"] == ""] == FUNNEL_NAMES


def test_a_project_with_records_outside_its_period_is_not_left_out():
    project = chosen_project("early", 2012, 2013)
    records(project, datetime.date(2011, 5, 1), requests=2)
    rows = rows_of(export("--year", "2011"))
    assert {r["indicator"]: r["value"] for r in rows if r["project"] == "early"}[
        "service_requests"] == "2"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((), "Give a fiscal year"),
        (("--from", "2003"), "Give a fiscal year"),
        (("--to", "2006"), "Give a fiscal year"),
        (("--year", "2011", "--from", "2003", "--to", "2006"), "not both"),
        (("--from", "2006", "--to", "2003"), "must not come after"),
        (("--year", "20"), "such as 2011"),
    ],
)
def test_argument_errors_are_explained(args, message):
    with pytest.raises(CommandError, match=message):
        export(*args)


def test_a_non_number_is_refused_by_the_parser():
    with pytest.raises(CommandError):
        export("--year", "twenty")
