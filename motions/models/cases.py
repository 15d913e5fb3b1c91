"""The case file: registries and their Dnr, cases, documents and their authors."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from organisation.models import Administration, Body

from .. import dnr as dnr_rules


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

        return reverse("portal:case", kwargs={"slug": self.slug})

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
