"""A paragraph's beslutsunderlag (the case's documents as the protocol cites them) and its
recipients ('Beslutet skickas till').

Each write takes keyword-only arguments, is ``@transaction.atomic``, locks the paragraph row
(``SELECT … FOR UPDATE``) and then asks its ``check_…`` again, so what a check allowed is still
true when the row is written. A check raises ``ServiceError`` with a Swedish message (a dict puts
it beside a form field) and changes nothing. Every write refuses a justerad paragraph
(``check_paragraph_editable``) and anything posted that belongs to another paragraph, case or
meeting (``check_belongs``).
"""

from django.db import transaction

from common import ordering
from common.errors import ServiceError
from motions.models import Document
from organisation.models import Body

from ..models import BasisDocument, Paragraph, Recipient
from .finality import check_belongs, check_paragraph_editable
from .locks import lock_paragraph
from .suggested_texts import default_citation


def check_add_basis(*, paragraph: Paragraph, document: Document | None, label: str) -> None:
    check_paragraph_editable(paragraph)
    if not paragraph.case_id:
        raise ServiceError(
            {
                "document": "Paragrafen har inget ärende; beslutsunderlaget väljs bland ärendets "
                "handlingar."
            },
            code="no_case",
        )
    if document is None or document.case_id != paragraph.case_id:
        raise ServiceError(
            {"document": f"Handlingen hör inte till ärendet {paragraph.case.dnr}."},
            code="other_case",
        )
    if BasisDocument.objects.filter(paragraph=paragraph, document=document).exists():
        raise ServiceError(
            {"document": "Handlingen finns redan i beslutsunderlaget."}, code="twice"
        )


@transaction.atomic
def add_basis(*, paragraph: Paragraph, document: Document, label: str = "") -> BasisDocument:
    """Add a document of the case last in the beslutsunderlag, cited as ``label`` or, when
    that is empty, as ``default_citation`` gives. Locks the paragraph row."""
    locked = lock_paragraph(paragraph)
    check_add_basis(paragraph=locked, document=document, label=label)
    return BasisDocument.objects.create(
        paragraph=locked,
        position=ordering.next_position(locked.basis.all()),
        document=document,
        label=(label or "").strip() or default_citation(document),
    )


def check_update_basis(*, paragraph: Paragraph, item: BasisDocument, label: str) -> None:
    check_paragraph_editable(paragraph)
    check_belongs(paragraph, item)


@transaction.atomic
def update_basis(*, paragraph: Paragraph, item: BasisDocument, label: str) -> BasisDocument:
    """Change how a document is cited; empty gives the default citation. Locks the paragraph."""
    locked = lock_paragraph(paragraph)
    check_update_basis(paragraph=locked, item=item, label=label)
    item.label = (label or "").strip() or default_citation(item.document)
    item.save(update_fields=["label"])
    return item


def check_add_recipient(*, paragraph: Paragraph, body: Body | None, name: str) -> None:
    check_paragraph_editable(paragraph)
    if body is None and not (name or "").strip():
        raise ServiceError({"name": "Välj ett organ eller skriv mottagaren."}, code="required")


@transaction.atomic
def add_recipient(*, paragraph: Paragraph, body: Body | None, name: str = "") -> Recipient:
    """Add a line last in 'Beslutet skickas till': a body (named as the body unless ``name``
    says otherwise) or a free text such as 'Motionärerna'. Locks the paragraph row."""
    locked = lock_paragraph(paragraph)
    check_add_recipient(paragraph=locked, body=body, name=name)
    return Recipient.objects.create(
        paragraph=locked,
        position=ordering.next_position(locked.recipients.all()),
        body=body,
        name=(name or "").strip() or body.name,
    )
