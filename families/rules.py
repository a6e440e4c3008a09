"""Who reads and acts on family-situation reports: the designated child-welfare officers,
and the staff of the project that filed the report (their own project's reports only).
Everyone else, administrators and auditors included, may not know a report exists."""

import rules

from partnership.roles import Role
from partnership.rules import is_project_staff, role_predicate
from services.rules import is_operating_member

is_child_welfare_officer = role_predicate(Role.CHILD_WELFARE_OFFICER)


@rules.predicate
def has_family_contacts(user, project) -> bool:
    """The project's agreement in force includes direct contacts with families."""
    return project is not None and project.agreements.filter(
        status="in_force", family_contacts=True).exists()


@rules.predicate
def is_filing_staff(user, report) -> bool:
    """Project staff of the group that runs the report's project."""
    return report is not None and is_operating_member(user, report.project)


@rules.predicate
def intervention_recorded(user, report) -> bool:
    return report is not None and bool(report.intervention)


can_file = is_project_staff & is_operating_member & has_family_contacts

rules.add_perm("families.file_report", can_file)
rules.add_perm("families.read_report", is_child_welfare_officer
               | (is_project_staff & is_filing_staff))
# The list: the officers (every report) and project staff (their projects' reports).
rules.add_perm("families.list_reports", is_child_welfare_officer | is_project_staff)
rules.add_perm("families.read_city_notes", is_child_welfare_officer)
rules.add_perm("families.view_indicators", is_child_welfare_officer)
