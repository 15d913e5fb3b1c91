"""The case file: registries, cases (ärenden), documents, motions and referrals (remisser)."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.db.models.functions import Coalesce
from simple_history.models import HistoricalRecords

from organisation.models import Administration, Body, Party, Person

from . import dnr as dnr_rules


def add_years(day: datetime.date, years: int) -> datetime.date:
    """Same day and month ``years`` later; 29 February becomes 28 February.

    Lag (1930:173) om beräkning av lagstadgad tid: a period in years ends on the day with the
    same number, or on the last day of the month where that day does not exist.
    """
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


class Registry(models.Model):
    """A diarium. Each body usually keeps its own; the Dnr format is set per registry."""

    code = models.CharField(
        "kod", max_length=20, unique=True, help_text="Står först i diarienumret, t.ex. KS."
    )
    name = models.CharField("namn", max_length=200)
    body = models.ForeignKey(
        Body,
        verbose_name="organ",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="registries",
    )
    dnr_format = models.CharField(
        "format för diarienummer",
        max_length=60,
        default=dnr_rules.DEFAULT_FORMAT,
        help_text=(
            "Fälten {registry}, {year} och {serial}. Linköping: {registry} {year}-{serial} "
            "ger KS 2019-295."
        ),
    )

    class Meta:
        verbose_name = "diarium"
        verbose_name_plural = "diarier"
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        try:
            dnr_rules.validate_format(self.dnr_format)
        except dnr_rules.DnrFormatError as exc:
            raise ValidationError({"dnr_format": str(exc)}) from exc

    def format_dnr(self, *, year: int, serial: int) -> str:
        return dnr_rules.format_dnr(self.dnr_format, registry=self.code, year=year, serial=serial)


class CaseQuerySet(models.QuerySet):
    def public(self) -> "CaseQuerySet":
        return self.filter(is_secret=False)


class Case(models.Model):
    """An ärende. Its Dnr is given once, at registration, and never changes."""

    class Kind(models.TextChoices):
        MOTION = "motion", "Motion"
        CITIZEN_PROPOSAL = "medborgarforslag", "Medborgarförslag"
        OTHER = "ovrigt", "Övrigt ärende"

    SECRET_TITLE = "Sekretessbelagt ärende"

    registry = models.ForeignKey(
        Registry, verbose_name="diarium", on_delete=models.PROTECT, related_name="cases"
    )
    year = models.PositiveSmallIntegerField("år")
    serial = models.PositiveIntegerField("löpnummer")
    dnr = models.CharField("diarienummer", max_length=60, unique=True, editable=False)
    slug = models.SlugField("diarienummer i webbadress", max_length=60, unique=True, editable=False)
    title = models.CharField("rubrik", max_length=400)
    kind = models.CharField("ärendetyp", max_length=20, choices=Kind.choices)
    registered_on = models.DateField("registrerat")
    closed_on = models.DateField("avslutat", null=True, blank=True)
    responsible_body = models.ForeignKey(
        Body,
        verbose_name="ansvarigt organ",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="cases",
    )
    is_secret = models.BooleanField(
        "omfattas av sekretess",
        default=False,
        help_text="Visas aldrig med rubrik eller innehåll för allmänheten.",
    )

    objects = CaseQuerySet.as_manager()

    history = HistoricalRecords(
        verbose_name="historik för ärende", verbose_name_plural="historik för ärenden"
    )

    class Meta:
        verbose_name = "ärende"
        verbose_name_plural = "ärenden"
        ordering = ["-year", "-serial"]
        constraints = [
            models.UniqueConstraint(
                fields=["registry", "year", "serial"],
                name="case_unique_dnr_parts",
                violation_error_message="Diarienumret finns redan i diariet.",
            ),
            models.CheckConstraint(
                condition=Q(serial__gte=1),
                name="case_serial_positive",
                violation_error_message="Löpnumret måste vara minst 1.",
            ),
            models.CheckConstraint(
                condition=Q(closed_on__isnull=True) | Q(closed_on__gte=models.F("registered_on")),
                name="case_closed_after_registered",
                violation_error_message="Ärendet kan inte avslutas innan det registrerats.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.dnr} {self.title}"

    def save(self, *args, **kwargs) -> None:
        # The Dnr is fixed at registration: a later change of the registry's format must not
        # renumber old cases, so it is stored, not computed on display.
        if not self.dnr:
            self.dnr = self.registry.format_dnr(year=self.year, serial=self.serial)
        self.slug = dnr_rules.dnr_slug(self.dnr)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("motions:case", kwargs={"slug": self.slug})

    @property
    def public_title(self) -> str:
        return self.SECRET_TITLE if self.is_secret else self.title


class Document(models.Model):
    """A handling in a case: the motion itself, a tjänsteskrivelse, a yttrande, an extract."""

    class Kind(models.TextChoices):
        MOTION = "motion", "Motion"
        OFFICER_REPORT = "tjansteskrivelse", "Tjänsteskrivelse"
        OPINION = "yttrande", "Yttrande"
        EXTRACT = "protokollsutdrag", "Protokollsutdrag"
        OTHER = "ovrigt", "Övrig handling"

    case = models.ForeignKey(
        Case, verbose_name="ärende", on_delete=models.CASCADE, related_name="documents"
    )
    kind = models.CharField("handlingstyp", max_length=20, choices=Kind.choices)
    title = models.CharField("rubrik", max_length=400)
    date = models.DateField("datum")
    unit = models.ForeignKey(
        Administration,
        verbose_name="enhet",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="documents",
        help_text="Den förvaltning som upprättat handlingen.",
    )
    text = models.TextField("text", blank=True)
    file = models.FileField("fil", upload_to="handlingar/%Y/", blank=True)
    extract_of = models.ForeignKey(
        "decisions.Paragraph",
        verbose_name="utdrag ur paragraf",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="extracts",
    )

    class Meta:
        verbose_name = "handling"
        verbose_name_plural = "handlingar"
        ordering = ["date", "pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} – {self.title}, {self.date:%Y-%m-%d}"

    def clean(self) -> None:
        if self.extract_of_id and self.kind != self.Kind.EXTRACT:
            raise ValidationError(
                {"extract_of": "Bara ett protokollsutdrag kan vara utdrag ur en paragraf."}
            )


class DocumentAuthor(models.Model):
    """Who signed a document and for which unit (a tjänsteskrivelse often has two)."""

    document = models.ForeignKey(
        Document, verbose_name="handling", on_delete=models.CASCADE, related_name="authors"
    )
    position = models.PositiveSmallIntegerField("ordning")
    name = models.CharField("namn", max_length=200)
    unit = models.ForeignKey(
        Administration,
        verbose_name="enhet",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = "undertecknare"
        verbose_name_plural = "undertecknare"
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(
                fields=["document", "position"], name="document_author_unique_position"
            )
        ]

    def __str__(self) -> str:
        return self.name


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

    def with_state(self) -> "MotionQuerySet":
        """Annotate ``stage``, ``holder_id`` (the body that holds it now) and ``since``.

        The rules, in order: decided by KF → avgjord. A public paragraph of the case proposes a
        decision to KF → förslag till beslut, held by KF. An unanswered referral → held by the
        body of the latest one; if an earlier referral has been answered, its yttrande is given
        and the case is back with that body (yttrande lämnat), else remitterad. Väckt in KF with
        no referral yet → väckt. Otherwise inkommen.
        """
        from decisions.models import Proposal

        case = models.OuterRef("case")
        council_proposals = (
            Proposal.objects.filter(
                paragraph__case=case,
                paragraph__is_secret=False,
                to_body__kind=Body.Kind.COUNCIL,
            )
            .exclude(
                # A paragraph of a meeting not yet held is a draft; it proposes nothing yet.
                paragraph__meeting__status="planerat"
            )
            .order_by("-paragraph__meeting__date", "-pk")
        )
        referrals = Referral.objects.filter(case=case)
        open_referrals = referrals.unanswered().order_by("-sent_on", "-pk")
        answered = (
            referrals.answered()
            .annotate(
                answered_on=Coalesce(
                    "answered_by_paragraph__meeting__date", "answered_by_document__date"
                )
            )
            .order_by("-answered_on", "-pk")
        )
        has_proposal = models.Exists(council_proposals)
        has_open = models.Exists(open_referrals)
        has_answered = models.Exists(answered)
        decided = Q(decided_by__isnull=False)
        stage = models.Case(
            models.When(decided, then=models.Value(Stage.DECIDED)),
            models.When(has_proposal, then=models.Value(Stage.PROPOSED)),
            models.When(has_open & has_answered, then=models.Value(Stage.OPINION_GIVEN)),
            models.When(has_open, then=models.Value(Stage.REFERRED)),
            models.When(raised_at__isnull=False, then=models.Value(Stage.RAISED)),
            default=models.Value(Stage.RECEIVED),
            output_field=models.CharField(),
        )
        holder = models.Case(
            models.When(decided, then=models.Value(None)),
            models.When(
                has_proposal, then=models.Subquery(council_proposals.values("to_body")[:1])
            ),
            models.When(has_open, then=models.Subquery(open_referrals.values("to_body")[:1])),
            models.When(raised_at__isnull=False, then=models.F("raised_at__body")),
            default=models.Value(None),
            output_field=models.BigIntegerField(),
        )
        since = models.Case(
            models.When(decided, then=models.F("decided_by__meeting__date")),
            models.When(
                has_proposal,
                then=models.Subquery(council_proposals.values("paragraph__meeting__date")[:1]),
            ),
            models.When(
                has_open & has_answered,
                then=models.Subquery(answered.values("answered_on")[:1]),
            ),
            models.When(has_open, then=models.Subquery(open_referrals.values("sent_on")[:1])),
            models.When(raised_at__isnull=False, then=models.F("raised_at__date")),
            default=models.F("dated_on"),
            output_field=models.DateField(),
        )
        return self.annotate(stage=stage, holder_id=holder, since=since)


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
            )
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
