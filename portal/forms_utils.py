"""Form pieces shared by the portal's public forms."""

from django import forms

from portal.choices import HomeType


class LenientMultipleChoiceField(forms.MultipleChoiceField):
    """A multiple choice that drops values outside the allowed set instead of failing.

    Used for filters in shareable URLs: an old or mistyped link still shows
    results, and the form reports what it ignored.
    """

    def to_python(self, value):
        values = super().to_python(value)
        allowed = {str(key) for key, _label in self.choices}
        self.ignored_values = [item for item in values if item not in allowed]
        return list(dict.fromkeys(item for item in values if item in allowed))

    def validate(self, value):
        if self.required and not value:
            raise forms.ValidationError(
                self.error_messages["required"], code="required"
            )


def checkbox_filter(label, choices=(), **kwargs):
    """An optional filter of a listing, one checkbox a value."""
    return LenientMultipleChoiceField(
        label=label,
        required=False,
        choices=choices,
        widget=forms.CheckboxSelectMultiple,
        **kwargs,
    )


def topic_filter():
    """Topics (tag slugs); the form sets the choices, the topics in use."""
    return checkbox_filter("Topic")


def home_type_filter():
    return checkbox_filter("Home type", HomeType.choices)


class HoneypotMixin(forms.Form):
    """A field hidden from people; bots that fill it in are turned away."""

    website = forms.CharField(
        required=False,
        label="Leave this field empty",
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def is_spam(self):
        return bool(self.data.get(self.add_prefix("website")))
