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

    kind = forms.CharField(required=False)

    def clean_q(self):
        # Long pasted text is cut rather than rejected, so a search never fails.
        return " ".join(self.cleaned_data["q"].split())[:200]

    def clean_kind(self):
        from portal.search_page import kind_models

        kind = self.cleaned_data["kind"]
        return kind if kind in kind_models() else ""


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
