"""The people and groups the demo acts as, found by their natural keys or created.

Simplification: the partnership that ballots on the historic proposals is today's, because
`cast_ballot` needs a sitting member; its terms cover today.
"""

from dataclasses import dataclass

from django.contrib.auth.models import Group
from django.utils import timezone

from partnership.fiscal import fiscal_year_bounds, fiscal_year_of
from partnership.models import (
    CitizenGroup,
    Department,
    GroupMembership,
    PartnershipMember,
    User,
)
from partnership.roles import Role, role_groups
from partnership.selectors import sitting_members

from .people import DEPARTMENTS, GROUPS, PARTNERSHIP

DEMO_EMAIL_DOMAIN = "example.jp"


@dataclass(frozen=True)
class Roster:
    departments: dict[str, Department]  # by name
    members: dict[str, User]  # the partnership, by user name
    chair: User
    groups: dict[str, CitizenGroup]  # by key of GROUPS
    authors: dict[str, User]  # by key of GROUPS: its representative, who writes its proposals
    recused: dict[str, set[int]]  # by key of GROUPS: the members who belong to the group
    officer: User
    mayor: User


def load() -> Roster:
    roles = {g.name: g for g in role_groups(*Role)}
    departments = _departments()
    members = _partnership(roles)
    groups, authors = _groups(members, roles)
    recused = {
        key: ({members[spec[4]].pk} if spec[4] else set())
        for key, spec in GROUPS.items()
    }
    return Roster(departments=departments, members=members, chair=members["chair"],
                  groups=groups, authors=authors, recused=recused,
                  officer=User.objects.get(username="officer"),
                  mayor=User.objects.get(username="mayor"))


def _user(username: str, display_name: str, roles: list[Role],
          role_groups_by_name: dict[str, Group]) -> User:
    user, created = User.objects.get_or_create(
        username=username,
        defaults={"display_name": display_name, "email": f"{username}@{DEMO_EMAIL_DOMAIN}"},
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    wanted = [role_groups_by_name[r.value] for r in roles if r.value in role_groups_by_name]
    if wanted:
        user.groups.add(*wanted)
    return user


def _departments() -> dict[str, Department]:
    departments = {}
    for name, name_en in DEPARTMENTS.items():
        departments[name], _created = Department.objects.get_or_create(name=name)
        if departments[name].name_en != name_en:  # a demo loaded before English names
            departments[name].name_en = name_en
            departments[name].save(update_fields=["name_en"])
    officer = User.objects.filter(username="officer").first()
    if officer is not None:
        departments["市民活動課"].officers.add(officer)
    return departments


def _partnership(role_groups_by_name: dict[str, Group]) -> dict[str, User]:
    today = timezone.localdate()
    this_year = fiscal_year_of(today)
    term_start = fiscal_year_bounds(this_year - 1)[0]  # two-year terms
    term_end = fiscal_year_bounds(this_year)[1]
    sitting = set(sitting_members(on=today).values_list("user__username", flat=True))
    members = {}
    for username, name, category in PARTNERSHIP:
        roles = [Role.PARTNERSHIP_MEMBER] + ([Role.CHAIR] if username == "chair" else [])
        user = _user(username, name, roles, role_groups_by_name)
        if username not in sitting:
            PartnershipMember.objects.get_or_create(
                user=user, term_start=term_start,
                defaults={"term_end": term_end, "category": category,
                          "is_chair": username == "chair"},
            )
        members[username] = user
    return members


DEMO_ARTICLES = ("会の目的、会員、総会での議決、役員（代表者・会計）、会計年度と会計監査を"
                 "定める。")


def _groups(members: dict[str, User], role_groups_by_name: dict[str, Group]
            ) -> tuple[dict[str, CitizenGroup], dict[str, User]]:
    groups, authors = {}, {}
    for key, (name, kind, rep, rep_name, member_of_partnership) in GROUPS.items():
        # Groups of the case study were checked by the city long ago.
        group, _created = CitizenGroup.objects.get_or_create(
            name=name, defaults={"kind": kind, "contact_email": f"{key}@{DEMO_EMAIL_DOMAIN}",
                                 "status": CitizenGroup.Status.VERIFIED,
                                 "articles": DEMO_ARTICLES},
        )
        representative = _user(rep, rep_name, [Role.CITIZEN], role_groups_by_name)
        GroupMembership.objects.get_or_create(
            group=group, user=representative,
            defaults={"role": GroupMembership.GroupRole.REPRESENTATIVE},
        )
        if member_of_partnership:
            GroupMembership.objects.get_or_create(group=group,
                                                  user=members[member_of_partnership])
        groups[key] = group
        authors[key] = representative
    staff = User.objects.filter(username="staff").first()
    if staff is not None:
        GroupMembership.objects.get_or_create(group=groups["center"], user=staff)
    return groups, authors
