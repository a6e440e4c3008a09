"""What awaits one person, by role: the sections of My page.

Each section is counted in one query and shows its first rows (one more query), so the
page costs the same however much waits. A section is offered only when the person's
permission (the same `rules` permission as the navigation and the queue's own page)
allows it. A row shows its deadline where the data has one: the call's closing, its
consultations' end, its review's end and its decision day; an invitation's expiry.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from partnership.fiscal import fiscal_year_of
from partnership.models import User
from partnership.selectors import invitations_for, member_group_ids, sitting_term
from proposals.board import decision_queue, review_queue, screening_queue
from proposals.consultations import ConsultationStatus
from proposals.models import Status
from proposals.selectors import consultations_for, proposals_of_user
from proposals.tally import tallies
from services.models import Project, ProjectYear, Target
from services.selectors import renewals_due

SHOWN = 10  # rows a section lists; its link leads to the rest


@dataclass(frozen=True)
class Item:
    label: str
    url: str
    deadline: datetime.date | datetime.datetime | None = None
    note: str = ""


@dataclass
class Section:
    key: str
    title: str
    count: int
    items: list[Item] = field(default_factory=list)
    more_url: str = ""


def _section(key, title, queryset: QuerySet, item, more_url="") -> Section:
    count = queryset.count()
    rows = list(queryset[:SHOWN]) if count else []
    return Section(key=key, title=title, count=count, items=[item(row) for row in rows],
                   more_url=more_url)


def drafts(user: User) -> Section:
    queryset = proposals_of_user(user).filter(status=Status.DRAFT).order_by(
        "call__closes_at", "id")
    return _section("drafts", _("Drafts to submit"), queryset, lambda p: Item(
        p.title, reverse("proposals:proposal_edit", args=[p.pk]), p.call.closes_at,
        p.group.name), reverse("proposals:my_proposals"))


def consultations(user: User) -> Section:
    queryset = consultations_for(user).filter(status=ConsultationStatus.OPEN,
                                              department__officers=user).select_related("call")
    return _section("consultations", _("Consultations to answer"), queryset, lambda c: Item(
        str(c), reverse("proposals:consultation_detail", args=[c.pk]),
        c.call.consultation_closes_on, c.group.name),
        reverse("proposals:consultation_list"))


def screenings(user: User) -> Section:
    return _section("screenings", _("Proposals waiting for screening"), screening_queue(),
                    lambda p: Item(p.title, reverse("proposals:mark_eligible", args=[p.pk]),
                                   None, p.group.name),
                    reverse("proposals:screening_queue"))


def ballots(user: User) -> Section:
    term = sitting_term(user=user)
    queryset = review_queue().exclude(group_id__in=member_group_ids(user))
    if term is not None:
        queryset = (queryset.exclude(ballots__member=term)
                    .exclude(conflicts__member=term))
    return _section("ballots", _("Ballots to cast"), queryset, lambda p: Item(
        p.title, reverse("proposals:ballot", args=[p.pk]), p.call.review_ends_on,
        p.call.display_title),
        reverse("proposals:review_queue"))


def reviews_at_quorum(user: User) -> Section:
    under_review = list(review_queue())
    counts = tallies(under_review)
    ready = [p for p in under_review if counts[p.pk].has_quorum]
    return Section(key="quorum", title=_("Reviews that reached their quorum"),
                   count=len(ready), more_url=reverse("proposals:review_boards"),
                   items=[Item(p.title, reverse("proposals:review_board", args=[p.call_id]),
                               p.call.review_ends_on, p.call.display_title)
                          for p in ready[:SHOWN]])


def decisions(user: User) -> Section:
    return _section("decisions", _("Decisions waiting"), decision_queue(), lambda p: Item(
        p.title, reverse("proposals:decide", args=[p.pk]), p.call.decision_on, p.group.name),
        reverse("proposals:decision_queue"))


def renewals(user: User) -> Section:
    return _section("renewals", _("Renewals to decide"), renewals_due(), lambda p: Item(
        p.title, reverse("services:renewal", args=[p.code, p.due_year]), p.agreed_end,
        p.group.name))


def targets_to_agree(user: User) -> Section:
    queryset = (Target.objects.filter(agreed_at__isnull=True, project__department__officers=user)
                .values("project__code", "project__title", "fiscal_year")
                .annotate(targets=Count("id")).order_by("fiscal_year", "project__code"))
    return _section("targets", _("Targets to agree"), queryset, lambda row: Item(
        row["project__title"],
        reverse("services:targets", args=[row["project__code"], row["fiscal_year"]]),
        None, str(row["fiscal_year"])))


def years_due(user: User, today: datetime.date) -> Section:
    """Past fiscal years still open, of the person's projects, the latest first: records to
    complete, the year's report to write, or (for the partner department) the year to
    close."""
    mine = Q(project__group__memberships__user=user) | Q(project__department__officers=user)
    queryset = (ProjectYear.objects.filter(mine, status=ProjectYear.Status.OPEN,
                                           fiscal_year__lt=fiscal_year_of(today))
                .select_related("project").distinct().order_by("-fiscal_year", "project__code"))
    return _section("years", _("Past years still open: records and reports due"), queryset,
                    lambda y: Item(y.project.title,
                                   reverse("services:project_detail", args=[y.project.code]),
                                   None, str(y.fiscal_year)),
                    reverse("services:project_list"))


def invitations(user: User) -> Section:
    return _section("invitations", _("Invitations to a group"), invitations_for(user=user),
                    lambda i: Item(i.group.name, reverse("my_invitations"), i.expires_at),
                    reverse("my_invitations"))


def projects(user: User) -> Section:
    queryset = (Project.objects.filter(Q(group__memberships__user=user)
                                       | Q(department__officers=user))
                .select_related("group").distinct().order_by("code"))
    return _section("projects", _("Projects I work on"), queryset, lambda p: Item(
        p.title, reverse("services:project_detail", args=[p.code]), p.ends_on, p.group.name),
        reverse("services:project_list"))


# Which sections a person is offered: the permission that opens the section's own page.
SECTIONS = [
    ("partnership.act_as_citizen", drafts),
    ("portal.see_department_work", consultations),
    ("proposals.screen_proposals", screenings),
    ("proposals.view_review_queue", ballots),
    ("proposals.view_review_board", reviews_at_quorum),
    ("proposals.view_decision_queue", decisions),
    ("proposals.view_decision_queue", renewals),
    ("portal.see_department_work", targets_to_agree),
    ("portal.view_my_page", lambda user: years_due(user, timezone.localdate())),
    ("portal.view_my_page", invitations),
    ("portal.view_my_page", projects),
]


def for_person(user: User) -> list[Section]:
    """The sections `user` is offered, in order, each with its count."""
    return [section(user) for permission, section in SECTIONS if user.has_perm(permission)]
