"""Forms and formsets for the admin, where a rule spans a parent form and its inline rows.

The admin saves a parent before its inline rows, so a model's ``clean()`` only ever sees the
rows already in the database. Rules that compare the parent with the rows being submitted —
a proposition's finding against the yrkanden put against each other — therefore live here, on
the formset, and ask the same service checks as the paragraph editor.
"""

from django import forms
from django.core.exceptions import ValidationError

from common.errors import ServiceError

from ..models import Paragraph, Vote
from ..models.participation import reservation_problem
from ..services import propositions


class PropositionAlternativeFormSet(forms.BaseInlineFormSet):
    """The yrkanden put against each other must be yrkanden of the proposition's paragraph."""

    def clean(self):
        super().clean()
        paragraph_id = self.instance.paragraph_id
        voted = self.instance.pk and Vote.objects.filter(proposition=self.instance).exists()
        if not paragraph_id or voted:
            # A proposition voted on is shown read-only (PropositionAlternativeInline).
            return
        for form in self.forms:
            if self.can_delete and self._should_delete_form(form):
                continue
            yrkande = form.cleaned_data.get("yrkande") if hasattr(form, "cleaned_data") else None
            if yrkande and yrkande.paragraph_id != paragraph_id:
                form.add_error("yrkande", "Yrkandet måste höra till propositionens paragraf.")
        if self.instance.finding_id and not any(form.errors for form in self.forms):
            # Two or more yrkanden, each once, none withdrawn, the finding among them: the
            # editor's rule (services.propositions.check_proposition), on the rows being submitted.
            try:
                propositions.check_proposition(
                    paragraph=self.instance.paragraph,
                    alternatives=[row[1] for row in sorted(self._kept(), key=lambda row: row[0])],
                    finding=self.instance.finding,
                )
            except ServiceError as exc:
                raise ValidationError(exc.messages) from exc

    def _kept(self) -> list[tuple[int, object]]:
        """(position, yrkande) of the rows that remain after saving."""
        rows = []
        for form in self.forms:
            if self.can_delete and self._should_delete_form(form):
                continue
            yrkande = form.cleaned_data.get("yrkande")
            if yrkande is not None:
                rows.append((form.cleaned_data.get("position") or 0, yrkande))
        return rows


class ReservationForm(forms.ModelForm):
    """Reservation.clean needs a saved paragraph; on a new one, check against attendance."""

    def clean(self):
        cleaned = super().clean()
        # The inline's foreign key field hands over the parent form's (unsaved) paragraph.
        paragraph: Paragraph | None = cleaned.get("paragraph")
        person = cleaned.get("person")
        if paragraph is None or paragraph.pk or not person or not paragraph.meeting_id:
            return cleaned
        if not paragraph.number:
            return cleaned
        if problem := reservation_problem(paragraph, person):
            self.add_error("person", problem)
        return cleaned
