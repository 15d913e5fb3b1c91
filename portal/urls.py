"""The portal's pages. Their paths are stable: people share them."""

from django.urls import path

from . import casework_views, feeds, people_views, reports, views
from .search import views as search

app_name = "portal"
urlpatterns = [
    path("", views.home, name="home"),
    path("motioner/", views.motion_list, name="motion_list"),
    path("motioner/obesvarade/", reports.unanswered, name="unanswered"),
    path("motioner/obesvarade.csv", reports.unanswered_csv, name="unanswered_csv"),
    path("om/status/", views.about_status, name="about_status"),
    path("sok/", search.search, name="search"),
    path("arenden/<slug:slug>/", views.case_detail, name="case"),
    path("arenden/<slug:slug>/flode/", feeds.CaseFeed(), name="case_feed"),
    path("personer/<int:pk>-<str:slug>/", people_views.person_detail, name="person"),
    path("partier/<slug:abbreviation>/", people_views.party_detail, name="party"),
    path("arbetsyta/", people_views.workspace, name="workspace"),
    path(
        "arbetsyta/arenden/nytt/",
        casework_views.register_case_form,
        name="register_case_form",
    ),
    path("arbetsyta/motioner/ny/", casework_views.register_motion, name="register_motion"),
    path("arbetsyta/arenden/<slug:slug>/remiss/", casework_views.refer_case, name="refer_case"),
    path(
        "arbetsyta/organ/<slug:body>/remisser/",
        casework_views.incoming_referrals,
        name="incoming_referrals",
    ),
    path(
        "arbetsyta/remisser/<int:pk>/besvara/",
        casework_views.answer_referral,
        name="answer_referral",
    ),
]
