"""The five kinds of service record: their model, fields and names in URLs and imports."""

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _

from .models import Activity, Course, ImportBatch, MemberJoined, Record, ServiceRequest, Visit


@dataclass(frozen=True)
class RecordKind:
    slug: str  # ImportBatch.Kind value, used in URLs and by import_records
    model: type[Record]
    fields: tuple[str, ...]  # entry and edit fields, in form order
    list_fields: tuple[str, ...]  # columns of the list page after the date
    remembered: tuple[str, ...]  # fields pre-filled from the last record entered
    title: object

    @property
    def date_field(self) -> str:
        return self.model.DATE_FIELD


KINDS: dict[str, RecordKind] = {
    kind.slug: kind
    for kind in (
        RecordKind(
            ImportBatch.Kind.REQUESTS, ServiceRequest, ("received_on", "category", "status"),
            ("category", "status"), ("category",), _("Service requests"),
        ),
        RecordKind(
            ImportBatch.Kind.ACTIVITIES, Activity, ("date", "hours", "description"),
            ("hours", "description"), (), _("Activities"),
        ),
        RecordKind(
            ImportBatch.Kind.VISITS, Visit, ("date", "facility", "users"),
            ("facility", "users"), ("facility",), _("Visits"),
        ),
        RecordKind(
            ImportBatch.Kind.COURSES, Course,
            ("start_date", "title", "organiser", "participants", "venue", "audience"),
            ("title", "organiser", "participants", "venue", "audience"),
            ("organiser", "venue", "audience"), _("Courses"),
        ),
        RecordKind(
            ImportBatch.Kind.MEMBERS, MemberJoined, ("joined_on", "former_user"),
            ("former_user",), (), _("Members joined"),
        ),
    )
}


def kind_of(record: models.Model) -> RecordKind:
    for kind in KINDS.values():
        if isinstance(record, kind.model):
            return kind
    raise LookupError(type(record).__name__)
