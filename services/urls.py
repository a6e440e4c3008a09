from django.urls import path

from .views import agreements, imports, projects, records, years

app_name = "services"
urlpatterns = [
    path("", projects.ProjectListView.as_view(), name="project_list"),
    path("import/", imports.ImportUploadView.as_view(), name="import_upload"),
    path("import/confirm/", imports.ImportConfirmView.as_view(), name="import_confirm"),
    path("<slug:code>/", projects.ProjectDetailView.as_view(), name="project_detail"),
    path("<slug:code>/edit/", projects.ProjectEditView.as_view(), name="project_edit"),
    path("<slug:code>/agreement/", agreements.AgreementView.as_view(), name="agreement"),
    path("<slug:code>/agreement/draft/", agreements.AgreementDraftView.as_view(),
         name="agreement_draft"),
    path("<slug:code>/agreement/<int:version>/confirm/<slug:side>/",
         agreements.AgreementConfirmView.as_view(), name="agreement_confirm"),
    path("<slug:code>/history/", projects.HistoryView.as_view(), name="record_changes"),
    path("<slug:code>/records/<slug:kind>/", records.RecordListView.as_view(),
         name="record_list"),
    path("<slug:code>/records/<slug:kind>/add/", records.RecordEntryView.as_view(),
         name="record_entry"),
    path("<slug:code>/records/<slug:kind>/<int:pk>/edit/", records.RecordEditView.as_view(),
         name="record_edit"),
    path("<slug:code>/records/<slug:kind>/<int:pk>/delete/",
         records.RecordDeleteView.as_view(), name="record_delete"),
    path("<slug:code>/years/<int:year>/close/", years.YearCloseView.as_view(),
         name="year_close"),
    path("<slug:code>/years/<int:year>/targets/", years.TargetsView.as_view(), name="targets"),
    path("<slug:code>/years/<int:year>/targets/agree/", years.AgreeTargetsView.as_view(),
         name="targets_agree"),
    path("<slug:code>/years/<int:year>/evaluations/<slug:evaluator>/",
         years.EvaluationView.as_view(), name="evaluation"),
]
