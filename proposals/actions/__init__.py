"""State changes of proposals (docs/architecture.md, "Actions").

Each action runs in one transaction: it locks the proposal row, authorises through
the transition table (`proposals.transitions.PROPOSAL`), raises `ProposalError` and
changes nothing when the state or the actor does not allow it, writes its audit rows,
and queues its notifications in the same transaction.
"""

from .consultation import (
    answer_consultation,
    link_consultation,
    open_consultation,
    reply_consultation,
)
from .decision import decide
from .drafts import (
    EDITABLE_FIELDS,
    add_attachment,
    create_proposal,
    remove_attachment,
    submit,
    update_draft,
    withdraw,
)
from .hearing_record import (
    answer_hearing_question,
    ask_hearing_question,
    post_deliberation,
    save_hearing_note,
)
from .hearings import (
    confirm_hearing_slot,
    plan_hearing_session,
    publish_hearing_session,
    schedule_hearing_slot,
)
from .review import cast_ballot, close_review, declare_conflict, open_review
from .screening import mark_eligible, mark_ineligible

__all__ = [
    "EDITABLE_FIELDS", "add_attachment", "answer_consultation", "cast_ballot", "close_review",
    "create_proposal", "link_consultation", "open_consultation", "reply_consultation",
    "decide", "declare_conflict", "mark_eligible", "mark_ineligible", "open_review",
    "remove_attachment", "submit", "update_draft", "withdraw",
    "plan_hearing_session", "schedule_hearing_slot", "publish_hearing_session",
    "confirm_hearing_slot", "ask_hearing_question", "answer_hearing_question",
    "save_hearing_note", "post_deliberation",
]
