"""What makes a protocol final and what stays after: the approvals (justering), rättelser of a
justerad paragraph and of the anslag, and the certified extracts and protocol PDFs, each version
stored once."""

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


class NoticeCorrection(models.Model):
    """A rättelse of the anslag: the corrected notice, posted on ``made_on``, beside the first.

    The first notice stays on the meeting (``notice_posted_on``, ``notice_removed_on``,
    ``protocol_kept_at``) as it was posted; the latest correction's values are the notice in
    force (``decisions.anslag``). Append-only: ``decisions.services.correct_notice`` only adds
    rows (docs/decisions/0016-notice-corrections-and-versions.md).
    """

    meeting = models.ForeignKey(
        Meeting,
        verbose_name="sammanträde",
        on_delete=models.PROTECT,
        related_name="notice_corrections",
    )
    made_on = models.DateField(
        "rättat anslag uppsatt",
        help_text="Dagen rättelsen görs och det rättade anslaget sätts upp.",
    )
    removed_on = models.DateField("rättat anslag tas ned")
    protocol_kept_at = models.CharField("förvaringsplats för protokollet", max_length=200)
    reason = models.TextField("skäl")
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
        verbose_name = "rättelse av anslag"
        verbose_name_plural = "rättelser av anslag"
        ordering = ["made_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(removed_on__gt=models.F("made_on")),
                name="notice_correction_removed_after_posted",
                violation_error_message="Anslaget kan inte tas ned innan det satts upp.",
            )
        ]

    def __str__(self) -> str:
        return f"Rättelse av anslaget {self.made_on:%Y-%m-%d} ({self.meeting})"


class StoredExtract(models.Model):
    """One version of the certified extract of a justerad paragraph, stored once and served as
    the same bytes ever after.

    Version 1 is rendered at justering; each rättelse adds a version with the corrections up to
    and including ``correction`` printed. Append-only: nothing updates or deletes a version.
    """

    paragraph = models.ForeignKey(
        Paragraph, verbose_name="paragraf", on_delete=models.PROTECT, related_name="stored_extracts"
    )
    version = models.PositiveIntegerField("version", default=1)
    correction = models.ForeignKey(
        Correction,
        verbose_name="till och med rättelse",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="Den senaste rättelsen som utdraget återger; tomt för utdraget vid justeringen.",
    )
    pdf = models.FileField("pdf", upload_to="utdrag/%Y/")
    sha256 = models.CharField("SHA-256", max_length=64)
    rendered_at = models.DateTimeField("framställt")

    class Meta:
        verbose_name = "lagrat protokollsutdrag"
        verbose_name_plural = "lagrade protokollsutdrag"
        ordering = ["paragraph", "version"]
        constraints = [
            models.UniqueConstraint(
                fields=["paragraph", "version"], name="stored_extract_one_per_version"
            )
        ]

    def __str__(self) -> str:
        return f"Utdrag {self.paragraph}, version {self.version} ({self.sha256[:12]}…)"


class StoredProtocol(models.Model):
    """One version of the public PDF of a justerat protocol, rendered once by the background
    worker and served as the same bytes ever after.

    ``state`` says what the version shows (``decisions.extracts.protocol_state``: rättelser,
    anslag and its rättelser, which §§ are secret); a change of any of them makes a new
    version. Append-only, like ``StoredExtract``.
    """

    meeting = models.ForeignKey(
        Meeting,
        verbose_name="sammanträde",
        on_delete=models.PROTECT,
        related_name="stored_protocols",
    )
    version = models.PositiveIntegerField("version", default=1)
    state = models.TextField("återger")
    pdf = models.FileField("pdf", upload_to="protokoll/%Y/")
    sha256 = models.CharField("SHA-256", max_length=64)
    rendered_at = models.DateTimeField("framställt")

    class Meta:
        verbose_name = "lagrat protokoll"
        verbose_name_plural = "lagrade protokoll"
        ordering = ["meeting", "version"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "version"], name="stored_protocol_one_per_version"
            )
        ]

    def __str__(self) -> str:
        return f"Protokoll {self.meeting}, version {self.version} ({self.sha256[:12]}…)"
