"""A person's own account (signing up, verifying and changing the address), and the state
changes of citizen groups: registering and checking a group, inviting members and
answering invitations, removing members (docs/architecture.md, "Actions")."""

from .accounts import confirm_email_change, request_email_change, sign_up, verify_account
from .follows import follow, unfollow
from .groups import create_group, resubmit_group, return_group, update_group, verify_group
from .members import (
    accept_invitation,
    decline_invitation,
    invite,
    remove_member,
    withdraw_invitation,
)

__all__ = [
    "accept_invitation", "confirm_email_change", "create_group", "decline_invitation",
    "follow", "invite", "remove_member", "request_email_change", "resubmit_group", "return_group",
    "sign_up", "unfollow", "update_group", "verify_account", "verify_group", "withdraw_invitation",
]
