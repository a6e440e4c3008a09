from django.contrib.auth import views as auth_views
from django.urls import path

from . import account_views

urlpatterns = [
    path("signup/", account_views.SignUpView.as_view(), name="signup"),
    path("signup/sent/", account_views.SignUpDoneView.as_view(), name="signup_done"),
    path("verify/<str:uidb64>/<str:token>/", account_views.VerifyView.as_view(),
         name="account_verify"),
    path("password/reset/", account_views.PasswordResetView.as_view(), name="password_reset"),
    path("password/reset/sent/", auth_views.PasswordResetDoneView.as_view(),
         name="password_reset_done"),
    path("password/reset/<str:uidb64>/<str:token>/",
         auth_views.PasswordResetConfirmView.as_view(), name="password_reset_confirm"),
    path("password/reset/done/", auth_views.PasswordResetCompleteView.as_view(),
         name="password_reset_complete"),
    path("email/", account_views.EmailChangeView.as_view(), name="email_change"),
    path("email/confirm/<str:token>/", account_views.EmailChangeConfirmView.as_view(),
         name="email_change_confirm"),
]
