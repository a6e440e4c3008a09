from django.urls import path

from . import views

app_name = "services"
urlpatterns = [
    path("", views.ProjectListView.as_view(), name="project_list"),
    path("import/", views.ImportUploadView.as_view(), name="import_upload"),
    path("<slug:code>/", views.project_detail, name="project_detail"),
    path("<slug:code>/edit/", views.ProjectEditView.as_view(), name="project_edit"),
    path("<slug:code>/history/", views.RecordChangesView.as_view(), name="record_changes"),
    path("<slug:code>/records/<slug:kind>/", views.RecordListView.as_view(), name="record_list"),
    path("<slug:code>/records/<slug:kind>/add/", views.RecordEntryView.as_view(),
         name="record_entry"),
    path("<slug:code>/records/<slug:kind>/<int:pk>/edit/", views.RecordEditView.as_view(),
         name="record_edit"),
    path("<slug:code>/records/<slug:kind>/<int:pk>/delete/", views.RecordDeleteView.as_view(),
         name="record_delete"),
    path("<slug:code>/years/<int:year>/close/", views.YearCloseView.as_view(), name="year_close"),
    path("<slug:code>/years/<int:year>/targets/", views.TargetsView.as_view(),
         name="targets"),
    path("<slug:code>/years/<int:year>/targets/agree/", views.AgreeTargetsView.as_view(),
         name="targets_agree"),
    path("<slug:code>/years/<int:year>/evaluations/<slug:evaluator>/",
         views.EvaluationView.as_view(), name="evaluation"),
]
