"""Logging in and out (/konto/…). Failed logins are counted and locked out by django-axes."""

from django.contrib.auth import views as auth_views
from django.urls import path

app_name = "account"
urlpatterns = [
    path(
        "logga-in/",
        # Those who log in are clerks and förtroendevalda: their day starts in Min arbetsyta.
        auth_views.LoginView.as_view(
            template_name="registration/login.html", next_page="portal:workspace"
        ),
        name="login",
    ),
    path("logga-ut/", auth_views.LogoutView.as_view(next_page="portal:home"), name="logout"),
]
