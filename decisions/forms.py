"""Forms and formsets for the admin, where a rule spans a parent form and its inline rows.

The admin saves a parent before its inline rows, so a model's ``clean()`` only ever sees the
rows already in the database. Rules that compare the parent with the rows being submitted —
a vote's stated result against its roll call — therefore live here, on the formset.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.http import HttpRequest

from . import law
from .models import Ballot, Paragraph, Proposition, PropositionAlternative, Vote, Yrkande
from .models.participation import Roll, reservation_problem


def admin_object_id(request: HttpRequest) -> int | None:
    """The primary key in an admin change URL, or None on an add page.

    Inlines get only the request, not the parent, when their form fields are built; this is
    how they learn which paragraph's yrkanden to offer.
    """
    match = getattr(request, "resolver_match", None)
    raw = match.kwargs.get("object_id") if match else None
    try:
        return int(raw) if raw is not None else None
    except ValueError:
        return None


def _answers_of(formset: forms.BaseInlineFormSet) -> tuple[list[str], bool]:
    """Answers of the rows that will remain after saving, and whether every row was valid."""
    answers: list[str] = []
    complete = True
    for form in formset.forms:
        if not form.has_changed() and not form.instance.pk:
            continue  # an untouched extra row is not a ballot
        if formset.can_delete and formset._should_delete_form(form):
            continue
        if not form.is_valid():
            complete = False
            continue
        answer = form.cleaned_data.get("answer")
        if answer:
            answers.append(answer)
    return answers, complete


class VoteAdminForm(forms.ModelForm):
    """The vote itself: yes and no must stand for yrkanden of the proposition being tried."""

    class Meta:
        model = Vote
        fields = ["proposition", "yes_for", "no_for", "yes_count", "no_count", "abstain_count"]

    def clean(self):
        cleaned = super().clean()
        proposition: Proposition | None = cleaned.get("proposition")
        if proposition is not None:
            allowed = {
                row.yrkande_id
                for row in PropositionAlternative.objects.filter(proposition=proposition)
            }
            for name in ("yes_for", "no_for"):
                yrkande: Yrkande | None = cleaned.get(name)
                if yrkande is None:
                    continue
                if yrkande.paragraph_id != proposition.paragraph_id:
                    self.add_error(name, "Yrkandet måste höra till propositionens paragraf.")
                elif allowed and yrkande.pk not in allowed:
                    self.add_error(name, "Yrkandet ställdes inte mot något i propositionen.")
        counts = [cleaned.get(name) for name in ("yes_count", "no_count", "abstain_count")]
        # BallotFormSet needs the result as typed, and sees only the instance; leave it there
        # only when all three numbers are valid, so a typing error is not reported twice.
        self.instance.stated_tally = (
            law.Tally(*counts) if all(c is not None for c in counts) else None
        )
        return cleaned

    def _post_clean(self):
        super()._post_clean()
        # Vote.clean compares the counts with the ballots already saved. Here the ballots are
        # edited in the same submission, so a consistent change of both would be refused
        # against the old list; BallotFormSet checks the rows actually submitted instead.
        if self.instance.pk is None or "yes_count" not in self._errors:
            return
        saved_answers = list(self.instance.ballots.values_list("answer", flat=True))
        stale = law.tally_mismatch(self.instance.tally, saved_answers) if saved_answers else None
        if stale is None:
            return
        remaining = [
            error for error in self._errors["yes_count"].as_data() if stale not in error.messages
        ]
        if remaining:
            self._errors["yes_count"] = self.error_class(remaining)
        else:
            del self._errors["yes_count"]
            self.cleaned_data["yes_count"] = self.instance.yes_count


class BallotFormSet(forms.BaseInlineFormSet):
    """The roll call of a vote: only members serving in the paragraph, adding up to the result."""

    def clean(self):
        super().clean()
        vote: Vote = self.instance
        self._check_voters_served(vote)
        answers, complete = _answers_of(self)
        stated = getattr(vote, "stated_tally", None)
        if not (complete and answers and stated is not None):
            # No roll call recorded, or errors already shown elsewhere: nothing to compare.
            return
        message = law.tally_mismatch(stated, answers)
        if message:
            raise ValidationError(message, code="tally_mismatch")

    def _check_voters_served(self, vote: Vote) -> None:
        if not vote.proposition_id:
            return
        paragraph = vote.proposition.paragraph
        attendance = list(paragraph.meeting.attendance.all())
        if not attendance:
            return  # attendance not yet recorded; nothing to check against
        roll = Roll(paragraph, attendance)
        voting_answers = {Ballot.Answer.YES, Ballot.Answer.NO, Ballot.Answer.ABSTAIN}
        for form in self.forms:
            if self.can_delete and self._should_delete_form(form):
                continue
            person = form.cleaned_data.get("person") if hasattr(form, "cleaned_data") else None
            answer = form.cleaned_data.get("answer") if hasattr(form, "cleaned_data") else None
            if person and answer in voting_answers and not roll.may_vote(person.pk):
                form.add_error(
                    "person",
                    f"{person} tjänstgjorde inte i § {paragraph.number} och kan inte rösta.",
                )


class PropositionAlternativeFormSet(forms.BaseInlineFormSet):
    """The yrkanden put against each other must be yrkanden of the proposition's paragraph."""

    def clean(self):
        super().clean()
        paragraph_id = self.instance.paragraph_id
        if not paragraph_id:
            return
        for form in self.forms:
            if self.can_delete and self._should_delete_form(form):
                continue
            yrkande = form.cleaned_data.get("yrkande") if hasattr(form, "cleaned_data") else None
            if yrkande and yrkande.paragraph_id != paragraph_id:
                form.add_error("yrkande", "Yrkandet måste höra till propositionens paragraf.")


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
