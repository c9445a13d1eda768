import re
import time

from django import forms
from django.conf import settings
from django.core import signing

from awards.choices import Relationship, Setting
from awards.models import CQC_LOCATION_ID, Nomination
from awards.photos import clean_photo
from portal.forms_utils import HoneypotMixin
from portal.public_forms import (
    choice_field,
    consent_field,
    email_field,
    full_name_field,
    phone_field,
    text_field,
)

STATEMENT_WORD_LIMIT = 500
STATEMENT_MAX_CHARACTERS = 5000
STARTED_SALT = "awards.nomination.started"
# Forms left open longer than this must be sent again (the token has expired).
STARTED_MAX_AGE = 24 * 60 * 60
WORD = re.compile(r"\S+")


def min_seconds_to_fill():
    return getattr(settings, "AWARDS_MIN_SECONDS_TO_FILL", 5)


def started_token(at=None):
    return signing.dumps(at if at is not None else time.time(), salt=STARTED_SALT)


def count_words(text):
    return len(WORD.findall(text or ""))


class NominationForm(HoneypotMixin, forms.Form):
    """The public nomination form: one page, server-side checks on every field."""

    category = forms.TypedChoiceField(
        label="Which award are you nominating them for?",
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose the award you are nominating them for",
            "invalid_choice": "Choose one of the awards listed",
        },
    )
    nominee_name = full_name_field(
        "Their full name",
        "Enter the full name of the person you are nominating",
        autocomplete="off",
    )
    nominee_role = text_field(
        "Their job or role",
        100,
        "Enter their job or role",
        help_text="For example, senior carer, nurse, activities coordinator.",
    )
    nominee_workplace = text_field(
        "Where they work",
        150,
        "Enter where they work",
        help_text="The name of the care home or home care service.",
    )
    setting = choice_field(
        "What type of care do they work in?",
        Setting.choices,
        "Choose the type of care they work in",
        "Choose one of the types of care listed",
    )
    cqc_location_id = forms.CharField(
        label="CQC location ID",
        required=False,
        max_length=20,
        help_text="If you know it. It is on the service's page on the CQC website, "
        "for example 1-123456789.",
        error_messages={"max_length": "Enter a CQC location ID like 1-123456789"},
    )
    statement = text_field(
        "Why do they deserve this award?",
        STATEMENT_MAX_CHARACTERS,
        "Tell us why they deserve this award",
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text="Give examples of what they have done and the difference it made "
        "to the people they care for. Do not include anyone's health details.",
    )
    nominator_name = full_name_field("Your full name", "Enter your full name")
    nominator_email = email_field(
        "Your email address", help_text="We will send your confirmation here."
    )
    nominator_phone = phone_field("Your phone number")
    relationship = choice_field(
        "How do you know them?", Relationship.choices, "Choose how you know them"
    )
    photo = forms.FileField(
        label="A photo of them",
        required=False,
        help_text="A JPEG, PNG or WebP file, smaller than 8 MB. Only add a photo "
        "if they agree. We remove hidden details such as location from it.",
        error_messages={
            "invalid": "The photo must be a JPEG, PNG or WebP image",
            "empty": "The photo file is empty",
        },
    )
    nominee_may_be_contacted = forms.TypedChoiceField(
        label="Can we tell them they have been nominated?",
        coerce=lambda value: value == "yes",
        choices=[("yes", "Yes"), ("no", "No, keep it a surprise for now")],
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose whether we can tell them they have been nominated",
            "invalid_choice": "Choose yes or no",
        },
    )
    consent_privacy = consent_field(
        "I have read the privacy notice and agree to the council using "
        "these details to run the awards",
        "Confirm that you have read the privacy notice",
    )
    started = forms.CharField(widget=forms.HiddenInput, required=False)

    field_order = [
        "category",
        *Nomination.ABOUT_THE_NOMINEE,
        "nominator_name",
        "nominator_email",
        "nominator_phone",
        "relationship",
        "photo",
        "nominee_may_be_contacted",
        "consent_privacy",
        "website",
        "started",
    ]

    def __init__(self, *args, categories=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.categories = {category.pk: category for category in categories}
        self.fields["category"].choices = [
            (category.pk, category.name) for category in categories
        ]
        self.photo_bytes = None
        if not self.is_bound:
            self.initial["started"] = started_token()
        self.fields["statement"].widget.attrs["maxwords"] = STATEMENT_WORD_LIMIT

    def clean_cqc_location_id(self):
        value = "".join(self.cleaned_data["cqc_location_id"].split())
        if value:
            CQC_LOCATION_ID(value)
        return value

    def clean_statement(self):
        statement = self.cleaned_data["statement"]
        words = count_words(statement)
        if words > STATEMENT_WORD_LIMIT:
            raise forms.ValidationError(
                f"Why they deserve this award must be {STATEMENT_WORD_LIMIT} words "
                f"or fewer (you have {words})"
            )
        return statement

    def clean_photo(self):
        upload = self.cleaned_data.get("photo")
        if upload:
            self.photo_bytes = clean_photo(upload)
        return None

    def clean_started(self):
        token = self.cleaned_data.get("started", "")
        try:
            started = float(
                signing.loads(token, salt=STARTED_SALT, max_age=STARTED_MAX_AGE)
            )
        except (signing.BadSignature, TypeError, ValueError):
            # Expired or tampered with: start the clock again for the next try.
            self.data = self.data.copy()
            self.data[self.add_prefix("started")] = started_token()
            raise forms.ValidationError(
                "This form was open for a long time, so for your security we could "
                "not send it. Check your answers and send it again."
            ) from None
        if time.time() - started < min_seconds_to_fill():
            raise forms.ValidationError(
                "That was quicker than we expected. Check your answers, then send "
                "the form again."
            )
        return token

    def clean(self):
        cleaned = super().clean()
        if "started" in self.errors:
            # Shown at the top of the error summary rather than against a field
            # nobody can see.
            self.add_error(None, self.errors.pop("started"))
        return cleaned

    @property
    def chosen_category(self):
        return self.categories.get(self.cleaned_data.get("category"))

    # Saved in a way of their own (the category and the photo) or not at all.
    not_saved_as_sent = {"category", "photo", "website", "started"}

    def nomination_data(self):
        return {
            name: self.cleaned_data[name]
            for name in self.field_order
            if name not in self.not_saved_as_sent
        }


class ScoreForm(forms.Form):
    """A judge's 1-5 score for each criterion, or a declared conflict of interest."""

    conflict_of_interest = forms.BooleanField(
        label="I have a conflict of interest with this nomination",
        required=False,
        help_text="For example, you know the nominee or work for the same "
        "organisation. You will not be able to score it.",
    )
    conflict_details = forms.CharField(
        label="Details of the conflict", required=False, max_length=300
    )
    comment = forms.CharField(
        label="Comments for the panel",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, criteria=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = list(criteria)
        for number, criterion in enumerate(self.criteria):
            self.fields[f"criterion_{number}"] = forms.TypedChoiceField(
                label=criterion,
                coerce=int,
                required=False,
                choices=[(value, str(value)) for value in range(1, 6)],
                widget=forms.RadioSelect,
                error_messages={"invalid_choice": "Choose a score from 1 to 5"},
            )

    def criterion_fields(self):
        return [self[f"criterion_{number}"] for number in range(len(self.criteria))]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("conflict_of_interest"):
            return cleaned
        for number, criterion in enumerate(self.criteria):
            name = f"criterion_{number}"
            if cleaned.get(name) in (None, "") and name not in self.errors:
                self.add_error(name, f"Give a score from 1 to 5 for: {criterion}")
        return cleaned

    def scores(self):
        return [
            self.cleaned_data[f"criterion_{number}"]
            for number in range(len(self.criteria))
        ]


class PersonalDataSearchForm(forms.Form):
    email = forms.EmailField(
        label="Email address of the person who asked",
        max_length=254,
        error_messages={
            "required": "Enter the email address",
            "invalid": "Enter an email address like name@example.com",
        },
    )
