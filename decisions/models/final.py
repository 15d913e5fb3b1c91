"""What makes a protocol final and what stays after: the approvals (justering), rättelser of a
justerad paragraph, and the certified extract stored once."""

from django.db import models

from organisation.models import Person

from .meetings import Meeting
from .paragraphs import Paragraph


class Justering(models.Model):
    """One approval (signature) of a meeting's protocol, by the ordförande or a justerare.

    The protocol is justerat when the ordförande and every justerare chosen at the meeting have
    approved it; ``decisions.services.justera`` records that and makes the paragraphs final.
    """

    class Role(models.TextChoices):
        CHAIR = "ordforande", "Ordförande"
        ADJUSTER = "justerare", "Justerare"

    meeting = models.ForeignKey(
        Meeting, verbose_name="sammanträde", on_delete=models.PROTECT, related_name="justeringar"
    )
    person = models.ForeignKey(Person, verbose_name="person", on_delete=models.PROTECT)
    role = models.CharField("roll", max_length=20, choices=Role.choices)
    approved_at = models.DateTimeField("godkänt")

    class Meta:
        verbose_name = "justering"
        verbose_name_plural = "justeringar"
        ordering = ["approved_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "person"],
                name="justering_once_per_person",
                violation_error_message="Personen har redan justerat protokollet.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} ({self.get_role_display().lower()}) {self.approved_at:%Y-%m-%d}"


class Correction(models.Model):
    """A rättelse of a justerad paragraph: dated and visible beside the original, never an edit."""

    paragraph = models.ForeignKey(
        Paragraph, verbose_name="paragraf", on_delete=models.PROTECT, related_name="corrections"
    )
    made_on = models.DateField("datum")
    reason = models.TextField("skäl")
    text = models.TextField("rättelse", help_text="Vad som rättas och hur det ska läsas.")
    made_by = models.ForeignKey(
        "auth.User",
        verbose_name="gjord av",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField("registrerad", auto_now_add=True)

    class Meta:
        verbose_name = "rättelse"
        verbose_name_plural = "rättelser"
        ordering = ["made_on", "pk"]

    def __str__(self) -> str:
        return f"Rättelse {self.made_on:%Y-%m-%d} i § {self.paragraph.number}"


class StoredExtract(models.Model):
    """The certified extract of a justerad paragraph, rendered once and served as stored bytes."""

    paragraph = models.OneToOneField(
        Paragraph, verbose_name="paragraf", on_delete=models.PROTECT, related_name="stored_extract"
    )
    pdf = models.FileField("pdf", upload_to="utdrag/%Y/")
    sha256 = models.CharField("SHA-256", max_length=64)
    rendered_at = models.DateTimeField("framställt")

    class Meta:
        verbose_name = "lagrat protokollsutdrag"
        verbose_name_plural = "lagrade protokollsutdrag"

    def __str__(self) -> str:
        return f"Utdrag {self.paragraph} ({self.sha256[:12]}…)"
