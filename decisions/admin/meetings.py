"""Admin for meetings: the meeting, its justerare and attendance, its approvals and its §§.

The meeting's status, its approvals and its anslag are read-only here: they change through the
services, by the actions below or on the clerk's pages linked from the meeting's page.
"""

from django.contrib import admin
from django.urls import reverse

from common.admin import HistoryAdmin, admin_add_link

from ..models import (
    Attendance,
    Justering,
    Meeting,
    MeetingAdjuster,
    NoticeCorrection,
    Paragraph,
    StoredProtocol,
)
from . import actions
from .access import MEETING_ROLE, ProtocolAdminMixin, ProtocolInlineMixin
from .display import ReadOnlySummaryInline, page_links


class MeetingAdjusterInline(ProtocolInlineMixin, admin.TabularInline):
    model = MeetingAdjuster
    role_permission = MEETING_ROLE
    extra = 0
    fields = ["position", "person"]
    autocomplete_fields = ["person"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("person")


class AttendanceInline(ProtocolInlineMixin, admin.TabularInline):
    model = Attendance
    role_permission = MEETING_ROLE
    extra = 0
    fields = ["kind", "person", "name", "title", "replaces", "from_number", "to_number"]
    autocomplete_fields = ["person", "replaces"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("person")


class MeetingParagraphInline(ReadOnlySummaryInline):
    model = Paragraph
    fields = ["number", "title", "case", "status", "is_secret"]
    verbose_name_plural = "paragrafer (ändras på egen sida)"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("body", "meeting", "case")


class JusteringInline(ReadOnlySummaryInline):
    """Approvals, read-only: they are recorded by decisions.services.approve_protocol."""

    model = Justering
    fields = ["person", "role", "approved_at"]
    show_change_link = False
    verbose_name_plural = "justeringar (görs via protokollets justeringssida)"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("person")


class NoticeCorrectionInline(ReadOnlySummaryInline):
    """Rättelser of the anslag, read-only: made by decisions.services.correct_notice."""

    model = NoticeCorrection
    fields = ["made_on", "removed_on", "protocol_kept_at", "reason", "made_by"]
    show_change_link = False
    verbose_name_plural = "rättelser av anslaget (görs via protokollets sida)"


class StoredProtocolInline(ReadOnlySummaryInline):
    """The stored versions of the protocol's PDF, read-only: stored by the background task."""

    model = StoredProtocol
    fields = ["version", "rendered_at", "sha256", "state", "pdf"]
    show_change_link = False


@admin.register(Meeting)
class MeetingAdmin(ProtocolAdminMixin, HistoryAdmin):
    role_permission = MEETING_ROLE
    body_field = "body"
    # Written by services only: status by mark_held and justera, the anslag by post_notice.
    service_fields = ("status", "notice_posted_on", "notice_removed_on")
    list_display = ["date", "body", "status", "place", "chair", "justering_on"]
    list_display_links = ["date", "body"]
    list_filter = ["body", "status"]
    list_select_related = ["body", "chair"]
    search_fields = ["body__code", "body__name", "place"]
    ordering = ["-date", "body__name"]
    date_hierarchy = "date"
    autocomplete_fields = ["body", "chair"]
    inlines = [
        MeetingAdjusterInline,
        AttendanceInline,
        JusteringInline,
        NoticeCorrectionInline,
        MeetingParagraphInline,
        StoredProtocolInline,
    ]
    actions = [actions.mark_held, actions.justera, actions.post_notice]

    def get_queryset(self, request):
        # Autocomplete lists print each meeting, and its name includes the body. (A queryset
        # that already joins makes the changelist skip list_select_related, so join all.)
        return super().get_queryset(request).select_related(*self.list_select_related)

    def check_landing(self, instance) -> None:
        pass  # a meeting is part of nothing final; a justerat one is read-only (access.is_final)

    def get_fieldsets(self, request, obj=None):
        meeting = ["body", "date", "starts_at", "ends_at", "place", "chair", "secretary", "status"]
        if obj is not None:
            meeting.append("add_paragraph_link")
        fieldsets = [
            (None, {"fields": meeting}),
            (
                "Justering och anslag",
                {
                    "fields": [
                        "justering_place",
                        "justering_on",
                        "notice_posted_on",
                        "notice_removed_on",
                        "protocol_kept_at",
                    ]
                },
            ),
        ]
        if obj is not None:
            fieldsets.append(("Görs på sammanträdets sidor", {"fields": ["clerk_links"]}))
        return fieldsets

    def get_readonly_fields(self, request, obj=None):
        links = ["add_paragraph_link", "clerk_links"] if obj is not None else []
        return [*super().get_readonly_fields(request, obj), *links]

    @admin.display(description="paragrafer")
    def add_paragraph_link(self, meeting: Meeting) -> str:
        return admin_add_link(Paragraph, "Lägg till paragraf", meeting=meeting.pk)

    @admin.display(description="status, justering och anslag")
    def clerk_links(self, meeting: Meeting) -> str:
        where = {"body": meeting.body.slug, "day": meeting.date.isoformat()}
        return page_links(
            (
                reverse("decisions:prepare_meeting", kwargs=where),
                "Förbered sammanträdet och markera det som genomfört",
            ),
            (reverse("decisions:justera", kwargs=where), "Justera protokollet"),
            (reverse("decisions:post_notice", kwargs=where), "Sätt upp anslaget"),
            (reverse("decisions:correct_notice", kwargs=where), "Rätta anslaget"),
        )
