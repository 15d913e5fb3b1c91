"""Forms for the clerk's actions on a protocol: justering, anslag and its rättelse, rättelse,
expediering.

Only what the user types is checked here; the rules live in ``decisions.services``, whose
``ServiceError`` the views put back on these forms beside the field it concerns.
"""

import datetime

from django import forms
from django.utils import timezone

from common.forms import DATE, DateField, DateTimeField
from decisions.models import Meeting, Recipient
from organisation.forms import PersonChoiceField
from organisation.models import Person


class JusteraForm(forms.Form):
    """The ordförande or a justerare approves the protocol."""

    person = PersonChoiceField(
        label="Vem justerar",
        queryset=Person.objects.none(),
        empty_label="– välj –",
        error_messages={
            "required": "Välj vem som justerar.",
            "invalid_choice": "Välj ordföranden eller en av justerarna.",
        },
    )
    at = DateTimeField(
        label="Datum och tid",
        error_messages={
            "required": "Ange när protokollet justerades.",
            "invalid": "Ange datum och tid som ÅÅÅÅ-MM-DD TT:MM.",
        },
    )

    def __init__(self, *args, meeting: Meeting, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        ids = list(meeting.adjusters.values_list("pk", flat=True))
        if meeting.chair_id:
            ids.append(meeting.chair_id)
        self.fields["person"].queryset = Person.objects.filter(pk__in=ids).order_by(
            "last_name", "first_name"
        )
        if not self.is_bound:
            self.initial.setdefault("at", timezone.localtime().replace(second=0, microsecond=0))


class JusteraAllForm(forms.Form):
    """The nämndsekreterare records the signatures collected: every ordförande and justerare who
    has not yet approved, each with a tick and the time they signed."""

    def __init__(self, *args, missing: list[Person], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.people = missing
        now = timezone.localtime().replace(second=0, microsecond=0)
        for person in missing:
            self.fields[f"approved-{person.pk}"] = forms.BooleanField(
                label=f"{person.full_name} har justerat", required=False
            )
            self.fields[f"at-{person.pk}"] = DateTimeField(
                label=f"När {person.full_name} justerade",
                required=False,
                initial=now,
                error_messages={"invalid": "Ange datum och tid som ÅÅÅÅ-MM-DD TT:MM."},
            )

    def rows(self) -> list[tuple[Person, forms.BoundField, forms.BoundField]]:
        return [(p, self[f"approved-{p.pk}"], self[f"at-{p.pk}"]) for p in self.people]

    def clean(self) -> dict:
        cleaned = super().clean()
        ticked = [p for p in self.people if cleaned.get(f"approved-{p.pk}")]
        if not ticked and not self.errors:
            raise forms.ValidationError("Markera minst en som har justerat.")
        for person in ticked:
            if not cleaned.get(f"at-{person.pk}") and f"at-{person.pk}" not in self.errors:
                self.add_error(f"at-{person.pk}", "Ange när protokollet justerades.")
        return cleaned

    def approvals(self) -> list[tuple[Person, datetime.datetime]]:
        """(person, when) for each ticked signatory, in the order they signed."""
        ticked = [
            (p, self.cleaned_data[f"at-{p.pk}"])
            for p in self.people
            if self.cleaned_data.get(f"approved-{p.pk}")
        ]
        return sorted(ticked, key=lambda row: row[1])


class NoticeForm(forms.Form):
    posted_on = forms.DateField(
        label="Anslaget sätts upp",
        widget=DATE,
        error_messages={
            "required": "Ange när anslaget sätts upp.",
            "invalid": "Ange datumet som ÅÅÅÅ-MM-DD.",
        },
    )
    kept_at = forms.CharField(
        label="Förvaringsplats för protokollet",
        max_length=200,
        error_messages={"required": "Ange var protokollet förvaras."},
    )


class NoticeCorrectionForm(forms.Form):
    """A rättelse of the anslag: the corrected notice goes up today, so there is no date to type."""

    kept_at = forms.CharField(
        label="Förvaringsplats för protokollet",
        max_length=200,
        error_messages={"required": "Ange var protokollet förvaras."},
    )
    reason = forms.CharField(
        label="Skäl",
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Vad som var fel i anslaget.",
        error_messages={"required": "Ange skälet till rättelsen."},
    )


class CorrectionForm(forms.Form):
    made_on = DateField(
        label="Datum",
        error_messages={
            "required": "Ange rättelsens datum.",
            "invalid": "Ange datumet som ÅÅÅÅ-MM-DD.",
        },
    )
    text = forms.CharField(
        label="Rättelse",
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Vad som rättas och hur det ska läsas.",
        error_messages={"required": "Ange vad som rättas."},
    )
    reason = forms.CharField(
        label="Skäl",
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": "Ange skälet till rättelsen."},
    )


class SentForm(forms.Form):
    """One recipient of 'Beslutet skickas till': when the decision was sent."""

    sent_on = DateField(
        label="Expedierat",
        required=False,
        error_messages={"invalid": "Ange datumet som ÅÅÅÅ-MM-DD."},
    )

    def __init__(self, *args, recipient: Recipient, **kwargs) -> None:
        kwargs.setdefault("prefix", f"r{recipient.pk}")
        super().__init__(*args, **kwargs)
        self.recipient = recipient
        self.fields["sent_on"].label = f"Expedierat till {recipient.name}"
        if not self.is_bound and recipient.sent_on:
            self.initial["sent_on"] = recipient.sent_on
