"""Forms for the clerk's case pages: registering cases and motions, sending and answering remisser.

Only what the user types is checked here; the rules live in ``motions.services``, whose
``ServiceError`` the views put back on these forms beside the field it concerns.
"""

from django import forms
from django.utils import timezone

from common.forms import DateField
from decisions.models import Meeting, Paragraph
from motions.models import Case, Document, Referral, Registry
from organisation.forms import PersonChoiceField
from organisation.models import Body, Party
from organisation.selectors import council_people

DATE_ERRORS = {"invalid": "Ange datumet som ÅÅÅÅ-MM-DD."}


def date_field(label: str, required_message: str | None = None, **kwargs) -> DateField:
    errors = dict(DATE_ERRORS)
    if required_message:
        errors["required"] = required_message
    return DateField(
        label=label,
        required=required_message is not None,
        error_messages=errors,
        **kwargs,
    )


class RegistryChoiceField(forms.ModelChoiceField):
    """A registry among those offered; one that does not exist is refused in Swedish."""

    def __init__(self, **kwargs) -> None:
        super().__init__(
            label="Diarium",
            queryset=Registry.objects.none(),
            empty_label=None,
            error_messages={
                "required": "Välj diariet som ärendet registreras i.",
                "invalid_choice": "Diariet finns inte. Välj ett av diarierna i listan.",
            },
            **kwargs,
        )

    def label_from_instance(self, obj: Registry) -> str:
        return f"{obj.code} – {obj.name}"


class BodyChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Body) -> str:
        return obj.name


class RegisterCaseForm(forms.Form):
    registry = RegistryChoiceField()
    title = forms.CharField(
        label="Rubrik",
        max_length=400,
        error_messages={
            "required": "Ange ärendets rubrik.",
            "max_length": "Rubriken får vara högst 400 tecken.",
        },
    )
    kind = forms.ChoiceField(
        label="Ärendetyp",
        choices=Case.Kind.choices,
        initial=Case.Kind.OTHER,
        error_messages={"invalid_choice": "Välj en av ärendetyperna."},
    )
    registered_on = date_field("Registrerat", "Ange registreringsdatum.")
    responsible_body = BodyChoiceField(
        label="Ansvarigt organ",
        queryset=Body.objects.by_rank(),
        required=False,
        empty_label="– inget angivet –",
        error_messages={"invalid_choice": "Organet finns inte. Välj ett av organen i listan."},
    )
    is_secret = forms.BooleanField(
        label="Omfattas av sekretess",
        required=False,
        help_text="Rubriken visas aldrig för allmänheten.",
    )

    def __init__(self, *args, registries, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["registry"].queryset = registries
        if not self.is_bound:
            self.initial.setdefault("registered_on", timezone.localdate())


class MeetingChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Meeting) -> str:
        return f"{obj.body.name} {obj.date:%Y-%m-%d}"


class MotionForm(forms.Form):
    registry = RegistryChoiceField()
    title = forms.CharField(
        label="Rubrik",
        max_length=400,
        help_text="Till exempel ”Motion om att utöka den områdesbaserade socialtjänsten”.",
        error_messages={
            "required": "Ange motionens rubrik.",
            "max_length": "Rubriken får vara högst 400 tecken.",
        },
    )
    dated_on = date_field("Motionen är daterad", "Ange vilket datum motionen är daterad.")
    registered_on = date_field("Registrerad", "Ange registreringsdatum.")
    raised_at = MeetingChoiceField(
        label="Redan väckt vid sammanträde",
        queryset=Meeting.objects.none(),
        required=False,
        empty_label="– ännu inte väckt –",
        help_text=(
            "Lämna tomt för en motion som just kommit in: den väcks när fullmäktige tar upp "
            "den under ”Anmälan av motioner”. Ange sammanträdet bara för en motion som "
            "redan väckts."
        ),
        error_messages={
            "invalid_choice": (
                "Sammanträdet finns inte. Välj ett av kommunfullmäktiges sammanträden."
            )
        },
    )
    refer_to_board = forms.BooleanField(
        label="Remittera till kommunstyrelsen för beredning",
        required=False,
        initial=False,
        help_text="Bara för en motion som redan väckts: remissen räknas från sammanträdet.",
    )

    def __init__(self, *args, registries, meetings, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["registry"].queryset = registries
        self.fields["raised_at"].queryset = meetings
        if not self.is_bound:
            self.initial.setdefault("registered_on", timezone.localdate())


class SignerForm(forms.Form):
    """One motionär. The party may be left out: it is then the person's party in KF."""

    person = PersonChoiceField(
        label="Motionär",
        queryset=council_people(),
        help_text="Ledamöter och ersättare i kommunfullmäktige.",
        empty_label="– välj –",
        error_messages={
            "required": "Välj motionären.",
            "invalid_choice": "Personen finns inte. Välj en av personerna i listan.",
        },
    )
    party = forms.ModelChoiceField(
        label="Parti",
        queryset=Party.objects.order_by("abbreviation"),
        required=False,
        empty_label="– partiet i fullmäktige –",
        error_messages={"invalid_choice": "Partiet finns inte. Välj ett av partierna i listan."},
    )


class AttSatsForm(forms.Form):
    text = forms.CharField(
        label="Att-sats",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Utan ”att” i början, till exempel ”Kommunen utökar …”.",
    )


SignerFormSet = forms.formset_factory(SignerForm, extra=3)
AttSatsFormSet = forms.formset_factory(AttSatsForm, extra=3)


class ReferralForm(forms.Form):
    from_body = BodyChoiceField(
        label="Från organ",
        queryset=Body.objects.none(),
        empty_label=None,
        error_messages={
            "required": "Välj organet som skickar remissen.",
            "invalid_choice": "Organet finns inte. Välj ett av organen i listan.",
        },
    )
    to_body = BodyChoiceField(
        label="Till organ",
        queryset=Body.objects.by_rank(),
        empty_label="– välj –",
        error_messages={
            "required": "Välj organet som remissen går till.",
            "invalid_choice": "Organet finns inte. Välj ett av organen i listan.",
        },
    )
    purpose = forms.ChoiceField(
        label="Syfte",
        choices=Referral.Purpose.choices,
        initial=Referral.Purpose.OPINION,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Välj om remissen gäller beredning eller yttrande.",
            "invalid_choice": "Välj om remissen gäller beredning eller yttrande.",
        },
    )
    sent_on = date_field("Skickad", "Ange när remissen skickas.")
    due_on = date_field("Svar senast", help_text="Lämna tomt om inget svarsdatum är satt.")

    def __init__(self, *args, from_bodies, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["from_body"].queryset = from_bodies
        if not self.is_bound:
            self.initial.setdefault("sent_on", timezone.localdate())


class ParagraphChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Paragraph) -> str:
        return f"{obj.body.code} {obj.meeting.date:%Y-%m-%d} § {obj.number} {obj.title}"


class DocumentChoiceField(forms.ModelChoiceField):
    # False for a secret case the user may not see: its documents by date and kind only.
    show_titles = True

    def label_from_instance(self, obj: Document) -> str:
        label = f"{obj.date:%Y-%m-%d} {obj.get_kind_display()}"
        return f"{label} – {obj.title}" if self.show_titles else label


class AnswerForm(forms.Form):
    """The paragraph or the document that answers a referral: one of them, not both."""

    paragraph = ParagraphChoiceField(
        label="Besvarad genom paragraf",
        queryset=Paragraph.objects.none(),
        required=False,
        empty_label="– ingen paragraf –",
        error_messages={
            "invalid_choice": "Välj en av det mottagande organets paragrafer i ärendet."
        },
    )
    document = DocumentChoiceField(
        label="eller genom handling",
        queryset=Document.objects.none(),
        required=False,
        empty_label="– ingen handling –",
        error_messages={"invalid_choice": "Välj en av ärendets handlingar."},
    )

    def __init__(self, *args, paragraphs, documents, document_titles=True, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["paragraph"].queryset = paragraphs
        self.fields["document"].queryset = documents
        self.fields["document"].show_titles = document_titles
