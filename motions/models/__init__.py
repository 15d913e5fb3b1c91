"""The case file: registries, cases (ärenden), documents, motions and referrals (remisser)."""

from .cases import Case, CaseQuerySet, Document, DocumentAuthor, Registry
from .motion import AttSats, Motion, Motionar, MotionQuerySet, Stage, add_years, overdue_cutoff
from .referral import Referral, ReferralQuerySet

__all__ = [
    "AttSats",
    "Case",
    "CaseQuerySet",
    "Document",
    "DocumentAuthor",
    "Motion",
    "MotionQuerySet",
    "Motionar",
    "Referral",
    "ReferralQuerySet",
    "Registry",
    "Stage",
    "add_years",
    "overdue_cutoff",
]
