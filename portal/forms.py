from django import forms

from portal.choices import HomeType
from portal.forms_utils import LenientMultipleChoiceField


class SiteSearchForm(forms.Form):
    q = forms.CharField(
        label="Search the portal",
        required=False,
        widget=forms.TextInput(attrs={"type": "search", "maxlength": 200}),
        strip=True,
    )

    def clean_q(self):
        # Long pasted text is cut rather than rejected, so a search never fails.
        return self.cleaned_data["q"][:200]


class GuideFilterForm(forms.Form):
    topic = LenientMultipleChoiceField(label="Topic", required=False)
    home_type = LenientMultipleChoiceField(
        label="Home type", required=False, choices=HomeType.choices
    )

    def __init__(self, *args, topic_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topic"].choices = list(topic_choices)
