"""Forms on the manager's own pages: asking for a sign-in link, asking the team
for help, and the feedback survey. Each checks what was typed on the server
and keeps it when something is wrong."""

from django import forms

from portal.forms_utils import HoneypotMixin
from portal.public_forms import PlainTextField, choice_field, email_field, text_field
from tracker.choices import HelpedBy, SupportFelt

HELP_MAX_CHARACTERS = 2000
ANSWER_MAX_CHARACTERS = 2000


class SignInForm(HoneypotMixin, forms.Form):
    email = email_field(
        help_text="The address the Care Quality Team has for you, usually your "
        "work email."
    )


class HelpForm(forms.Form):
    message = text_field(
        "What would you like help with?",
        HELP_MAX_CHARACTERS,
        "Tell us what you would like help with",
        name="Your message",
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="The team will get back to you, usually within two working "
        "days. Do not include residents' names or health details.",
    )


def optional_answer(label, help_text=""):
    return PlainTextField(
        label=label,
        required=False,
        max_length=ANSWER_MAX_CHARACTERS,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=help_text,
        error_messages={
            "max_length": f"Keep your answer to {ANSWER_MAX_CHARACTERS} "
            "characters or fewer"
        },
    )


class FeedbackForm(forms.Form):
    supported = choice_field(
        "How supported do you feel in your role so far?",
        [(str(value), label) for value, label in SupportFelt.choices],
        "Choose how supported you feel",
    )
    helped = forms.MultipleChoiceField(
        label="What has helped?",
        required=False,
        choices=HelpedBy.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text="Choose all that apply.",
        error_messages={"invalid_choice": "Choose from the options listed"},
    )
    helped_other = PlainTextField(
        label="Anything else that helped",
        required=False,
        max_length=300,
        error_messages={"max_length": "Keep this to 300 characters or fewer"},
    )
    missing = optional_answer(
        "What was missing, or what would have helped more?",
        "For example support you needed and could not find.",
    )
    comments = optional_answer("Anything else you would like to tell us?")

    def clean_supported(self):
        return int(self.cleaned_data["supported"])
