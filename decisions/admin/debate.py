"""Admin for the debate's parts with pages of their own: förslag till beslut, yrkanden,
propositions in the beslutsordning, and votes.

What the debate derives is never typed here. A yrkande's outcome follows from the
beslutsordning: after a proposition is saved or deleted the outcomes are settled again
(``services.derived.settle_outcomes``), and yrkanden and propositions are deleted by their
services, which refuse what would leave a vote or reservation pointing nowhere. A votering — the
roll call and the tally counted from it — is recorded in the paragraph editor
(``services.votes.record_vote``); its page here is read-only.
"""

from django.contrib import admin
from django.db import transaction
from django.urls import reverse

from common.admin import HistoryAdmin, admin_object_id

from .. import services
from ..models import (
    Ballot,
    Paragraph,
    Proposal,
    ProposalPoint,
    Proposition,
    PropositionAlternative,
    Vote,
    Yrkande,
    YrkandeMember,
)
from ..services import derived, propositions, yrkanden
from .access import ProtocolAdminMixin, ProtocolInlineMixin
from .actions import DeletedByServiceMixin
from .display import ReadOnlySummaryInline, ShortTextMixin, YrkandeChoicesMixin, page_links
from .forms import PropositionAlternativeFormSet


def _paragraph_of(obj) -> Paragraph:
    return Paragraph.objects.select_related("meeting").get(pk=obj.paragraph_id)


# --- Förslag till beslut ---------------------------------------------------------------------


class ProposalPointInline(ProtocolInlineMixin, ShortTextMixin, admin.TabularInline):
    model = ProposalPoint
    extra = 1
    fields = ["position", "text"]


@admin.register(Proposal)
class ProposalAdmin(ProtocolAdminMixin, admin.ModelAdmin):
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


# --- Yrkanden --------------------------------------------------------------------------------


class YrkandeMemberInline(ProtocolInlineMixin, admin.TabularInline):
    model = YrkandeMember
    extra = 1
    fields = ["position", "person", "role"]
    autocomplete_fields = ["person"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("person")


@admin.register(Yrkande)
class YrkandeAdmin(
    DeletedByServiceMixin,
    ProtocolAdminMixin,
    YrkandeChoicesMixin,
    ShortTextMixin,
    HistoryAdmin,
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
    # Derived from the beslutsordning, or by the minority's request in fullmäktige (services).
    service_fields = ("outcome", "requested_by_count")
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

    def check_delete(self, yrkande: Yrkande) -> None:
        yrkanden.check_delete_yrkande(paragraph=_paragraph_of(yrkande), yrkande=yrkande)

    def delete_by_service(self, yrkande: Yrkande) -> None:
        yrkanden.delete_yrkande(paragraph=_paragraph_of(yrkande), yrkande=yrkande)

    @admin.display(description="yrkare")
    def movers(self, yrkande: Yrkande) -> str:
        return ", ".join(str(m.person) for m in yrkande.memberships.all())


# --- Beslutsordning --------------------------------------------------------------------------


def _has_vote(proposition: Proposition | None) -> bool:
    return (
        proposition is not None
        and proposition.pk is not None
        and Vote.objects.filter(proposition=proposition).exists()
    )


class PropositionAlternativeInline(ProtocolInlineMixin, YrkandeChoicesMixin, admin.TabularInline):
    model = PropositionAlternative
    formset = PropositionAlternativeFormSet
    extra = 2
    fields = ["position", "yrkande"]
    yrkande_fields = ("yrkande",)

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("yrkande__paragraph")

    def yrkande_paragraph_id(self, request) -> int | None:
        return PropositionAdmin.paragraph_of(request)

    # A proposition that was voted on is what the vote was about: it changes in the editor,
    # where a new votering is recorded with it.
    def has_add_permission(self, request, obj=None):
        return not _has_vote(obj) and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return not _has_vote(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return not _has_vote(obj) and super().has_delete_permission(request, obj)


@admin.register(Proposition)
class PropositionAdmin(
    DeletedByServiceMixin, ProtocolAdminMixin, YrkandeChoicesMixin, admin.ModelAdmin
):
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

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        # After a votering the finding is the vote's result (services.votes.record_vote).
        return [*fields, "paragraph", "finding"] if _has_vote(obj) else fields

    @staticmethod
    def paragraph_of(request) -> int | None:
        pk = admin_object_id(request)
        if pk is None:
            return None
        return Proposition.objects.filter(pk=pk).values_list("paragraph_id", flat=True).first()

    def yrkande_paragraph_id(self, request) -> int | None:
        return self.paragraph_of(request)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # The finding and the alternatives decide the yrkanden's outcomes; derive them again,
        # under the paragraph's lock as the services do.
        with transaction.atomic():
            derived.settle_outcomes(services.lock_paragraph(form.instance.paragraph))

    def check_delete(self, proposition: Proposition) -> None:
        propositions.check_delete_proposition(
            paragraph=_paragraph_of(proposition), proposition=proposition
        )

    def delete_by_service(self, proposition: Proposition) -> None:
        propositions.delete_proposition(
            paragraph=_paragraph_of(proposition), proposition=proposition
        )

    @admin.display(description="votering", boolean=True)
    def has_vote(self, proposition: Proposition) -> bool:
        return getattr(proposition, "vote", None) is not None


# --- Votering --------------------------------------------------------------------------------


class BallotInline(ReadOnlySummaryInline):
    model = Ballot
    fields = ["person", "answer"]
    show_change_link = False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("person")


@admin.register(Vote)
class VoteAdmin(HistoryAdmin):
    """Read-only: the roll call and its tally are recorded together in the paragraph editor,
    which counts the tally, applies the chair's casting vote and settles the outcomes."""

    list_display = ["__str__", "proposition_paragraph", "yes_for", "no_for"]
    list_select_related = [
        "proposition__paragraph__body",
        "proposition__paragraph__meeting",
        "yes_for__paragraph",
        "no_for__paragraph",
    ]
    search_fields = ["proposition__paragraph__title", "proposition__paragraph__case__dnr"]
    ordering = ["-proposition__paragraph__meeting__date", "proposition__paragraph__number"]
    fields = [
        "proposition",
        "yes_for",
        "no_for",
        "yes_count",
        "no_count",
        "abstain_count",
        "editor_link",
    ]
    readonly_fields = fields
    inlines = [BallotInline]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related(*self.list_select_related)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description="paragraf", ordering="proposition__paragraph__number")
    def proposition_paragraph(self, vote: Vote) -> str:
        return str(vote.proposition.paragraph)

    @admin.display(description="ändras")
    def editor_link(self, vote: Vote) -> str:
        paragraph = vote.proposition.paragraph
        where = {"body": paragraph.body.slug, "year": paragraph.year, "number": paragraph.number}
        return page_links(
            (reverse("decisions:edit_paragraph", kwargs=where), "I paragrafredigeraren")
        )
