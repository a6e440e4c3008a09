from django import forms
from django.utils.translation import gettext_lazy as _

from partnership.models import Department
from proposals.models import ActivityField, Status

from .search import Query

KINDS = [("proposals", _("Proposals")), ("calls", _("Calls")), ("projects", _("Projects"))]


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Words to find"), required=False, max_length=200,
                        widget=forms.TextInput(attrs={"type": "search"}),
                        help_text=_("In titles, summaries, groups and departments, e.g. 子育て."))
    kind = forms.ChoiceField(label=_("Look among"), choices=KINDS, required=False)
    year = forms.IntegerField(label=_("Fiscal year"), required=False, min_value=1990,
                              max_value=2200)
    status = forms.ChoiceField(label=_("Status of a proposal"), required=False)
    department = forms.ModelChoiceField(label=_("City department"), required=False,
                                        queryset=Department.objects.order_by("name"),
                                        empty_label=_("Any"))
    field = forms.ChoiceField(label=_("Field of activity"), required=False,
                              choices=[("", _("Any")), *ActivityField.choices])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [("", _("Any")), *[
            (value, label) for value, label in Status.choices if value != Status.DRAFT]]

    def search_query(self) -> Query:
        data = self.cleaned_data
        department = data.get("department")
        return Query(words=tuple(data.get("q", "").split()[:10]), year=data.get("year"),
                     status=data.get("status", ""),
                     department_id=department.pk if department else None,
                     field_of_activity=data.get("field", ""))

    def search_kind(self) -> str:
        return self.cleaned_data.get("kind") or "proposals"
