from django import forms


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
