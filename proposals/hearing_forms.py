"""Forms of the hearing pages. They only shape the input (a day and times become moments in
the portal's time zone); the rules live in `proposals.actions.hearings`."""

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .hearing_selectors import unscheduled
from .hearings import MAX_MINUTES, MAX_SEATS, MIN_MINUTES, HearingSession

LONG = 4000


class DateInput(forms.DateInput):
    input_type = "date"


class TimeInput(forms.TimeInput):
    input_type = "time"


def _moment(day: datetime.date, time: datetime.time) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, time))


class PlanSessionForm(forms.Form):
    day = forms.DateField(label=_("Day"), widget=DateInput())
    starts = forms.TimeField(label=_("Starts at"), widget=TimeInput())
    ends = forms.TimeField(label=_("Ends at"), widget=TimeInput())
    place = forms.CharField(label=_("Place"), max_length=200)
    seats = forms.IntegerField(label=_("Public seats"), min_value=0, max_value=MAX_SEATS)

    def clean_day(self):
        day = self.cleaned_data["day"]
        if not 1900 <= day.year <= 2999:
            raise forms.ValidationError(_("Give a day between 1900 and 2999."))
        return day

    def action_kwargs(self) -> dict:
        data = self.cleaned_data
        return {"starts_at": _moment(data["day"], data["starts"]),
                "ends_at": _moment(data["day"], data["ends"]),
                "place": data["place"], "seats": data["seats"]}


class ScheduleSlotForm(forms.Form):
    proposal = forms.ModelChoiceField(label=_("Proposal"), queryset=None)
    position = forms.IntegerField(label=_("Order"), min_value=1, max_value=100)
    starts = forms.TimeField(label=_("Starts at"), widget=TimeInput())
    minutes = forms.IntegerField(label=_("Minutes"), min_value=MIN_MINUTES,
                                 max_value=MAX_MINUTES, initial=20)

    def __init__(self, *args, session: HearingSession, **kwargs):
        super().__init__(*args, **kwargs)
        self.session = session
        self.fields["proposal"].queryset = unscheduled(session.call)

    def action_kwargs(self) -> dict:
        data = self.cleaned_data
        day = timezone.localdate(self.session.starts_at)
        return {"proposal": data["proposal"], "position": data["position"],
                "starts_at": _moment(day, data["starts"]), "minutes": data["minutes"]}


def _text(label, help_text="") -> forms.CharField:
    return forms.CharField(label=label, max_length=LONG, help_text=help_text,
                           widget=forms.Textarea(attrs={"rows": 5}))


class QuestionForm(forms.Form):
    question = _text(_("The partnership's question"),
                     _("The group is asked to answer it; both are published with the proposal "
                       "once its review closes."))


class AnswerForm(forms.Form):
    answer = _text(_("The group's answer"),
                   _("Published with the question once the partnership's review closes."))


class NoteForm(forms.Form):
    text = _text(_("My notes"), _("Only you see them, on your ballot page."))


class DeliberationForm(forms.Form):
    text = _text(_("Your message"),
                 _("Only the partnership's members read the thread (not the proposing "
                   "group)."))
