"""Motions: the motion, its motionärer and att-satser, its one-year deadline and the stages
of its path (derived in ``decisions.cases``, never typed)."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from organisation.models import Body, Party, Person

from .cases import Case


def add_years(day: datetime.date, years: int) -> datetime.date:
    """Same day and month ``years`` later; 29 February becomes 28 February.

    Lag (1930:173) om beräkning av lagstadgad tid: a period in years ends on the day with the
    same number, or on the last day of the month where that day does not exist.
    """
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def overdue_cutoff(today: datetime.date) -> datetime.date:
    """The latest day a motion can have been väckt and be overdue on ``today``.

    Overdue means today is after the one-year deadline. ``add_years`` is not invertible around
    29 February, so step to the exact boundary instead of subtracting a year.
    """
    day = add_years(today, -1)
    while add_years(day, 1) >= today:
        day -= datetime.timedelta(days=1)
    while add_years(day + datetime.timedelta(days=1), 1) < today:
        day += datetime.timedelta(days=1)
    return day


class Stage(models.TextChoices):
    """Where a motion stands on its path. Derived from referrals and paragraphs, never typed."""

    RECEIVED = "inkommen", "Inkommen"
    RAISED = "vackt", "Väckt"
    REFERRED = "remitterad", "Remitterad"
    OPINION_GIVEN = "yttrande", "Yttrande lämnat"
    PROPOSED = "foreslagen", "Förslag till beslut"
    DECIDED = "avgjord", "Avgjord"


class MotionQuerySet(models.QuerySet):
    def undecided(self) -> "MotionQuerySet":
        return self.filter(decided_by__isnull=True)

    def public(self) -> "MotionQuerySet":
        return self.filter(case__is_secret=False)

    def overdue(self, today: datetime.date) -> "MotionQuerySet":
        """Väckt more than a year before ``today`` and not decided (KL 5 kap. 35 §)."""
        return self.undecided().filter(raised_at__date__lte=overdue_cutoff(today))


class Motion(models.Model):
    """A council member's written proposal. Its one-year deadline is derived, never typed."""

    class Outcome(models.TextChoices):
        GRANTED = "bifallen", "Bifallen"
        PARTLY_GRANTED = "delvis_bifallen", "Delvis bifallen"
        REJECTED = "avslagen", "Avslagen"
        ANSWERED = "besvarad", "Besvarad"
        WRITTEN_OFF = "avskriven", "Avskriven"

    case = models.OneToOneField(
        Case, verbose_name="ärende", on_delete=models.CASCADE, related_name="motion"
    )
    dated_on = models.DateField("daterad")
    raised_at = models.ForeignKey(
        "decisions.Meeting",
        verbose_name="väckt vid sammanträde",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="raised_motions",
        help_text="Det sammanträde med kommunfullmäktige där motionen väcktes.",
    )
    raised_in = models.ForeignKey(
        "decisions.Paragraph",
        verbose_name="anmäld i paragraf",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="announced_motions",
        help_text="Fullmäktiges paragraf ”Anmälan av motioner” som tog upp motionen.",
    )
    outcome = models.CharField("utfall", max_length=20, choices=Outcome.choices, blank=True)
    decided_by = models.ForeignKey(
        "decisions.Paragraph",
        verbose_name="avgjord genom paragraf",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="decided_motions",
    )

    objects = MotionQuerySet.as_manager()

    history = HistoricalRecords(
        verbose_name="historik för motion", verbose_name_plural="historik för motioner"
    )

    class Meta:
        verbose_name = "motion"
        verbose_name_plural = "motioner"
        ordering = ["-dated_on"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(outcome="") & Q(decided_by__isnull=True))
                | (~Q(outcome="") & Q(decided_by__isnull=False)),
                name="motion_outcome_with_paragraph",
                violation_error_message=(
                    "Utfall och avgörande paragraf anges tillsammans, eller inte alls."
                ),
            ),
            models.CheckConstraint(
                condition=Q(raised_in__isnull=True) | Q(raised_at__isnull=False),
                name="motion_raised_in_paragraph_of_its_meeting",
                violation_error_message="En motion som anmälts i en paragraf är väckt.",
            ),
        ]

    def __str__(self) -> str:
        return str(self.case)

    @property
    def raised_on(self) -> datetime.date | None:
        return self.raised_at.date if self.raised_at_id else None

    @property
    def deadline(self) -> datetime.date | None:
        """KL 5 kap. 35 §: KF should decide within a year of the motion being väckt."""
        raised = self.raised_on
        return add_years(raised, 1) if raised else None

    def is_overdue(self, on: datetime.date) -> bool:
        deadline = self.deadline
        return bool(deadline and not self.decided_by_id and on > deadline)

    def clean(self) -> None:
        errors = {}
        if self.case_id and self.case.kind != Case.Kind.MOTION:
            errors["case"] = "Ärendet är inte registrerat som en motion."
        if self.raised_at_id:
            meeting = self.raised_at
            if meeting.body.kind != Body.Kind.COUNCIL:
                errors["raised_at"] = "En motion väcks i kommunfullmäktige."
            elif self.dated_on and meeting.date < self.dated_on:
                errors["raised_at"] = "Motionen kan inte väckas före det datum den är daterad."
        if bool(self.outcome) != bool(self.decided_by_id):
            errors["outcome"] = "Utfall och avgörande paragraf anges tillsammans, eller inte alls."
        elif self.decided_by_id and self.decided_by.body.kind != Body.Kind.COUNCIL:
            errors["decided_by"] = "En motion avgörs av kommunfullmäktige."
        if errors:
            raise ValidationError(errors)


class Motionar(models.Model):
    """A motionär: a signer of a motion, with the party they signed for."""

    motion = models.ForeignKey(
        Motion, verbose_name="motion", on_delete=models.CASCADE, related_name="signers"
    )
    person = models.ForeignKey(
        Person, verbose_name="person", on_delete=models.PROTECT, related_name="motions_signed"
    )
    party = models.ForeignKey(Party, verbose_name="parti", on_delete=models.PROTECT)
    position = models.PositiveSmallIntegerField("ordning")

    class Meta:
        verbose_name = "motionär"
        verbose_name_plural = "motionärer"
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(
                fields=["motion", "person"],
                name="motionar_once_per_motion",
                violation_error_message="Personen står redan som motionär.",
            ),
            models.UniqueConstraint(fields=["motion", "position"], name="motionar_unique_position"),
        ]

    def __str__(self) -> str:
        return f"{self.person} ({self.party})"


class AttSats(models.Model):
    """One proposed decision of a motion ('att kommunen utökar …')."""

    motion = models.ForeignKey(
        Motion, verbose_name="motion", on_delete=models.CASCADE, related_name="att_satser"
    )
    position = models.PositiveSmallIntegerField("ordning")
    text = models.TextField("text")

    class Meta:
        verbose_name = "att-sats"
        verbose_name_plural = "att-satser"
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(fields=["motion", "position"], name="attsats_unique_position")
        ]

    def __str__(self) -> str:
        return self.text
