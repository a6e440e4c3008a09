"""The project's change history: the audit log about the project and its parts, in words."""

import datetime
import re
from decimal import Decimal

import pytest
from django.urls import reverse

from partnership import audit
from partnership.roles import Role
from services import actions, importing
from services.kinds import KINDS
from tests.factories import DepartmentFactory, UserFactory
from tests.services.report_data import accepted_quietly

from .conftest import make_project, officer_of, staff_of

pytestmark = pytest.mark.django_db


def cells(body: str, table_id: str = "history-table") -> list[list[str]]:
    """The table's rows as lists of cell texts (tags dropped, spaces collapsed)."""
    table = body.split(f'id="{table_id}"')[1].split("</table>")[0]
    rows = re.findall(r"<tr>(.*?)</tr>", table.split("<tbody>")[1], flags=re.S)
    return [[" ".join(re.sub(r"<[^>]+>", " ", cell).split())
             for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, flags=re.S)] for row in rows]


def a_year_of_changes(project) -> None:
    staff, officer = staff_of(project), officer_of(project)
    [request] = actions.create_records(
        actor=staff, project=project, kind=KINDS["requests"],
        rows=[{"received_on": datetime.date(2011, 6, 1), "category": "相談", "status": "open"}])
    actions.update_record(actor=staff, record=request, status="handled")
    [member] = actions.create_records(
        actor=staff, project=project, kind=KINDS["members"],
        rows=[{"joined_on": datetime.date(2011, 7, 1), "former_user": True}])
    actions.delete_record(actor=staff, record=member)
    data = (f"project,date,hours,description\n{project.code},2011-08-01,1.5,預かり\n").encode()
    actions.import_records(actor=None, parsed=importing.parse(data, kind="activities",
                                                              filename="august.csv"))
    actions.set_targets(actor=staff, project=project, year=2011,
                        values={"courses": Decimal(10), "activity_hours": Decimal("12.5")})
    actions.agree_targets(actor=officer, project=project, year=2011)
    actions.save_evaluation(actor=staff, project=project, year=2011, evaluator="group",
                            progress=4, division_of_roles=3, satisfaction=5, outcomes=4,
                            verdict="continue", comment="順調")
    actions.save_evaluation(actor=staff, project=project, year=2011, evaluator="group",
                            progress=5, division_of_roles=3, satisfaction=5, outcomes=4,
                            verdict="continue", comment="順調")
    accepted_quietly(project, 2011)
    actions.close_year(actor=officer, project=project, year=2011)
    # Only an administrator makes another department the partner.
    admin = UserFactory(roles=[Role.ADMINISTRATOR])
    actions.update_project(actor=admin, project=project, code=project.code,
                           department=DepartmentFactory(name="生涯学習課"),
                           starts_on=project.starts_on, ends_on=project.ends_on,
                           agreement_date=datetime.date(2010, 3, 15))


def test_every_change_is_in_the_history_in_words(client, project):
    a_year_of_changes(project)
    client.force_login(staff_of(project))
    response = client.get(reverse("services:record_changes", kwargs={"code": project.code}))
    body = response.content.decode()
    headings = re.findall(r'<th scope="col">(.*?)</th>', body.split('id="history-table"')[1])
    assert headings == ["When", "By", "Change", "Concerning", "Values (before → after)"]
    rows = [row[2:] for row in cells(body)]  # newest first, without when and who
    assert rows == [
        ["Project details changed", project.title,
         f"Partner department: {project.department.name} → 生涯学習課 "
         "Agreement date: — → 2010-03-15"],
        ["Fiscal year closed", f"{project.title} (2011)", "Status: open → closed"],
        ["Evaluation written", f"{project.title} 2011 (Group)", "Progress against plan: 4 → 5"],
        ["Evaluation written", f"{project.title} 2011 (Group)",
         "Progress against plan: 4 How well the division of roles worked: 3 "
         "Beneficiary satisfaction: 5 Outcomes: 4 Comment: 順調 Overall verdict: Continue"],
        ["Targets agreed", f"{project.title} (2011)", "Activity hours: 12.5 Courses: 10"],
        ["Targets set", f"{project.title} (2011)", "Activity hours: — → 12.5 Courses: — → 10"],
        ["Records imported", "Activities: august.csv",
         "Kind: Activities File name: august.csv Rows: 1"],
        ["Record deleted", "member joined 2011-07-01",
         "Joined on: 2011-07-01 Former service user: yes"],
        ["Record added", "member joined 2011-07-01",
         "Joined on: 2011-07-01 Former service user: yes"],
        ["Record changed", "service request 2011-06-01", "Status: Open → Handled"],
        ["Record added", "service request 2011-06-01",
         "Received on: 2011-06-01 Category: 相談 Status: Open"],
    ]
    assert cells(body)[6][1] == "administrator (command)"  # the import, by the command
    assert "{" not in body.split('id="history-table"')[1]


def test_the_history_pages_queries_do_not_grow(client, django_assert_max_num_queries):
    counts = []
    for code, more in (("small", 0), ("large", 20)):
        project = make_project(code)
        a_year_of_changes(project)
        for value in range(more):
            actions.set_targets(actor=staff_of(project), project=project, year=2012,
                                values={"courses": Decimal(value + 1)})
        assert audit.history(project).count() == 11 + more
        client.force_login(staff_of(project))
        with django_assert_max_num_queries(12) as context:
            response = client.get(reverse("services:record_changes", kwargs={"code": code}))
        assert response.status_code == 200
        counts.append(len(context.captured_queries))
    assert counts[0] == counts[1]
