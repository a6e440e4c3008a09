"""Permission predicates of the services app: one place for views, templates and actions.

Visitors who may not see a project's internal pages get a 404 from the views
(`services.view_records` decides); those who may see them but not act get 403. What may
be done in a fiscal year (records, targets, evaluations, closing it) is the year's
transition table, `services.transitions.YEAR`, built on the predicates below: they take
a project or one of its years.
"""

import rules
from django.utils import timezone

from partnership import clock
from partnership.fiscal import fiscal_year_bounds
from partnership.rules import (
    is_administrator,
    is_city_officer,
    is_mayors_office,
    is_partnership_member,
)
from partnership.selectors import is_representative, member_group_ids

from .models import AnnualReport, Evaluation, Project, Renewal
from .periods import last_agreed_year


def department_ids(user) -> set[int]:
    """City departments the user is an officer of (cached on the user object)."""
    if not hasattr(user, "_cached_department_ids"):
        user._cached_department_ids = set(
            user.departments.values_list("pk", flat=True)
        ) if user.is_authenticated else set()
    return user._cached_department_ids


def project_of(obj):
    """The project itself, or the project of one of its parts (a `ProjectYear`, an
    `Agreement`)."""
    return obj if isinstance(obj, Project) else obj.project


@rules.predicate
def is_operating_member(user, obj) -> bool:
    """A member of the group that runs the project: its staff."""
    return obj is not None and project_of(obj).group_id in member_group_ids(user)


@rules.predicate
def is_partner_officer(user, obj) -> bool:
    """An officer of the project's partner department."""
    if obj is None:
        return False
    department_id = project_of(obj).department_id
    return department_id is not None and department_id in department_ids(user)


@rules.predicate
def represents_operating_group(user, obj) -> bool:
    """The representative of the group that runs the project: who signs for it."""
    return obj is not None and is_representative(user, project_of(obj).group_id)


@rules.predicate
def awaits_group(user, agreement) -> bool:
    """The group has not confirmed this version yet."""
    return agreement is not None and agreement.group_confirmed_at is None


@rules.predicate
def awaits_department(user, agreement) -> bool:
    return agreement is not None and agreement.department_confirmed_at is None


@rules.predicate
def has_no_draft_agreement(user, project) -> bool:
    return project is not None and not project.agreements.filter(status="draft").exists()


def report_of(year) -> AnnualReport | None:
    """The year's annual report, or None (cached on the year object by Django)."""
    try:
        return year.report
    except AnnualReport.DoesNotExist:
        return None


@rules.predicate
def records_open(user, year) -> bool:
    """No annual report of the year is submitted or accepted: its records may change."""
    report = report_of(year) if year is not None else None
    return report is None or not report.locks_records


@rules.predicate
def report_accepted(user, year) -> bool:
    report = report_of(year) if year is not None else None
    return report is not None and report.status == AnnualReport.Status.ACCEPTED


@rules.predicate
def year_has_ended(user, report) -> bool:
    """An annual report is written after its fiscal year."""
    if report is None:
        return False
    return timezone.localdate(clock.now()) > fiscal_year_bounds(report.fiscal_year)[1]


@rules.predicate
def report_written(user, report) -> bool:
    """The report was saved at least once (a page may show one not written yet)."""
    return report is not None and report.pk is not None


@rules.predicate
def report_year_open(user, report) -> bool:
    return report is not None and report.year.status == report.year.Status.OPEN


@rules.predicate
def ends_agreed_period(user, year) -> bool:
    """The year is the last of the agreed period: the one a renewal follows."""
    return year is not None and last_agreed_year(year.project) == year.fiscal_year


@rules.predicate
def evaluated_by_partnership(user, year) -> bool:
    """The partnership has written its evaluation of the year (with its verdict)."""
    return year is not None and Evaluation.objects.filter(
        project_id=year.project_id, fiscal_year=year.fiscal_year,
        evaluator=Evaluation.Evaluator.PARTNERSHIP).exists()


@rules.predicate
def renewal_undecided(user, year) -> bool:
    return year is not None and not Renewal.objects.filter(
        project_id=year.project_id, fiscal_year=year.fiscal_year).exists()


@rules.predicate
def runs_any_project(user) -> bool:
    groups = member_group_ids(user)
    return bool(groups) and Project.objects.filter(group_id__in=groups).exists()


can_read_records = is_operating_member | is_city_officer | is_partner_officer | is_mayors_office

rules.add_perm("services.read_project", rules.always_allow)
# The partner department's officers keep the project's details; only an administrator
# makes a department the partner (an officer could otherwise take any project over).
rules.add_perm("services.edit_project", is_partner_officer | is_administrator)
rules.add_perm("services.change_department", is_administrator)
rules.add_perm("services.view_records", can_read_records)
rules.add_perm("services.import_records", rules.is_authenticated & runs_any_project)
rules.add_perm("services.view_evaluations", can_read_records | is_partnership_member)
# The partner department writes the agreement (and each amendment) for both sides to
# confirm; one version is written at a time.
rules.add_perm("services.draft_agreement", is_partner_officer & has_no_draft_agreement)
