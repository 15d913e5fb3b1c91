"""The clerk's case pages: registering cases and motions, sending and answering referrals."""

from django.urls import path  # noqa: F401

urlpatterns: list = []
