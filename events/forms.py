from django import forms

from taggit.models import Tag

from events.choices import MODE_FILTER_CHOICES, EventType
from portal.forms_utils import (
    HoneypotMixin,
    checkbox_filter,
    home_type_filter,
    topic_filter,
)


class EventFilterForm(forms.Form):
    """The index's filters, each checked against an allow-list."""

    type = checkbox_filter("Type of event", EventType.choices)
    home_type = home_type_filter()
    topic = topic_filter()
    mode = checkbox_filter("Online or in person", MODE_FILTER_CHOICES)

    FILTERS = ["type", "home_type", "topic", "mode"]

    def __init__(self, *args, topic_choices=None, **kwargs):
        super().__init__(*args, **kwargs)
        if topic_choices is None:
            topic_choices = [
                (tag.slug, tag.name)
                for tag in Tag.objects.filter(events_eventtag_items__isnull=False)
                .distinct()
                .order_by("name")
            ]
        self.fields["topic"].choices = topic_choices

    @property
    def is_filtered(self):
        return any(self.cleaned_data.get(name) for name in self.FILTERS)


class BookingForm(HoneypotMixin, forms.Form):
    occurrence = forms.ChoiceField(
        label="Which date do you want to book?",
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose the date you want to book",
            "invalid_choice": "Choose one of the dates shown",
        },
    )
    name = forms.CharField(
        label="Full name",
        max_length=120,
        widget=forms.TextInput(attrs={"autocomplete": "name", "spellcheck": "false"}),
        error_messages={"required": "Enter your full name"},
    )
    email = forms.EmailField(
        label="Work email address",
        max_length=254,
        help_text="We send your confirmation and calendar file here.",
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
        error_messages={
            "required": "Enter your work email address",
            "invalid": "Enter an email address in the right format, like name@example.org",
        },
    )
    care_home = forms.CharField(
        label="Care home or organisation",
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
        error_messages={"required": "Enter the name of your care home or organisation"},
    )
    role = forms.CharField(
        label="Your role",
        max_length=120,
        help_text="For example registered manager, nurse or senior carer.",
        widget=forms.TextInput(attrs={"autocomplete": "organization-title"}),
        error_messages={"required": "Enter your role"},
    )
    accessibility_needs = forms.CharField(
        label="Accessibility or other needs",
        required=False,
        max_length=1000,
        help_text="Anything we should know so you can take part fully.",
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    consent = forms.BooleanField(
        label=(
            "I agree that the Care Quality Team keeps these details to manage this "
            "event, and deletes them within 12 months"
        ),
        error_messages={"required": "Tick the box to agree to how we use your details"},
    )

    def __init__(self, *args, occurrences=(), **kwargs):
        super().__init__(*args, **kwargs)
        # `occurrences` is a list of (occurrence, label) for the dates open now.
        self.occurrences = {
            occurrence.slug: occurrence for occurrence, _ in occurrences
        }
        self.fields["occurrence"].choices = [
            (occurrence.slug, label) for occurrence, label in occurrences
        ]
        if len(self.occurrences) == 1:
            self.fields["occurrence"].widget = forms.HiddenInput()
            self.initial.setdefault("occurrence", next(iter(self.occurrences)))

    def _post_clean(self):
        super()._post_clean()
        # With one date the choice is a hidden field: show its error on its own.
        if self.fields["occurrence"].widget.is_hidden and "occurrence" in self._errors:
            for error in self._errors.pop("occurrence"):
                self.add_error(None, error)

    def clean_name(self):
        return " ".join(self.cleaned_data["name"].split())

    def clean_occurrence(self):
        return self.occurrences[self.cleaned_data["occurrence"]]


class CancelBookingForm(HoneypotMixin, forms.Form):
    """Cancelling needs nothing but the signed link and a deliberate press."""
