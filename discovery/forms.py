from django import forms


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
        from discovery.search_page import kind_models

        kind = self.cleaned_data["kind"]
        return kind if kind in kind_models() else ""
