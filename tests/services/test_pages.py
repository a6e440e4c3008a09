import datetime
import re
from decimal import Decimal

import pytest
from django.contrib.messages import get_messages
from django.contrib.sessions.models import Session
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from partnership.roles import Role
from services import actions
from services.errors import ServiceError
from services.models import (
    Activity,
    Course,
    Evaluation,
    MemberJoined,
    ServiceRequest,
    Target,
    Visit,
)
from services.views.imports import SESSION_IMPORT
from tests.lifecycle import chair

from .conftest import make_project, officer_of, staff_of


def fill(project, n: int) -> None:
    day = datetime.date(2011, 4, 1)
    days = [day + datetime.timedelta(days=i % 300) for i in range(n)]
    ServiceRequest.objects.bulk_create(
        ServiceRequest(project=project, received_on=d, category="相談", status="handled")
        for d in days)
    Activity.objects.bulk_create(Activity(project=project, date=d, hours=1) for d in days)
    Visit.objects.bulk_create(Visit(project=project, date=d, users=3, facility="調理室")
                              for d in days)
    Course.objects.bulk_create(Course(project=project, start_date=d, title="講座",
                                      organiser="members", participants=2) for d in days)
    MemberJoined.objects.bulk_create(MemberJoined(project=project, joined_on=d) for d in days)


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["requests", "activities", "visits", "courses", "members"])
def test_record_list_queries_are_constant(client, django_assert_max_num_queries, kind):
    small, large = make_project("small"), make_project("large")
    fill(small, 10)
    fill(large, 200)
    counts = []
    for project in (small, large):
        client.force_login(staff_of(project))
        url = reverse("services:record_list", kwargs={"code": project.code, "kind": kind})
        with django_assert_max_num_queries(16) as context:
            response = client.get(url, {"year": 2011})
        assert response.status_code == 200
        counts.append(len(context.captured_queries))
    assert counts[0] == counts[1]


@pytest.mark.django_db
def test_project_page_queries_are_constant(client, django_assert_max_num_queries):
    small, large = make_project("small"), make_project("large")
    fill(small, 10)
    fill(large, 200)
    counts = []
    for project in (small, large):
        client.force_login(staff_of(project))
        url = reverse("services:project_detail", kwargs={"code": project.code})
        # The first page of a process also looks up content types, which Django then keeps.
        client.get(url, {"year": 2011})
        with django_assert_max_num_queries(25) as context:
            response = client.get(url, {"year": 2011})
        assert response.status_code == 200
        counts.append(len(context.captured_queries))
    assert counts[0] == counts[1]


@pytest.mark.django_db
def test_history_and_project_list_queries_are_constant(client, django_assert_max_num_queries):
    counts = []
    for size in (2, 12):
        projects = [make_project(f"p{size}-{i}") for i in range(size)]
        client.force_login(staff_of(projects[0]))
        with django_assert_max_num_queries(16) as context:
            assert client.get(reverse("services:project_list")).status_code == 200
        counts.append(len(context.captured_queries))
    assert counts[0] == counts[1]


@pytest.mark.django_db
def test_targets_against_results(client, project):
    staff, officer = staff_of(project), officer_of(project)
    fill(project, 8)  # 8 of each kind in fiscal 2011
    actions.set_targets(actor=staff, project=project, year=2011, values={
        "service_requests": Decimal(10), "activity_hours": Decimal(16), "facility_users": None,
    })
    actions.agree_targets(actor=officer, project=project, year=2011)
    client.force_login(staff)
    url = reverse("services:project_detail", kwargs={"code": project.code})
    body = client.get(url, {"year": 2011}).content.decode()
    requests_row = body.split('data-indicator="service_requests"')[1].split("</tr>")[0]
    assert ">10<" in requests_row.replace(" ", "").replace("\n", "")
    assert '<td class="text-end result">8</td>' in requests_row
    assert '<td class="text-end share">80.0%</td>' in requests_row  # as the reports show it
    assert "agreed" in requests_row
    hours_row = body.split('data-indicator="activity_hours"')[1].split("</tr>")[0]
    assert '<td class="text-end result">8.00</td>' in hours_row
    assert '<td class="text-end share">50.0%</td>' in hours_row
    users_row = body.split('data-indicator="facility_users"')[1].split("</tr>")[0]
    assert '<td class="text-end result">24</td>' in users_row
    assert '<td class="text-end share">—</td>' in users_row


@pytest.mark.django_db
def test_changing_a_target_clears_its_agreement(project):
    staff, officer = staff_of(project), officer_of(project)
    actions.set_targets(actor=staff, project=project, year=2011,
                        values={"courses": Decimal(10), "new_members": Decimal(5)})
    actions.agree_targets(actor=officer, project=project, year=2011)
    actions.set_targets(actor=staff, project=project, year=2011,
                        values={"courses": Decimal(12), "new_members": Decimal(5)})
    agreed = dict(Target.objects.values_list("indicator", "agreed_by"))
    assert agreed == {"courses": None, "new_members": officer.pk}
    with pytest.raises(ServiceError):
        actions.agree_targets(actor=staff, project=project, year=2011)


@pytest.mark.django_db
def test_three_evaluations_side_by_side(client, project, make_user):
    staff, officer = staff_of(project), officer_of(project)
    client.force_login(chair())
    url = reverse("services:evaluation", kwargs={"code": project.code, "year": 2011,
                                                 "evaluator": "partnership"})
    sent = {"progress": 4, "division_of_roles": 3, "satisfaction": 5, "outcomes": 2,
            "comment": "市民委員会の評価"}
    response = client.post(url, sent)  # no overall verdict: the form says so
    assert response.status_code == 200 and 'id="error-summary"' in response.content.decode()
    response = client.post(url, {**sent, "verdict": "continue_with_changes"})
    assert response.status_code == 302
    actions.save_evaluation(actor=staff, project=project, year=2011, evaluator="group",
                            progress=5, division_of_roles=4, satisfaction=4, outcomes=4,
                            verdict="continue", comment="団体の自己評価")
    actions.save_evaluation(actor=officer, project=project, year=2011, evaluator="department",
                            progress=3, division_of_roles=3, satisfaction=4, outcomes=3,
                            verdict="end")
    with pytest.raises(ServiceError):
        actions.save_evaluation(actor=staff, project=project, year=2011,
                                evaluator="department", progress=5, division_of_roles=5,
                                satisfaction=5, outcomes=5, verdict="continue")
    with pytest.raises(ServiceError, match="overall verdict"):
        actions.save_evaluation(actor=staff, project=project, year=2011, evaluator="group",
                                progress=5, division_of_roles=5, satisfaction=5, outcomes=5,
                                verdict="maybe")
    assert Evaluation.objects.count() == 3
    body = client.get(reverse("services:project_detail", kwargs={"code": project.code}),
                      {"year": 2011}).content.decode()
    row = body.split("Progress against plan</th>")[1].split("</tr>")[0]
    assert row.replace(" ", "") == "<td>5</td><td>3</td><td>4</td>"
    assert "団体の自己評価" in body and "市民委員会の評価" in body
    verdicts = body.split("Overall verdict</th>")[1].split("</tr>")[0]
    assert verdicts.replace(" ", "") == (
        "<td>Continue</td><td>End</td><td>Continuewithchanges</td>")
    assert "summary-table" not in body  # the partnership reads evaluations, not records


@pytest.fixture
def media(settings, tmp_path):
    """Previewed uploads wait in the default storage: a MEDIA_ROOT of the test's own."""
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def stored_files(media) -> list:
    return sorted(path for path in media.rglob("*") if path.is_file())


@pytest.mark.django_db
def test_upload_page_previews_then_imports(client, project, media):
    staff = staff_of(project)
    other = make_project("another")
    client.force_login(staff)
    url = reverse("services:import_upload")
    confirm = reverse("services:import_confirm")
    bad = ("project,date,hours,description\nchildcare,2011-04-01,1,x\n"
           "another,2011-04-01,x,y\n").encode("cp932")
    response = client.post(url, {"kind": "activities",
                                 "file": SimpleUploadedFile("bad.csv", bad)})
    body = response.content.decode()
    assert "line 3: project: “another” is not a project of your group" in body
    assert "line 3: hours: “x” is not a number" in body
    assert 'name="confirm"' not in body
    # The preview numbers its rows as the problems do: the file's line 3 is easy to find.
    assert re.search(r'<th scope="row">3</th><td>another</td>', body)
    good = "project,date,hours,description\nchildcare,2011-04-01,1.5,預かり\n".encode("cp932")
    response = client.post(url, {"kind": "activities",
                                 "file": SimpleUploadedFile("good.csv", good)})
    assert 'name="confirm"' in response.content.decode()
    assert not Activity.objects.exists()  # a preview saves nothing
    digest = response.context["parsed"].sha256
    response = client.post(confirm, {"confirm": "1", "sha256": "0" * 64})
    assert not Activity.objects.exists()
    response = client.post(confirm, {"confirm": "1", "sha256": digest})
    assert response.status_code == 302
    assert list(Activity.objects.values_list("project", "description", "created_by")) == [
        (project.pk, "預かり", staff.pk)
    ]
    assert not Activity.objects.filter(project=other).exists()
    # Confirming again (or uploading the same file) imports nothing more.
    client.post(confirm, {"confirm": "1", "sha256": digest})
    response = client.post(url, {"kind": "activities",
                                 "file": SimpleUploadedFile("again.csv", good)})
    assert "already imported" in response.content.decode()
    assert Activity.objects.count() == 1


def activities_csv(code: str, rows: int) -> bytes:
    lines = [f"{code},2011-{4 + i % 9:02d}-{1 + i % 28:02d},1.5,活動 {i}" for i in range(rows)]
    return ("project,date,hours,description\n" + "\n".join(lines) + "\n").encode()


@pytest.mark.django_db
def test_a_preview_keeps_the_file_out_of_the_session(client, project, media):
    """The bytes wait in the default storage; the session holds a name and a digest."""
    client.force_login(staff_of(project))
    url = reverse("services:import_upload")
    confirm = reverse("services:import_confirm")
    first = activities_csv(project.code, 3000)  # about 100 kB
    assert len(first) > 90_000
    response = client.post(url, {"kind": "activities",
                                 "file": SimpleUploadedFile("first.csv", first)})
    assert 'name="confirm"' in response.content.decode()
    stored = client.session[SESSION_IMPORT]
    assert set(stored) == {"kind", "filename", "sha256", "name"}
    row = Session.objects.get(session_key=client.session.session_key)
    assert len(row.session_data) < 1000
    assert stored["name"].startswith(f"imports/{stored['sha256']}")
    assert [path.read_bytes() for path in stored_files(media)] == [first]

    # A new preview replaces the first one, whose file is deleted.
    second = activities_csv(project.code, 20)
    client.post(url, {"kind": "activities", "file": SimpleUploadedFile("second.csv", second)})
    assert [path.read_bytes() for path in stored_files(media)] == [second]
    assert client.session[SESSION_IMPORT]["filename"] == "second.csv"

    digest = client.session[SESSION_IMPORT]["sha256"]
    response = client.post(confirm, {"confirm": "1", "sha256": digest})
    assert response.status_code == 302
    assert Activity.objects.count() == 20
    assert stored_files(media) == []  # confirmed: the stored file is gone
    assert SESSION_IMPORT not in client.session


@pytest.mark.django_db
def test_a_failed_preview_deletes_the_previous_file(client, project, media):
    client.force_login(staff_of(project))
    url = reverse("services:import_upload")
    client.post(url, {"kind": "activities",
                      "file": SimpleUploadedFile("good.csv", activities_csv(project.code, 2))})
    assert len(stored_files(media)) == 1
    bad = b"project,date,hours,description\nnowhere,2011-04-01,1,x\n"
    client.post(url, {"kind": "activities", "file": SimpleUploadedFile("bad.csv", bad)})
    assert stored_files(media) == []
    assert SESSION_IMPORT not in client.session


@pytest.mark.django_db
def test_confirming_a_preview_whose_file_is_gone_imports_nothing(client, project, media):
    client.force_login(staff_of(project))
    url = reverse("services:import_upload")
    confirm = reverse("services:import_confirm")
    client.post(url, {"kind": "activities",
                      "file": SimpleUploadedFile("good.csv", activities_csv(project.code, 2))})
    digest = client.session[SESSION_IMPORT]["sha256"]
    for path in stored_files(media):
        path.unlink()
    response = client.post(confirm, {"confirm": "1", "sha256": digest})
    assert response.status_code == 302
    assert not Activity.objects.exists()
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        "The upload has expired: choose the file again."
    ]
    assert SESSION_IMPORT not in client.session


@pytest.mark.django_db
def test_one_imported_record_is_singular(client, project, media):
    client.force_login(staff_of(project))
    url = reverse("services:import_upload")
    confirm = reverse("services:import_confirm")
    client.post(url, {"kind": "activities",
                      "file": SimpleUploadedFile("one.csv", activities_csv(project.code, 1))})
    response = client.post(confirm, {"confirm": "1",
                                     "sha256": client.session[SESSION_IMPORT]["sha256"]})
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        "1 record was imported from one.csv."
    ]


@pytest.mark.django_db
def test_each_user_is_offered_the_evaluations_they_may_write(client, project, make_user):
    """The partnership's evaluation is the chair's; members read the evaluations."""
    member = make_user(Role.PARTNERSHIP_MEMBER)
    url = reverse("services:project_detail", kwargs={"code": project.code})
    for user, evaluator in ((staff_of(project), "group"), (officer_of(project), "department"),
                            (chair(), "partnership"), (member, None)):
        client.force_login(user)
        body = client.get(url, {"year": 2011}).content.decode()
        offered = [value for value in ("group", "department", "partnership")
                   if f'/years/2011/evaluations/{value}/"' in body]
        assert offered == ([evaluator] if evaluator else [])
        # Members (and the chair, sitting as one) add their comments beside it.
        assert ("/years/2011/evaluations/partnership/comments/" in body) == (
            evaluator in ("partnership", None))
