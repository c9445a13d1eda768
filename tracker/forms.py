"""Forms of the Manager Tracker's admin screens. Each one checks what was typed
and keeps it when something is wrong; the rules are in `tracker.services`."""

from django import forms

from wagtail.admin.forms import WagtailAdminModelForm

from directory.models import Area
from portal.choices import HomeType
from tracker import services
from tracker.choices import ContactKind, DashboardList

DATE_MESSAGES = {
    "required": "Enter a date",
    "invalid": "Enter a real date, for example 31/03/2026",
}


def date_field(label, not_in_future=False, **kwargs):
    return forms.DateField(
        label=label,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages=DATE_MESSAGES,
        validators=[services.not_in_future] if not_in_future else [],
        **kwargs,
    )


def team_member_field(label):
    return forms.ModelChoiceField(
        label=label,
        queryset=services.team_members(),
        error_messages={
            "required": "Choose who it was",
            "invalid_choice": "Choose someone from the team",
        },
    )


class CareHomeManagerForm(WagtailAdminModelForm):
    """The manager's record as the team types it in; the checks between fields
    are `services.manager_problems`, run by the model's clean()."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "area" in self.fields:
            self.fields["area"].required = True
            self.fields["area"].error_messages["required"] = (
                "Choose the area the home is in"
            )
        messages = {
            "name": "Enter the manager's name",
            "email": "Enter the manager's email address",
            "home_name": "Enter the name of the care home",
            "cqc_location_id": "Enter the home's CQC location ID",
            "home_type": "Choose the type of home",
            "start_date": "Enter the date they started in the post",
        }
        for name, message in messages.items():
            if name in self.fields:
                self.fields[name].error_messages["required"] = message
        for name in ("start_date", "left_on", "cqc_registered_on"):
            if name in self.fields:
                self.fields[name].error_messages["invalid"] = (
                    "Enter a real date, like 2026-03-31"
                )
        if "email" in self.fields:
            self.fields["email"].error_messages["invalid"] = (
                "Enter an email address in the correct format, like name@example.com"
            )

    def clean_cqc_location_id(self):
        return services.normalise_cqc_location_id(
            self.cleaned_data.get("cqc_location_id")
        )

    def clean_email(self):
        return (self.cleaned_data.get("email") or "").strip()


class MilestoneDoneForm(forms.Form):
    done_on = date_field("Date it was done", not_in_future=True)
    done_by = team_member_field("Done by")
    note = forms.CharField(
        label="Note (optional)",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="For example what was agreed, or what the manager asked for.",
    )


class RescheduleForm(forms.Form):
    due_on = date_field("New date")
    note = forms.CharField(
        label="Why it moved (optional)",
        required=False,
        max_length=500,
        help_text="For example: the manager is on leave that week.",
    )


class ContactForm(forms.Form):
    kind = forms.ChoiceField(
        label="Type",
        # Requests for help come from the manager's own page, not this form.
        choices=[
            choice
            for choice in ContactKind.choices
            if choice[0] != ContactKind.HELP_REQUEST
        ],
        error_messages={
            "required": "Choose the type of contact",
            "invalid_choice": "Choose the type of contact",
        },
    )
    happened_on = date_field("Date", not_in_future=True)
    by = team_member_field("By")
    text = forms.CharField(
        label="What happened",
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={
            "required": "Enter what happened",
            "max_length": "Keep it to 5,000 characters or fewer",
        },
        help_text="Seen only by the Care Quality Team.",
    )


class EraseForm(forms.Form):
    confirm = forms.BooleanField(
        label="I have checked that this person asked for their data to be erased",
        help_text="Their record, plan, contacts and notes, and survey answers are "
        "deleted, and their name is removed from the history of changes. This "
        "cannot be undone. Download their data first if they asked for a copy.",
        error_messages={"required": "Tick the box to confirm the person asked"},
    )


class DashboardFilterForm(forms.Form):
    """An allow-list for the dashboard's query string: an unknown area or home
    type is dropped (and said so), never passed to the database."""

    area = forms.ModelChoiceField(
        label="Area",
        queryset=Area.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label="All areas",
    )
    home_type = forms.ChoiceField(
        label="Type of home",
        choices=[("", "All types")] + list(HomeType.choices),
        required=False,
    )

    def filters(self):
        """The valid filters, as keyword arguments for the dashboard's lists."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return {"area": data.get("area"), "home_type": data.get("home_type") or None}

    def ignored(self):
        self.is_valid()
        return [self.fields[name].label for name in self.errors]


def dashboard_list_or_none(value):
    try:
        return DashboardList(value)
    except ValueError:
        return None
