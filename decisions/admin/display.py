"""How the protocol admin shows its rows: short text boxes, read-only summaries linked to their
own pages, the yrkanden of the paragraph at hand, and links to the clerk's pages."""

from django import forms
from django.contrib import admin
from django.utils.html import format_html_join

from common.admin import admin_object_id

from ..models import Yrkande

SHORT_TEXT = forms.Textarea(attrs={"rows": 2, "cols": 60})


def page_links(*links: tuple[str, str]) -> str:
    """``(url, text)`` pairs as links, one a line: the way to the clerk page that does it."""
    return format_html_join("", '<div><a href="{}">{}</a></div>', links)


class ShortTextMixin:
    """Inline rows with a full-height textarea each make a paragraph page endless."""

    short_text_fields: tuple[str, ...] = ("text",)

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name in self.short_text_fields:
            kwargs["widget"] = SHORT_TEXT
        return super().formfield_for_dbfield(db_field, request, **kwargs)


class YrkandeChoicesMixin:
    """Offer only the yrkanden of the paragraph being edited.

    Where the paragraph is not known yet (a new proposition), fall back to an autocomplete
    over all yrkanden; the forms then check that the choice fits the paragraph.
    """

    yrkande_fields: tuple[str, ...] = ()

    def yrkande_paragraph_id(self, request) -> int | None:
        raise NotImplementedError

    def _scope(self, request) -> int | None:
        # Asked once per foreign key while a form class is built; look it up once per request.
        cache = request.__dict__.setdefault("_yrkande_scope", {})
        key = type(self)
        if key not in cache:
            cache[key] = self.yrkande_paragraph_id(request)
        return cache[key]

    def get_autocomplete_fields(self, request):
        fields = list(super().get_autocomplete_fields(request))
        if self._scope(request) is None:
            fields += self.yrkande_fields
        return fields

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name in self.yrkande_fields:
            paragraph_id = self._scope(request)
            if paragraph_id is not None:
                kwargs["queryset"] = Yrkande.objects.filter(
                    paragraph_id=paragraph_id
                ).select_related("paragraph")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class OnParagraphPageMixin(YrkandeChoicesMixin):
    """An inline on the paragraph page: on a new paragraph there are no yrkanden to offer."""

    def yrkande_paragraph_id(self, request) -> int | None:
        return admin_object_id(request) or 0


class ReadOnlySummaryInline(admin.TabularInline):
    """Rows shown for overview and linked to their own page, where they are edited."""

    extra = 0
    can_delete = False
    show_change_link = True

    def get_readonly_fields(self, request, obj=None):
        return list(self.fields)

    def has_add_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
