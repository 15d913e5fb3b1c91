"""Reservations: a member's formal dissent from a paragraph's decision (KL 4 kap. 27 §)."""

from django.core.exceptions import ValidationError
from django.db import models
from simple_history.models import HistoricalRecords

from organisation.models import Person

from . import participation
from .debate import Yrkande
from .paragraphs import Paragraph


class Reservation(models.Model):
    """A member's formal dissent (KL 4 kap. 27 §). Only one who took part may reserve."""

    paragraph = models.ForeignKey(
        Paragraph, verbose_name="paragraf", on_delete=models.CASCADE, related_name="reservations"
    )
    person = models.ForeignKey(
        Person, verbose_name="ledamot", on_delete=models.PROTECT, related_name="reservations"
    )
    position = models.PositiveSmallIntegerField("ordning")
    in_favour_of = models.ForeignKey(
        Yrkande,
        verbose_name="till förmån för",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="reservations",
    )
    motivation = models.TextField("skriftlig motivering", blank=True)

    history = HistoricalRecords(
        verbose_name="historik för reservation", verbose_name_plural="historik för reservationer"
    )

    class Meta:
        verbose_name = "reservation"
        verbose_name_plural = "reservationer"
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(
                fields=["paragraph", "person"],
                name="reservation_once_per_person",
                violation_error_message="Ledamoten har redan reserverat sig i paragrafen.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} reserverar sig (§ {self.paragraph.number})"

    def clean(self) -> None:
        if not (self.paragraph_id and self.person_id):
            return
        problem = participation.reservation_problem(self.paragraph, self.person)
        if problem:
            raise ValidationError({"person": problem})
        if self.in_favour_of_id and self.in_favour_of.paragraph_id != self.paragraph_id:
            raise ValidationError({"in_favour_of": "Yrkandet måste höra till samma paragraf."})
