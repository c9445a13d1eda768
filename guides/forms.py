from django import forms

from portal.choices import HomeType
from portal.forms_utils import LenientMultipleChoiceField


class GuideFilterForm(forms.Form):
    topic = LenientMultipleChoiceField(
        label="Topic", required=False, widget=forms.CheckboxSelectMultiple
    )
    home_type = LenientMultipleChoiceField(
        label="Home type",
        required=False,
        choices=HomeType.choices,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, topic_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topic"].choices = list(topic_choices)
