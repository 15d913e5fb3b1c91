"""The debate of a paragraph: yrkanden and who moves or supports them, the beslutsordning
(propositions and the yrkanden put against each other), votes and their roll call."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from organisation.models import Body, Person

from .. import law
from .paragraphs import Paragraph


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
