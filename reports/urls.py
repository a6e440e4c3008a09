from django.urls import path

from . import views

app_name = "reports"
urlpatterns = [
    path("", views.PublicSummaryView.as_view(), name="public_summary"),
    path("year/", views.YearReportView.as_view(), name="year"),
    path("span/", views.SpanReportView.as_view(), name="span"),
    path("projects/<slug:code>/trend/", views.ProjectTrendView.as_view(), name="project_trend"),
    path("export/indicators.csv", views.ExportCSVView.as_view(), name="export_csv"),
    path("export/report.xlsx", views.ExportXLSXView.as_view(), name="export_xlsx"),
    path("export/raw/<slug:kind>.csv", views.RawRecordsCSVView.as_view(), name="raw_csv"),
]
