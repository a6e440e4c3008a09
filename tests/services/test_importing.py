import datetime
import io
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command

from partnership import audit
from partnership.models import AuditEntry
from services import actions, importing, inserting
from services.errors import ServiceError
from services.models import (
    Activity,
    Course,
    ImportBatch,
    MemberJoined,
    ServiceRequest,
    Visit,
)
from tests.services.report_data import accepted_quietly

from .conftest import make_project, officer_of


def run(kind: str, path) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("import_records", kind, str(path), stdout=out, stderr=err)
    except CommandError as error:
        return error.returncode, out.getvalue(), err.getvalue() + str(error)
    return 0, out.getvalue(), err.getvalue()


def write(tmp_path, text: str, encoding: str = "utf-8", name: str = "records.csv"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def counts():
    return [m.objects.count() for m in (ServiceRequest, Activity, Visit, Course, MemberJoined,
                                         ImportBatch, AuditEntry)]


@pytest.mark.django_db
def test_activities_import_in_any_column_order(tmp_path, project):
    path = write(tmp_path, "hours,project,description,date\n"
                           "2.5,childcare,預かり,2011-04-01\n"
                           "3,childcare,,2011/05/02\n")
    status, out, err = run("activities", path)
    assert status == 0, err
    rows = list(Activity.objects.order_by("date").values_list("date", "hours", "description"))
    assert rows == [(datetime.date(2011, 4, 1), Decimal("2.50"), "預かり"),
                    (datetime.date(2011, 5, 2), Decimal("3.00"), "")]
    batch = ImportBatch.objects.get()
    assert batch.rows == 2 and batch.kind == "activities"
    [change] = audit.history(project)
    assert (change.action, change.actor, change.subject_id, change.after) == (
        "records.imported", None, batch.pk,
        {"kind": "activities", "filename": "records.csv", "rows": 2})
    assert out.strip() == "Imported 2 records from records.csv."


@pytest.mark.django_db
def test_one_imported_record_is_singular(tmp_path, project):
    path = write(tmp_path, "project,date,hours,description\nchildcare,2011-04-01,1,\n",
                 name="one.csv")
    status, out, err = run("activities", path)
    assert status == 0, err
    assert out.strip() == "Imported 1 record from one.csv."


@pytest.mark.django_db
@pytest.mark.parametrize(("kind", "text", "expected"), [
    ("requests", "project,received_on,category,status\nnope,2011-04-01,相談,handled\n",
     "line 2: project: unknown project code"),
    ("requests", "project,received_on,category,status\nchildcare,2011-13-01,相談,handled\n",
     "line 2: received_on: “2011-13-01” is not a date"),
    ("requests", "project,received_on,category,status\nchildcare,01/04/2011,相談,handled\n",
     "line 2: received_on: “01/04/2011” is not a date"),
    ("requests", "project,received_on,category,status\nchildcare,2011-04-01,相談,done\n",
     "line 2: status: unknown value “done”"),
    ("activities", "project,date,hours,description\nchildcare,2011-04-01,-1,x\n",
     "line 2: hours: must not be negative"),
    ("activities", "project,date,hours,description\nchildcare,2011-04-01,two,x\n",
     "line 2: hours: “two” is not a number"),
    ("visits", "project,date,users,facility\nchildcare,2011-04-01,-3,調理室\n",
     "line 2: users: must not be negative"),
    ("visits", "project,date,users,facility\nchildcare,2011-04-01,12.5,調理室\n",
     "line 2: users: “12.5” is not a whole number"),
    ("courses", "project,title,organiser,start_date,participants\n"
                "childcare,日本語教室,teachers,2011-04-01,5\n",
     "line 2: organiser: unknown value “teachers”"),
    ("members", "project,joined_on,former_user\nchildcare,2011-04-01,maybe\n",
     "line 2: former_user: “maybe” is not yes/no"),
    ("visits", "project,date,facility\nchildcare,2011-04-01,調理室\n",
     "line 1: users: missing column"),
])
def test_each_error_is_reported_and_nothing_is_saved(tmp_path, project, kind, text, expected):
    # A good row first: all or nothing means it is not saved either.
    lines = text.splitlines()
    good = {
        "requests": "childcare,2011-04-02,相談,handled",
        "activities": "childcare,2011-04-02,1,x",
        "visits": "childcare,2011-04-02,3,図工室",
        "courses": "childcare,講座,members,2011-04-02,5",
        "members": "childcare,2011-04-02,yes",
    }[kind]
    if "missing column" not in expected:
        text = "\n".join([lines[0], good, *lines[1:]]) + "\n"
        expected = expected.replace("line 2:", "line 3:")
    before = counts()
    status, _out, err = run(kind, write(tmp_path, text))
    assert status == 1
    assert expected in err
    assert counts() == before


@pytest.mark.django_db
def test_every_bad_row_is_reported_with_its_line(tmp_path, project):
    text = ("project,date,users,facility\n"
            "childcare,2011-04-01,3,調理室\n"
            "\n"
            "childcare,2011-04-31,3,調理室\n"
            "other,2011-04-01,x,\n")
    status, _out, err = run("visits", write(tmp_path, text))
    assert status == 1
    assert "line 4: date: “2011-04-31” is not a date" in err
    assert "line 5: project: unknown project code “other”" in err
    assert "line 5: users: “x” is not a whole number" in err
    assert "line 5: facility: is empty" in err
    assert Visit.objects.count() == 0


@pytest.mark.django_db
@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp932"])
def test_encodings(tmp_path, project, encoding):
    text = ("project,title,organiser,start_date,participants,venue,audience\r\n"
            "childcare,外国につながる子どもの日本語教室,members,2011/04/10,12,"
            "大和小学校 図工室,外国につながる子ども\r\n")
    status, _out, err = run("courses", write(tmp_path, text, encoding))
    assert status == 0, err
    course = Course.objects.get()
    assert course.title == "外国につながる子どもの日本語教室"
    assert course.venue == "大和小学校 図工室"
    assert course.audience == "外国につながる子ども"
    assert course.start_date == datetime.date(2011, 4, 10)


@pytest.mark.django_db
def test_bom_header_is_read(tmp_path, project):
    raw = "\ufeffproject,joined_on,former_user\nchildcare,2011-04-01,TRUE\nchildcare,2011-04-01,0\n"
    status, _out, err = run("members", write(tmp_path, raw))
    assert status == 0, err
    assert sorted(MemberJoined.objects.values_list("former_user", flat=True)) == [False, True]


@pytest.mark.django_db
def test_the_same_file_is_refused_the_second_time(tmp_path, project):
    path = write(tmp_path, "project,received_on,category,status\nchildcare,2011-04-01,相談,open\n")
    assert run("requests", path)[0] == 0
    renamed = write(tmp_path, path.read_text(), name="again.csv")
    status, _out, err = run("requests", renamed)
    assert status == 1
    assert "already imported" in err
    assert ServiceRequest.objects.count() == 1
    # The same bytes as another kind are another file.
    assert ImportBatch.objects.count() == 1


@pytest.mark.django_db
def test_closed_year_rows_are_refused(tmp_path, project):
    accepted_quietly(project, 2011)
    actions.close_year(actor=officer_of(project), project=project, year=2011)
    text = "project,date,hours,description\nchildcare,2012-03-31,1,x\nchildcare,2012-04-01,1,y\n"
    status, _out, err = run("activities", write(tmp_path, text))
    assert status == 1
    assert "line 2: date: fiscal year 2011 of this project is closed" in err
    assert "line 3" not in err
    assert Activity.objects.count() == 0


@pytest.mark.django_db
def test_staff_may_only_name_their_own_projects(project):
    make_project("another")
    data = "project,date,hours,description\nchildcare,2011-04-01,1,x\nanother,2011-04-01,1,y\n"
    parsed = importing.parse(data.encode(), kind="activities", allowed_project_ids={project.pk})
    assert [str(p) for p in parsed.errors] == [
        "line 3: project: “another” is not a project of your group"
    ]
    assert parsed.rows == []


@pytest.mark.django_db
def test_import_action_refuses_a_file_with_errors(project):
    parsed = importing.parse(b"project,date\n", kind="activities")
    with pytest.raises(ServiceError):
        actions.import_records(actor=None, parsed=parsed)


@pytest.mark.django_db
def test_large_batches(tmp_path, project, monkeypatch):
    monkeypatch.setattr(inserting, "BATCH_SIZE", 7)
    lines = ["project,date,users,facility"] + [
        f"childcare,2011-04-{day % 28 + 1:02d},{day},調理室" for day in range(50)
    ]
    status, _out, err = run("visits", write(tmp_path, "\n".join(lines)))
    assert status == 0, err
    assert Visit.objects.count() == 50
    assert sum(Visit.objects.values_list("users", flat=True)) == sum(range(50))


@pytest.mark.django_db
def test_import_action_refuses_other_groups_projects_for_staff(project):
    other = make_project("another")
    parsed = importing.parse(b"project,date,hours,description\nanother,2011-04-01,1,x\n",
                             kind="activities")
    with pytest.raises(ServiceError):
        actions.import_records(actor=project.group.memberships.first().user, parsed=parsed)
    assert not Activity.objects.filter(project=other).exists()
    assert not ImportBatch.objects.exists()


@pytest.mark.django_db
def test_rows_outside_the_projects_period_are_refused(tmp_path, project):
    """The project runs fiscal 2010–2012."""
    text = ("project,date,hours,description\nchildcare,2010-03-31,1,x\n"
            "childcare,2012-04-01,1,y\nchildcare,2013-03-31,1,z\n")
    before = counts()
    status, _out, err = run("activities", write(tmp_path, text))
    assert status == 1
    assert ("line 2: date: 2010-03-31 is outside this project's period "
            "(2010-04-01 – 2013-03-31)") in err
    assert "line 3" not in err and "line 4" not in err
    assert counts() == before


@pytest.mark.django_db
def test_a_year_closed_after_the_check_is_refused_by_the_action(project):
    """Between the preview and the confirmation the department closed the year."""
    data = b"project,date,hours,description\nchildcare,2011-04-01,1,x\n"
    parsed = importing.parse(data, kind="activities")
    assert parsed.ok
    accepted_quietly(project, 2011)
    actions.close_year(actor=officer_of(project), project=project, year=2011)
    before = counts()
    with pytest.raises(ServiceError, match="Fiscal year 2011 is closed"):
        actions.import_records(actor=None, parsed=parsed)
    assert counts() == before


@pytest.mark.django_db
@pytest.mark.parametrize("cell", ["預か\x00り", "タブ\tあり", "改\n行", "\x7f", "\x85"])
def test_a_cell_with_a_control_character_is_refused(tmp_path, project, cell):
    text = f'project,date,hours,description\nchildcare,2011-04-01,1,"{cell}"\n'
    before = counts()
    status, _out, err = run("activities", write(tmp_path, text))
    assert status == 1
    assert "line 2: description: contains a control character" in err
    assert counts() == before


@pytest.mark.django_db
def test_a_header_with_a_control_character_is_refused(tmp_path, project):
    status, _out, err = run("activities", write(
        tmp_path, "project,date,hours,desc\x00ription\nchildcare,2011-04-01,1,x\n"))
    assert status == 1 and "line 1: header: contains a control character" in err


@pytest.mark.django_db
def test_a_million_short_lines_stop_at_the_row_limit(project):
    data = b"project,date,hours,description\n" + b"x\n" * 1_000_000
    assert len(data) < importing.MAX_FILE_BYTES
    parsed = importing.parse(data, kind="activities")
    messages = [str(problem) for problem in parsed.errors]
    assert f"line {importing.MAX_ROWS + 2}: file: has more than 100,000 records: split it " \
           "into several files" in messages
    assert len(messages) <= importing.MAX_PROBLEMS + 2 and not parsed.rows
    assert any(m.startswith("… and ") for m in messages)  # the other bad rows are counted


@pytest.mark.django_db
def test_a_file_over_the_size_limit_is_refused_unread(project):
    parsed = importing.parse(b"x" * (importing.MAX_FILE_BYTES + 1), kind="activities")
    assert [str(p) for p in parsed.errors] == ["line 1: file: is larger than 5 MB: split it "
                                               "into several files"]


@pytest.mark.django_db
def test_only_the_first_problems_are_listed_and_the_rest_counted(tmp_path, project):
    text = "project,date,hours,description\n" + "nowhere,2011-04-01,1,x\n" * 150
    status, _out, err = run("activities", write(tmp_path, text))
    lines = err.strip().splitlines()
    assert status == 1
    assert sum(line.startswith("line ") for line in lines) == importing.MAX_PROBLEMS
    assert "… and 50 more problems in other rows (fix these and try again)" in err


@pytest.mark.django_db
@pytest.mark.parametrize(("encoding", "newline", "reorder"), [
    ("cp932", "\r\n", False), ("utf-8-sig", "\r\n", False), ("utf-8", "\n", True)])
def test_the_same_rows_in_another_file_are_refused(tmp_path, project, encoding, newline,
                                                  reorder):
    rows = ["childcare,2011-04-01,1.5,預かり", "childcare,2011-04-02,2,相談"]
    first = "project,date,hours,description\n" + "\n".join(rows) + "\n"
    assert run("activities", write(tmp_path, first, name="first.csv"))[0] == 0
    if reorder:  # other column order, other row order, 1.50 for 1.5
        again = "description,hours,date,project\n相談,2,2011-04-02,childcare\n" \
                "預かり,1.50,2011/04/01,childcare\n"
    else:
        again = newline.join(["project,date,hours,description", *rows]) + newline
    before = counts()
    status, _out, err = run("activities", write(tmp_path, again, encoding, name="again.csv"))
    assert status == 1
    assert "line 2: row: the same record is already in the portal" in err
    assert counts() == before


@pytest.mark.django_db
def test_a_file_repeating_some_rows_of_an_earlier_one_is_refused(tmp_path, project):
    """Only the repeated row is named; the new one would go in once the file is fixed."""
    first = "project,date,hours,description\nchildcare,2011-04-01,1.5,預かり\n"
    assert run("activities", write(tmp_path, first, name="first.csv"))[0] == 0
    both = first + "childcare,2011-04-02,2,相談\n"
    before = counts()
    status, _out, err = run("activities", write(tmp_path, both, name="both.csv"))
    assert status == 1
    assert "line 2: row: the same record is already in the portal" in err
    assert "line 3" not in err
    assert counts() == before


@pytest.mark.django_db
def test_a_record_entered_on_the_page_is_not_imported_again(tmp_path, project):
    from services.kinds import KINDS

    actions.create_records(actor=project.group.memberships.first().user, project=project,
                           kind=KINDS["activities"],
                           rows=[{"date": datetime.date(2011, 4, 1), "hours": Decimal("2"),
                                  "description": "手入力"}])
    status, _out, err = run("activities", write(
        tmp_path, "project,date,hours,description\nchildcare,2011-04-01,2.00,手入力\n"))
    assert status == 1 and "already in the portal" in err


@pytest.mark.django_db
@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le"])
def test_a_utf16_file_is_named_as_the_wrong_encoding(tmp_path, project, encoding):
    status, _out, err = run("activities", write(
        tmp_path, "project,date,hours,description\nchildcare,2011-04-01,1,x\n", encoding))
    assert status == 1 and "is neither UTF-8 nor Shift_JIS text" in err
