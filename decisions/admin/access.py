"""Who may change what in the admin: the body's roles, and nothing once it is final.

The admin asks the same permissions as the clerk workspace (``organisation/rules.py``,
docs/decisions/0011-roles.md), on the body the object belongs to: a meeting and its attendance
need ``decisions.prepare_meeting``, a paragraph and every part of it ``decisions.edit_paragraph``.
Django's model permissions (groups) still decide whether a staff user may open a model's pages at
all; the role decides which body's rows they may change, add to or delete. Superusers may do
everything. Reading stays as before: staff see every body's protocols (0011, secrecy).

What is final is read-only for everyone, superusers too: a justerad paragraph and its parts
(``services.part_is_final``; on PostgreSQL also a trigger, migration 0005) and a justerat
meeting with its attendance, justerare and approvals (the meeting services refuse it too,
``services.finality.JUSTERAT_MESSAGE``; on PostgreSQL the triggers of migration 0009).
"""

from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import HttpRequest

from common.errors import ServiceError
from organisation.models import Body

from .. import services
from ..models import Attendance, Justering, Meeting, MeetingAdjuster, Paragraph
from ..services.finality import JUSTERAT_MESSAGE

MEETING_ROLE = "decisions.prepare_meeting"
PARAGRAPH_ROLE = "decisions.edit_paragraph"


def body_of(obj: models.Model | None) -> Body | None:
    """The body whose roles govern ``obj``: a meeting's, or that of the paragraph it is part of.

    For an unsaved or edited object this is the body it is about to belong to. None for what
    belongs to no body's protocol (a förslag till beslut in a document of the case file).
    """
    match obj:
        case None:
            return None
        case Meeting():
            return obj.body if obj.body_id else None
        case Paragraph():
            return obj.meeting.body if obj.meeting_id else None
        case MeetingAdjuster() | Attendance() | Justering():
            return obj.meeting.body if obj.meeting_id else None
    paragraph_id = services.paragraph_id_of(obj)
    if paragraph_id is None:
        return None
    body_id = Paragraph.objects.filter(pk=paragraph_id).values("body_id")
    return Body.objects.filter(pk__in=body_id).first()


def may(request: HttpRequest, perm: str, obj: models.Model | None, *, stored: bool = True) -> bool:
    """Does the user hold ``perm`` on the body of ``obj``?

    The admin asks this many times per page (each inline, each button), so the answer for a
    stored object is kept for the request; ``stored=False`` asks about an object as a form has
    just changed it, which may belong to another body than the stored row.
    """
    user = request.user
    if user.is_active and user.is_superuser:
        return True
    cache = request.__dict__.setdefault("_admin_roles", {})
    key = (perm, type(obj), obj.pk) if stored and obj is not None and obj.pk else None
    if key is not None and key in cache:
        return cache[key]
    body = body_of(obj)
    # What belongs to no body (a document's proposal) is left to Django's model permissions.
    answer = body is None or user.has_perm(perm, body)
    if key is not None:
        cache[key] = answer
    return answer


def refusal(body: Body | None) -> str:
    return f"Du har ingen roll som ger rätt att ändra sammanträden och paragrafer för {body}."


def is_final(obj: models.Model | None) -> bool:
    """Is the stored ``obj`` final: a justerat meeting, a justerad paragraph or one of its parts?

    An object not yet saved is never final itself; where it is about to land is checked by
    the form (``ProtocolAdminMixin.get_form``).
    """
    if obj is None or obj.pk is None:
        return False
    if isinstance(obj, Meeting):
        return Meeting.objects.filter(pk=obj.pk, status=Meeting.Status.JUSTERAT).exists()
    if isinstance(obj, MeetingAdjuster | Attendance | Justering):
        return Meeting.objects.filter(pk=obj.meeting_id, status=Meeting.Status.JUSTERAT).exists()
    return services.part_is_final(obj)


def final_message(obj: models.Model) -> str:
    return JUSTERAT_MESSAGE if isinstance(obj, Meeting) else services.FINAL_MESSAGE


class ProtocolAdminMixin:
    """A ModelAdmin for a meeting, a paragraph or a part: the body's role, read-only once final.

    ``role_permission`` is the rules permission asked on the object's body; ``body_field`` is
    the form field that decides the body (an error about it is shown beside it).
    """

    role_permission = PARAGRAPH_ROLE
    body_field = "paragraph"

    def may_edit(self, request, obj) -> bool:
        return not is_final(obj) and may(request, self.role_permission, obj)

    def has_change_permission(self, request, obj=None):
        if obj is not None and not self.may_edit(request, obj):
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and not self.may_edit(request, obj):
            return False
        return super().has_delete_permission(request, obj)

    def delete_queryset(self, request, queryset):
        # The changelist's "delete selected" asks per object too; this is the last word.
        for obj in queryset:
            if is_final(obj):
                raise PermissionDenied(final_message(obj))
            if not may(request, self.role_permission, obj):
                raise PermissionDenied(refusal(body_of(obj)))
        super().delete_queryset(request, queryset)

    def check_landing(self, instance) -> None:
        """Raise ``ServiceError`` if ``instance`` may not be saved where the form puts it.

        A part may not be added to, or moved into, a justerad paragraph.
        """
        services.check_part_editable(instance)

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        model_admin = self

        def _post_clean(self):
            form._post_clean(self)
            # A new row, or one moved to another meeting or paragraph, must land where the
            # user has the role and that is not final yet.
            field = model_admin.body_field if model_admin.body_field in self.fields else None
            if field is not None and field not in self.cleaned_data:
                return  # the field itself has an error already
            instance = self.instance
            if not may(request, model_admin.role_permission, instance, stored=False):
                self.add_error(field, refusal(body_of(instance)))
                return
            try:
                model_admin.check_landing(instance)
            except ServiceError as exc:
                if hasattr(exc, "error_dict") and set(exc.error_dict) <= set(self.fields):
                    self.add_error(None, exc)  # beside the fields the service names
                else:
                    self.add_error(field, exc.messages)

        return type(form.__name__, (form,), {"_post_clean": _post_clean})


class ProtocolInlineMixin:
    """An inline whose parent (``obj``) is a meeting, paragraph or part: the parent's body's
    role, read-only once the parent is final."""

    role_permission = PARAGRAPH_ROLE

    def _parent_open(self, request, obj) -> bool:
        return obj is None or (not is_final(obj) and may(request, self.role_permission, obj))

    def has_add_permission(self, request, obj=None):
        return self._parent_open(request, obj) and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return self._parent_open(request, obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self._parent_open(request, obj) and super().has_delete_permission(request, obj)
