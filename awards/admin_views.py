"""Admin screens for judging: scoring, rankings, CSV exports, private photos and
personal data requests. Each view checks its own permission; the rules live in
`awards.services`.
"""

import csv
import json

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.views.generic import TemplateView

from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from awards import services
from awards.choices import SCORABLE_STATUSES
from awards.forms import PersonalDataSearchForm, ScoreForm
from awards.models import LONDON, Nomination, Score
from portal.downloads import csv_download, private_download

CAN_VIEW = "awards.view_nomination"
CAN_CHANGE = "awards.change_nomination"
CAN_SCORE = "awards.add_score"
CAN_EXPORT_PERSONAL = "awards.export_personal_data"
CAN_ERASE = "awards.erase_personal_data"


def has_permissions(user, *permissions):
    return all(user.has_perm(permission) for permission in permissions)


def require(user, *permissions):
    if not has_permissions(user, *permissions):
        raise PermissionDenied


def can_see_rankings(user):
    # Scores are for the panel and the team running the awards.
    return user.has_perm(CAN_VIEW) and (
        user.has_perm(CAN_SCORE) or user.has_perm(CAN_CHANGE)
    )


def year_choices():
    years = (
        Nomination.objects.order_by("-year_number")
        .values_list("year_number", flat=True)
        .distinct()
    )
    return [(year, str(year)) for year in years]


class YearForm(forms.Form):
    """The year chosen on judging screens, checked against the years that exist."""

    year = forms.TypedChoiceField(label="Year", coerce=int, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = year_choices()

    def chosen_year(self):
        choices = self.fields["year"].choices
        if self.is_valid() and self.cleaned_data["year"]:
            return self.cleaned_data["year"]
        return choices[0][0] if choices else None


class AwardsAdminView(WagtailAdminTemplateMixin, TemplateView):
    permissions = ()

    def dispatch(self, request, *args, **kwargs):
        require(request.user, *self.permissions)
        return super().dispatch(request, *args, **kwargs)


class JudgingIndexView(AwardsAdminView):
    """The nominations the panel scores, by category, with this judge's progress."""

    page_title = "Score nominations"
    header_icon = "pick"
    template_name = "awards/admin/judging_index.html"
    permissions = (CAN_SCORE, CAN_VIEW)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = YearForm(self.request.GET or None)
        year = form.chosen_year()
        nominations = Nomination.objects.filter(
            year_number=year, status__in=SCORABLE_STATUSES
        ).order_by("category_name", "reference")
        mine = {
            score.nomination_id: score
            for score in Score.objects.filter(
                judge=self.request.user, nomination__in=nominations
            )
        }
        categories = {}
        for nomination in nominations:
            categories.setdefault(nomination.category_name, []).append(
                {"nomination": nomination, "score": mine.get(nomination.pk)}
            )
        context.update(
            {"year_form": form, "year": year, "categories": categories.items()}
        )
        return context


class ScoreView(AwardsAdminView):
    """Score one nomination against its category's criteria, or declare a
    conflict of interest (after which the judge can no longer score it)."""

    header_icon = "pick"
    template_name = "awards/admin/score.html"
    permissions = (CAN_SCORE, CAN_VIEW)

    def dispatch(self, request, *args, **kwargs):
        self.nomination = get_object_or_404(
            Nomination.objects.select_related("category"),
            pk=kwargs["pk"],
            status__in=SCORABLE_STATUSES,
        )
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return f"Score {self.nomination.reference}"

    def get_form(self, data=None):
        existing = Score.objects.filter(
            nomination=self.nomination, judge=self.request.user
        ).first()
        initial = {}
        if existing and not existing.conflict_of_interest:
            initial = {
                f"criterion_{number}": item["score"]
                for number, item in enumerate(existing.criterion_scores)
            }
            initial["comment"] = existing.comment
        return ScoreForm(data, criteria=self.nomination.criteria, initial=initial)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            {
                "nomination": self.nomination,
                "conflict": services.has_conflict(self.nomination, self.request.user),
                "back_url": reverse("awards_judging:index")
                + f"?year={self.nomination.year_number}",
            }
        )
        context.setdefault("form", self.get_form())
        return context

    def post(self, request, *args, **kwargs):
        if services.has_conflict(self.nomination, request.user):
            messages.error(
                request,
                "You declared a conflict of interest, so you cannot score this "
                "nomination.",
            )
            return redirect("awards_judging:score", pk=self.nomination.pk)
        form = self.get_form(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        if form.cleaned_data["conflict_of_interest"]:
            services.declare_conflict(
                self.nomination, request.user, form.cleaned_data["conflict_details"]
            )
            messages.success(
                request,
                f"Conflict of interest recorded for {self.nomination.reference}.",
            )
        else:
            services.record_score(
                self.nomination,
                request.user,
                form.scores(),
                form.cleaned_data["comment"],
            )
            messages.success(request, f"Scores saved for {self.nomination.reference}.")
        return redirect(
            reverse("awards_judging:index") + f"?year={self.nomination.year_number}"
        )


class RankingsView(AwardsAdminView):
    page_title = "Rankings"
    header_icon = "list-ol"
    template_name = "awards/admin/rankings.html"
    permissions = (CAN_VIEW,)

    def dispatch(self, request, *args, **kwargs):
        if not can_see_rankings(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = YearForm(self.request.GET or None)
        year = form.chosen_year()
        context.update(
            {
                "year_form": form,
                "year": year,
                "rankings": services.rankings(year) if year else [],
            }
        )
        return context


# Exports -----------------------------------------------------------------------

BASIC_COLUMNS = [
    ("Reference", lambda n: n.reference),
    ("Year", lambda n: n.year_number),
    ("Category", lambda n: n.category_name),
    ("Nominee's role", lambda n: n.nominee_role),
    ("Where they work", lambda n: n.nominee_workplace),
    ("Setting", lambda n: n.get_setting_display()),
    ("Status", lambda n: n.get_status_display()),
    ("Reason not eligible", lambda n: n.ineligible_reason),
    ("Possible duplicate", lambda n: "yes" if n.possible_duplicate else "no"),
    ("Nominator's relationship", lambda n: n.get_relationship_display()),
    (
        "Submitted",
        lambda n: timezone.localtime(n.submitted_at, LONDON).strftime("%Y-%m-%d %H:%M"),
    ),
]
PERSONAL_COLUMNS = [
    ("Nominee's name", lambda n: n.nominee_name),
    ("CQC location ID", lambda n: n.cqc_location_id),
    ("Why they deserve it", lambda n: n.statement),
    ("Nominator's name", lambda n: n.nominator_name),
    ("Nominator's email", lambda n: n.nominator_email),
    ("Nominator's phone", lambda n: n.nominator_phone),
    (
        "Nominee may be contacted",
        lambda n: "yes" if n.nominee_may_be_contacted else "no",
    ),
]


def safe_cell(value):
    """Stop spreadsheet programs reading a cell as a formula."""
    value = "" if value is None else str(value)
    if value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def export_csv(request):
    require(request.user, CAN_VIEW)
    personal = request.GET.get("personal") == "1"
    if personal:
        require(request.user, CAN_EXPORT_PERSONAL)
    form = YearForm(request.GET or None)
    year = form.chosen_year() if request.GET.get("year") else None
    nominations = Nomination.objects.order_by(
        "year_number", "category_name", "reference"
    )
    if year:
        nominations = nominations.filter(year_number=year)
    columns = BASIC_COLUMNS + (PERSONAL_COLUMNS if personal else [])
    kind = "with-personal-data" if personal else "without-personal-data"
    response = csv_download(f"nominations-{year or 'all'}-{kind}.csv")
    writer = csv.writer(response)
    writer.writerow([label for label, _value in columns])
    for nomination in nominations.iterator():
        writer.writerow([safe_cell(value(nomination)) for _label, value in columns])
    return response


class ExportView(AwardsAdminView):
    page_title = "Export nominations"
    header_icon = "download"
    template_name = "awards/admin/export.html"
    permissions = (CAN_VIEW,)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["years"] = year_choices()
        context["can_export_personal"] = self.request.user.has_perm(CAN_EXPORT_PERSONAL)
        return context


# Private photos ----------------------------------------------------------------


def private_photo(request, pk):
    require(request.user, CAN_VIEW)
    nomination = get_object_or_404(Nomination, pk=pk)
    if not nomination.photo:
        raise Http404
    try:
        handle = nomination.photo.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(handle, content_type="image/jpeg")
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def publish_photo(request, pk):
    if request.method != "POST":
        raise Http404
    require(request.user, CAN_CHANGE, "wagtailimages.add_image")
    nomination = get_object_or_404(Nomination, pk=pk)
    if not nomination.photo:
        messages.error(request, "This nomination has no photo to publish.")
    else:
        services.publish_photo(nomination, request.user)
        messages.success(
            request,
            "The photo is published: it will show with the results once the "
            "shortlist is public.",
        )
    return redirect("awards_nominations:edit", nomination.pk)


# Personal data requests --------------------------------------------------------


class PersonalDataView(AwardsAdminView):
    """Find, export or erase one nominator's data, by their email address."""

    page_title = "Personal data requests"
    header_icon = "lock"
    template_name = "awards/admin/personal_data.html"
    permissions = (CAN_EXPORT_PERSONAL,)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = kwargs.get("form") or PersonalDataSearchForm(self.request.GET or None)
        found = []
        if form.is_bound and form.is_valid():
            found = list(services.nominations_by_email(form.cleaned_data["email"]))
        context.update(
            {
                "form": form,
                "found": found,
                "can_erase": self.request.user.has_perm(CAN_ERASE),
            }
        )
        return context

    def post(self, request, *args, **kwargs):
        form = PersonalDataSearchForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        email = form.cleaned_data["email"]
        if request.POST.get("action") == "erase":
            require(request.user, CAN_ERASE)
            count = services.erase_nominator_data(email)
            messages.success(
                request,
                f"Erased the personal data in {count} nomination"
                f"{'' if count == 1 else 's'}.",
            )
            return redirect("awards_personal_data:index")
        data = services.personal_data_export(email)
        return private_download(
            "personal-data.json",
            "application/json; charset=utf-8",
            json.dumps(
                {"email": email, "nominations": data}, indent=2, ensure_ascii=False
            ),
        )
