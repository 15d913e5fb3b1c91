"""A paragraph as a protocol shows it: its parts, in the seeds' order, as Swedish text.

One read model for every place a paragraph is printed (the web page now, the extract PDF
later), so that they cannot drift apart. Build it from a paragraph fetched with
``selectors.paragraphs_with_parts()``; it runs one query of its own (the parties).
"""

from dataclasses import dataclass, field

from motions.models import Motion

from . import prose
from .models import Paragraph, Vote, Yrkande
from .models.participation import roll_of
from .selectors import parties_in


@dataclass(frozen=True)
class Block:
    """A block of running text: a paragraph, or a bullet list (lines starting with '- ')."""

    kind: str  # "p" or "ul"
    lines: list[str]


def blocks(text: str) -> list[Block]:
    result = []
    for chunk in text.replace("\r\n", "\n").split("\n\n"):
        lines = [line.strip() for line in chunk.split("\n") if line.strip()]
        if not lines:
            continue
        if all(line.startswith("- ") for line in lines):
            result.append(Block("ul", [line[2:] for line in lines]))
        else:
            result.append(Block("p", [" ".join(lines)]))
    return result


@dataclass(frozen=True)
class PointList:
    heading: str
    points: list[str]


@dataclass(frozen=True)
class RollCall:
    sentences: list[str]
    ballots: list[tuple[str, str]]  # (name with party, answer shown)


@dataclass(frozen=True)
class QuotedDecision:
    heading: str
    url: str
    decision: list[str]
    proposals: list[PointList]


@dataclass(frozen=True)
class ParagraphText:
    paragraph: Paragraph
    decision: PointList
    proposals: list[PointList]
    reservations: list[str]
    notes: list[str]
    jav: list[str]
    arende: list[Block]
    quoted: QuotedDecision | None
    yrkanden: list[str]
    beslutsordning: list[str]
    votes: list[RollCall] = field(default_factory=list)
    basis: list[str] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    motions: list[str] = field(default_factory=list)


def _proposals(paragraph: Paragraph) -> list[PointList]:
    return [
        PointList(proposal.heading, [p.text for p in proposal.points.all()])
        for proposal in paragraph.proposals.all()
    ]


def _quoted(paragraph: Paragraph) -> QuotedDecision | None:
    quoted = paragraph.quotes
    if quoted is None or quoted.is_confidential:
        return None
    return QuotedDecision(
        heading=f"{quoted.body.genitive} beslut {quoted.meeting.date:%Y-%m-%d}, § {quoted.number}",
        url=quoted.get_absolute_url(),
        decision=[p.text for p in quoted.decision_points.all()],
        proposals=_proposals(quoted),
    )


def link_yrkanden(paragraph: Paragraph, *, with_votes: bool = True) -> dict[int, Yrkande]:
    """Point every reference to a yrkande at the prefetched object, so prose runs no queries.

    Needs ``yrkanden`` (with memberships) and ``reservations`` prefetched, and with
    ``with_votes`` also ``propositions`` with their ``vote``.
    """
    by_id = {y.pk: y for y in paragraph.yrkanden.all()}
    for yrkande in by_id.values():
        if yrkande.target_yrkande_id in by_id:
            yrkande.target_yrkande = by_id[yrkande.target_yrkande_id]
    for reservation in paragraph.reservations.all():
        if reservation.in_favour_of_id in by_id:
            reservation.in_favour_of = by_id[reservation.in_favour_of_id]
    if with_votes:
        for proposition in paragraph.propositions.all():
            if proposition.finding_id in by_id:
                proposition.finding = by_id[proposition.finding_id]
            vote = vote_of(proposition)
            if vote and vote.yes_for_id in by_id and vote.no_for_id in by_id:
                vote.yes_for = by_id[vote.yes_for_id]
                vote.no_for = by_id[vote.no_for_id]
    return by_id


def vote_of(proposition) -> Vote | None:
    try:
        return proposition.vote
    except Vote.DoesNotExist:
        return None


def paragraph_text(paragraph: Paragraph, parties: prose.Parties | None = None) -> ParagraphText:
    """The paragraph's parts as text. Pass ``parties`` (see ``selectors.parties_by_meeting``)
    when printing several paragraphs, to look them up once."""
    meeting = paragraph.meeting
    body = meeting.body
    if parties is None:
        parties = parties_in(body.pk, meeting.date)
    by_id = link_yrkanden(paragraph)

    beslutsordning: list[str] = []
    votes: list[RollCall] = []
    for proposition in paragraph.propositions.all():
        alternatives = [by_id[row.yrkande_id] for row in proposition.alternative_rows.all()]
        beslutsordning.append(prose.proposition_sentence(proposition, alternatives, body, parties))
        vote = vote_of(proposition)
        if vote:
            sentences = prose.vote_sentences(vote, body, meeting.chair_id, parties)
            beslutsordning.extend(sentences)
            votes.append(
                RollCall(
                    sentences=sentences,
                    ballots=[
                        (prose.named(b.person, parties), b.get_answer_display())
                        for b in vote.ballots.all()
                    ],
                )
            )
    carried_by_minority = [y for y in by_id.values() if y.requested_by_count is not None]
    if carried_by_minority:
        present = len(roll_of(paragraph).deciding)
        beslutsordning.extend(prose.minority_sentence(y, present) for y in carried_by_minority)

    return ParagraphText(
        paragraph=paragraph,
        decision=PointList(
            f"{body.genitive} beslut", [p.text for p in paragraph.decision_points.all()]
        ),
        proposals=_proposals(paragraph),
        reservations=prose.reservation_sentences(paragraph.reservations.all(), parties),
        notes=[
            f"{prose.join([prose.named(p, parties) for p in note.persons.all()])}: {note.text}"
            for note in paragraph.notes.all()
        ],
        jav=[prose.jav_sentence(j.person, parties) for j in paragraph.jav.all()],
        arende=blocks(paragraph.arende_text),
        quoted=_quoted(paragraph),
        yrkanden=[" ".join(prose.yrkande_sentences(y, parties)) for y in paragraph.yrkanden.all()],
        beslutsordning=beslutsordning,
        votes=votes,
        basis=[item.citation for item in paragraph.basis.all()],
        recipients=[r.name for r in paragraph.recipients.all()],
        motions=[_announced(motion) for motion in paragraph.announced_motions.all()],
    )


def _announced(motion: Motion) -> str:
    """'KS 2022-12 Motion om bänkar (Maria Moraes (MP), Ann-Charlott Bäckman (S))'."""
    signers = prose.join(
        [f"{s.person.full_name} ({s.party.abbreviation})" for s in motion.signers.all()]
    )
    return f"{motion.case.dnr} {motion.case.public_title} ({signers})"
