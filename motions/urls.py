from django.urls import path

from . import feeds, reports, search, urls_clerk, views

app_name = "motions"
urlpatterns = [
    path("", views.home, name="home"),
    path("motioner/", views.motion_list, name="motion_list"),
    path("motioner/obesvarade/", reports.unanswered, name="unanswered"),
    path("motioner/obesvarade.csv", reports.unanswered_csv, name="unanswered_csv"),
    path("om/status/", views.about_status, name="about_status"),
    path("sok/", search.search, name="search"),
    path("arenden/<slug:slug>/", views.case_detail, name="case"),
    path("arenden/<slug:slug>/flode/", feeds.CaseFeed(), name="case_feed"),
]
urlpatterns += urls_clerk.urlpatterns
