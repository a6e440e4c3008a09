"""Forms of the review pages. They only shape the input: the rules live in `proposals.actions`."""

from django import forms
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from partnership.translated import mark_japanese

from .models import Ballot, ChecklistItem, Criterion, Decision, Vote

NO_SCORE = ""


def score_field_name(criterion: Criterion) -> str:
    return f"score_{criterion.pk}"


class BallotForm(forms.Form):
    """A score per criterion (0..max), a vote and a comment."""

    vote = forms.ChoiceField(label=_("Your vote"), choices=Vote.choices,
                             widget=forms.RadioSelect)
    comment = forms.CharField(
        label=_("Comment"), required=False, max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("The other members, the chair and the mayor's office read it once the "
                    "review is closed."),
    )

    def __init__(self, *args, criteria: list[Criterion], ballot: Ballot | None = None,
                 **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        scores = {s.criterion_id: s.value for s in ballot.scores.all()} if ballot else {}
        fields = {}
        for criterion in criteria:
            help_text = _("From 0 to %(max)s.") % {"max": criterion.max_score}
            description = criterion.display_description
            if description:
                # Japanese left in an English help text is marked, so the two do not run
                # together as one language.
                help_text = format_html("{} {}", mark_japanese(description), help_text)
            fields[score_field_name(criterion)] = forms.TypedChoiceField(
                label=mark_japanese(criterion.display_name),
                choices=[(NO_SCORE, _("— choose a score —")),
                         *[(i, str(i)) for i in range(criterion.max_score + 1)]],
                coerce=int, empty_value=None, required=False, help_text=help_text,
                initial=scores.get(criterion.pk),
            )
        # Scores first, then the vote and the comment.
        self.fields = {**fields, **self.fields}
        if ballot is not None:
            self.fields["vote"].initial = ballot.vote
            self.fields["comment"].initial = ballot.comment

    def scores(self) -> dict[int, int]:
        return {
            c.pk: self.cleaned_data[score_field_name(c)]
            for c in self.criteria
            if self.cleaned_data.get(score_field_name(c)) is not None
        }

    def clean(self):
        data = super().clean()
        if data.get("vote") and data["vote"] != Vote.ABSTAIN:
            for criterion in self.criteria:
                name = score_field_name(criterion)
                if name not in self.errors and data.get(name) is None:
                    self.add_error(name, _("Give a score for this criterion."))
        return data


class ConflictForm(forms.Form):
    reason = forms.CharField(
        label=_("What is the conflict of interest?"), max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example: a relative works for the proposing group."),
    )


class CloseReviewForm(forms.Form):
    """The chair's closing form; the casting decision is asked for only on a tie."""

    casting_vote = forms.ChoiceField(
        label=_("Casting decision"), required=False, widget=forms.RadioSelect,
        choices=[(Vote.RECOMMEND, Vote.RECOMMEND.label),
                 (Vote.NOT_RECOMMEND, Vote.NOT_RECOMMEND.label)],
    )
    casting_reason = forms.CharField(
        label=_("Reason for the casting decision"), required=False, max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Published with the proposal's history."),
    )

    def __init__(self, *args, tie: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if not tie:
            del self.fields["casting_vote"]
            del self.fields["casting_reason"]


class DecisionForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Decision"), choices=Decision.Outcome.choices,
                                widget=forms.RadioSelect)
    reason = forms.CharField(
        label=_("Reason"), required=False, max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Needed when declining. It is published on the proposal's public page."),
    )


class IneligibleForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is the proposal ineligible?"), max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("The group is told, and the reason is published in the proposal's history."),
    )


def checklist_field_name(item: ChecklistItem) -> str:
    return f"item_{item.pk}"


class EligibleForm(forms.Form):
    """One box per item of the call's checklist; every one must be ticked."""

    def __init__(self, *args, items: list[ChecklistItem], **kwargs):
        super().__init__(*args, **kwargs)
        self.items = items
        for item in items:
            self.fields[checklist_field_name(item)] = forms.BooleanField(
                label=item.text, required=True,
                error_messages={"required": _("Confirm this requirement, or mark the proposal "
                                              "ineligible with the reason.")},
            )

    def checked(self) -> list[int]:
        return [item.pk for item in self.items
                if self.cleaned_data.get(checklist_field_name(item))]
