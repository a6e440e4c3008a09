"""Agreements for tests: terms, a project whose group has a representative, and a version
brought to a given state through the actions."""

import datetime

from partnership.models import GroupMembership
from services import actions
from services.models import Agreement, Project
from tests.factories import UserFactory

from .conftest import make_project, officer_of

TERMS = {
    "starts_on": datetime.date(2010, 4, 1), "ends_on": datetime.date(2013, 3, 31),
    "group_role": "相談窓口の運営", "city_role": "会場の提供と広報",
    "city_contribution": 1_200_000, "group_share": 300_000,
    "indicators": "相談件数 年間3,000件", "reporting": "年度終了後30日以内に実績報告書を提出",
}


def representative_of(project: Project):
    membership = project.group.memberships.filter(role="representative").first()
    if membership is None:
        membership = GroupMembership.objects.create(group=project.group, user=UserFactory(),
                                                    role="representative")
    return membership.user


def agreement_project(code: str = "childcare") -> Project:
    project = make_project(code)
    representative_of(project)
    return project


def agreement_in(project: Project, status: str, *, group_confirmed=False,
                 department_confirmed=False) -> Agreement:
    """A version in `status`: a draft (confirmed by the sides asked), in force, or
    superseded (by an amendment in force)."""
    officer = officer_of(project)
    agreement = actions.draft_agreement(actor=officer, project=project, **TERMS)
    if status == Agreement.Status.DRAFT:
        if group_confirmed:
            actions.confirm_agreement(actor=representative_of(project), agreement=agreement,
                                      side="group")
        if department_confirmed:
            actions.confirm_agreement(actor=officer, agreement=agreement, side="department")
        agreement.refresh_from_db()
        return agreement
    _confirm_both(agreement)
    if status == Agreement.Status.SUPERSEDED:
        amendment = actions.draft_agreement(actor=officer, project=project, reason="対象の拡大",
                                            **{**TERMS, "group_role": "家庭訪問を追加"})
        _confirm_both(amendment)
    agreement.refresh_from_db()
    return agreement


def _confirm_both(agreement: Agreement) -> None:
    project = agreement.project
    actions.confirm_agreement(actor=representative_of(project), agreement=agreement,
                              side="group")
    actions.confirm_agreement(actor=officer_of(project), agreement=agreement,
                              side="department")
