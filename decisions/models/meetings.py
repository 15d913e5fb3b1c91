"""A meeting (sammanträde) of a body and who attended it: ledamöter, tjänstgörande ersättare for
their § ranges, ersättare and other participants, and the justerare chosen at the meeting."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from organisation.models import Body, Membership, Person

from .. import law


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
