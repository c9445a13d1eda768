"""Find training for my home: four questions that end on the directory, filtered.

A plain GET form, so it works without JavaScript; the answers become the
directory's own filters. Nothing is stored on the server: with JavaScript the
browser keeps the answers (static/js/finder.js) for a one-click "for my home" link.
"""

from urllib.parse import urlencode

from django import forms
from django.http import HttpResponseRedirect
from django.shortcuts import render

from directory.choices import Audience, HomeType
from directory.forms import DirectoryFilterForm
from directory.models import Area
from directory.services import directory_url
from portal.public_forms import choice_field

ANYWHERE = "any"


def radio_field(label, required_message, help_text=""):
    """The choices come from the directory when the form is made."""
    return choice_field(label, (), required_message, help_text=help_text)


class FinderForm(forms.Form):
    home_type = radio_field("What type of home do you work in?", "Choose a home type")
    area = radio_field(
        "Which part of the city is the home in?",
        "Choose an area, or anywhere in the city",
        "Offers available across the whole city are always included.",
    )
    audience = radio_field("What is your role?", "Choose your role")
    topic = radio_field(
        "What do you need help with?", "Choose a topic, or show everything"
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        directory = DirectoryFilterForm(
            area_choices=list(Area.objects.values_list("slug", "name"))
        )
        self.fields["home_type"].choices = HomeType.choices
        self.fields["area"].choices = [
            *directory.fields["area"].choices,
            (ANYWHERE, "Anywhere in the city"),
        ]
        self.fields["audience"].choices = Audience.choices
        self.fields["topic"].choices = [
            *sorted(directory.fields["topic"].choices, key=lambda item: item[1]),
            (ANYWHERE, "Show me everything"),
        ]

    def directory_query(self):
        """The answers as the directory's query string."""
        return urlencode(
            [
                (name, self.cleaned_data[name])
                for name in ("home_type", "area", "audience", "topic")
                if self.cleaned_data[name] != ANYWHERE
            ]
        )


def find_training(request):
    answered = any(name in request.GET for name in FinderForm.base_fields)
    form = FinderForm(request.GET if answered else None)
    if answered and form.is_valid():
        return HttpResponseRedirect(f"{directory_url()}?{form.directory_query()}")
    return render(
        request,
        "discovery/finder.html",
        {"form": form, "noindex": answered},
        status=400 if answered else 200,
    )
