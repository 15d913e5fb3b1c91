"""A paragraph (§) of a protocol and its parts: decision points, proposals and their points,
beslutsunderlag, recipients, protokollsanteckningar and jäv."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from organisation.models import Body, Person

from .meetings import Meeting


class ParagraphQuerySet(models.QuerySet):
    def justerade(self) -> "ParagraphQuerySet":
        return self.filter(status=Paragraph.Status.JUSTERAD)

    def public(self) -> "ParagraphQuerySet":
        """Paragraphs whose content the public may see: neither they nor their case is secret."""
        return self.filter(is_secret=False).exclude(case__is_secret=True)

    def published(self) -> "ParagraphQuerySet":
        """Paragraphs of a meeting that has been held: those of a planned one are drafts, whose
        content only staff and the body's own people see (``decisions.access.may_see_draft``).
        Where the public reads content, use ``public().published()``."""
        return self.exclude(meeting__status=Meeting.Status.PLANNED)


class Paragraph(models.Model):
    """A numbered decision item (§) in a meeting's protocol.

    ``body`` and ``year`` repeat the meeting's body and year so that the database itself can
    refuse two § 59 in one body's year; ``save`` keeps them in step with the meeting.
    """

    class Status(models.TextChoices):
        OJUSTERAD = "ojusterad", "Ojusterad"
        JUSTERAD = "justerad", "Justerad"

    SECRET_TITLE = "Sekretessärende"

    meeting = models.ForeignKey(
        Meeting, verbose_name="sammanträde", on_delete=models.PROTECT, related_name="paragraphs"
    )
    body = models.ForeignKey(
        Body, verbose_name="organ", on_delete=models.PROTECT, related_name="+", editable=False
    )
    year = models.PositiveSmallIntegerField("år", editable=False)
    number = models.PositiveIntegerField("§")
    title = models.CharField("rubrik", max_length=400)
    case = models.ForeignKey(
        "motions.Case",
        verbose_name="ärende",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="paragraphs",
    )
    arende_text = models.TextField("ärende", blank=True, help_text="Sammanfattning av ärendet.")
    quotes = models.ForeignKey(
        "self",
        verbose_name="citerar tidigare beslut",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="quoted_by",
        help_text="Det tidigare organets beslut som återges i paragrafen.",
    )
    is_secret = models.BooleanField(
        "omfattas av sekretess",
        default=False,
        help_text="Allmänheten ser bara paragrafnummer och en neutral rubrik.",
    )
    immediately_justerad = models.BooleanField("omedelbart justerad", default=False)
    status = models.CharField(
        "status", max_length=20, choices=Status.choices, default=Status.OJUSTERAD
    )
    justerad_at = models.DateTimeField(
        "justerad",
        null=True,
        blank=True,
        editable=False,
        help_text=(
            "När paragrafen blev justerad: omedelbart vid sammanträdet eller med protokollet."
        ),
    )

    objects = ParagraphQuerySet.as_manager()

    history = HistoricalRecords(
        verbose_name="historik för paragraf", verbose_name_plural="historik för paragrafer"
    )

    class Meta:
        verbose_name = "paragraf"
        verbose_name_plural = "paragrafer"
        ordering = ["year", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["body", "year", "number"],
                name="paragraph_number_unique_in_body_year",
                violation_error_message="Paragrafnumret finns redan för organet det året.",
            ),
            models.CheckConstraint(
                condition=Q(number__gte=1),
                name="paragraph_number_positive",
                violation_error_message="Paragrafnumret måste vara minst 1.",
            ),
        ]
        indexes = [models.Index(fields=["meeting", "number"], name="paragraph_meeting_number")]

    def __str__(self) -> str:
        return f"{self.body.code} {self.meeting.date:%Y-%m-%d} § {self.number} {self.title}"

    def save(self, *args, **kwargs) -> None:
        self.body_id = self.meeting.body_id
        self.year = self.meeting.date.year
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse(
            "decisions:paragraph",
            kwargs={"body": self.body.slug, "year": self.year, "number": self.number},
        )

    @property
    def is_confidential(self) -> bool:
        """Secret itself, or part of a secret case: the public sees number and neutral title."""
        return self.is_secret or bool(self.case_id and self.case.is_secret)

    @property
    def public_title(self) -> str:
        return self.SECRET_TITLE if self.is_confidential else self.title

    def clean(self) -> None:
        if not (self.meeting_id and self.number):
            return
        meeting = self.meeting
        clash = Paragraph.objects.filter(
            body_id=meeting.body_id, year=meeting.date.year, number=self.number
        ).exclude(pk=self.pk)
        if clash.exists():
            raise ValidationError(
                {
                    "number": f"§ {self.number} finns redan för {meeting.body.name_in_sentence} "
                    f"{meeting.date.year}."
                }
            )
        if self.quotes_id and self.quotes_id == self.pk:
            raise ValidationError({"quotes": "En paragraf kan inte citera sig själv."})


class DecisionPoint(models.Model):
    """One numbered point of the body's own decision ('1. … förslag tillstyrks.')."""

    paragraph = models.ForeignKey(
        Paragraph, verbose_name="paragraf", on_delete=models.CASCADE, related_name="decision_points"
    )
    position = models.PositiveSmallIntegerField("punkt")
    text = models.TextField("text")

    history = HistoricalRecords(
        verbose_name="historik för beslutspunkt", verbose_name_plural="historik för beslutspunkter"
    )

    class Meta:
        verbose_name = "beslutspunkt"
        verbose_name_plural = "beslutspunkter"
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(
                fields=["paragraph", "position"], name="decision_point_unique_position"
            )
        ]

    def __str__(self) -> str:
        return f"{self.position}. {self.text}"


class Proposal(models.Model):
    """A förslag till beslut addressed to a body.

    Made either by a paragraph ('Förslag till kommunfullmäktiges beslut') or by a
    tjänsteskrivelse, which proposes to several bodies at once (seed 002 to SON, KS and KF).
    """

    paragraph = models.ForeignKey(
        Paragraph,
        verbose_name="paragraf",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="proposals",
    )
    document = models.ForeignKey(
        "motions.Document",
        verbose_name="handling",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="proposals",
    )
    to_body = models.ForeignKey(
        Body, verbose_name="till organ", on_delete=models.PROTECT, related_name="+"
    )
    position = models.PositiveSmallIntegerField("ordning")

    class Meta:
        verbose_name = "förslag till beslut"
        verbose_name_plural = "förslag till beslut"
        ordering = ["position"]
        constraints = [
            models.CheckConstraint(
                condition=Q(paragraph__isnull=True, document__isnull=False)
                | Q(paragraph__isnull=False, document__isnull=True),
                name="proposal_from_paragraph_or_document",
                violation_error_message="Ett förslag kommer från en paragraf eller en handling.",
            ),
            models.UniqueConstraint(
                fields=["paragraph", "to_body"], name="proposal_once_per_body_from_paragraph"
            ),
            models.UniqueConstraint(
                fields=["document", "to_body"], name="proposal_once_per_body_from_document"
            ),
        ]

    def __str__(self) -> str:
        return self.heading

    @property
    def heading(self) -> str:
        return f"Förslag till {self.to_body.genitive_in_sentence} beslut"


class ProposalPoint(models.Model):
    proposal = models.ForeignKey(
        Proposal, verbose_name="förslag", on_delete=models.CASCADE, related_name="points"
    )
    position = models.PositiveSmallIntegerField("punkt")
    text = models.TextField("text")

    class Meta:
        verbose_name = "förslagspunkt"
        verbose_name_plural = "förslagspunkter"
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(
                fields=["proposal", "position"], name="proposal_point_unique_position"
            )
        ]

    def __str__(self) -> str:
        return f"{self.position}. {self.text}"


class BasisDocument(models.Model):
    """One line of a paragraph's beslutsunderlag: a document of the case, as it is cited."""

    paragraph = models.ForeignKey(
        Paragraph, verbose_name="paragraf", on_delete=models.CASCADE, related_name="basis"
    )
    position = models.PositiveSmallIntegerField("ordning")
    document = models.ForeignKey(
        "motions.Document", verbose_name="handling", on_delete=models.PROTECT, related_name="+"
    )
    label = models.CharField(
        "anförs som",
        max_length=400,
        blank=True,
        help_text="Hur handlingen anges i protokollet; tomt ger handlingens egen beteckning.",
    )

    class Meta:
        verbose_name = "beslutsunderlag"
        verbose_name_plural = "beslutsunderlag"
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(fields=["paragraph", "position"], name="basis_unique_position")
        ]

    def __str__(self) -> str:
        return self.citation

    @property
    def citation(self) -> str:
        return self.label or str(self.document)


class Recipient(models.Model):
    """A line of 'Beslutet skickas till', and when the decision was sent (expediering)."""

    paragraph = models.ForeignKey(
        Paragraph, verbose_name="paragraf", on_delete=models.CASCADE, related_name="recipients"
    )
    position = models.PositiveSmallIntegerField("ordning")
    name = models.CharField("mottagare", max_length=200)
    body = models.ForeignKey(
        Body,
        verbose_name="organ",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    sent_on = models.DateField("expedierat", null=True, blank=True)

    class Meta:
        verbose_name = "mottagare"
        verbose_name_plural = "beslutet skickas till"
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(
                fields=["paragraph", "position"], name="recipient_unique_position"
            )
        ]

    def __str__(self) -> str:
        return self.name


class ProtocolNote(models.Model):
    """A protokollsanteckning: a note members asked to have recorded."""

    paragraph = models.ForeignKey(
        Paragraph, verbose_name="paragraf", on_delete=models.CASCADE, related_name="notes"
    )
    position = models.PositiveSmallIntegerField("ordning")
    persons = models.ManyToManyField(Person, verbose_name="ledamöter", related_name="+")
    text = models.TextField("anteckning")

    class Meta:
        verbose_name = "protokollsanteckning"
        verbose_name_plural = "protokollsanteckningar"
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(fields=["paragraph", "position"], name="note_unique_position")
        ]

    def __str__(self) -> str:
        return self.text[:60]


class Jav(models.Model):
    """Jäv: the member takes no part in this paragraph (KL 5 kap. 47 §, 6 kap. 28 §)."""

    paragraph = models.ForeignKey(
        Paragraph, verbose_name="paragraf", on_delete=models.CASCADE, related_name="jav"
    )
    person = models.ForeignKey(Person, verbose_name="ledamot", on_delete=models.PROTECT)
    reason = models.CharField("anledning", max_length=400, blank=True)

    class Meta:
        verbose_name = "jäv"
        verbose_name_plural = "jäv"
        constraints = [
            models.UniqueConstraint(fields=["paragraph", "person"], name="jav_once_per_person")
        ]

    def __str__(self) -> str:
        return f"{self.person} jäv i § {self.paragraph.number}"
