"""Admin pages of the hearing: read-only, as the actions alone keep its records. A member's
hearing notes are theirs: the admin lists that they exist, never what they say."""

from django.contrib import admin

from .admin import ReadOnlyAdmin
from .deliberation import DeliberationMessage
from .hearings import HearingNote, HearingQuestion, HearingSession, HearingSlot


@admin.register(HearingSession)
class HearingSessionAdmin(ReadOnlyAdmin):
    list_display = ("call", "starts_at", "place", "seats", "status")
    list_filter = ("status",)
    list_select_related = ("call",)


@admin.register(HearingSlot)
class HearingSlotAdmin(ReadOnlyAdmin):
    list_display = ("proposal", "session", "position", "starts_at", "minutes", "status")
    list_select_related = ("proposal", "session")


@admin.register(HearingQuestion)
class HearingQuestionAdmin(ReadOnlyAdmin):
    list_display = ("proposal", "question", "status", "asked_at")
    list_select_related = ("proposal",)


@admin.register(HearingNote)
class HearingNoteAdmin(ReadOnlyAdmin):
    list_display = ("proposal", "author", "updated_at")
    list_select_related = ("proposal", "author")
    exclude = ("text",)


@admin.register(DeliberationMessage)
class DeliberationMessageAdmin(ReadOnlyAdmin):
    list_display = ("proposal", "author", "posted_at")
    list_select_related = ("proposal", "author")
