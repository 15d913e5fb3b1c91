"""Forms of the paragraph editor's debate section: yrkanden, propositions, votering,
reservationer and the minority's återremiss.

Only what the user types is checked here; the rules live in ``decisions.services`` (yrkanden,
propositions, votes, reservations, minority).
Person fields accept any person but list only those who may act, so that the service can say
by name why someone else is refused ("X tjänstgör inte i § 59."). Every form takes the
choices it shows as lists (``Choice``), built once per page, so a page with many forms runs a
fixed number of queries; every input gets an id starting with "debatt-".
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass

from django import forms

from decisions.models import Ballot, Paragraph, Yrkande
from organisation.forms import PersonChoiceField
from organisation.models import Body, Person

TEXTAREA = forms.Textarea(attrs={"rows": 2})

OWN = "eget"
NONE = "inget"

BALLOT_FIELD = re.compile(r"^ballot-(\d+)$")


@dataclass(frozen=True)
class Choice:
    """One option of a select or a checkbox: the id and what the clerk reads."""

    pk: int
    label: str


def _show(field: forms.Field, choices: Sequence[Choice], empty: str | None = None) -> None:
    """Render ``choices`` in ``field`` without asking its queryset (set after the queryset)."""
    options = [("", empty)] if empty is not None else []
    field.widget.choices = options + [(str(c.pk), c.label) for c in choices]


def _ids(prefix: str) -> str:
    return f"debatt-{prefix}-%s"


class PeopleField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Person) -> str:
        return obj.full_name


def _yrkande_field(paragraph: Paragraph, **kwargs) -> forms.ModelChoiceField:
    where = f"§ {paragraph.number}"
    return forms.ModelChoiceField(
        queryset=Yrkande.objects.filter(paragraph=paragraph),
        error_messages={
            "required": "Välj ett yrkande.",
            "invalid_choice": f"Yrkandet hör inte till {where}.",
        },
        **kwargs,
    )


class YrkandeForm(forms.Form):
    """A yrkande: its kind, what it is about, its wording, who moves and who supports it."""

    kind = forms.ChoiceField(
        label="Typ av yrkande",
        choices=[("", "– välj –"), *Yrkande.Kind.choices],
        error_messages={
            "required": "Välj typ av yrkande.",
            "invalid_choice": "Välj en av typerna i listan.",
        },
    )
    target = forms.ChoiceField(
        label="Avser",
        required=False,
        choices=[("", "– inget särskilt –"), *Yrkande.Target.choices],
        help_text="Bifall och avslag avser ett organs förslag, motionen, ett annat yrkande "
        "eller en egen formulering.",
        error_messages={"invalid_choice": "Välj vad yrkandet avser i listan."},
    )
    target_body = forms.ModelChoiceField(
        label="Förslag till beslut från",
        required=False,
        queryset=Body.objects.all(),
        error_messages={"invalid_choice": "Välj ett organ i listan."},
    )
    text = forms.CharField(
        label="Lydelse",
        required=False,
        widget=TEXTAREA,
        help_text="Yrkandets egen formulering, t.ex. ”att beslutspunkt 1 ska lyda …”.",
    )
    mover = PersonChoiceField(
        label="Yrkande av",
        queryset=Person.objects.all(),
        error_messages={
            "required": "Ange vem som yrkar.",
            "invalid_choice": "Välj en ledamot i listan.",
        },
    )
    co_movers = PeopleField(
        label="Fler som yrkar",
        required=False,
        queryset=Person.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": "Välj ledamöter i listan."},
    )
    supporters = PeopleField(
        label="Instämmer",
        required=False,
        queryset=Person.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": "Välj ledamöter i listan."},
    )

    def __init__(
        self,
        *args,
        paragraph: Paragraph,
        people: Sequence[Choice],
        bodies: Sequence[Choice],
        yrkanden: Sequence[Choice],
        yrkande: Yrkande | None = None,
        **kwargs,
    ) -> None:
        prefix = f"yrkande-{yrkande.pk}" if yrkande else "yrkande-ny"
        kwargs.setdefault("auto_id", _ids(prefix))
        super().__init__(*args, **kwargs)
        self.yrkande = yrkande
        others = [y for y in yrkanden if yrkande is None or y.pk != yrkande.pk]
        self.fields["target_yrkande"] = _yrkande_field(
            paragraph, label="Avser yrkande", required=False
        )
        # Keep the order of the fields as the clerk reads them.
        self.order_fields(
            ["kind", "target", "target_body", "target_yrkande", "text", "mover", "co_movers"]
        )
        _show(self.fields["target_body"], bodies, "– välj organ –")
        _show(self.fields["target_yrkande"], others, "– välj yrkande –")
        _show(self.fields["mover"], people, "– välj –")
        _show(self.fields["co_movers"], people)
        _show(self.fields["supporters"], people)

    def clean(self) -> dict:
        data = super().clean()
        mover = data.get("mover")
        co_movers = [p for p in data.get("co_movers") or [] if mover is None or p.pk != mover.pk]
        data["movers"] = ([mover] if mover else []) + co_movers
        return data

    def service_kwargs(self) -> dict:
        data = self.cleaned_data
        return {
            "kind": data["kind"],
            "target": data["target"],
            "target_body": data["target_body"],
            "target_yrkande": data["target_yrkande"],
            "text": data["text"],
            "movers": data["movers"],
            "supporters": list(data["supporters"] or []),
        }


def yrkande_initial(yrkande: Yrkande) -> dict:
    """The edit form's values for a yrkande fetched with its memberships."""
    movers = [m.person_id for m in yrkande.memberships.all() if m.role == "yrkar"]
    return {
        "kind": yrkande.kind,
        "target": yrkande.target,
        "target_body": yrkande.target_body_id,
        "target_yrkande": yrkande.target_yrkande_id,
        "text": yrkande.text,
        "mover": movers[0] if movers else None,
        "co_movers": movers[1:],
        "supporters": [m.person_id for m in yrkande.memberships.all() if m.role == "instammer"],
    }


class PropositionForm(forms.Form):
    """A step of the beslutsordning: the chair puts yrkanden against each other and finds."""

    def __init__(self, *args, paragraph: Paragraph, yrkanden: Sequence[Choice], **kwargs) -> None:
        kwargs.setdefault("auto_id", _ids("proposition"))
        super().__init__(*args, **kwargs)
        where = f"§ {paragraph.number}"
        self.fields["first"] = _yrkande_field(paragraph, label="Ordförande ställer proposition på")
        self.fields["against"] = forms.ModelMultipleChoiceField(
            label="mot",
            queryset=Yrkande.objects.filter(paragraph=paragraph),
            widget=forms.CheckboxSelectMultiple,
            error_messages={
                "required": "Välj vilket yrkande som ställs mot det första.",
                "invalid_choice": f"Yrkandet hör inte till {where}.",
                "invalid_pk_value": "Välj yrkanden i listan.",
            },
        )
        self.fields["finding"] = _yrkande_field(paragraph, label="och finner bifall till")
        self.fields["finding"].error_messages["required"] = (
            "Ange vilket yrkande ordföranden finner bifall till."
        )
        _show(self.fields["first"], yrkanden, "– välj yrkande –")
        _show(self.fields["against"], yrkanden)
        _show(self.fields["finding"], yrkanden, "– välj yrkande –")

    def alternatives(self) -> list[Yrkande]:
        first = self.cleaned_data["first"]
        return [first] + [y for y in self.cleaned_data["against"] if y.pk != first.pk]


class VoteForm(forms.Form):
    """Votering begärs: what ja and nej stand for, and every serving member's answer."""

    def __init__(
        self,
        *args,
        paragraph: Paragraph,
        proposition_id: int,
        alternatives: Sequence[Choice],
        people: Sequence[Choice],
        **kwargs,
    ) -> None:
        kwargs.setdefault("auto_id", _ids(f"votering-{proposition_id}"))
        super().__init__(*args, **kwargs)
        self.fields["yes_for"] = _yrkande_field(paragraph, label="Ja-röst för")
        self.fields["no_for"] = _yrkande_field(paragraph, label="Nej-röst för")
        _show(self.fields["yes_for"], alternatives, "– välj yrkande –")
        _show(self.fields["no_for"], alternatives, "– välj yrkande –")
        self.people = list(people)
        for person in self.people:
            self.fields[f"ballot-{person.pk}"] = forms.ChoiceField(
                label=person.label,
                choices=Ballot.Answer.choices,
                widget=forms.RadioSelect,
                error_messages={
                    "required": f"Ange hur {person.label} röstade.",
                    "invalid_choice": f"Ange hur {person.label} röstade: ja, nej, avstår "
                    "eller frånvarande.",
                },
            )

    def ballot_fields(self) -> list:
        return [self[f"ballot-{p.pk}"] for p in self.people]

    def answers(self) -> dict[int, str]:
        """Every answer posted, the roll call's and any other ``ballot-<id>``: the service
        refuses a ballot by someone who does not serve, by name."""
        answers = {p.pk: self.cleaned_data[f"ballot-{p.pk}"] for p in self.people}
        for key in self.data:
            match = BALLOT_FIELD.match(key)
            if match and int(match.group(1)) not in answers:
                answers[int(match.group(1))] = self.data.get(key, "")
        return answers


class ReservationForm(forms.Form):
    person = PersonChoiceField(
        label="Vem reserverar sig",
        queryset=Person.objects.all(),
        error_messages={
            "required": "Välj vem som reserverar sig.",
            "invalid_choice": "Välj en ledamot i listan.",
        },
    )
    in_favour_of = forms.ChoiceField(
        label="Till förmån för",
        required=False,
        help_text="”Eget yrkande” är det yrkande personen själv yrkade eller instämde i.",
    )
    motivation = forms.CharField(
        label="Skriftlig motivering",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Kan lämnas senare, före justeringen.",
    )

    def __init__(
        self,
        *args,
        paragraph: Paragraph,
        people: Sequence[Choice],
        yrkanden: Sequence[Choice],
        **kwargs,
    ) -> None:
        kwargs.setdefault("auto_id", _ids("reservation"))
        super().__init__(*args, **kwargs)
        self.paragraph = paragraph
        _show(self.fields["person"], people, "– välj –")
        self.fields["in_favour_of"].choices = [
            (OWN, "Eget yrkande"),
            (NONE, "Inget yrkande (reserverar sig mot beslutet)"),
            *[(str(y.pk), y.label) for y in yrkanden],
        ]
        self.fields["in_favour_of"].error_messages["invalid_choice"] = (
            f"Yrkandet hör inte till § {paragraph.number}."
        )
        if not self.is_bound:
            self.initial.setdefault("in_favour_of", OWN)

    def clean_in_favour_of(self) -> str | Yrkande | None:
        value = self.cleaned_data["in_favour_of"] or OWN
        if value == OWN:
            return OWN
        if value == NONE:
            return None
        yrkande = Yrkande.objects.filter(paragraph=self.paragraph, pk=value).first()
        if yrkande is None:
            raise forms.ValidationError(f"Yrkandet hör inte till § {self.paragraph.number}.")
        return yrkande


class MinorityForm(forms.Form):
    """KL 5 kap. 50 §: how many ledamöter ask for återremiss or bordläggning."""

    asking = forms.IntegerField(
        label="Antal ledamöter som begär",
        min_value=1,
        max_value=999,
        error_messages={
            "required": "Ange hur många ledamöter som begär det.",
            "invalid": "Ange antalet som ett heltal.",
            "min_value": "Minst en ledamot måste begära det.",
            "max_value": "Ange ett rimligt antal ledamöter.",
        },
    )

    def __init__(self, *args, yrkande_id: int, **kwargs) -> None:
        kwargs.setdefault("auto_id", _ids(f"minoritet-{yrkande_id}"))
        super().__init__(*args, **kwargs)
