"""Hearing pages (公開プレゼンテーション) and the members' deliberation, under the `proposals`
namespace."""

from django.urls import path

from .views import deliberation, hearing_group, hearing_members, hearings

urlpatterns = [
    path("calls/<int:pk>/hearings/", hearings.HearingScheduleView.as_view(),
         name="hearing_schedule"),
    path("calls/<int:pk>/hearings/new/", hearings.PlanSessionView.as_view(),
         name="hearing_plan"),
    path("hearings/<int:pk>/slots/new/", hearings.ScheduleSlotView.as_view(),
         name="hearing_slot_new"),
    path("hearings/<int:pk>/publish/", hearings.PublishSessionView.as_view(),
         name="hearing_publish"),
    path("hearings/slots/<int:pk>/confirm/", hearing_group.ConfirmSlotView.as_view(),
         name="hearing_slot_confirm"),
    path("hearings/questions/<int:pk>/answer/", hearing_group.AnswerQuestionView.as_view(),
         name="hearing_answer"),
    path("review/proposals/<int:pk>/questions/new/", hearing_members.AskQuestionView.as_view(),
         name="hearing_question_new"),
    path("review/proposals/<int:pk>/hearing-notes/", hearing_members.HearingNoteView.as_view(),
         name="hearing_notes"),
    path("review/proposals/<int:pk>/deliberation/", deliberation.DeliberationView.as_view(),
         name="deliberation"),
]
