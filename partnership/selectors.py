"""Read-only queries of the partnership app."""

import datetime

from django.db.models import Q, QuerySet
from django.utils import timezone

from .models import CitizenGroup, GroupMembership, Invitation, PartnershipMember, User


def sitting_members(*, on: datetime.date | None = None) -> QuerySet[PartnershipMember]:
    """Members whose term covers the day `on` (today by default)."""
    day = on or timezone.localdate()
    return PartnershipMember.objects.filter(term_start__lte=day, term_end__gte=day)


def sitting_term(*, user: User, on: datetime.date | None = None) -> PartnershipMember | None:
    """The user's seat on the day `on`. Today's is cached on the user object, as several
    permission checks of one page ask (`forget_cached_answers` drops it in an action)."""
    if not user.is_authenticated:
        return None
    if on is not None:
        return sitting_members(on=on).filter(user=user).select_related("user").first()
    if not hasattr(user, "_cached_sitting_term"):
        user._cached_sitting_term = (
            sitting_members().filter(user=user).select_related("user").first())
    return user._cached_sitting_term


def member_group_ids(user: User) -> set[int]:
    """Ids of the citizen groups the user belongs to, cached on the user object: several
    permission checks of one page ask (for a fresh answer inside an action, query)."""
    if not hasattr(user, "_cached_group_ids"):
        user._cached_group_ids = set(
            user.group_memberships.values_list("group_id", flat=True)
        ) if user.is_authenticated else set()
    return user._cached_group_ids


def is_representative(user: User, group: CitizenGroup) -> bool:
    """Whether the user represents the group (asked afresh: a query)."""
    return user.is_authenticated and GroupMembership.objects.filter(
        group=group, user=user, role=GroupMembership.GroupRole.REPRESENTATIVE).exists()


def groups_of(*, user: User) -> QuerySet[CitizenGroup]:
    if not user.is_authenticated:
        return CitizenGroup.objects.none()
    return CitizenGroup.objects.filter(memberships__user=user)


def memberships_of(*, group: CitizenGroup) -> QuerySet[GroupMembership]:
    """A group's members, representatives first."""
    return (
        GroupMembership.objects.filter(group=group)
        .select_related("user")
        .order_by("-role", "user__username")
    )


def open_invitations_of(*, group: CitizenGroup) -> QuerySet[Invitation]:
    return group.invitations.filter(status=Invitation.Status.OPEN).order_by("created_at", "id")


def invitations_for(*, user: User) -> QuerySet[Invitation]:
    """Open invitations naming the user by user name or e-mail address, newest first."""
    if not user.is_authenticated:
        return Invitation.objects.none()
    names = Q(identifier__iexact=user.username)
    if user.email:
        names |= Q(identifier__iexact=user.email)
    return (Invitation.objects.filter(names, status=Invitation.Status.OPEN)
            .select_related("group", "invited_by").order_by("-created_at", "-id"))


def groups_to_check() -> QuerySet[CitizenGroup]:
    """Groups waiting for the city's check, the longest waiting first."""
    return CitizenGroup.objects.filter(status=CitizenGroup.Status.PENDING).order_by(
        "created_at", "id")
