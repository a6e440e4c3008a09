"""The models of the partnership app: people, groups and the council, the audit log and
notifications. One module each; every model is importable from here."""

from .accounts import Department, User
from .audit import AuditEntry
from .follows import Follow
from .groups import CitizenGroup, GroupMembership, Invitation, PartnershipMember
from .notifications import Notification
from .submissions import RecentSubmission

__all__ = [
    "AuditEntry", "CitizenGroup", "Department", "Follow", "GroupMembership", "Invitation",
    "Notification", "PartnershipMember", "RecentSubmission", "User",
]
