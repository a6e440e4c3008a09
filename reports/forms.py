"""The year selectors of the report pages (GET forms)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .export import fiscal_year_labels


def _year_choices(years: list[int]) -> list[tuple[int, str]]:
    return list(zip(years, fiscal_year_labels(years), strict=True))


class YearForm(forms.Form):
    year = forms.TypedChoiceField(label=_("Fiscal year"), coerce=int)

    def __init__(self, *args, years: list[int], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = _year_choices(years)


class SpanForm(forms.Form):
    first = forms.TypedChoiceField(label=_("From fiscal year"), coerce=int)
    last = forms.TypedChoiceField(label=_("To fiscal year"), coerce=int)

    def __init__(self, *args, years: list[int], **kwargs):
        super().__init__(*args, **kwargs)
        choices = _year_choices(years)
        self.fields["first"].choices = choices
        self.fields["last"].choices = choices

    def clean(self):
        data = super().clean()
        first, last = data.get("first"), data.get("last")
        if first is not None and last is not None and first > last:
            raise forms.ValidationError(
                _("The first year must not come after the last year."), code="order"
            )
        return data
