"""Forms of the clerk's meeting workspace: the meeting, the agenda, attendance, justerare.

Only what the user types is checked here; the rules live in ``decisions.services.meetings``.
Person fields accept any person (``Person.objects.all()``) but offer only the body's members on
the meeting day, so a person from elsewhere gets the service's message — "X är inte ledamot
eller ersättare i …" — beside the field rather than a bare "invalid choice".
"""

from collections.abc import Callable

from django import forms

from common.forms import NUMBER_MAX, DateField, IdField
from decisions.models import Attendance
from motions.models import Case, Motion
from organisation.forms import PersonChoiceField
from organisation.models import Membership, Person

TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
TIME_FORMATS = ["%H:%M", "%H.%M", "%H:%M:%S"]
EMPTY = ("", "– välj –")
DATE_ERRORS = {"invalid": "Ange datumet som ÅÅÅÅ-MM-DD."}
TIME_ERRORS = {"invalid": "Ange klockslaget som TT:MM."}
PERSON_ERRORS = {"invalid_choice": "Välj en person i listan."}
NUMBER_ERRORS = {
    "invalid": "Ange ett paragrafnummer.",
    "min_value": "Paragrafnumret måste vara minst 1.",
    "max_value": f"Paragrafnumret får vara högst {NUMBER_MAX}.",
}


def person_choices(memberships: list[Membership], *, ledamot: bool | None = None) -> list:
    """(id, 'Namn (Parti)') for the seats given: ledamöter only, ersättare only, or all."""
    choices, seen = [EMPTY], set()
    for m in memberships:
        if ledamot is not None and m.is_voting_member != ledamot:
            continue
        if m.person_id not in seen:
            seen.add(m.person_id)
            choices.append((m.person_id, f"{m.person.full_name} ({m.party.abbreviation})"))
    return choices


def _person_field(label: str, required: bool = False, missing: str = "") -> PersonChoiceField:
    return PersonChoiceField(
        label=label,
        queryset=Person.objects.all(),
        required=required,
        empty_label=EMPTY[1],
        error_messages={**PERSON_ERRORS, "required": missing or f"Välj {label.lower()}."},
    )


def _number_field(label: str) -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        required=False,
        min_value=1,
        max_value=NUMBER_MAX,
        error_messages=NUMBER_ERRORS,
        widget=forms.NumberInput(attrs={"class": "paragraph-no", "inputmode": "numeric"}),
    )


# --- The meeting -----------------------------------------------------------------------------


class MeetingDetailsForm(forms.Form):
    """What may change about a meeting after it is created: everything but its date."""

    starts_at = forms.TimeField(
        label="Klockan",
        required=False,
        widget=TIME,
        input_formats=TIME_FORMATS,
        error_messages=TIME_ERRORS,
    )
    place = forms.CharField(label="Plats", max_length=200, required=False)
    chair = _person_field("Ordförande")
    secretary = forms.CharField(label="Sekreterare", max_length=200, required=False)
    justering_on = DateField(label="Justeringens datum", required=False, error_messages=DATE_ERRORS)
    justering_place = forms.CharField(label="Justeringens plats", max_length=200, required=False)

    def __init__(self, *args, memberships: list[Membership], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["chair"].choices = person_choices(memberships, ledamot=True)


class MeetingCreateForm(MeetingDetailsForm):
    date = DateField(
        label="Datum",
        error_messages={**DATE_ERRORS, "required": "Ange sammanträdets datum."},
    )
    field_order = ["date", "starts_at", "place", "chair", "secretary", "justering_on"]


# --- The agenda ------------------------------------------------------------------------------


class CaseChoiceField(forms.ModelChoiceField):
    # Whether the user may see a case's title (``decisions.access.case_visibility``): a
    # secret case sent to this body on remiss is listed by its Dnr only.
    may_see: Callable[[Case], bool] = staticmethod(lambda case: not case.is_secret)

    def label_from_instance(self, obj: Case) -> str:
        return f"{obj.dnr} {obj.title if self.may_see(obj) else Case.SECRET_TITLE}"


class AddCaseForm(forms.Form):
    """Put a case that is ready for the body on the agenda."""

    case = CaseChoiceField(
        label="Ärende",
        queryset=Case.objects.none(),
        empty_label=EMPTY[1],
        error_messages={
            "required": "Välj ett ärende.",
            "invalid_choice": "Ärendet väntar inte på beslut i organet; välj ett i listan.",
        },
    )
    case_title = forms.CharField(
        label="Rubrik i protokollet",
        max_length=400,
        required=False,
        help_text="Tomt ger ärendets rubrik.",
    )

    def __init__(self, *args, cases, may_see: Callable[[Case], bool], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["case"].queryset = cases
        self.fields["case"].may_see = may_see


class AddItemForm(forms.Form):
    """An övrig punkt without a case, e.g. 'Val av justerare'."""

    title = forms.CharField(
        label="Rubrik", max_length=400, error_messages={"required": "Ange en rubrik för punkten."}
    )


class MotionsField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Motion) -> str:
        return f"{obj.case.dnr} {obj.case.title} (daterad {obj.dated_on:%Y-%m-%d})"


class AnnounceMotionsForm(forms.Form):
    """Anmälan av motioner in kommunfullmäktige: the motions to take up, and whether to remit."""

    motions = MotionsField(
        label="Motioner att anmäla",
        queryset=Motion.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": "Välj minst en motion att anmäla.",
            "invalid_choice": "Motionen finns inte bland dem som väntar på att anmälas.",
            "invalid_pk_value": "Motionen finns inte bland dem som väntar på att anmälas.",
        },
    )
    refer_to_board = forms.BooleanField(
        label="Remittera till kommunstyrelsen för beredning", required=False, initial=True
    )

    def __init__(self, *args, motions, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["motions"].queryset = motions


class RenumberForm(forms.Form):
    first = forms.IntegerField(
        label="Numrera om från §",
        min_value=1,
        max_value=NUMBER_MAX,
        error_messages={**NUMBER_ERRORS, "required": "Ange det första paragrafnumret."},
    )


class ParagraphActionForm(forms.Form):
    """A button on one § of the agenda: move it (``common.views.moves_up``) or take it off."""

    paragraph = IdField()


# --- Attendance ------------------------------------------------------------------------------


class MemberRowForm(forms.Form):
    """One ledamot: present or not, and if only for some §§, which."""

    person = IdField()
    present = forms.BooleanField(label="Närvarande", required=False)
    from_no = _number_field("Från §")
    to_no = _number_field("Till §")

    def __init__(self, *args, ledamot: dict[int, Membership], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        try:
            self.membership = ledamot.get(int(self["person"].value()))
        except (TypeError, ValueError):
            self.membership = None
        if self.membership is not None:
            m = self.membership
            self.name = f"{m.person.full_name} ({m.party.abbreviation})"
            self.fields["present"].label = self.name
            self.fields["from_no"].label = f"{self.name} från §"
            self.fields["to_no"].label = f"{self.name} till §"
        else:
            self.name = "Okänd person"


class ServingRowForm(forms.Form):
    """An ersättare serving instead of a ledamot, optionally only 'från § – till §'."""

    person = _person_field("Ersättare")
    replaces = _person_field("I stället för")
    from_no = _number_field("Från §")
    to_no = _number_field("Till §")

    def __init__(self, *args, memberships: list[Membership], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["person"].choices = person_choices(memberships, ledamot=False)
        self.fields["replaces"].choices = person_choices(memberships, ledamot=True)

    def clean(self) -> dict:
        data = super().clean()
        filled = any(data.get(f) for f in ("person", "replaces", "from_no", "to_no"))
        if filled and not data.get("person") and "person" not in self.errors:
            self.add_error("person", "Välj ersättaren.")
        if filled and not data.get("replaces") and "replaces" not in self.errors:
            self.add_error("replaces", "Välj vilken ledamot ersättaren tjänstgör i stället för.")
        return data


class OtherRowForm(forms.Form):
    name = forms.CharField(label="Namn", max_length=200, required=False)
    title = forms.CharField(label="Funktion", max_length=200, required=False)

    def clean(self) -> dict:
        data = super().clean()
        if data.get("title") and not data.get("name"):
            self.add_error("name", "Ange deltagarens namn.")
        return data


class SubstitutesForm(forms.Form):
    """Ersättare present who do not serve."""

    substitutes = forms.ModelMultipleChoiceField(
        label="Närvarande ersättare (ej tjänstgörande)",
        queryset=Person.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "invalid_choice": "Välj ersättare i listan.",
            "invalid_pk_value": "Välj ersättare i listan.",
        },
    )

    def __init__(self, *args, memberships: list[Membership], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["substitutes"].choices = person_choices(memberships, ledamot=False)[1:]


MemberFormSet = forms.formset_factory(MemberRowForm, extra=0)
ServingFormSet = forms.formset_factory(ServingRowForm, extra=2)
OtherFormSet = forms.formset_factory(OtherRowForm, extra=2)


# --- Justerare -------------------------------------------------------------------------------


class AdjustersForm(forms.Form):
    adjuster_1 = _person_field("Justerare", required=True, missing="Välj minst en justerare.")
    adjuster_2 = _person_field("Andra justerare")

    def __init__(self, *args, choices: list, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for name in ("adjuster_1", "adjuster_2"):
            self.fields[name].choices = choices


def _attendance_initial(attendance: list[Attendance], ledamot: list[Membership]) -> dict:
    members = {row.person_id: row for row in attendance if row.kind == Attendance.Kind.MEMBER}
    return {
        "members": [
            {
                "person": m.person_id,
                "present": m.person_id in members,
                "from_no": getattr(members.get(m.person_id), "from_number", None),
                "to_no": getattr(members.get(m.person_id), "to_number", None),
            }
            for m in ledamot
        ],
        "serving": [
            {
                "person": row.person_id,
                "replaces": row.replaces_id,
                "from_no": row.from_number,
                "to_no": row.to_number,
            }
            for row in attendance
            if row.kind == Attendance.Kind.SERVING_SUBSTITUTE
        ],
        "substitutes": [r.person_id for r in attendance if r.kind == Attendance.Kind.SUBSTITUTE],
        "others": [
            {"name": r.name, "title": r.title}
            for r in attendance
            if r.kind == Attendance.Kind.OTHER
        ],
    }


def _unique_ledamot(memberships: list[Membership]) -> list[Membership]:
    seen, result = set(), []
    for m in memberships:
        if m.is_voting_member and m.person_id not in seen:
            seen.add(m.person_id)
            result.append(m)
    return result


def attendance_forms(
    memberships: list[Membership], attendance: list[Attendance], data=None
) -> dict[str, forms.Form]:
    """The four parts of the attendance form, bound to ``data`` or to the saved rows."""
    ledamot = _unique_ledamot(memberships)
    initial = _attendance_initial(attendance, ledamot)
    return {
        "members": MemberFormSet(
            data,
            prefix="members",
            initial=initial["members"],
            form_kwargs={"ledamot": {m.person_id: m for m in ledamot}},
        ),
        "serving": ServingFormSet(
            data,
            prefix="serving",
            initial=initial["serving"],
            form_kwargs={"memberships": memberships},
        ),
        "substitutes": SubstitutesForm(
            data,
            memberships=memberships,
            initial={"substitutes": initial["substitutes"]},
        ),
        "others": OtherFormSet(data, prefix="others", initial=initial["others"]),
    }
