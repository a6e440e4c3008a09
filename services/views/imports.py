"""Uploading a CSV file of records: a preview with every problem, then the confirmation.

The previewed bytes wait in the default storage, not in the session, which is loaded
(and rewritten by the idle timeout) on every request of the user; the session keeps
the kind, the file name, the digest and the storage name.
"""

import hashlib

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.generic import FormView

from partnership.view_mixins import ActionView, PermissionPage

from .. import actions, importing, selectors
from ..errors import ServiceError
from ..forms import ImportForm
from ..kinds import KINDS

SESSION_IMPORT = "services_import"
IMPORT_DIR = "imports"  # previewed uploads wait here (default storage) until confirmed
PERMISSION = "services.import_records"


def problem_text(problem: importing.Problem) -> str:
    """A problem of an uploaded file in the user's language (the command prints `str()`,
    whose English `line N: column: problem` is a stable interface)."""
    if problem.line is None:
        return str(problem.message)
    # Same msgid as import_upload.html's blocktranslate.
    return _("line %(line)s: %(column)s: %(message)s") % {
        "line": problem.line, "column": problem.column, "message": problem.message,
    }


def allowed_projects(user) -> set[int]:
    return set(selectors.projects_run_by(user).values_list("pk", flat=True))


def discard_upload(session) -> dict | None:
    """Forget the previewed file of the session and delete its stored bytes."""
    stored = session.pop(SESSION_IMPORT, None)
    if stored and stored.get("name"):
        default_storage.delete(stored["name"])
    return stored


class ImportUploadView(PermissionPage, FormView):
    """Staff upload a file and see its preview and problems; nothing is saved yet."""

    permission_required = PERMISSION
    template_name = "services/import_upload.html"
    form_class = ImportForm

    def get_context_data(self, **kwargs):
        parsed = kwargs.get("parsed")
        if parsed is not None:
            kwargs["required"], kwargs["optional"] = importing.columns_of(parsed.kind)
        return super().get_context_data(
            projects=selectors.projects_run_by(self.request.user),
            columns=[(kind.title, *importing.columns_of(kind)) for kind in KINDS.values()],
            **kwargs)

    def form_valid(self, form):
        upload = form.cleaned_data["file"]
        data = upload.read()
        parsed = importing.parse(data, kind=form.cleaned_data["kind"], filename=upload.name,
                                 allowed_project_ids=allowed_projects(self.request.user))
        discard_upload(self.request.session)
        if parsed.ok:
            name = default_storage.save(f"{IMPORT_DIR}/{parsed.sha256}", ContentFile(data))
            self.request.session[SESSION_IMPORT] = {
                "kind": parsed.kind.slug, "filename": parsed.filename, "sha256": parsed.sha256,
                "name": name,
            }
        return self.render_to_response(self.get_context_data(form=form, parsed=parsed))


class ImportConfirmView(ActionView):
    """The POST imports the previewed file (once per preview, whatever happens)."""

    permission_required = PERMISSION

    def _previewed(self) -> tuple[dict, bytes]:
        stored = self.request.session.get(SESSION_IMPORT)
        data = None
        if stored and stored["sha256"] == self.request.POST.get("sha256"):
            try:
                with default_storage.open(stored["name"], "rb") as file:
                    data = file.read()
            except (FileNotFoundError, KeyError):  # deleted meanwhile, or an older session
                pass
            discard_upload(self.request.session)
        if data is None:
            raise ServiceError(_("The upload has expired: choose the file again."))
        if hashlib.sha256(data).hexdigest() != stored["sha256"]:
            raise PermissionDenied
        return stored, data

    def perform(self):
        stored, data = self._previewed()
        parsed = importing.parse(data, kind=stored["kind"], filename=stored["filename"],
                                 allowed_project_ids=allowed_projects(self.request.user))
        if parsed.errors:  # the file changed nothing, but the database did meanwhile
            for problem in parsed.errors:
                messages.error(self.request, problem_text(problem))
            raise ServiceError(_("Nothing was imported."))
        return actions.import_records(actor=self.request.user, parsed=parsed)

    def success_message(self, batch) -> str:
        return ngettext("%(rows)s record was imported from %(file)s.",
                        "%(rows)s records were imported from %(file)s.",
                        batch.rows) % {"rows": batch.rows, "file": batch.filename}

    def get_success_url(self) -> str:
        return reverse("services:import_upload")
