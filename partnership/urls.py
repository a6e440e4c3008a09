from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from . import audit_views, follow_views, notice_views, views

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "accounts/password/change/",
        auth_views.PasswordChangeView.as_view(),
        name="password_change",
    ),
    path(
        "accounts/password/change/done/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path("accounts/", include("partnership.urls_accounts")),
    path("accounts/settings/", notice_views.AccountSettingsView.as_view(),
         name="account_settings"),
    path("notifications/", notice_views.NotificationListView.as_view(),
         name="notification_list"),
    path("notifications/<int:pk>/", notice_views.NotificationOpenView.as_view(),
         name="notification_open"),
    path("notifications/read/", notice_views.MarkAllReadView.as_view(),
         name="notifications_read_all"),
    path("follow/<str:kind>/<int:pk>/", follow_views.FollowView.as_view(), name="follow"),
    path("unfollow/<str:kind>/<int:pk>/", follow_views.FollowView.as_view(stop=True),
         name="unfollow"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("groups/", include("partnership.urls_groups")),
    path("audit/", audit_views.AuditLogView.as_view(), name="audit_log"),
    path("", include("proposals.urls")),
    path("projects/", include("services.urls")),
    path("family-reports/", include("families.urls")),
    path("reports/", include("reports.urls")),
    path("", include("portal.urls")),
    path("api/v1/", include("reports.api.urls")),
    path("admin/", admin.site.urls),
]

handler500 = "partnership.views.server_error"
