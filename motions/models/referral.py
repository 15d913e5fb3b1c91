"""Referrals (remisser): a case sent from one body to another for beredning or yttrande."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from organisation.models import Body

from .cases import Case, Document


class ReferralQuerySet(models.QuerySet):
    def unanswered(self) -> "ReferralQuerySet":
        return self.filter(answered_by_paragraph__isnull=True, answered_by_document__isnull=True)

    def answered(self) -> "ReferralQuerySet":
        return self.exclude(answered_by_paragraph__isnull=True, answered_by_document__isnull=True)


class Referral(models.Model):
    """A remiss: one body sends a case to another for beredning or yttrande."""

    class Purpose(models.TextChoices):
        PREPARATION = "beredning", "För beredning"
        OPINION = "yttrande", "För yttrande"

    case = models.ForeignKey(
        Case, verbose_name="ärende", on_delete=models.CASCADE, related_name="referrals"
    )
    from_body = models.ForeignKey(
        Body, verbose_name="från organ", on_delete=models.PROTECT, related_name="referrals_sent"
    )
    to_body = models.ForeignKey(
        Body, verbose_name="till organ", on_delete=models.PROTECT, related_name="referrals_received"
    )
    purpose = models.CharField("syfte", max_length=20, choices=Purpose.choices)
    sent_on = models.DateField("skickad")
    due_on = models.DateField("svar senast", null=True, blank=True)
    answered_by_paragraph = models.ForeignKey(
        "decisions.Paragraph",
        verbose_name="besvarad genom paragraf",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="answered_referrals",
    )
    answered_by_document = models.ForeignKey(
        Document,
        verbose_name="besvarad genom handling",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="answered_referrals",
    )

    objects = ReferralQuerySet.as_manager()

    class Meta:
        verbose_name = "remiss"
        verbose_name_plural = "remisser"
        ordering = ["sent_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(from_body=models.F("to_body")),
                name="referral_to_another_body",
                violation_error_message="En remiss går till ett annat organ än avsändaren.",
            ),
            models.CheckConstraint(
                condition=Q(due_on__isnull=True) | Q(due_on__gte=models.F("sent_on")),
                name="referral_due_after_sent",
                violation_error_message="Svarsdatum kan inte ligga före remissen skickades.",
            ),
            models.CheckConstraint(
                condition=Q(answered_by_paragraph__isnull=True)
                | Q(answered_by_document__isnull=True),
                name="referral_answered_once",
                violation_error_message="En remiss besvaras av en paragraf eller en handling.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.case.dnr}: {self.from_body.code} → {self.to_body.code}"

    @property
    def answered_on(self) -> datetime.date | None:
        if self.answered_by_paragraph_id:
            return self.answered_by_paragraph.meeting.date
        if self.answered_by_document_id:
            return self.answered_by_document.date
        return None

    def clean(self) -> None:
        errors = {}
        if self.from_body_id and self.from_body_id == self.to_body_id:
            errors["to_body"] = "En remiss går till ett annat organ än avsändaren."
        if self.due_on and self.sent_on and self.due_on < self.sent_on:
            errors["due_on"] = "Svarsdatum kan inte ligga före remissen skickades."
        if self.answered_by_paragraph_id and self.answered_by_document_id:
            errors["answered_by_document"] = "Ange en paragraf eller en handling, inte båda."
        answered_on = self.answered_on
        if answered_on and self.sent_on and answered_on < self.sent_on:
            errors["sent_on"] = "Remissen kan inte besvaras innan den skickats."
        if errors:
            raise ValidationError(errors)
