"""Family-situation reports made through the real actions, in a chosen state."""

from families import actions
from families.models import FamilyReport
from partnership.roles import Role
from services.models import Agreement, Project
from tests.factories import GroupMembershipFactory, UserFactory
from tests.services.conftest import make_project, officer_of, staff_of

SECRET = "ひみつの観察メモ-7d1f"
REFERENCE = "FAM-REF-93qz"
NOTES = "市の内部メモ-k4p2"
REPLY = "受け付けました-r8x3"


def with_family_contacts(project: Project, *, contacts: bool = True) -> Project:
    officer = officer_of(project)
    Agreement.objects.create(
        project=project, version=1, status=Agreement.Status.IN_FORCE,
        starts_on=project.starts_on, ends_on=project.ends_on, group_role="家庭訪問",
        city_role="連絡調整", city_contribution=0, group_share=0, indicators="件数",
        reporting="年次", drafted_by=officer, family_contacts=contacts)
    return project


def family_project(code: str = "childcare") -> Project:
    return with_family_contacts(make_project(code))


def welfare_officer(**kwargs):
    return UserFactory(roles=[Role.CITY_OFFICER, Role.CHILD_WELFARE_OFFICER], **kwargs)


def other_staff(project: Project):
    """Project staff who is a member of the group, beside the first one."""
    user = UserFactory(roles=[Role.PROJECT_STAFF])
    GroupMembershipFactory(user=user, group=project.group)
    return user


def file(project: Project, *, urgency: str = "urgent", category: str = "child_safety",
         **kwargs) -> FamilyReport:
    data = {"family_reference": REFERENCE, "category": category, "urgency": urgency,
            "observed": SECRET, "npo_action": "訪問した", "consent": True, **kwargs}
    return actions.file_report(actor=staff_of(project), project=project, **data)


def report_in(state: str, project: Project | None = None, officer=None) -> FamilyReport:
    """A report filed, acknowledged, acknowledged with its intervention, or closed."""
    project = project or family_project()
    officer = officer or welfare_officer()
    report = file(project)
    if state == "filed":
        return report
    report = actions.acknowledge_report(actor=officer, report=report, reply=REPLY)
    if state == "acknowledged":
        return report
    report = actions.record_intervention(actor=officer, report=report,
                                         intervention="home_visit", city_notes=NOTES)
    if state == "intervened":
        return report
    return actions.close_report(actor=officer, report=report)
