"""Meetings and their protocols: attendance, paragraphs (§) and every part of a paragraph.

What the law requires a protocol to show (KL 5 kap. 65–67 §§) — who took part, yrkanden,
propositions, votes, decisions and reservations — is stored as data. The prose of the seeds
("Ordförande ställer proposition på …") is generated from it in ``decisions.prose``.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from organisation.models import Body, Membership, Person

from . import law


class Meeting(models.Model):
    """A sammanträde of one body on one day."""

    class Status(models.TextChoices):
        PLANNED = "planerat", "Planerat"
        HELD = "genomfort", "Genomfört"
        JUSTERAT = "justerat", "Justerat"

    body = models.ForeignKey(
        Body, verbose_name="organ", on_delete=models.PROTECT, related_name="meetings"
    )
    date = models.DateField("datum")
    starts_at = models.TimeField("klockan", null=True, blank=True)
    ends_at = models.TimeField("slut", null=True, blank=True)
    place = models.CharField("plats", max_length=200, blank=True)
    chair = models.ForeignKey(
        Person,
        verbose_name="ordförande",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="meetings_chaired",
    )
    secretary = models.CharField("sekreterare", max_length=200, blank=True)
    adjusters = models.ManyToManyField(
        Person,
        verbose_name="justerare",
        through="MeetingAdjuster",
        related_name="meetings_adjusted",
        blank=True,
    )
    justering_place = models.CharField("justeringens plats", max_length=200, blank=True)
    justering_on = models.DateField("justeringens datum", null=True, blank=True)
    status = models.CharField(
        "status", max_length=20, choices=Status.choices, default=Status.PLANNED
    )
    notice_posted_on = models.DateField("anslaget uppsatt", null=True, blank=True)
    notice_removed_on = models.DateField("anslaget nedtas", null=True, blank=True)
    protocol_kept_at = models.CharField(
        "förvaringsplats för protokollet", max_length=200, blank=True
    )

    history = HistoricalRecords(
        verbose_name="historik för sammanträde", verbose_name_plural="historik för sammanträden"
    )

    class Meta:
        verbose_name = "sammanträde"
        verbose_name_plural = "sammanträden"
        ordering = ["-date"]
        constraints = [
            models.UniqueConstraint(
                fields=["body", "date"],
                name="meeting_one_per_body_and_day",
                violation_error_message="Organet har redan ett sammanträde den dagen.",
            ),
            models.CheckConstraint(
                condition=Q(justering_on__isnull=True) | Q(justering_on__gte=models.F("date")),
                name="meeting_justering_after_meeting",
                violation_error_message="Justeringen kan inte ligga före sammanträdet.",
            ),
            models.CheckConstraint(
                condition=Q(notice_removed_on__isnull=True)
                | Q(notice_removed_on__gte=models.F("notice_posted_on")),
                name="meeting_notice_removed_after_posted",
                violation_error_message="Anslaget kan inte tas ned innan det satts upp.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.body} {self.date:%Y-%m-%d}"

    def get_absolute_url(self) -> str:
        return reverse(
            "decisions:meeting", kwargs={"body": self.body.slug, "day": self.date.isoformat()}
        )

    def clean(self) -> None:
        errors = {}
        if self.justering_on and self.date and self.justering_on < self.date:
            errors["justering_on"] = "Justeringen kan inte ligga före sammanträdet."
        if self.notice_removed_on and not self.notice_posted_on:
            errors["notice_posted_on"] = "Ange när anslaget sattes upp."
        elif (
            self.notice_removed_on
            and self.notice_posted_on
            and self.notice_removed_on < self.notice_posted_on
        ):
            errors["notice_removed_on"] = "Anslaget kan inte tas ned innan det satts upp."
        if (
            self.notice_posted_on
            and self.justering_on
            and self.notice_posted_on < self.justering_on
        ):
            errors["notice_posted_on"] = "Anslaget kan inte sättas upp före justeringen."
        if errors:
            raise ValidationError(errors)


class MeetingAdjuster(models.Model):
    """A justerare chosen at the meeting to approve the protocol with the ordförande."""

    meeting = models.ForeignKey(Meeting, verbose_name="sammanträde", on_delete=models.CASCADE)
    person = models.ForeignKey(Person, verbose_name="justerare", on_delete=models.PROTECT)
    position = models.PositiveSmallIntegerField("ordning", default=1)

    class Meta:
        verbose_name = "justerare"
        verbose_name_plural = "justerare"
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "person"], name="adjuster_once_per_meeting")
        ]

    def __str__(self) -> str:
        return str(self.person)


class Attendance(models.Model):
    """Who was at a meeting and in what capacity, possibly only for some paragraphs."""

    class Kind(models.TextChoices):
        MEMBER = "ledamot", "Tjänstgörande ledamot"
        SERVING_SUBSTITUTE = "tjanstgorande_ersattare", "Tjänstgörande ersättare"
        SUBSTITUTE = "ersattare", "Ersättare (ej tjänstgörande)"
        OTHER = "ovrig", "Övrig deltagare"

    meeting = models.ForeignKey(
        Meeting, verbose_name="sammanträde", on_delete=models.CASCADE, related_name="attendance"
    )
    kind = models.CharField("närvaro som", max_length=30, choices=Kind.choices)
    person = models.ForeignKey(
        Person,
        verbose_name="person",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="attendance",
    )
    name = models.CharField(
        "namn", max_length=200, blank=True, help_text="För övriga deltagare som inte är ledamöter."
    )
    title = models.CharField("funktion", max_length=200, blank=True)
    replaces = models.ForeignKey(
        Person,
        verbose_name="i stället för",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="replaced_by",
    )
    from_number = models.PositiveIntegerField("från §", null=True, blank=True)
    to_number = models.PositiveIntegerField("till §", null=True, blank=True)

    class Meta:
        verbose_name = "närvaro"
        verbose_name_plural = "närvaro"
        ordering = ["kind", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind="ovrig") | Q(person__isnull=False),
                name="attendance_member_is_person",
                violation_error_message="Ledamöter och ersättare anges som person.",
            ),
            models.CheckConstraint(
                condition=Q(person__isnull=False) | ~Q(name=""),
                name="attendance_has_name",
                violation_error_message="Ange person eller namn.",
            ),
            models.CheckConstraint(
                condition=Q(kind="tjanstgorande_ersattare", replaces__isnull=False)
                | (~Q(kind="tjanstgorande_ersattare") & Q(replaces__isnull=True)),
                name="attendance_replaces_only_for_serving_substitute",
                violation_error_message=(
                    "En tjänstgörande ersättare tjänstgör i stället för en ledamot; "
                    "bara då anges ”i stället för”."
                ),
            ),
            models.CheckConstraint(
                condition=Q(from_number__isnull=True)
                | Q(to_number__isnull=True)
                | Q(to_number__gte=models.F("from_number")),
                name="attendance_range_ordered",
                violation_error_message="Paragrafintervallet måste gå framåt.",
            ),
        ]

    def __str__(self) -> str:
        who = self.person or self.name
        return f"{who}, {self.get_kind_display().lower()}"

    @property
    def display_name(self) -> str:
        return self.person.full_name if self.person_id else self.name

    def covers(self, number: int) -> bool:
        return law.in_range(number, self.from_number, self.to_number)

    def clean(self) -> None:
        errors = {}
        if self.kind == self.Kind.SERVING_SUBSTITUTE and not self.replaces_id:
            errors["replaces"] = "Ange vilken ledamot ersättaren tjänstgör i stället för."
        if self.kind != self.Kind.SERVING_SUBSTITUTE and self.replaces_id:
            errors["replaces"] = "Bara en tjänstgörande ersättare tjänstgör i stället för någon."
        if self.kind != self.Kind.OTHER and not self.person_id:
            errors["person"] = "Ledamöter och ersättare anges som person."
        if self.kind == self.Kind.OTHER and not (self.person_id or self.name):
            errors["name"] = "Ange person eller namn."
        if self.from_number and self.to_number and self.to_number < self.from_number:
            errors["to_number"] = "Paragrafintervallet måste gå framåt."
        if self.person_id and self.meeting_id and self.kind != self.Kind.OTHER:
            roles = set(
                Membership.objects.on(self.meeting.date)
                .filter(person=self.person, body=self.meeting.body_id)
                .values_list("role", flat=True)
            )
            if not roles:
                errors["person"] = (
                    f"{self.person} är inte ledamot eller ersättare i "
                    f"{self.meeting.body.name_in_sentence} den {self.meeting.date:%Y-%m-%d}."
                )
            elif self.kind == self.Kind.MEMBER and roles == {Membership.Role.SUBSTITUTE}:
                errors["kind"] = f"{self.person} är ersättare, inte ledamot."
        if errors:
            raise ValidationError(errors)


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


class Yrkande(models.Model):
    """A proposal made at the meeting (yrkande), by its movers, supported by others."""

    class Kind(models.TextChoices):
        APPROVAL = "bifall", "Bifall"
        REJECTION = "avslag", "Avslag"
        AMENDMENT = "andring", "Ändringsyrkande"
        ADDITION = "tillagg", "Tilläggsyrkande"
        REFERRAL_BACK = "aterremiss", "Återremiss"
        POSTPONEMENT = "bordlaggning", "Bordläggning"

    class Target(models.TextChoices):
        PROPOSAL = "forslag", "Ett organs förslag till beslut"
        MOTION = "motion", "Motionen"
        YRKANDE = "yrkande", "Ett annat yrkande"
        OWN_TEXT = "egen_text", "Egen formulering"

    class Outcome(models.TextChoices):
        CARRIED = "bifallet", "Bifallet"
        DEFEATED = "avslaget", "Avslaget"
        WITHDRAWN = "aterkallat", "Återkallat"
        NOT_TRIED = "ej_provat", "Ej prövat"

    paragraph = models.ForeignKey(
        Paragraph, verbose_name="paragraf", on_delete=models.CASCADE, related_name="yrkanden"
    )
    position = models.PositiveSmallIntegerField("ordning")
    kind = models.CharField("typ", max_length=20, choices=Kind.choices)
    target = models.CharField("avser", max_length=20, choices=Target.choices, blank=True)
    target_body = models.ForeignKey(
        Body,
        verbose_name="förslag från organ",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    target_yrkande = models.ForeignKey(
        "self",
        verbose_name="avser yrkande",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    text = models.TextField(
        "lydelse",
        blank=True,
        help_text="Yrkandets egen formulering, t.ex. ”att beslutspunkt 1 ska lyda …”.",
    )
    outcome = models.CharField("utfall", max_length=20, choices=Outcome.choices, blank=True)
    requested_by_count = models.PositiveSmallIntegerField(
        "antal ledamöter som begär",
        null=True,
        blank=True,
        help_text=(
            "Bara för återremiss eller bordläggning i fullmäktige på minoritetens begäran "
            "(KL 5 kap. 50 §): hur många av de närvarande ledamöterna som begärde det."
        ),
    )
    members = models.ManyToManyField(
        Person, through="YrkandeMember", related_name="yrkanden", verbose_name="ledamöter"
    )

    history = HistoricalRecords(
        verbose_name="historik för yrkande", verbose_name_plural="historik för yrkanden"
    )

    class Meta:
        verbose_name = "yrkande"
        verbose_name_plural = "yrkanden"
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(
                fields=["paragraph", "position"], name="yrkande_unique_position"
            ),
            models.CheckConstraint(
                condition=~Q(target="forslag") | Q(target_body__isnull=False),
                name="yrkande_proposal_names_body",
                violation_error_message="Ange vilket organs förslag yrkandet avser.",
            ),
            models.CheckConstraint(
                condition=~Q(target="yrkande") | Q(target_yrkande__isnull=False),
                name="yrkande_names_other_yrkande",
                violation_error_message="Ange vilket yrkande yrkandet avser.",
            ),
        ]

    def __str__(self) -> str:
        return f"§ {self.paragraph.number}: {self.get_kind_display()} ({self.position})"

    def clean(self) -> None:
        errors = {}
        if self.target == self.Target.PROPOSAL and not self.target_body_id:
            errors["target_body"] = "Ange vilket organs förslag yrkandet avser."
        if self.target == self.Target.YRKANDE and not self.target_yrkande_id:
            errors["target_yrkande"] = "Ange vilket yrkande yrkandet avser."
        if self.target_yrkande_id and self.target_yrkande.paragraph_id != self.paragraph_id:
            errors["target_yrkande"] = "Yrkandet måste höra till samma paragraf."
        if self.kind in (self.Kind.APPROVAL, self.Kind.REJECTION) and not self.target:
            errors["target"] = "Ange vad bifalls- eller avslagsyrkandet avser."
        if self.kind in (self.Kind.AMENDMENT, self.Kind.ADDITION) and not self.text:
            errors["text"] = "Ett ändrings- eller tilläggsyrkande behöver en lydelse."
        if self.target == self.Target.OWN_TEXT and not self.text:
            errors["text"] = "Ange yrkandets lydelse."
        if self.requested_by_count is not None and self.kind not in (
            self.Kind.REFERRAL_BACK,
            self.Kind.POSTPONEMENT,
        ):
            errors["requested_by_count"] = (
                "Bara återremiss och bordläggning kan begäras av minoriteten."
            )
        if errors:
            raise ValidationError(errors)


class YrkandeMember(models.Model):
    """A person behind a yrkande: the one who moves it, or one who supports (instämmer i) it."""

    class Role(models.TextChoices):
        MOVER = "yrkar", "Yrkar"
        SUPPORTER = "instammer", "Instämmer"

    yrkande = models.ForeignKey(
        Yrkande, verbose_name="yrkande", on_delete=models.CASCADE, related_name="memberships"
    )
    person = models.ForeignKey(Person, verbose_name="person", on_delete=models.PROTECT)
    role = models.CharField("roll", max_length=20, choices=Role.choices, default=Role.MOVER)
    position = models.PositiveSmallIntegerField("ordning")

    class Meta:
        verbose_name = "yrkare"
        verbose_name_plural = "yrkare och instämmande"
        ordering = ["role", "position"]
        constraints = [
            models.UniqueConstraint(fields=["yrkande", "person"], name="yrkande_member_once")
        ]

    def __str__(self) -> str:
        return str(self.person)


class Proposition(models.Model):
    """One step of the beslutsordning: the chair puts yrkanden against each other and finds."""

    paragraph = models.ForeignKey(
        Paragraph, verbose_name="paragraf", on_delete=models.CASCADE, related_name="propositions"
    )
    position = models.PositiveSmallIntegerField("ordning")
    alternatives = models.ManyToManyField(
        Yrkande, through="PropositionAlternative", related_name="+", verbose_name="ställs mot"
    )
    finding = models.ForeignKey(
        Yrkande,
        verbose_name="ordförande finner bifall till",
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = "proposition"
        verbose_name_plural = "beslutsordning"
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(
                fields=["paragraph", "position"], name="proposition_unique_position"
            )
        ]

    def __str__(self) -> str:
        return f"Proposition {self.position} i § {self.paragraph.number}"

    def clean(self) -> None:
        if self.finding_id and self.paragraph_id and self.finding.paragraph_id != self.paragraph_id:
            raise ValidationError({"finding": "Yrkandet måste höra till samma paragraf."})


class PropositionAlternative(models.Model):
    proposition = models.ForeignKey(
        Proposition, on_delete=models.CASCADE, related_name="alternative_rows"
    )
    yrkande = models.ForeignKey(Yrkande, verbose_name="yrkande", on_delete=models.CASCADE)
    position = models.PositiveSmallIntegerField("ordning")

    class Meta:
        verbose_name = "alternativ"
        verbose_name_plural = "ställs mot varandra"
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(
                fields=["proposition", "yrkande"], name="proposition_alternative_once"
            )
        ]

    def __str__(self) -> str:
        return str(self.yrkande)


class Vote(models.Model):
    """A votering (roll call) on a proposition. The tally must add up to the roll call."""

    proposition = models.OneToOneField(
        Proposition, verbose_name="proposition", on_delete=models.CASCADE, related_name="vote"
    )
    yes_for = models.ForeignKey(
        Yrkande, verbose_name="ja-röst för", on_delete=models.PROTECT, related_name="+"
    )
    no_for = models.ForeignKey(
        Yrkande, verbose_name="nej-röst för", on_delete=models.PROTECT, related_name="+"
    )
    yes_count = models.PositiveSmallIntegerField("ja")
    no_count = models.PositiveSmallIntegerField("nej")
    abstain_count = models.PositiveSmallIntegerField("avstår", default=0)

    history = HistoricalRecords(
        verbose_name="historik för votering", verbose_name_plural="historik för voteringar"
    )

    class Meta:
        verbose_name = "votering"
        verbose_name_plural = "voteringar"
        constraints = [
            models.CheckConstraint(
                condition=~Q(yes_for=models.F("no_for")),
                name="vote_two_different_yrkanden",
                violation_error_message="Ja och nej måste stå för olika yrkanden.",
            )
        ]

    def __str__(self) -> str:
        return f"Votering: {self.yes_count} ja, {self.no_count} nej, {self.abstain_count} avstår"

    @property
    def tally(self) -> law.Tally:
        return law.Tally(yes=self.yes_count, no=self.no_count, abstain=self.abstain_count)

    def clean(self) -> None:
        if self.pk is None:
            return
        answers = list(self.ballots.values_list("answer", flat=True))
        if answers:
            message = law.tally_mismatch(self.tally, answers)
            if message:
                raise ValidationError({"yes_count": message})


class Ballot(models.Model):
    """One member's answer in a roll call."""

    class Answer(models.TextChoices):
        YES = "ja", "Ja"
        NO = "nej", "Nej"
        ABSTAIN = "avstar", "Avstår"
        ABSENT = "franvarande", "Frånvarande"

    vote = models.ForeignKey(
        Vote, verbose_name="votering", on_delete=models.CASCADE, related_name="ballots"
    )
    person = models.ForeignKey(Person, verbose_name="ledamot", on_delete=models.PROTECT)
    answer = models.CharField("röst", max_length=20, choices=Answer.choices)

    class Meta:
        verbose_name = "röst"
        verbose_name_plural = "omröstningslista"
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["vote", "person"],
                name="ballot_once_per_person",
                violation_error_message="Ledamoten har redan en röst i voteringen.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.person}: {self.get_answer_display()}"


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
        from .selectors import abstainers, participant_ids

        if not (self.paragraph_id and self.person_id):
            return
        if self.person_id not in participant_ids(self.paragraph):
            raise ValidationError(
                {
                    "person": f"{self.person} deltog inte i beslutet och kan därför inte "
                    "reservera sig (KL 4 kap. 27 §)."
                }
            )
        if self.person_id in abstainers(self.paragraph):
            raise ValidationError(
                {"person": f"{self.person} avstod från att rösta och kan inte reservera sig."}
            )
        if self.in_favour_of_id and self.in_favour_of.paragraph_id != self.paragraph_id:
            raise ValidationError({"in_favour_of": "Yrkandet måste höra till samma paragraf."})


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
