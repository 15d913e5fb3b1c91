"""Meetings and their protocols: attendance, paragraphs (§) and every part of a paragraph.

What the law requires a protocol to show (KL 5 kap. 65–67 §§) — who took part, yrkanden,
propositions, votes, decisions and reservations — is stored as data. The prose of the seeds
("Ordförande ställer proposition på …") is generated from it in ``decisions.prose``.

One module per subject; every model is re-exported here, so ``from decisions.models import X``
is the way to import one:

- ``meetings`` — Meeting, MeetingAdjuster, Attendance;
- ``paragraphs`` — Paragraph and its parts: DecisionPoint, Proposal, ProposalPoint,
  BasisDocument, Recipient, ProtocolNote, Jav;
- ``debate`` — Yrkande, YrkandeMember, Proposition, PropositionAlternative, Vote, Ballot;
- ``participation`` — who serves, takes part, may vote and may reserve in a § (not models);
- ``reservations`` — Reservation, which asks ``participation`` who may reserve;
- ``final`` — Justering, Correction, NoticeCorrection, StoredExtract, StoredProtocol: what makes
  a protocol final and stays after.
"""

from .debate import Ballot, Proposition, PropositionAlternative, Vote, Yrkande, YrkandeMember
from .final import Correction, Justering, NoticeCorrection, StoredExtract, StoredProtocol
from .meetings import Attendance, Meeting, MeetingAdjuster
from .paragraphs import (
    BasisDocument,
    DecisionPoint,
    Jav,
    Paragraph,
    ParagraphQuerySet,
    Proposal,
    ProposalPoint,
    ProtocolNote,
    Recipient,
)
from .reservations import Reservation

__all__ = [
    "Attendance",
    "Ballot",
    "BasisDocument",
    "Correction",
    "DecisionPoint",
    "Jav",
    "Justering",
    "Meeting",
    "MeetingAdjuster",
    "NoticeCorrection",
    "Paragraph",
    "ParagraphQuerySet",
    "Proposal",
    "ProposalPoint",
    "Proposition",
    "PropositionAlternative",
    "ProtocolNote",
    "Recipient",
    "Reservation",
    "StoredExtract",
    "StoredProtocol",
    "Vote",
    "Yrkande",
    "YrkandeMember",
]
