"""Writes that tie a case to the meetings that handle it: registering a motion väckt in
kommunfullmäktige, answering a referral by a paragraph (or a document).

The case file's own writes (registering a case, sending a referral) are in
``motions.services``; these need the meetings and paragraphs of this app.
"""

import datetime

from django.db import transaction

from common.errors import ServiceError
from common.text import iso_day
from motions.models import AttSats, Case, Document, Motion, Motionar, Referral, Registry
from motions.services import att_sats_text, register_case, send_referral
from organisation.models import Body, Party, Person
from organisation.selectors import council, council_seats, executive_board

from ..models import Meeting, Paragraph


def check_register_motion(
    *,
    registry: Registry,
    title: str,
    dated_on: datetime.date,
    registered_on: datetime.date,
    raised_at: Meeting | None,
    signers: list[tuple[Person, Party | None]],
    att_satser: list[str],
    refer_to_board: bool = False,
) -> list[tuple[Person, Party]]:
    """Raise ``ServiceError`` unless the motion may be registered; changes nothing.

    Every refusal is collected, keyed to the field it concerns. A motionär's refusal carries
    ``params["row"]`` (the signer's index) so a form can show it on that row. Returns the
    signers with each party settled: a party left out is the one the person sits for in
    kommunfullmäktige on the day the motion is dated.
    """
    errors: dict[str, list[ServiceError]] = {}

    def refuse(field: str, message: str, row: int | None = None) -> None:
        params = {"row": row} if row is not None else None
        errors.setdefault(field, []).append(ServiceError(message, params=params))

    if not title.strip():
        refuse("title", "Ange motionens rubrik.")
    if registered_on < dated_on:
        refuse(
            "registered_on",
            f"Motionen kan inte registreras före det datum den är daterad ({iso_day(dated_on)}).",
        )
    kf = council()
    if raised_at is not None:
        if raised_at.body.kind != Body.Kind.COUNCIL:
            refuse("raised_at", "En motion väcks i kommunfullmäktige.")
        elif raised_at.date < dated_on:
            refuse(
                "raised_at",
                f"Motionen kan inte väckas före det datum den är daterad ({iso_day(dated_on)}).",
            )
    if refer_to_board:
        if raised_at is None:
            refuse(
                "refer_to_board",
                "Kommunfullmäktige remitterar motionen när den väcks: ange sammanträdet.",
            )
        elif raised_at.date < registered_on:
            refuse(
                "refer_to_board",
                f"Remissen kan inte skickas före ärendet registrerades ({iso_day(registered_on)}).",
            )
        if executive_board() is None:
            refuse("refer_to_board", "Det finns ingen kommunstyrelse att remittera till.")
    if not signers:
        refuse("signers", "Ange minst en motionär.")
    if not [text for text in att_satser if text.strip()]:
        refuse("att_satser", "Ange minst en att-sats.")

    seats = council_seats([person.pk for person, _ in signers], dated_on)
    council_name = kf.name_in_sentence if kf else "kommunfullmäktige"
    settled: list[tuple[Person, Party]] = []
    seen: set[int] = set()
    for row, (person, party) in enumerate(signers):
        if person.pk in seen:
            refuse("signers", f"{person.full_name} står redan som motionär.", row)
            continue
        seen.add(person.pk)
        seat = seats.get(person.pk)
        if seat is None:
            refuse(
                "signers",
                f"{person.full_name} är inte ledamot eller ersättare i {council_name} "
                f"{iso_day(dated_on)}.",
                row,
            )
            continue
        settled.append((person, party or seat.party))
    if errors:
        raise ServiceError(errors)
    return settled


@transaction.atomic
def register_motion(
    *,
    registry: Registry,
    title: str,
    dated_on: datetime.date,
    registered_on: datetime.date,
    raised_at: Meeting | None,
    signers: list[tuple[Person, Party | None]],
    att_satser: list[str],
    refer_to_board: bool = False,
) -> Motion:
    """Register a motion: its case and Dnr, motionärer, att-satser, and optionally KF's referral
    to kommunstyrelsen for beredning on the day it was väckt.

    Locks the registry row while the Dnr is allocated (``next_serial``). A refusal raises before
    anything is written, so no Dnr is consumed; all rows are written in one transaction.
    """
    arguments = {
        "registry": registry,
        "title": title,
        "dated_on": dated_on,
        "registered_on": registered_on,
        "raised_at": raised_at,
        "signers": signers,
        "att_satser": att_satser,
        "refer_to_board": refer_to_board,
    }
    Registry.objects.select_for_update().get(pk=registry.pk)
    settled = check_register_motion(**arguments)
    case = register_case(
        registry=registry,
        title=title.strip(),
        kind=Case.Kind.MOTION,
        registered_on=registered_on,
        responsible_body_id=registry.body_id,
    )
    motion = Motion(case=case, dated_on=dated_on, raised_at=raised_at)
    motion.full_clean()
    motion.save()
    Motionar.objects.bulk_create(
        Motionar(motion=motion, person=person, party=party, position=i)
        for i, (person, party) in enumerate(settled, start=1)
    )
    texts = [att_sats_text(text) for text in att_satser if att_sats_text(text)]
    AttSats.objects.bulk_create(
        AttSats(motion=motion, text=text, position=i) for i, text in enumerate(texts, start=1)
    )
    if refer_to_board:
        send_referral(
            case=case,
            from_body=raised_at.body,
            to_body=executive_board(),
            purpose=Referral.Purpose.PREPARATION,
            sent_on=raised_at.date,
            due_on=None,
        )
    return motion


# --- Answering referrals --------------------------------------------------------------------


def answer_date(*, paragraph: Paragraph | None, document: Document | None) -> datetime.date | None:
    if paragraph is not None:
        return paragraph.meeting.date
    if document is not None:
        return document.date
    return None


def check_answer_referral(
    *,
    referral: Referral,
    paragraph: Paragraph | None = None,
    document: Document | None = None,
) -> None:
    """Raise ``ServiceError`` unless the paragraph or document answers ``referral``; reads only."""
    if paragraph is None and document is None:
        raise ServiceError({"paragraph": "Välj paragrafen eller handlingen som besvarar remissen."})
    if paragraph is not None and document is not None:
        raise ServiceError({"document": "Ange en paragraf eller en handling, inte båda."})
    if referral.answered_by_paragraph_id or referral.answered_by_document_id:
        raise ServiceError(
            {"__all__": f"Remissen är redan besvarad ({iso_day(referral.answered_on)})."}
        )
    to_body = referral.to_body
    if paragraph is not None:
        if paragraph.body_id != referral.to_body_id:
            raise ServiceError(
                {
                    "paragraph": f"§ {paragraph.number} är {paragraph.body.genitive_in_sentence} "
                    f"paragraf; remissen gick till {to_body.name_in_sentence}."
                }
            )
        if paragraph.case_id != referral.case_id:
            raise ServiceError(
                {"paragraph": f"§ {paragraph.number} hör inte till ärendet {referral.case.dnr}."}
            )
    if document is not None and document.case_id != referral.case_id:
        raise ServiceError({"document": f"Handlingen hör inte till ärendet {referral.case.dnr}."})
    day = answer_date(paragraph=paragraph, document=document)
    if day < referral.sent_on:
        field = "paragraph" if paragraph is not None else "document"
        raise ServiceError(
            {field: f"Svaret kan inte vara daterat före remissen ({iso_day(referral.sent_on)})."}
        )


@transaction.atomic
def answer_referral(
    *,
    referral: Referral,
    paragraph: Paragraph | None = None,
    document: Document | None = None,
) -> Referral:
    """Link the paragraph or document that answers ``referral``. Locks the referral row."""
    locked = (
        Referral.objects.select_for_update().select_related("case", "to_body").get(pk=referral.pk)
    )
    check_answer_referral(referral=locked, paragraph=paragraph, document=document)
    locked.answered_by_paragraph = paragraph
    locked.answered_by_document = document
    locked.full_clean()
    locked.save(update_fields=["answered_by_paragraph", "answered_by_document"])
    return locked
