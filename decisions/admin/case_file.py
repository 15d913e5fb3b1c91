"""What decisions adds to the case file's admin pages (``motions.admin``): a case's paragraphs,
a document's förslag till beslut.

motions never imports decisions (docs/architecture.md), so its Case and Document admins know
nothing of meetings; here they are registered again as subclasses that show them.
"""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html_join

from common.admin import admin_add_link
from motions.admin import CaseAdmin, DocumentAdmin
from motions.models import Case, Document

from ..models import Proposal
from .paragraphs import ProposalSummaryInline


class DocumentProposalInline(ProposalSummaryInline):
    fk_name = "document"


class CaseWithParagraphsAdmin(CaseAdmin):
    link_fields = (*CaseAdmin.link_fields, "paragraph_links")

    @admin.display(description="paragrafer")
    def paragraph_links(self, case: Case) -> str:
        paragraphs = case.paragraphs.select_related("body", "meeting").order_by("meeting__date")
        if not paragraphs:
            return "–"
        return format_html_join(
            "",
            '<div><a href="{}">{}</a></div>',
            (
                (reverse("admin:decisions_paragraph_change", args=[p.pk]), str(p))
                for p in paragraphs
            ),
        )


class DocumentWithProposalsAdmin(DocumentAdmin):
    inlines = [*DocumentAdmin.inlines, DocumentProposalInline]

    def get_fields(self, request, obj=None):
        fields = list(super().get_fields(request, obj))
        return [*fields, "add_proposal_link"] if obj is not None else fields

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        return [*fields, "add_proposal_link"] if obj is not None else fields

    @admin.display(description="förslag till beslut")
    def add_proposal_link(self, document: Document) -> str:
        return admin_add_link(Proposal, "Lägg till förslag till beslut", document=document.pk)


for model, model_admin in [(Case, CaseWithParagraphsAdmin), (Document, DocumentWithProposalsAdmin)]:
    admin.site.unregister(model)
    admin.site.register(model, model_admin)
