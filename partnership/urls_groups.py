"""Citizen-group pages, included under groups/ by partnership/urls.py."""

from django.urls import path

from . import check_views, group_views, invitation_views

urlpatterns = [
    path("", group_views.MyGroupsView.as_view(), name="group_list"),
    path("new/", group_views.GroupCreateView.as_view(), name="group_create"),
    path("invitations/", invitation_views.MyInvitationsView.as_view(), name="my_invitations"),
    path("invitations/<int:pk>/accept/",
         invitation_views.InvitationAnswerView.as_view(answer="accept"),
         name="invitation_accept"),
    path("invitations/<int:pk>/decline/",
         invitation_views.InvitationAnswerView.as_view(answer="decline"),
         name="invitation_decline"),
    path("checks/", check_views.GroupCheckQueueView.as_view(), name="group_checks"),
    path("<int:pk>/", group_views.GroupDetailView.as_view(), name="group_detail"),
    path("<int:pk>/edit/", group_views.GroupEditView.as_view(), name="group_edit"),
    path("<int:pk>/verify/", check_views.GroupVerifyView.as_view(), name="group_verify"),
    path("<int:pk>/return/", check_views.GroupReturnView.as_view(), name="group_return"),
    path("<int:pk>/resubmit/", check_views.GroupResubmitView.as_view(), name="group_resubmit"),
    path("<int:pk>/members/invite/", group_views.InviteView.as_view(),
         name="group_member_invite"),
    path("<int:pk>/invitations/<int:invitation_pk>/withdraw/",
         group_views.InvitationWithdrawView.as_view(), name="group_invitation_withdraw"),
    path("<int:pk>/members/<int:membership_pk>/remove/", group_views.MemberRemoveView.as_view(),
         name="group_member_remove"),
]
