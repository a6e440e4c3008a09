"""URLs of the partnership members, the chair, the mayor's office and the city officers."""

from django.urls import path

from .views import decision, review, screening

urlpatterns = [
    path("review/", review.ReviewQueueView.as_view(), name="review_queue"),
    path("review/proposals/<int:pk>/ballot/", review.BallotView.as_view(), name="ballot"),
    path("review/proposals/<int:pk>/conflict/", review.DeclareConflictView.as_view(),
         name="declare_conflict"),
    path("review/proposals/<int:pk>/ballots/", review.BallotsView.as_view(), name="ballots"),
    path("review/board/", review.ReviewBoardIndexView.as_view(), name="review_boards"),
    path("review/board/<int:call>/", review.ReviewBoardView.as_view(), name="review_board"),
    path("review/proposals/<int:pk>/open/", review.OpenReviewView.as_view(),
         name="open_review"),
    path("review/proposals/<int:pk>/close/", review.CloseReviewView.as_view(),
         name="close_review"),
    path("decisions/", decision.DecisionQueueView.as_view(), name="decision_queue"),
    path("decisions/proposals/<int:pk>/", decision.DecideView.as_view(), name="decide"),
    path("screening/", screening.ScreeningQueueView.as_view(), name="screening_queue"),
    path("screening/proposals/<int:pk>/eligible/", screening.MarkEligibleView.as_view(),
         name="mark_eligible"),
    path("screening/proposals/<int:pk>/ineligible/", screening.MarkIneligibleView.as_view(),
         name="mark_ineligible"),
]
