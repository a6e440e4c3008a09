"""Citizen-group pages of the proposals app (names under the `proposals` namespace)."""

from django.urls import path

from .views import consultation, group

urlpatterns = [
    path("consultations/", consultation.ConsultationListView.as_view(),
         name="consultation_list"),
    path("consultations/new/", consultation.OpenConsultationView.as_view(),
         name="consultation_open"),
    path("consultations/<int:pk>/", consultation.ConsultationDetailView.as_view(),
         name="consultation_detail"),
    path("consultations/<int:pk>/answer/", consultation.AnswerConsultationView.as_view(),
         name="consultation_answer"),
    path("consultations/<int:pk>/reply/", consultation.ReplyConsultationView.as_view(),
         name="consultation_reply"),
    path("consultations/<int:pk>/attach/", consultation.LinkConsultationView.as_view(),
         name="consultation_link"),
    path("my/proposals/", group.MyProposalsView.as_view(), name="my_proposals"),
    path("proposals/new/", group.ProposalCreateView.as_view(), name="proposal_create"),
    path("proposals/<int:pk>/edit/", group.ProposalEditView.as_view(), name="proposal_edit"),
    path("proposals/<int:pk>/submit/", group.ProposalSubmitView.as_view(),
         name="proposal_submit"),
    path("proposals/<int:pk>/withdraw/", group.ProposalWithdrawView.as_view(),
         name="proposal_withdraw"),
    path("proposals/<int:pk>/attachments/", group.AttachmentUploadView.as_view(),
         name="attachment_upload"),
    path("proposals/<int:pk>/attachments/<int:attachment_pk>/delete/",
         group.AttachmentDeleteView.as_view(), name="attachment_delete"),
]
