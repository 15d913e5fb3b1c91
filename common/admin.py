"""Admin helpers every app uses: the history admin base, the object id of a change URL, links,
and a date filter for every changelist that refuses dates no one means.

Imports no app of ours (``docs/architecture.md``); each app's admin builds on these.
"""

import datetime

from django.contrib import admin
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.http import Http404, HttpRequest
from django.urls import reverse
from django.utils.html import format_html
from simple_history.admin import SimpleHistoryAdmin

from .forms import EARLIEST, LATEST


class HistoryAdmin(SimpleHistoryAdmin):
    """A ModelAdmin with a per-object history page: who changed what, and when.

    django-simple-history saves a 'revert' from a past version's page for anyone who may view
    the history; here reverting is a change like any other: it needs change permission on the
    object as it is stored now (so never on a justerad paragraph, nor on another body's
    meeting). docs/decisions/0010-history.md

    ``service_fields`` are written only by the services (a status, a derived value): they are
    read-only on the page, and a save from the admin keeps their stored values — a revert too,
    which would otherwise bring back the past version's status along with its text.
    """

    service_fields: tuple[str, ...] = ()

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        return [*fields, *(name for name in self.service_fields if name not in fields)]

    def save_model(self, request, obj, form, change):
        if change and self.service_fields:
            names = [obj._meta.get_field(name).attname for name in self.service_fields]
            stored = type(obj)._default_manager.filter(pk=obj.pk).values(*names).first()
            for name, value in (stored or {}).items():
                setattr(obj, name, value)
        super().save_model(request, obj, form, change)

    def history_view(self, request, object_id, extra_context=None):
        _known_key(self.model, object_id)
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        _known_key(self.model, object_id)
        _known_key(self.model.history.model, version_id)
        if request.method == "POST":
            obj = self.get_object(request, unquote(object_id))
            if obj is None or not self.has_change_permission(request, obj):
                raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)


def _known_key(model: type[models.Model], raw: str) -> None:
    """An id in a history URL that is no key of ``model`` (``abc``, a NUL byte) names nothing:
    404, as Django's own change page answers, before simple-history filters on it."""
    try:
        model._meta.pk.to_python(unquote(raw))
    except ValidationError:
        raise Http404("Det finns ingen sådan post.") from None


def admin_object_id(request: HttpRequest) -> int | None:
    """The primary key in an admin change URL, or None on an add page.

    Inlines get only the request, not the parent, when their form fields are built; this is
    how they learn which parent's rows to offer.
    """
    match = getattr(request, "resolver_match", None)
    raw = match.kwargs.get("object_id") if match else None
    try:
        return int(raw) if raw is not None else None
    except ValueError:
        return None


def admin_link(obj: models.Model, text: str | None = None) -> str:
    """A link to ``obj``'s admin change page, showing ``text`` or the object itself."""
    opts = obj._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
    return format_html('<a href="{}">{}</a>', url, text if text is not None else str(obj))


def admin_add_link(model: type[models.Model], text: str, **initial: int) -> str:
    """A link to ``model``'s admin add page with ``initial`` filled in (``?paragraph=7``)."""
    opts = model._meta
    query = "&".join(f"{name}={value}" for name, value in initial.items())
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_add") + (f"?{query}" if query else "")
    return format_html('<a class="addlink" href="{}">{}</a>', url, text)


class BoundedDateFieldListFilter(admin.DateFieldListFilter):
    """Django's date filter, refusing a date outside ``common.forms``' bounds as it refuses a
    date it cannot read: the changelist says the filter was wrong (``?e=1``). Django's own
    lets ``?attempt_time__gte=0001-01-01`` through to the time zone conversion, which
    overflows. Registered for every date and datetime field of every admin, ours and the
    libraries' (axes' login attempts)."""

    def queryset(self, request, queryset):
        for name in (self.lookup_kwarg_since, self.lookup_kwarg_until):
            values = self.used_parameters.get(name, [])
            for raw in values if isinstance(values, list) else [values]:
                try:
                    day = datetime.date.fromisoformat(str(raw)[:10])
                except ValueError:
                    continue  # Django's filter refuses it as it is
                if not EARLIEST <= day <= LATEST:
                    raise IncorrectLookupParameters(f"{name}: {raw}")
        return super().queryset(request, queryset)


admin.FieldListFilter.register(
    lambda field: isinstance(field, models.DateField),
    BoundedDateFieldListFilter,
    take_priority=True,
)
