"""Admin actions that change a protocol's state, each calling the service that does it, and
deleting through the services.

The admin never writes a status, a justering time or an anslag date itself. An action asks the
same permission as the clerk's page for the same step, on each selected object; what the service
refuses is shown as its Swedish message, and the other selected objects are still tried.
"""

from collections.abc import Callable

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.db import models
from django.shortcuts import redirect
from django.utils import timezone

from common.errors import ServiceError

from .. import services
from ..models import Meeting, Paragraph
from ..services import meetings as meeting_services


def run_service(
    request,
    objects: models.QuerySet,
    *,
    perm: str,
    call: Callable[[models.Model], object],
    done: str,
) -> None:
    """Call ``call`` on each object the user holds ``perm`` on; report each outcome."""
    for obj in objects:
        if not request.user.has_perm(perm, obj):
            messages.error(
                request, f"{obj}: du har ingen roll som ger rätt att göra detta för {obj.body}."
            )
            continue
        try:
            call(obj)
        except ServiceError as exc:
            messages.error(request, f"{obj}: {' '.join(exc.messages)}")
        else:
            messages.success(request, f"{obj}: {done}")


@admin.action(description="Markera som genomfört", permissions=["view"])
def mark_held(modeladmin, request, queryset):
    run_service(
        request,
        queryset,
        perm="decisions.prepare_meeting",
        call=lambda meeting: meeting_services.mark_held(meeting=meeting),
        done="sammanträdet är markerat som genomfört.",
    )


@admin.action(description="Slutför justeringen (när alla har justerat)", permissions=["view"])
def justera(modeladmin, request, queryset):
    # The approvals themselves are recorded one by one on the protocol's justering page
    # (approve_protocol), which completes the justering with the last one; this is for a
    # protocol whose approvals are all in.
    run_service(
        request,
        queryset,
        perm="decisions.justera_on_behalf",
        call=lambda meeting: services.justera(meeting=meeting, at=timezone.now()),
        done="protokollet är justerat.",
    )


@admin.action(description="Sätt upp anslaget i dag", permissions=["view"])
def post_notice(modeladmin, request, queryset):
    def call(meeting: Meeting) -> None:
        services.post_notice(
            meeting=meeting, posted_on=timezone.localdate(), kept_at=meeting.protocol_kept_at
        )

    run_service(
        request,
        queryset,
        perm="decisions.post_notice",
        call=call,
        done="anslaget är uppsatt.",
    )


@admin.action(description="Justera omedelbart (vid sammanträdet)", permissions=["view"])
def justera_immediately(modeladmin, request, queryset):
    def call(paragraph: Paragraph) -> None:
        services.justera_immediately(paragraph=paragraph, at=timezone.now())

    run_service(
        request,
        queryset.select_related("meeting__body", "body"),
        perm="decisions.justera_meeting",
        call=call,
        done="paragrafen är omedelbart justerad.",
    )


# --- Deleting -------------------------------------------------------------------------------


class DeletedByServiceMixin:
    """Deleting one object at a time, through its service; the service's refusal is shown.

    The changelist's bulk delete is left out: it would delete around the service.
    """

    def check_delete(self, obj) -> None:
        raise NotImplementedError

    def delete_by_service(self, obj) -> None:
        raise NotImplementedError

    def get_actions(self, request):
        found = super().get_actions(request)
        found.pop("delete_selected", None)
        return found

    def delete_view(self, request, object_id, extra_context=None):
        if request.method == "POST":
            obj = self.get_object(request, unquote(object_id))
            if obj is not None and self.has_delete_permission(request, obj):
                try:
                    self.check_delete(obj)
                except ServiceError as exc:
                    self.message_user(request, " ".join(exc.messages), messages.ERROR)
                    opts = obj._meta
                    return redirect(
                        f"admin:{opts.app_label}_{opts.model_name}_change", object_id=obj.pk
                    )
        return super().delete_view(request, object_id, extra_context)

    def delete_model(self, request, obj):
        self.delete_by_service(obj)
