from django.urls import path

from . import search_views, views

urlpatterns = [
    path("my/", views.MyPageView.as_view(), name="my_page"),
    path("search/", search_views.SearchView.as_view(), name="search"),
]
