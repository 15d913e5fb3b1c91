"""Form fields about people, for every app's forms."""

from django import forms

from .models import Person


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Person) -> str:
        return obj.full_name
