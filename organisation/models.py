"""Bodies, parties, people and their memberships.

Its own app because both the case file (``motions``) and the protocols (``decisions``) refer
to the same bodies and people, and neither owns them.
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from common.text import genitive, in_sentence


class Administration(models.Model):
    """A förvaltning (or similar unit, e.g. Leanlink) that serves bodies and writes reports."""

    name = models.CharField("namn", max_length=200, unique=True)

    class Meta:
        verbose_name = "förvaltning"
        verbose_name_plural = "förvaltningar"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class BodyQuerySet(models.QuerySet):
    def by_rank(self) -> "BodyQuerySet":
        """Kommunfullmäktige first, then kommunstyrelsen, nämnder and utskott; by name within."""
        rank = models.Case(
            *(models.When(kind=kind, then=i) for i, kind in enumerate(Body.Kind.values)),
            output_field=models.IntegerField(),
        )
        return self.alias(rank=rank).order_by("rank", "name")


class Body(models.Model):
    """A decision-making body: kommunfullmäktige, kommunstyrelsen, a nämnd or an utskott."""

    class Kind(models.TextChoices):
        COUNCIL = "fullmaktige", "Kommunfullmäktige"
        EXECUTIVE_BOARD = "styrelse", "Kommunstyrelse"
        COMMITTEE = "namnd", "Nämnd"
        SUBCOMMITTEE = "utskott", "Utskott"

    code = models.CharField(
        "kortnamn", max_length=20, unique=True, help_text="Till exempel KF, KS eller SON."
    )
    slug = models.SlugField("kortnamn i webbadress", max_length=20, unique=True)
    name = models.CharField("namn", max_length=200, help_text="Till exempel Kommunstyrelsen.")
    kind = models.CharField("typ", max_length=20, choices=Kind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name="överordnat organ",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="subbodies",
    )
    administration = models.ForeignKey(
        Administration,
        verbose_name="förvaltning",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="bodies",
    )
    protocols_kept_at = models.CharField(
        "protokollens förvaringsplats",
        max_length=200,
        blank=True,
        help_text="Till exempel ”Kommunledningskontoret, Stadshuset”; föreslås på anslaget.",
    )
    size = models.PositiveSmallIntegerField(
        "antal ledamöter",
        null=True,
        blank=True,
        help_text="Antalet ledamöter enligt reglementet; underlag för beslutförhet.",
    )

    objects = BodyQuerySet.as_manager()

    class Meta:
        verbose_name = "organ"
        verbose_name_plural = "organ"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def genitive(self) -> str:
        """'Kommunstyrelsens', 'Social- och omsorgsnämndens' — as in 'Kommunstyrelsens beslut'."""
        return genitive(self.name)

    @property
    def name_in_sentence(self) -> str:
        """'kommunstyrelsen' — the name inside running text, where Swedish writes it lowercase."""
        return in_sentence(self.name)

    @property
    def genitive_in_sentence(self) -> str:
        return in_sentence(self.genitive)

    def clean(self) -> None:
        if self.parent_id and self.parent_id == self.pk:
            raise ValidationError({"parent": "Ett organ kan inte vara överordnat sig självt."})
        if self.kind == self.Kind.SUBCOMMITTEE and not self.parent_id:
            raise ValidationError({"parent": "Ett utskott måste ha ett överordnat organ."})


class Party(models.Model):
    abbreviation = models.CharField("förkortning", max_length=10, unique=True)
    name = models.CharField("namn", max_length=100, unique=True)

    class Meta:
        verbose_name = "parti"
        verbose_name_plural = "partier"
        ordering = ["abbreviation"]

    def __str__(self) -> str:
        return self.abbreviation


class Person(models.Model):
    """A förtroendevald. Other spellings of the name are kept as ``PersonAlias``."""

    first_name = models.CharField("förnamn", max_length=100)
    last_name = models.CharField("efternamn", max_length=100)

    class Meta:
        verbose_name = "person"
        verbose_name_plural = "personer"
        ordering = ["last_name", "first_name"]

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"

    @property
    def genitive(self) -> str:
        """'Annika Krutzéns' — as in 'Annika Krutzéns (M) yrkande'."""
        return genitive(self.full_name)


class PersonAlias(models.Model):
    """Another name the same person appears under ('Lotta Bäckman' for Ann-Charlott Bäckman)."""

    person = models.ForeignKey(
        Person, verbose_name="person", on_delete=models.CASCADE, related_name="aliases"
    )
    name = models.CharField("namnform", max_length=200)

    class Meta:
        verbose_name = "namnform"
        verbose_name_plural = "andra namnformer"
        constraints = [
            models.UniqueConstraint(fields=["person", "name"], name="alias_unique_per_person")
        ]

    def __str__(self) -> str:
        return self.name


class MembershipQuerySet(models.QuerySet):
    def on(self, day: datetime.date) -> "MembershipQuerySet":
        """Memberships in force on ``day`` (both ends inclusive; an open end runs on)."""
        return self.filter(Q(ends_on__isnull=True) | Q(ends_on__gte=day), starts_on__lte=day)


class Membership(models.Model):
    """A person's seat in a body for a period, with role and party."""

    class Role(models.TextChoices):
        CHAIR = "ordforande", "Ordförande"
        VICE_CHAIR = "vice_ordforande", "Vice ordförande"
        MEMBER = "ledamot", "Ledamot"
        SUBSTITUTE = "ersattare", "Ersättare"

    person = models.ForeignKey(
        Person, verbose_name="person", on_delete=models.PROTECT, related_name="memberships"
    )
    body = models.ForeignKey(
        Body, verbose_name="organ", on_delete=models.PROTECT, related_name="memberships"
    )
    role = models.CharField("roll", max_length=20, choices=Role.choices)
    party = models.ForeignKey(
        Party, verbose_name="parti", on_delete=models.PROTECT, related_name="memberships"
    )
    starts_on = models.DateField("från")
    ends_on = models.DateField("till", null=True, blank=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = "uppdrag"
        verbose_name_plural = "uppdrag"
        ordering = ["body", "role", "person"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=models.F("starts_on")),
                name="membership_ends_after_start",
                violation_error_message="Uppdraget kan inte sluta innan det börjar.",
            ),
            models.UniqueConstraint(
                fields=["person", "body", "starts_on"], name="membership_unique_start"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} ({self.party}), {self.get_role_display().lower()} i {self.body}"

    @property
    def is_voting_member(self) -> bool:
        """Ordförande and vice ordförande are ledamöter too; ersättare serve only when called."""
        return self.role != self.Role.SUBSTITUTE

    def clean(self) -> None:
        if self.ends_on and self.starts_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": "Uppdraget kan inte sluta innan det börjar."})


# --- Accounts and clerk roles (docs/decisions/0011-roles.md) ---------------------------------


class Account(models.Model):
    """A login's link to the förtroendevald it belongs to.

    A politician's account reads the material of their own bodies before it is public and, as
    ordförande or justerare, approves their meeting's protocol. Clerks need no person: their
    roles are ``ClerkAssignment`` rows.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name="användare",
        on_delete=models.CASCADE,
        related_name="account",
    )
    person = models.OneToOneField(
        Person,
        verbose_name="förtroendevald",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="account",
    )

    class Meta:
        verbose_name = "konto"
        verbose_name_plural = "konton"
        ordering = ["user__username"]

    def __str__(self) -> str:
        return f"{self.user} ({self.person})" if self.person_id else str(self.user)


class ClerkAssignmentQuerySet(models.QuerySet):
    def on(self, day: datetime.date) -> "ClerkAssignmentQuerySet":
        """Assignments in force on ``day`` (both ends inclusive; an open end runs on)."""
        return self.filter(Q(ends_on__isnull=True) | Q(ends_on__gte=day), starts_on__lte=day)


class ClerkAssignment(models.Model):
    """An official's role for a period: registrator of a registry, nämndsekreterare of a body."""

    class Role(models.TextChoices):
        REGISTRATOR = "registrator", "Registrator"
        SECRETARY = "namndsekreterare", "Nämndsekreterare"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="användare",
        on_delete=models.CASCADE,
        related_name="clerk_assignments",
    )
    role = models.CharField("roll", max_length=20, choices=Role.choices)
    body = models.ForeignKey(
        Body,
        verbose_name="organ",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="clerk_assignments",
        help_text="För nämndsekreterare: organet vars sammanträden och paragrafer hen skriver.",
    )
    registry = models.ForeignKey(
        "motions.Registry",
        verbose_name="diarium",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="clerk_assignments",
        help_text="För registratorer: diariet hen registrerar ärenden i.",
    )
    starts_on = models.DateField("från")
    ends_on = models.DateField("till", null=True, blank=True)

    objects = ClerkAssignmentQuerySet.as_manager()

    class Meta:
        verbose_name = "tjänsteroll"
        verbose_name_plural = "tjänsteroller"
        ordering = ["user__username", "role", "starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(role="namndsekreterare", body__isnull=False, registry__isnull=True)
                    | Q(role="registrator", registry__isnull=False, body__isnull=True)
                ),
                name="clerk_assignment_target_matches_role",
                violation_error_message=(
                    "En nämndsekreterare ska ha ett organ och en registrator ett diarium, "
                    "inte båda."
                ),
            ),
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=models.F("starts_on")),
                name="clerk_assignment_ends_after_start",
                violation_error_message="Rollen kan inte sluta innan den börjar.",
            ),
        ]

    def __str__(self) -> str:
        target = self.body if self.role == self.Role.SECRETARY else self.registry
        return f"{self.user}, {self.get_role_display().lower()} för {target}"

    def clean(self) -> None:
        if self.role == self.Role.SECRETARY:
            if not self.body_id:
                raise ValidationError({"body": "Ange organet som nämndsekreteraren skriver för."})
            if self.registry_id:
                raise ValidationError({"registry": "En nämndsekreterare har inget diarium."})
        if self.role == self.Role.REGISTRATOR:
            if not self.registry_id:
                raise ValidationError({"registry": "Ange diariet som registratorn för."})
            if self.body_id:
                raise ValidationError({"body": "En registrator har inget organ."})
        if self.ends_on and self.starts_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": "Rollen kan inte sluta innan den börjar."})
