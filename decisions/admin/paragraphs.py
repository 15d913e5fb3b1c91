"""Admin for paragraphs and the parts edited on a paragraph's own page.

The admin cannot nest inlines, so the parts that have parts of their own — a yrkande's
movers, a proposal's points, a proposition's alternatives, a vote's roll call — are edited
on their own pages (``debate``) and linked from the paragraph.

A paragraph's status, its justering and the yrkanden's outcomes are read-only: justering goes
through the services (the action below, or the protocol's justering page), outcomes follow
from the beslutsordning (``services.derived.settle_outcomes``), rättelse and expediering are done
on the paragraph's public page.
"""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html, format_html_join

from common.admin import HistoryAdmin, admin_add_link

from ..models import (
    BasisDocument,
    Correction,
    DecisionPoint,
    Jav,
    Meeting,
    Paragraph,
    Proposal,
    Proposition,
    ProtocolNote,
    Recipient,
    Reservation,
    StoredExtract,
    Yrkande,
    YrkandeMember,
)
from ..services import agenda
from . import actions
from .access import ProtocolAdminMixin, ProtocolInlineMixin
from .actions import DeletedByServiceMixin
from .display import OnParagraphPageMixin, ReadOnlySummaryInline, ShortTextMixin, page_links
from .forms import ReservationForm

# Written by the justering services only (justera, justera_immediately).
PARAGRAPH_STATE = ("status", "immediately_justerad", "justerad_at")


class DecisionPointInline(ProtocolInlineMixin, ShortTextMixin, admin.TabularInline):
    model = DecisionPoint
    extra = 0
    fields = ["position", "text"]


class ProposalSummaryInline(ReadOnlySummaryInline):
    """Proposals, read-only: their points are edited on the proposal's own page."""

    model = Proposal
    fields = ["to_body", "position", "points_text"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("to_body").prefetch_related("points")

    @admin.display(description="förslagspunkter")
    def points_text(self, proposal: Proposal) -> str:
        return format_html_join("", "<div>{}</div>", ((str(p),) for p in proposal.points.all()))


class ParagraphProposalInline(ProposalSummaryInline):
    fk_name = "paragraph"


class BasisDocumentInline(ProtocolInlineMixin, admin.TabularInline):
    model = BasisDocument
    extra = 0
    fields = ["position", "document", "label"]
    autocomplete_fields = ["document"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("document")


class RecipientInline(ProtocolInlineMixin, admin.TabularInline):
    """Recipients; the date each was sent the decision is recorded by expediering
    (``services.mark_sent``, on the paragraph's page), after justering only."""

    model = Recipient
    extra = 0
    fields = ["position", "name", "body", "sent_on"]
    readonly_fields = ["sent_on"]
    autocomplete_fields = ["body"]


class YrkandeInline(ProtocolInlineMixin, OnParagraphPageMixin, ShortTextMixin, admin.TabularInline):
    model = Yrkande
    fk_name = "paragraph"
    extra = 0
    fields = [
        "position",
        "kind",
        "target",
        "target_body",
        "target_yrkande",
        "text",
        "outcome",
        "members_text",
    ]
    # The outcome follows from the beslutsordning (services.derived.settle_outcomes).
    readonly_fields = ["outcome", "members_text"]
    autocomplete_fields = ["target_body"]
    yrkande_fields = ("target_yrkande",)
    show_change_link = True
    # Deleted on its own page, through services.yrkanden.delete_yrkande, which refuses a yrkande
    # that a proposition, vote or reservation still uses.
    can_delete = False

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("paragraph")
            .prefetch_related("memberships__person")
        )

    @admin.display(description="yrkare (ändras via länken)")
    def members_text(self, yrkande: Yrkande) -> str:
        names = [
            f"{m.person}" + (" (instämmer)" if m.role == YrkandeMember.Role.SUPPORTER else "")
            for m in yrkande.memberships.all()
        ]
        return ", ".join(names) or "–"


class ReservationInline(
    ProtocolInlineMixin, OnParagraphPageMixin, ShortTextMixin, admin.TabularInline
):
    model = Reservation
    form = ReservationForm
    extra = 0
    fields = ["position", "person", "in_favour_of", "motivation"]
    autocomplete_fields = ["person"]
    yrkande_fields = ("in_favour_of",)
    short_text_fields = ("motivation",)

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("person", "paragraph")


class ProtocolNoteInline(ProtocolInlineMixin, ShortTextMixin, admin.TabularInline):
    model = ProtocolNote
    extra = 0
    fields = ["position", "persons", "text"]
    autocomplete_fields = ["persons"]


class JavInline(ProtocolInlineMixin, admin.TabularInline):
    model = Jav
    extra = 0
    fields = ["person", "reason"]
    autocomplete_fields = ["person"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("person", "paragraph")


class PropositionSummaryInline(ReadOnlySummaryInline):
    model = Proposition
    fields = ["position", "finding", "vote_text"]
    verbose_name_plural = "beslutsordning (ändras på egen sida)"

    def get_queryset(self, request):
        return (
            super().get_queryset(request).select_related("paragraph", "finding__paragraph", "vote")
        )

    @admin.display(description="votering")
    def vote_text(self, proposition: Proposition) -> str:
        vote = getattr(proposition, "vote", None)
        if vote is None:
            return "–"  # a votering is recorded in the paragraph editor (services.record_vote)
        url = reverse("admin:decisions_vote_change", args=[vote.pk])
        return format_html('<a href="{}">{}</a>', url, str(vote))


class CorrectionInline(ReadOnlySummaryInline):
    """Rättelser, read-only: made by decisions.services.correct, never edited."""

    model = Correction
    fields = ["made_on", "reason", "text", "made_by"]
    show_change_link = False
    verbose_name_plural = "rättelser (görs via paragrafens sida)"


class StoredExtractInline(ReadOnlySummaryInline):
    """The stored versions of the certified extract, read-only: stored by the background task."""

    model = StoredExtract
    fields = ["version", "correction", "rendered_at", "sha256", "pdf"]
    show_change_link = False


@admin.register(Paragraph)
class ParagraphAdmin(DeletedByServiceMixin, ProtocolAdminMixin, HistoryAdmin):
    body_field = "meeting"
    service_fields = PARAGRAPH_STATE
    list_display = [
        "number_text",
        "title",
        "body_code",
        "meeting_date",
        "case_dnr",
        "status",
        "is_secret",
    ]
    list_display_links = ["number_text", "title"]
    list_filter = ["body", "year", "status", "is_secret", "immediately_justerad"]
    list_select_related = ["meeting", "body", "case"]
    search_fields = ["title", "case__dnr", "case__title", "=number"]
    ordering = ["-meeting__date", "number"]
    date_hierarchy = "meeting__date"
    autocomplete_fields = ["meeting", "case", "quotes"]
    actions = [actions.justera_immediately]
    inlines = [
        DecisionPointInline,
        ParagraphProposalInline,
        YrkandeInline,
        PropositionSummaryInline,
        ReservationInline,
        ProtocolNoteInline,
        JavInline,
        BasisDocumentInline,
        RecipientInline,
        CorrectionInline,
        StoredExtractInline,
    ]

    def get_queryset(self, request):
        # Each paragraph prints as 'KS 2022-03-08 § 59 …' in autocomplete lists too.
        return super().get_queryset(request).select_related(*self.list_select_related)

    # Taken off the agenda as in the workspace: only while empty and ojusterad.
    def check_delete(self, paragraph: Paragraph) -> None:
        agenda.check_remove_paragraph(paragraph=paragraph)

    def delete_by_service(self, paragraph: Paragraph) -> None:
        agenda.remove_paragraph(paragraph=paragraph)

    def check_landing(self, paragraph: Paragraph) -> None:
        # A new paragraph goes on the agenda as the workspace puts it there (a case once per
        # meeting, a title for an övrig punkt); none is added to, or moved into, a justerat
        # protocol.
        if paragraph.pk is None:
            agenda.check_add_paragraph(
                meeting=paragraph.meeting, case=paragraph.case, title=paragraph.title
            )
        elif paragraph.meeting.status == Meeting.Status.JUSTERAT:
            # Moved from another meeting: the same refusal as adding to this one.
            agenda.check_add_paragraph(meeting=paragraph.meeting, title=paragraph.title)

    def get_fieldsets(self, request, obj=None):
        head = ["meeting", "number", "title", "case"]
        if obj is not None:
            # Body and year follow the meeting (Paragraph.save); shown, never typed.
            head = ["meeting", "body", "year", "number", "title", "case"]
        fieldsets = [
            (None, {"fields": head}),
            ("Ärendebeskrivning och tidigare beslut", {"fields": ["arende_text", "quotes"]}),
            ("Status", {"fields": [*PARAGRAPH_STATE, "is_secret"]}),
        ]
        if obj is not None:
            fieldsets.append(("Lägg till", {"fields": ["add_links"]}))
            fieldsets.append(("Görs på paragrafens sidor", {"fields": ["clerk_links"]}))
        return fieldsets

    def get_readonly_fields(self, request, obj=None):
        shown = ["body", "year", "add_links", "clerk_links"] if obj is not None else []
        return [*super().get_readonly_fields(request, obj), *shown]

    @admin.display(description="§", ordering="number")
    def number_text(self, paragraph: Paragraph) -> str:
        return f"§ {paragraph.number}"

    @admin.display(description="organ", ordering="body__code")
    def body_code(self, paragraph: Paragraph) -> str:
        return paragraph.body.code

    @admin.display(description="sammanträde", ordering="meeting__date")
    def meeting_date(self, paragraph: Paragraph):
        return paragraph.meeting.date

    @admin.display(description="ärende", ordering="case__dnr")
    def case_dnr(self, paragraph: Paragraph) -> str:
        return paragraph.case.dnr if paragraph.case_id else "–"

    @admin.display(description="nytt")
    def add_links(self, paragraph: Paragraph) -> str:
        return format_html(
            "{} &nbsp; {}",
            admin_add_link(Proposal, "Förslag till beslut", paragraph=paragraph.pk),
            admin_add_link(Proposition, "Proposition i beslutsordningen", paragraph=paragraph.pk),
        )

    @admin.display(description="votering, justering, rättelse, expediering")
    def clerk_links(self, paragraph: Paragraph) -> str:
        where = {"body": paragraph.body.slug, "year": paragraph.year, "number": paragraph.number}
        meeting = {"body": paragraph.body.slug, "day": paragraph.meeting.date.isoformat()}
        return page_links(
            (reverse("decisions:edit_paragraph", kwargs=where), "Paragrafredigeraren (votering)"),
            (reverse("decisions:justera", kwargs=meeting), "Justera protokollet"),
            (reverse("decisions:add_correction", kwargs=where), "Gör en rättelse"),
            (reverse("decisions:expediering", kwargs=where), "Expediera beslutet"),
        )
