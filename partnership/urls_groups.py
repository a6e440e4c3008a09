"""Citizen-group pages, included under groups/ by partnership/urls.py."""

from django.urls import path

from . import group_views

urlpatterns = [
    path("", group_views.MyGroupsView.as_view(), name="group_list"),
    path("new/", group_views.GroupCreateView.as_view(), name="group_create"),
    path("<int:pk>/", group_views.GroupDetailView.as_view(), name="group_detail"),
    path("<int:pk>/members/add/", group_views.MemberAddView.as_view(), name="group_member_add"),
    path(
        "<int:pk>/members/<int:membership_pk>/remove/",
        group_views.MemberRemoveView.as_view(),
        name="group_member_remove",
    ),
]
