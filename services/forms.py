"""Forms of the services app; the views hand their cleaned data to `actions`."""

from django import forms
from django.forms import BaseFormSet, formset_factory
from django.utils.translation import gettext_lazy as _

from partnership.models import Department

from .importing import MAX_FILE_BYTES
from .kinds import KINDS, RecordKind
from .models import Evaluation, Indicator, Project

ENTRY_ROWS = 5


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class ProjectForm(forms.ModelForm):
    """Reserved codes and the period's order are checked by the model (its validator and
    constraint), so the admin refuses them too."""

    department = forms.ModelChoiceField(
        Department.objects.all(), required=False, label=_("partner department")
    )

    class Meta:
        model = Project
        fields = ["code", "department", "starts_on", "ends_on", "agreement_date"]
        widgets = {"starts_on": DateInput(), "ends_on": DateInput(),
                   "agreement_date": DateInput()}

    def __init__(self, *args, may_change_department: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if not may_change_department:  # shown, not sent: only an administrator changes it
            self.fields["department"].disabled = True


_WIDGETS = {
    "received_on": DateInput(), "date": DateInput(), "start_date": DateInput(),
    "joined_on": DateInput(),
    "hours": forms.NumberInput(attrs={"step": "0.25", "min": "0", "inputmode": "decimal"}),
    "users": forms.NumberInput(attrs={"min": "0", "inputmode": "numeric"}),
    "participants": forms.NumberInput(attrs={"min": "0", "inputmode": "numeric"}),
}


class RecordForm(forms.ModelForm):
    """Bootstrap classes on every widget (the entry table renders fields one by one)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            widget = field.widget
            if isinstance(widget, forms.CheckboxInput):
                widget.attrs.setdefault("class", "form-check-input")
            elif isinstance(widget, forms.Select):
                widget.attrs.setdefault("class", "form-select form-select-sm")
            else:
                widget.attrs.setdefault("class", "form-control form-control-sm")


def record_form_class(kind: RecordKind) -> type[forms.ModelForm]:
    """A form for one record of a kind (its entry and edit fields)."""
    return forms.modelform_factory(
        kind.model, form=RecordForm, fields=list(kind.fields),
        widgets={name: w for name, w in _WIDGETS.items() if name in kind.fields},
    )


class EntryFormSet(BaseFormSet):
    def add_error(self, field, error) -> None:
        """The action's refusal, shown with the rows' own errors (as a form's would be)."""
        self.non_form_errors().append(error)


def entry_formset_class(kind: RecordKind):
    """Several blank rows of one kind in one form; untouched rows are ignored."""
    return formset_factory(record_form_class(kind), formset=EntryFormSet, extra=ENTRY_ROWS,
                           max_num=50, validate_max=True)


class FilterForm(forms.Form):
    year = forms.TypedChoiceField(label=_("Fiscal year"), coerce=int, required=False)
    month = forms.TypedChoiceField(
        label=_("Month"), coerce=int, required=False,
        choices=[("", _("All months")), *[(m, m) for m in (4, 5, 6, 7, 8, 9, 10, 11, 12,
                                                            1, 2, 3)]],
    )

    def __init__(self, *args, years: range, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [("", _("All years")), *[(y, y) for y in years]]
        for field in self.fields.values():
            field.widget.attrs["class"] = "form-select"


class TargetForm(forms.Form):
    """One target per indicator; empty means no target."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for indicator in Indicator:
            self.fields[indicator.value] = forms.DecimalField(
                label=indicator.label, required=False, min_value=0, max_digits=12,
                decimal_places=2,
            )


SCORE_CHOICES = [("", "—"), *[(n, str(n)) for n in range(1, 6)]]


class EvaluationForm(forms.ModelForm):
    class Meta:
        model = Evaluation
        fields = ["progress", "division_of_roles", "satisfaction", "outcomes", "verdict",
                  "comment"]
        widgets = {
            name: forms.Select(choices=SCORE_CHOICES)
            for name in ("progress", "division_of_roles", "satisfaction", "outcomes")
        } | {"comment": forms.Textarea(attrs={"rows": 4})}
        help_texts = {"progress": _("1 (poor) to 5 (excellent)"),
                      "verdict": _("Whether the project should go on, whatever the numbers "
                                   "say.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["verdict"].required = True


class ImportForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind of record"),
                             choices=[(slug, kind.title) for slug, kind in KINDS.items()])
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_("UTF-8 or Shift_JIS (as Excel saves it), with a header row."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_FILE_BYTES:
            raise forms.ValidationError(
                _("The file is larger than %(mb)s MB: split it into several files.")
                % {"mb": MAX_FILE_BYTES // (1024 * 1024)})
        return upload


class CommentForm(forms.Form):
    text = forms.CharField(label=_("Your comment"), widget=forms.Textarea(attrs={"rows": 4}))
