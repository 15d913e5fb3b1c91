"""The clerk's case pages: registering cases and motions, sending and answering referrals."""

from django.urls import path

from . import clerk_views

urlpatterns: list = [
    path(
        "arbetsyta/arenden/nytt/",
        clerk_views.register_case_form,
        name="register_case_form",
    ),
    path("arbetsyta/motioner/ny/", clerk_views.register_motion, name="register_motion"),
    path("arbetsyta/arenden/<slug:slug>/remiss/", clerk_views.refer_case, name="refer_case"),
    path(
        "arbetsyta/organ/<slug:body>/remisser/",
        clerk_views.incoming_referrals,
        name="incoming_referrals",
    ),
    path(
        "arbetsyta/remisser/<int:pk>/besvara/",
        clerk_views.answer_referral,
        name="answer_referral",
    ),
]
