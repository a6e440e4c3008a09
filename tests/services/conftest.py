import datetime

import pytest

from partnership.roles import Role
from services.models import Project
from tests.factories import (
    DepartmentFactory,
    GroupMembershipFactory,
    ProposalFactory,
    UserFactory,
)


def make_project(code: str = "childcare", *, starts_on=datetime.date(2010, 4, 1),
                 years: int = 3) -> Project:
    """A project whose group has a staff member and whose department has an officer."""
    staff = UserFactory(roles=[Role.PROJECT_STAFF])
    membership = GroupMembershipFactory(user=staff)
    department = DepartmentFactory()
    department.officers.add(UserFactory(roles=[Role.CITY_OFFICER]))
    proposal = ProposalFactory(group=membership.group, created_by=staff)
    return Project.objects.create(
        proposal=proposal, code=code, title=proposal.title, group=membership.group,
        department=department, starts_on=starts_on,
        ends_on=starts_on.replace(year=starts_on.year + years) - datetime.timedelta(days=1),
    )


def staff_of(project: Project):
    return project.group.memberships.first().user


def officer_of(project: Project):
    return project.department.officers.first()


@pytest.fixture
def project(db):
    return make_project()
