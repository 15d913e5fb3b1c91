"""Texts the paragraph editor offers to fill in: the usual decision on a proposal, how the
beslutsunderlag cites a document, the ärende part of a tjänsteskrivelse. Pure helpers and reads;
the clerk edits what they give."""

from common.text import genitive
from motions.models import Case, Document

from ..models import Paragraph, Proposal


def proposer(proposal: Proposal) -> str | None:
    """Who made the proposal, in the genitive: the paragraph's body, or the document's unit."""
    if proposal.paragraph_id:
        return proposal.paragraph.body.genitive
    document = proposal.document
    if document.unit_id:
        return genitive(document.unit.name)
    return None


def endorsement(proposal: Proposal) -> str | None:
    """'Social- och omsorgsnämndens förslag tillstyrks.' — the usual decision on a proposal."""
    who = proposer(proposal)
    return f"{who} förslag tillstyrks." if who else None


def paragraph_ref(paragraph: Paragraph) -> str:
    """'KF 2022-05-31 § 80'."""
    return f"{paragraph.body.code} {paragraph.meeting.date:%Y-%m-%d} § {paragraph.number}"


def default_citation(document: Document) -> str:
    """How a protocol's beslutsunderlag cites a document, as in the seeds.

    'Tjänsteskrivelse – <rubrik> 2021-12-17', 'Motionen', and an extract by its own title.
    """
    match document.kind:
        case Document.Kind.MOTION:
            return "Motionen"
        case Document.Kind.EXTRACT:
            return document.title
        case _:
            return f"{document.get_kind_display()} – {document.title} {document.date:%Y-%m-%d}"


ARENDE_HEADINGS = ("ärende", "ärendet", "sammanfattning", "ärendebeskrivning")


NEXT_HEADINGS = ("beslutsunderlag", "bakgrund", "förslag till beslut", "motivering", "yttrande")


def _heading(line: str) -> str:
    return line.strip().rstrip(":").strip().lower()


def arende_from_text(text: str) -> str:
    """The ärende part of a tjänsteskrivelse's text, or the whole text when it has no such part.

    A tjänsteskrivelse (seed 002) starts 'Ärende', then the summary, then 'Beslutsunderlag:'.
    The clerk edits the result; this only saves copying.
    """
    lines = text.replace("\r\n", "\n").split("\n")
    start = next((i for i, line in enumerate(lines) if _heading(line) in ARENDE_HEADINGS), None)
    if start is None:
        return text.strip()
    end = next(
        (
            i
            for i in range(start + 1, len(lines))
            if _heading(lines[i]) in NEXT_HEADINGS and lines[i].strip()
        ),
        len(lines),
    )
    return "\n".join(lines[start + 1 : end]).strip()


def officer_report(case: Case | None) -> Document | None:
    """The case's latest tjänsteskrivelse with a text, or None."""
    if case is None:
        return None
    return (
        case.documents.filter(kind=Document.Kind.OFFICER_REPORT)
        .exclude(text="")
        .order_by("-date", "-pk")
        .first()
    )
