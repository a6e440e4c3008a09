"""Who reads and acts on family-situation reports: the designated child-welfare officers,
and the staff of the project that filed the report (their own project's reports only).
Everyone else, administrators and auditors included, may not know a report exists."""

import rules
from django.db.models import Exists, OuterRef, Q

from partnership.roles import Role
from partnership.rules import is_project_staff, role_predicate, runs_the_site
from partnership.selectors import member_group_ids
from services.models import Agreement, Project
from services.rules import is_operating_member

# Administrators run the site and do not read reports: put in the officers' group (the
# admin refuses it, but a group can be given elsewhere), they still are no officers.
is_child_welfare_officer = role_predicate(Role.CHILD_WELFARE_OFFICER) & ~runs_the_site


@rules.predicate
def has_family_contacts(user, project) -> bool:
    """The project's agreement in force includes direct contacts with families."""
    return project is not None and project.agreements.filter(
        status="in_force", family_contacts=True).exists()


@rules.predicate
def runs_a_family_project(user) -> bool:
    """A member of a group whose project may file reports (family contacts in force) or
    has filed some: its staff have a list to read. Cached for the page (the navigation
    asks on every page); `forget_cached_answers` drops it."""
    if not hasattr(user, "_cached_runs_a_family_project"):
        in_force = Agreement.objects.filter(project=OuterRef("pk"), status="in_force",
                                            family_contacts=True)
        user._cached_runs_a_family_project = bool(member_group_ids(user)) and (
            Project.objects.filter(group_id__in=member_group_ids(user))
            .filter(Q(Exists(in_force)) | Q(family_reports__isnull=False)).exists())
    return user._cached_runs_a_family_project


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
# The list, and the navigation's link to it: the officers (every report) and the staff of
# a project that files or has filed (their projects' reports); nobody else has reports.
rules.add_perm("families.list_reports", is_child_welfare_officer
               | (is_project_staff & runs_a_family_project))
rules.add_perm("families.read_city_notes", is_child_welfare_officer)
rules.add_perm("families.view_indicators", is_child_welfare_officer)
