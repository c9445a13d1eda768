from django import forms

from taggit.models import Tag

from directory.choices import Audience, Cost, EntryKind, Format, HomeType
from directory.models import Area, Feedback, OutdatedReport
from portal.forms_utils import HoneypotMixin, LenientMultipleChoiceField

SORT_CHOICES = [
    ("relevance", "Best match"),
    ("newest", "Newest first"),
    ("soonest", "Soonest next date"),
    ("rating", "Best rated"),
    ("az", "A to Z"),
]


def filter_choices(request=None):
    """([(slug, name)] of topics used by entries, [(slug, name)] of areas),
    read once per content change when there is a request (portal.content_memo)."""
    from portal.content_memo import remembered

    def read():
        topics = [
            (tag.slug, tag.name)
            for tag in Tag.objects.filter(
                directory_directoryentrytag_items__isnull=False
            ).distinct()
        ]
        return topics, list(Area.objects.values_list("slug", "name"))

    return remembered(request, "directory filter choices", read)


class DirectoryFilterForm(forms.Form):
    """Every query parameter the directory accepts, checked against allow-lists."""

    q = forms.CharField(label="Search the directory", required=False)
    home_type = LenientMultipleChoiceField(
        label="Home type", required=False, choices=HomeType.choices
    )
    topic = LenientMultipleChoiceField(label="Topic", required=False)
    kind = LenientMultipleChoiceField(
        label="Type", required=False, choices=EntryKind.choices
    )
    format = LenientMultipleChoiceField(
        label="Format", required=False, choices=Format.choices
    )
    audience = LenientMultipleChoiceField(
        label="Who it is for", required=False, choices=Audience.choices
    )
    cost = LenientMultipleChoiceField(
        label="Cost", required=False, choices=Cost.choices
    )
    area = LenientMultipleChoiceField(label="Area of the city", required=False)
    sort = forms.ChoiceField(label="Sort by", required=False, choices=SORT_CHOICES)

    FACETS = ["home_type", "topic", "kind", "format", "audience", "cost", "area"]

    def __init__(
        self, *args, topic_choices=None, area_choices=None, request=None, **kwargs
    ):
        super().__init__(*args, **kwargs)
        if topic_choices is None or area_choices is None:
            known_topics, known_areas = filter_choices(request)
            topic_choices = known_topics if topic_choices is None else topic_choices
            area_choices = known_areas if area_choices is None else area_choices
        self.fields["topic"].choices = topic_choices
        self.fields["area"].choices = area_choices

    def clean_q(self):
        # Very long pasted text is cut rather than rejected: a search never fails.
        return " ".join(self.cleaned_data["q"].split())[:200]

    def clean_sort(self):
        return self.cleaned_data["sort"] or "relevance"

    @property
    def ignored_values(self):
        return [
            value
            for name in self.FACETS
            for value in getattr(self.fields[name], "ignored_values", [])
        ]


def message_field(label, rows, required_message, what):
    """A visitor's few words about an entry, up to 1,000 characters; `what`
    names them in the message when there are too many."""
    return forms.CharField(
        label=label,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": rows}),
        error_messages={
            "required": required_message,
            "max_length": f"Keep your {what} to 1,000 characters or fewer",
        },
    )


class FeedbackForm(HoneypotMixin, forms.ModelForm):
    rating = forms.TypedChoiceField(
        label="How would you rate it?",
        coerce=int,
        choices=[
            (5, "5 - Excellent"),
            (4, "4 - Good"),
            (3, "3 - OK"),
            (2, "2 - Poor"),
            (1, "1 - Very poor"),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose a rating from 1 to 5"},
    )
    comment = message_field(
        "What was good, or what could be better?",
        4,
        "Tell us in a few words what you thought",
        "comments",
    )
    role = forms.ChoiceField(
        label="Your role",
        choices=[("", "Choose your role")] + Audience.choices,
        error_messages={"required": "Choose your role"},
    )
    home_type = forms.ChoiceField(
        label="The type of home you work in",
        choices=[("", "Choose a home type")] + HomeType.choices,
        error_messages={"required": "Choose the type of home you work in"},
    )

    class Meta:
        model = Feedback
        fields = ["rating", "comment", "role", "home_type"]


class OutdatedReportForm(HoneypotMixin, forms.ModelForm):
    message = message_field(
        "What is wrong or out of date?",
        3,
        "Tell us what is wrong or out of date",
        "message",
    )
    email = forms.EmailField(
        label="Your email address (optional)",
        required=False,
        help_text="Only if you would like a reply.",
        error_messages={"invalid": "Enter an email address like name@example.com"},
    )

    class Meta:
        model = OutdatedReport
        fields = ["message", "email"]
