"""Who may see what. Until the clerk workspace brings roles, staff users see secret matters."""

from django.contrib.auth.models import AnonymousUser, User


def may_see_secret(user: User | AnonymousUser) -> bool:
    return bool(user.is_active and user.is_staff)
