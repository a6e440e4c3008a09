"""Changes to projects, their fiscal years and their records.

Each action runs in one transaction: it locks the rows it changes (the project, or the
fiscal years it writes in), authorises through the year's transition table
(`services.transitions.YEAR`), raises `ServiceError` and changes nothing when the state,
the actor or the data does not allow it, writes its audit rows (the project is their
parent) and queues its notifications in the same transaction.

A chosen proposal's project is made by `projects.create_project_for`, in the decision's
transaction (`services.receivers`): the consequence of the mayor's office's action, recorded
as theirs, not an action of its own.
"""

from .agreements import confirm_agreement, draft_agreement, edit_agreement
from .imports import import_records
from .projects import update_project
from .records import create_records, delete_record, update_record
from .renewals import decide_renewal
from .reports import accept_report, return_report, submit_report, write_report
from .years import (
    agree_targets,
    close_year,
    comment_on_evaluation,
    save_evaluation,
    set_targets,
)

__all__ = [
    "accept_report", "agree_targets", "close_year", "comment_on_evaluation",
    "confirm_agreement", "create_records", "decide_renewal",
    "delete_record", "draft_agreement", "edit_agreement", "import_records", "return_report",
    "save_evaluation", "set_targets", "submit_report", "update_project", "update_record",
    "write_report",
]
