"""Forms of the paragraph editor's content section (built in ``content_section``).

Only what the user types is checked here; the rules — that a document belongs to the case, a
jävig member serves in the paragraph, the paragraph is ojusterad — live in
``decisions.services`` (content, proposals, basis_and_recipients, jav_and_notes), whose
``ServiceError`` the views put back on these forms beside the field it concerns. Choice fields
offer what fits, but the services check again: a form can be forged.
"""

from django import forms

from decisions.models import Paragraph
from motions.models import Document, Motion
from organisation.forms import PersonChoiceField
from organisation.models import Body, Person

TEXTAREA = forms.Textarea(attrs={"rows": 2})


class PointForm(forms.Form):
    """One point's text: a decision point, a proposal's point, or a new one of either."""

    text = forms.CharField(
        label="Text",
        widget=TEXTAREA,
        error_messages={"required": "Skriv punktens text."},
    )

    def __init__(self, *args, label: str = "Text", **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["text"].label = label


class ArendeForm(forms.Form):
    title = forms.CharField(
        label="Rubrik",
        max_length=400,
        error_messages={
            "required": "Ange paragrafens rubrik.",
            "max_length": "Rubriken får vara högst 400 tecken.",
        },
    )
    arende_text = forms.CharField(
        label="Ärende",
        required=False,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text="Stycken skiljs med en tom rad; rader som börjar med ”- ” blir en punktlista.",
    )


class ParagraphChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Paragraph) -> str:
        return f"{obj.body.name} {obj.meeting.date:%Y-%m-%d} § {obj.number} {obj.title}"


class QuotesForm(forms.Form):
    quotes = ParagraphChoiceField(
        label="Citerar tidigare beslut",
        queryset=Paragraph.objects.none(),
        required=False,
        empty_label="Citerar inget tidigare beslut",
        error_messages={"invalid_choice": "Välj ett beslut av ett annat organ i samma ärende."},
    )

    def __init__(self, *args, queryset, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["quotes"].queryset = queryset


class BodyChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Body) -> str:
        return obj.name


class ProposalForm(forms.Form):
    to_body = BodyChoiceField(
        label="Förslag till beslut i",
        queryset=Body.objects.none(),
        empty_label="– välj organ –",
        error_messages={
            "required": "Välj organet som förslaget gäller.",
            "invalid_choice": "Välj ett organ som ärendet går vidare till.",
        },
    )

    def __init__(self, *args, queryset, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["to_body"].queryset = queryset


class DocumentChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Document) -> str:
        return str(obj)


class BasisForm(forms.Form):
    document = DocumentChoiceField(
        label="Handling",
        queryset=Document.objects.none(),
        empty_label="– välj handling –",
        error_messages={
            "required": "Välj en handling i ärendet.",
            "invalid_choice": "Välj en handling i ärendet.",
        },
    )
    label = forms.CharField(
        label="Anförs som",
        max_length=400,
        required=False,
        help_text="Tomt ger den vanliga beteckningen, t.ex. ”Motionen”.",
    )

    def __init__(self, *args, queryset, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["document"].queryset = queryset


class BasisLabelForm(forms.Form):
    label = forms.CharField(label="Anförs som", max_length=400, required=False)

    def __init__(self, *args, label: str = "Anförs som", **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["label"].label = label


class RecipientForm(forms.Form):
    body = BodyChoiceField(
        label="Organ",
        queryset=Body.objects.none(),
        required=False,
        empty_label="– inget organ –",
        error_messages={"invalid_choice": "Välj ett organ i listan."},
    )
    name = forms.CharField(
        label="Mottagare",
        max_length=200,
        required=False,
        help_text="Fritext, t.ex. ”Motionärerna”; tomt ger organets namn.",
    )

    def __init__(self, *args, queryset, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["body"].queryset = queryset


class JavForm(forms.Form):
    """Jäv: the list shows who serves in the paragraph; the service decides who may be jävig."""

    person = PersonChoiceField(
        label="Ledamot",
        queryset=Person.objects.all(),
        empty_label="– välj ledamot –",
        error_messages={
            "required": "Välj ledamoten.",
            "invalid_choice": "Välj en ledamot i listan.",
        },
    )
    reason = forms.CharField(label="Anledning", max_length=400, required=False)

    def __init__(self, *args, choices: list[tuple[int, str]], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # Validation accepts any person so that the service can say why one is refused.
        self.fields["person"].widget.choices = [("", "– välj ledamot –"), *choices]


class NoteForm(forms.Form):
    persons = forms.ModelMultipleChoiceField(
        label="Vem gör anteckningen",
        queryset=Person.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": "Välj vem eller vilka anteckningen gäller.",
            "invalid_choice": "Välj bland de närvarande.",
            "invalid_pk_value": "Välj bland de närvarande.",
        },
    )
    text = forms.CharField(
        label="Anteckning",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Skriv anteckningens text."},
    )

    def __init__(self, *args, choices: list[tuple[int, str]], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["persons"].widget.choices = choices


NOT_DECIDED = "Ej avgjord"


class MotionOutcomeForm(forms.Form):
    outcome = forms.ChoiceField(
        label="Motionens utfall",
        choices=[("", NOT_DECIDED), *Motion.Outcome.choices],
        required=False,
        error_messages={"invalid_choice": "Välj ett av utfallen."},
    )
