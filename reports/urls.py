from django.urls import path

from . import accountability_views, download_views, views

app_name = "reports"
urlpatterns = [
    path("", views.PublicSummaryView.as_view(), name="public_summary"),
    path("accountability/<int:year>/", accountability_views.CallYearView.as_view(),
         name="accountability_year"),
    path("accountability/projects/<slug:code>/", accountability_views.ProjectRecordView.as_view(),
         name="accountability_project"),
    path("year/", views.YearReportView.as_view(), name="year"),
    path("span/", views.SpanReportView.as_view(), name="span"),
    path("projects/<slug:code>/trend/", views.ProjectTrendView.as_view(), name="project_trend"),
    path("projects/<slug:code>/trend.csv", download_views.ProjectTrendCSV.as_view(),
         name="project_trend_csv"),
    path("projects/<slug:code>/trend.xlsx", download_views.ProjectTrendXLSX.as_view(),
         name="project_trend_xlsx"),
    path("summary.csv", download_views.SummaryCSV.as_view(), name="summary_csv"),
    path("summary.xlsx", download_views.SummaryXLSX.as_view(), name="summary_xlsx"),
    path("export/indicators.csv", views.ExportCSVView.as_view(), name="export_csv"),
    path("export/report.xlsx", views.ExportXLSXView.as_view(), name="export_xlsx"),
    path("export/raw/<slug:kind>.csv", views.RawRecordsCSVView.as_view(), name="raw_csv"),
]
