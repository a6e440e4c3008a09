import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from partnership.fiscal import fiscal_year_of
from partnership.models import CitizenGroup, Department
from proposals.models import Proposal


class Indicator(models.TextChoices):
    """What the service records count, per project and fiscal year."""

    SERVICE_REQUESTS = "service_requests", _("Service requests")
    SERVICE_REQUESTS_HANDLED = "service_requests_handled", _("Service requests handled")
    ACTIVITY_HOURS = "activity_hours", _("Activity hours")
    FACILITY_USERS = "facility_users", _("Facility users")
    COURSES = "courses", _("Courses")
    COURSE_PARTICIPANTS = "course_participants", _("Course participants")
    COURSES_BY_MEMBERS = "courses_by_members", _("Courses by members")
    PARTICIPANTS_BY_MEMBERS = "participants_by_members", _("Participants, courses by members")
    COURSES_BY_PROFESSIONALS = "courses_by_professionals", _("Courses by professionals")
    PARTICIPANTS_BY_PROFESSIONALS = (
        "participants_by_professionals", _("Participants, courses by professionals")
    )
    COURSES_BY_CITIZENS = "courses_by_citizens", _("Courses by other citizens")
    PARTICIPANTS_BY_CITIZENS = "participants_by_citizens", _("Participants, courses by citizens")
    NEW_MEMBERS = "new_members", _("New members")
    NEW_MEMBERS_FORMER_USERS = "new_members_former_users", _("New members who were service users")


# Codes that are the first part of other services URLs (/projects/import/ …): a project
# with such a code could not be reached.
RESERVED_CODES = frozenset({"import"})


def validate_code_not_reserved(code: str) -> None:
    if code in RESERVED_CODES:
        raise ValidationError(_("This code is reserved: choose another."), code="reserved")


class Project(models.Model):
    """A chosen proposal run by its group with a partner city department."""

    proposal = models.OneToOneField(
        Proposal, on_delete=models.PROTECT, related_name="project", verbose_name=_("proposal")
    )
    code = models.SlugField(_("code"), max_length=50, unique=True,
                            validators=[validate_code_not_reserved])
    title = models.CharField(_("title"), max_length=200)
    group = models.ForeignKey(
        CitizenGroup, on_delete=models.PROTECT, related_name="projects",
        verbose_name=_("operating group"),
    )
    department = models.ForeignKey(
        Department, on_delete=models.PROTECT, null=True, blank=True, related_name="projects",
        verbose_name=_("partner department"),
    )
    starts_on = models.DateField(_("start"))
    ends_on = models.DateField(_("end"))
    agreement_date = models.DateField(_("agreement date"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")), name="project_period_order",
                violation_error_message=_("The project cannot end before it starts."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        # Every year of the period has its row, whoever saves the project (an action, the
        # admin, a fixture): the year is what records, targets and closing act on.
        with transaction.atomic():
            super().save(*args, **kwargs)
            ProjectYear.objects.bulk_create(
                [ProjectYear(project=self, fiscal_year=year) for year in self.fiscal_years()],
                ignore_conflicts=True,
            )

    def fiscal_years(self) -> range:
        """The fiscal years of the project's period."""
        return range(fiscal_year_of(self.starts_on), fiscal_year_of(self.ends_on) + 1)


class ProjectYear(models.Model):
    """One fiscal year of a project: open while its targets, records and evaluations are
    written, then closed by the partner department (and read-only from then on).

    Its transitions are in `services.transitions.YEAR`. A period that shrinks leaves the
    rows of the years it no longer covers; the pages and actions ignore them.
    """

    class Status(models.TextChoices):
        OPEN = "open", pgettext_lazy("fiscal year", "open")
        CLOSED = "closed", pgettext_lazy("fiscal year", "closed")

    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="years", verbose_name=_("project")
    )
    fiscal_year = models.PositiveSmallIntegerField(_("fiscal year"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices,
                              default=Status.OPEN)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
        related_name="+", verbose_name=_("closed by"),
    )
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)

    class Meta:
        ordering = ["project", "fiscal_year"]
        verbose_name = _("project year")
        verbose_name_plural = _("project years")
        constraints = [
            models.UniqueConstraint(fields=["project", "fiscal_year"], name="one_row_per_year"),
        ]

    def __str__(self) -> str:
        return f"{self.project} ({self.fiscal_year})"

    @property
    def is_closed(self) -> bool:
        return self.status == self.Status.CLOSED


class ImportBatch(models.Model):
    """One imported file; its digest refuses the same file a second time."""

    class Kind(models.TextChoices):
        REQUESTS = "requests", _("Service requests")
        ACTIVITIES = "activities", _("Activities")
        VISITS = "visits", _("Visits")
        COURSES = "courses", _("Courses")
        MEMBERS = "members", _("Members joined")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    sha256 = models.CharField(_("file digest"), max_length=64)
    # The digest of the rows as read, whatever the file's encoding, line endings, column
    # order or row order: the same records in another file are refused too.
    rows_sha256 = models.CharField(_("records digest"), max_length=64, blank=True)
    filename = models.CharField(_("file name"), max_length=255)
    rows = models.PositiveIntegerField(_("rows"))
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
        related_name="+", verbose_name=_("imported by"),
    )
    imported_at = models.DateTimeField(_("imported at"), auto_now_add=True)

    class Meta:
        verbose_name = _("import")
        verbose_name_plural = _("imports")
        constraints = [
            models.UniqueConstraint(fields=["kind", "sha256"], name="one_import_per_file"),
            models.UniqueConstraint(fields=["kind", "rows_sha256"],
                                    condition=~models.Q(rows_sha256=""),
                                    name="one_import_per_set_of_rows"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.filename}"


class Record(models.Model):
    """Fields every service record has: its project, how it came, and when."""

    project = models.ForeignKey(Project, on_delete=models.PROTECT, verbose_name=_("project"))
    batch = models.ForeignKey(
        ImportBatch, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("import")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
        related_name="+", verbose_name=_("recorded by"),
    )
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    DATE_FIELD = "date"

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return f"{self._meta.verbose_name} {self.record_date():%Y-%m-%d}"

    def record_date(self) -> datetime.date:
        return getattr(self, self.DATE_FIELD)


class ServiceRequest(Record):  # noqa: DJ008 (Record defines __str__)
    """A request for the project's service: handled, open or declined."""

    class RequestStatus(models.TextChoices):
        HANDLED = "handled", pgettext_lazy("service request status", "Handled")
        OPEN = "open", pgettext_lazy("service request status", "Open")
        DECLINED = "declined", pgettext_lazy("service request status", "Declined")

    received_on = models.DateField(_("received on"))
    category = models.CharField(_("category"), max_length=100)
    status = models.CharField(_("status"), max_length=20, choices=RequestStatus.choices)

    DATE_FIELD = "received_on"

    class Meta:
        ordering = ["-received_on", "-id"]
        verbose_name = _("service request")
        verbose_name_plural = _("service requests")
        indexes = [
            models.Index(fields=["project", "received_on"]),
            # Yearly reports: index-only scans of a date range (see bench/reports.py).
            models.Index(fields=["received_on", "project", "status", "id"],
                         name="request_report_idx"),
        ]


class Activity(Record):  # noqa: DJ008 (Record defines __str__)
    """Hours of activity on one day."""

    date = models.DateField(_("date"))
    hours = models.DecimalField(
        _("hours"), max_digits=7, decimal_places=2, validators=[MinValueValidator(0)]
    )
    description = models.CharField(_("description"), max_length=300, blank=True)

    class Meta:
        ordering = ["-date", "-id"]
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        indexes = [
            models.Index(fields=["project", "date"]),
            models.Index(fields=["date", "project", "hours"], name="activity_report_idx"),
        ]
        constraints = [
            models.CheckConstraint(condition=models.Q(hours__gte=0), name="hours_not_negative"),
        ]


class Visit(Record):  # noqa: DJ008 (Record defines __str__)
    """Users of a facility on one day (e.g. the school kitchen)."""

    date = models.DateField(_("date"))
    users = models.PositiveIntegerField(pgettext_lazy("facility visits", "users"))
    facility = models.CharField(_("facility"), max_length=100)

    class Meta:
        ordering = ["-date", "-id"]
        verbose_name = _("visit")
        verbose_name_plural = _("visits")
        indexes = [
            models.Index(fields=["project", "date"]),
            models.Index(fields=["date", "project", "users", "id"], name="visit_report_idx"),
        ]


class Course(Record):  # noqa: DJ008 (Record defines __str__)
    """A course, by who organised and taught it; counted in the year it starts."""

    class Organiser(models.TextChoices):
        MEMBERS = "members", _("Organised and taught by members")
        PROFESSIONALS = "professionals", _("Organised by the group, taught by a professional")
        CITIZENS = "citizens", _("Organised and taught by other citizens")

    title = models.CharField(_("title"), max_length=200)
    organiser = models.CharField(_("organiser"), max_length=20, choices=Organiser.choices)
    start_date = models.DateField(_("start date"))
    participants = models.PositiveIntegerField(_("participants"))
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    audience = models.CharField(_("audience"), max_length=200, blank=True)

    DATE_FIELD = "start_date"

    class Meta:
        ordering = ["-start_date", "-id"]
        verbose_name = _("course")
        verbose_name_plural = _("courses")
        indexes = [
            models.Index(fields=["project", "start_date"]),
            models.Index(fields=["start_date", "project", "organiser", "participants", "id"],
                         name="course_report_idx"),
        ]


class MemberJoined(Record):  # noqa: DJ008 (Record defines __str__)
    """A new member of the operating group; former service users are the scheme's success."""

    joined_on = models.DateField(_("joined on"))
    former_user = models.BooleanField(_("former service user"), default=False)

    DATE_FIELD = "joined_on"

    class Meta:
        ordering = ["-joined_on", "-id"]
        verbose_name = _("member joined")
        verbose_name_plural = _("members joined")
        indexes = [
            models.Index(fields=["project", "joined_on"]),
            models.Index(fields=["joined_on", "project", "former_user", "id"],
                         name="member_report_idx"),
        ]


from .agreement_models import Agreement  # noqa: E402, F401 (its own module: this one is full)
from .evaluation_models import EvaluationComment  # noqa: E402, F401
from .renewal_models import Renewal  # noqa: E402, F401
from .report_models import AnnualReport, SettlementLine  # noqa: E402, F401
from .target_models import Evaluation, Target  # noqa: E402, F401 (their own module)
