from django.urls import path

from . import views

app_name = "families"
urlpatterns = [
    path("", views.ReportListView.as_view(), name="report_list"),
    path("year/", views.YearView.as_view(), name="year"),
    path("file/<slug:code>/", views.FileReportView.as_view(), name="file"),
    path("<int:pk>/", views.ReportView.as_view(), name="report"),
    path("<int:pk>/acknowledge/", views.AcknowledgeView.as_view(), name="acknowledge"),
    path("<int:pk>/intervention/", views.InterventionView.as_view(), name="intervention"),
    path("<int:pk>/close/", views.CloseView.as_view(), name="close"),
]
