"""State changes of citizen groups: registering and checking a group, inviting members and
answering invitations, removing members (docs/architecture.md, "Actions")."""

from .groups import create_group, resubmit_group, return_group, update_group, verify_group
from .members import (
    accept_invitation,
    decline_invitation,
    invite,
    remove_member,
    withdraw_invitation,
)

__all__ = [
    "accept_invitation", "create_group", "decline_invitation", "invite", "remove_member",
    "resubmit_group", "return_group", "update_group", "verify_group", "withdraw_invitation",
]
