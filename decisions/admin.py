"""Admin for meetings and protocols: a paragraph with its parts, yrkanden, propositions, votes.

The admin cannot nest inlines, so the parts that have parts of their own — a yrkande's
movers, a proposal's points, a proposition's alternatives, a vote's roll call — are edited
on their own pages and linked from the paragraph.
"""

from django import forms
from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from simple_history.admin import SimpleHistoryAdmin

from . import services
from .forms import (
    BallotFormSet,
    PropositionAlternativeFormSet,
    ReservationForm,
    VoteAdminForm,
    admin_object_id,
)
from .models import (
    Attendance,
    Ballot,
    BasisDocument,
    Correction,
    DecisionPoint,
    Jav,
    Justering,
    Meeting,
    MeetingAdjuster,
    Paragraph,
    Proposal,
    ProposalPoint,
    Proposition,
    PropositionAlternative,
    ProtocolNote,
    Recipient,
    Reservation,
    StoredExtract,
    Vote,
    Yrkande,
    YrkandeMember,
)

SHORT_TEXT = forms.Textarea(attrs={"rows": 2, "cols": 60})


class HistoryAdmin(SimpleHistoryAdmin):
    """A ModelAdmin with a per-object history page: who changed what, and when.

    django-simple-history saves a 'revert' from a past version's page for anyone who may view
    the history; here reverting is a change like any other: it needs change permission on the
    object as it is stored now (so never on a justerad paragraph). docs/decisions/0010-history.md
    """

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if request.method == "POST":
            obj = self.get_object(request, unquote(object_id))
            if obj is None or not self.has_change_permission(request, obj):
                raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)


# --- Final after justering ------------------------------------------------------------------
# A justerad paragraph and its parts are shown read-only: no change, no delete, no new part
# (decisions.services.check_part_editable; on PostgreSQL also a trigger, migration 0005).


def _is_final(obj) -> bool:
    return obj is not None and obj.pk is not None and services.part_is_final(obj)


class FinalAfterJusteringAdminMixin:
    """A ModelAdmin for a paragraph or one of its parts: read-only once justerad."""

    def has_change_permission(self, request, obj=None):
        return not _is_final(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return not _is_final(obj) and super().has_delete_permission(request, obj)

    def delete_queryset(self, request, queryset):
        if any(_is_final(obj) for obj in queryset):
            raise PermissionDenied(services.FINAL_MESSAGE)
        super().delete_queryset(request, queryset)

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)

        def _post_clean(self):
            form._post_clean(self)
            # A new part, or one moved, may not land in a justerad paragraph.
            if services.part_is_final(self.instance):
                self.add_error(None, services.FINAL_MESSAGE)

        return type(form.__name__, (form,), {"_post_clean": _post_clean})


class FinalAfterJusteringInlineMixin:
    """An inline whose parent (``obj``) is a paragraph or a part: read-only once justerad."""

    def has_add_permission(self, request, obj=None):
        return not _is_final(obj) and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return not _is_final(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return not _is_final(obj) and super().has_delete_permission(request, obj)


def _add_link(model_name: str, text: str, **initial: int) -> str:
    query = "&".join(f"{name}={value}" for name, value in initial.items())
    url = reverse(f"admin:decisions_{model_name}_add") + f"?{query}"
    return format_html('<a class="addlink" href="{}">{}</a>', url, text)


class ShortTextMixin:
    """Inline rows with a full-height textarea each make a paragraph page endless."""

    short_text_fields: tuple[str, ...] = ("text",)

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name in self.short_text_fields:
            kwargs["widget"] = SHORT_TEXT
        return super().formfield_for_dbfield(db_field, request, **kwargs)


class YrkandeChoicesMixin:
    """Offer only the yrkanden of the paragraph being edited.

    Where the paragraph is not known yet (a new vote or proposition), fall back to an
    autocomplete over all yrkanden; the forms then check that the choice fits the paragraph.
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


# --- Meetings -------------------------------------------------------------------------------


class MeetingAdjusterInline(admin.TabularInline):
    model = MeetingAdjuster
    extra = 0
    fields = ["position", "person"]
    autocomplete_fields = ["person"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("person")


class AttendanceInline(admin.TabularInline):
    model = Attendance
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
    verbose_name_plural = "justeringar (görs via sammanträdets sida)"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("person")


@admin.register(Meeting)
class MeetingAdmin(HistoryAdmin):
    list_display = ["date", "body", "status", "place", "chair", "justering_on"]
    list_display_links = ["date", "body"]
    list_filter = ["body", "status"]
    list_select_related = ["body", "chair"]
    search_fields = ["body__code", "body__name", "place"]
    ordering = ["-date", "body__name"]
    date_hierarchy = "date"
    autocomplete_fields = ["body", "chair"]
    inlines = [MeetingAdjusterInline, AttendanceInline, JusteringInline, MeetingParagraphInline]

    def get_queryset(self, request):
        # Autocomplete lists print each meeting, and its name includes the body. (A queryset
        # that already joins makes the changelist skip list_select_related, so join all.)
        return super().get_queryset(request).select_related(*self.list_select_related)

    def get_fieldsets(self, request, obj=None):
        meeting = ["body", "date", "starts_at", "ends_at", "place", "chair", "secretary", "status"]
        if obj is not None:
            meeting.append("add_paragraph_link")
        return [
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

    def get_readonly_fields(self, request, obj=None):
        return ["add_paragraph_link"] if obj is not None else []

    @admin.display(description="paragrafer")
    def add_paragraph_link(self, meeting: Meeting) -> str:
        return _add_link("paragraph", "Lägg till paragraf", meeting=meeting.pk)


# --- Paragraphs -----------------------------------------------------------------------------


class DecisionPointInline(FinalAfterJusteringInlineMixin, ShortTextMixin, admin.TabularInline):
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


class BasisDocumentInline(FinalAfterJusteringInlineMixin, admin.TabularInline):
    model = BasisDocument
    extra = 0
    fields = ["position", "document", "label"]
    autocomplete_fields = ["document"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("document")


class RecipientInline(FinalAfterJusteringInlineMixin, admin.TabularInline):
    model = Recipient
    extra = 0
    fields = ["position", "name", "body", "sent_on"]
    autocomplete_fields = ["body"]


class YrkandeInline(
    FinalAfterJusteringInlineMixin, OnParagraphPageMixin, ShortTextMixin, admin.TabularInline
):
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
    readonly_fields = ["members_text"]
    autocomplete_fields = ["target_body"]
    yrkande_fields = ("target_yrkande",)
    show_change_link = True

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
    FinalAfterJusteringInlineMixin, OnParagraphPageMixin, ShortTextMixin, admin.TabularInline
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


class ProtocolNoteInline(FinalAfterJusteringInlineMixin, ShortTextMixin, admin.TabularInline):
    model = ProtocolNote
    extra = 0
    fields = ["position", "persons", "text"]
    autocomplete_fields = ["persons"]


class JavInline(FinalAfterJusteringInlineMixin, admin.TabularInline):
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
            return _add_link("vote", "Lägg till votering", proposition=proposition.pk)
        url = reverse("admin:decisions_vote_change", args=[vote.pk])
        return format_html('<a href="{}">{}</a>', url, str(vote))


class CorrectionInline(ReadOnlySummaryInline):
    """Rättelser, read-only: made by decisions.services.correct, never edited."""

    model = Correction
    fields = ["made_on", "reason", "text", "made_by"]
    verbose_name_plural = "rättelser (görs via paragrafens sida)"


class StoredExtractInline(ReadOnlySummaryInline):
    model = StoredExtract
    fields = ["rendered_at", "sha256", "pdf"]


@admin.register(Paragraph)
class ParagraphAdmin(FinalAfterJusteringAdminMixin, HistoryAdmin):
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

    def get_fieldsets(self, request, obj=None):
        head = ["meeting", "number", "title", "case"]
        if obj is not None:
            # Body and year follow the meeting (Paragraph.save); shown, never typed.
            head = ["meeting", "body", "year", "number", "title", "case"]
        fieldsets = [
            (None, {"fields": head}),
            ("Ärendebeskrivning och tidigare beslut", {"fields": ["arende_text", "quotes"]}),
            ("Status", {"fields": ["status", "immediately_justerad", "is_secret"]}),
        ]
        if obj is not None:
            fieldsets.append(("Lägg till", {"fields": ["add_links"]}))
        return fieldsets

    def get_readonly_fields(self, request, obj=None):
        return ["body", "year", "add_links"] if obj is not None else []

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
            _add_link("proposal", "Förslag till beslut", paragraph=paragraph.pk),
            _add_link("proposition", "Proposition i beslutsordningen", paragraph=paragraph.pk),
        )


# --- Proposals, yrkanden, propositions, votes -----------------------------------------------


class ProposalPointInline(FinalAfterJusteringInlineMixin, ShortTextMixin, admin.TabularInline):
    model = ProposalPoint
    extra = 1
    fields = ["position", "text"]


@admin.register(Proposal)
class ProposalAdmin(FinalAfterJusteringAdminMixin, admin.ModelAdmin):
    list_display = ["heading_text", "source", "to_body", "position"]
    list_filter = ["to_body"]
    list_select_related = ["to_body", "paragraph__body", "paragraph__meeting", "document"]
    search_fields = [
        "paragraph__title",
        "paragraph__case__dnr",
        "document__title",
        "document__case__dnr",
    ]
    ordering = ["-pk"]
    autocomplete_fields = ["paragraph", "document", "to_body"]
    fields = ["paragraph", "document", "to_body", "position"]
    inlines = [ProposalPointInline]

    @admin.display(description="förslag")
    def heading_text(self, proposal: Proposal) -> str:
        return proposal.heading

    @admin.display(description="från")
    def source(self, proposal: Proposal) -> str:
        return str(proposal.paragraph if proposal.paragraph_id else proposal.document)


class YrkandeMemberInline(FinalAfterJusteringInlineMixin, admin.TabularInline):
    model = YrkandeMember
    extra = 1
    fields = ["position", "person", "role"]
    autocomplete_fields = ["person"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("person")


@admin.register(Yrkande)
class YrkandeAdmin(
    FinalAfterJusteringAdminMixin, YrkandeChoicesMixin, ShortTextMixin, HistoryAdmin
):
    list_display = ["__str__", "paragraph", "kind", "target", "outcome", "movers"]
    list_filter = ["kind", "outcome", "paragraph__body"]
    list_select_related = ["paragraph__body", "paragraph__meeting"]
    search_fields = [
        "paragraph__title",
        "paragraph__case__dnr",
        "text",
        "members__first_name",
        "members__last_name",
    ]
    ordering = ["-paragraph__meeting__date", "paragraph__number", "position"]
    autocomplete_fields = ["paragraph", "target_body"]
    yrkande_fields = ("target_yrkande",)
    fields = [
        "paragraph",
        "position",
        "kind",
        "target",
        "target_body",
        "target_yrkande",
        "text",
        "outcome",
    ]
    inlines = [YrkandeMemberInline]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related(*self.list_select_related)
            .prefetch_related("memberships__person")
        )

    def yrkande_paragraph_id(self, request) -> int | None:
        pk = admin_object_id(request)
        if pk is None:
            return None
        return Yrkande.objects.filter(pk=pk).values_list("paragraph_id", flat=True).first()

    @admin.display(description="yrkare")
    def movers(self, yrkande: Yrkande) -> str:
        return ", ".join(str(m.person) for m in yrkande.memberships.all())


class PropositionAlternativeInline(
    FinalAfterJusteringInlineMixin, YrkandeChoicesMixin, admin.TabularInline
):
    model = PropositionAlternative
    formset = PropositionAlternativeFormSet
    extra = 2
    fields = ["position", "yrkande"]
    yrkande_fields = ("yrkande",)

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("yrkande__paragraph")

    def yrkande_paragraph_id(self, request) -> int | None:
        return PropositionAdmin.paragraph_of(request)


@admin.register(Proposition)
class PropositionAdmin(FinalAfterJusteringAdminMixin, YrkandeChoicesMixin, admin.ModelAdmin):
    list_display = ["__str__", "paragraph", "finding", "has_vote"]
    list_select_related = [
        "paragraph__body",
        "paragraph__meeting",
        "finding__paragraph",
        "vote",
    ]
    search_fields = ["paragraph__title", "paragraph__case__dnr"]
    ordering = ["-paragraph__meeting__date", "paragraph__number", "position"]
    autocomplete_fields = ["paragraph"]
    yrkande_fields = ("finding",)
    fields = ["paragraph", "position", "finding"]
    inlines = [PropositionAlternativeInline]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related(*self.list_select_related)

    @staticmethod
    def paragraph_of(request) -> int | None:
        pk = admin_object_id(request)
        if pk is None:
            return None
        return Proposition.objects.filter(pk=pk).values_list("paragraph_id", flat=True).first()

    def yrkande_paragraph_id(self, request) -> int | None:
        return self.paragraph_of(request)

    @admin.display(description="votering", boolean=True)
    def has_vote(self, proposition: Proposition) -> bool:
        return getattr(proposition, "vote", None) is not None


class BallotInline(FinalAfterJusteringInlineMixin, admin.TabularInline):
    model = Ballot
    formset = BallotFormSet
    extra = 0
    fields = ["person", "answer"]
    autocomplete_fields = ["person"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("person")


@admin.register(Vote)
class VoteAdmin(FinalAfterJusteringAdminMixin, YrkandeChoicesMixin, HistoryAdmin):
    form = VoteAdminForm
    list_display = ["__str__", "proposition_paragraph", "yes_for", "no_for"]
    list_select_related = [
        "proposition__paragraph__body",
        "proposition__paragraph__meeting",
        "yes_for__paragraph",
        "no_for__paragraph",
    ]
    search_fields = ["proposition__paragraph__title", "proposition__paragraph__case__dnr"]
    ordering = ["-proposition__paragraph__meeting__date", "proposition__paragraph__number"]
    autocomplete_fields = ["proposition"]
    yrkande_fields = ("yes_for", "no_for")
    fields = ["proposition", "yes_for", "no_for", "yes_count", "no_count", "abstain_count"]
    inlines = [BallotInline]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related(*self.list_select_related)

    def yrkande_paragraph_id(self, request) -> int | None:
        pk = admin_object_id(request)
        if pk is None:
            return None
        return (
            Vote.objects.filter(pk=pk).values_list("proposition__paragraph_id", flat=True).first()
        )

    @admin.display(description="paragraf", ordering="proposition__paragraph__number")
    def proposition_paragraph(self, vote: Vote) -> str:
        return str(vote.proposition.paragraph)
