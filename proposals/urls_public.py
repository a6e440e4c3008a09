"""Public pages of the proposals app (names under the `proposals` namespace)."""

from django.urls import path

from .views import calendar, public

urlpatterns = [
    path("calls/", public.CallListView.as_view(), name="call_list"),
    path("calls/<int:pk>/", public.CallDetailView.as_view(), name="call_detail"),
    path("calls/<int:pk>/calendar.ics", calendar.CallCalendarView.as_view(),
         name="call_calendar"),
    path("proposals/<int:pk>/", public.ProposalDetailView.as_view(), name="proposal_detail"),
    path(
        "proposals/<int:pk>/attachments/<int:attachment_pk>/",
        public.AttachmentDownloadView.as_view(),
        name="attachment_download",
    ),
]
