from urllib.parse import urlencode

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import prefetch_related_objects
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse

from directory.choices import EntryKind, Format, HomeType
from directory.forms import DirectoryFilterForm, FeedbackForm, OutdatedReportForm
from directory.search import DirectoryQuery, facet_counts, find_entries
from directory.services import record_for_entry
from portal.ratelimit import is_rate_limited
from portal.search.highlight import highlight
from portal.spelling import suggest

RESULTS_PER_PAGE = 20
FEEDBACK_LIMIT_PER_HOUR = 5


def facet_options(form, counts):
    """The facets as the template shows them: each value with its count and state."""
    facets = []
    for name in DirectoryFilterForm.FACETS:
        field = form.fields[name]
        chosen = set(form.cleaned_data.get(name, []))
        options = [
            {
                "value": value,
                "label": label,
                "count": counts.get(name, {}).get(value, 0),
                "checked": value in chosen,
            }
            for value, label in field.choices
        ]
        # Hide values nobody could pick, unless chosen (so they can be removed).
        options = [option for option in options if option["count"] or option["checked"]]
        if options:
            facets.append({"name": name, "label": field.label, "options": options})
    return facets


def result_rows(entries, text, request):
    """What each result shows, worked out here: the template language took
    0.2 ms an entry for the same lookups."""
    labels = {
        "home_type": dict(HomeType.choices),
        "kind": dict(EntryKind.choices),
        "format": dict(Format.choices),
    }
    rows = []
    for entry in entries:
        if entry.suits_all_home_types:
            home_types = "All care homes"
        else:
            home_types = ", ".join(
                labels["home_type"][home] for home in entry.home_types
            )
        format_label = labels["format"].get(entry.format, entry.format)
        rows.append(
            {
                "url": entry.get_url(request),
                "title": highlight(entry.title, text, max_chars=300),
                "summary": highlight(entry.summary, text, max_chars=300),
                "kind": labels["kind"].get(entry.kind, entry.kind),
                "provider": entry.provider.name if entry.provider else "",
                "home_types": home_types,
                "format": f"{format_label}, {entry.duration}"
                if entry.duration
                else format_label,
                "cost": "Free" if entry.cost == "free" else entry.price or "Paid",
                "next_date": entry.next_date,
                "rating_average": entry.rating_average,
                "rating_count": entry.rating_count,
            }
        )
    return rows


def querystring_without(params, name, value=None):
    remaining = [
        (key, item)
        for key, item in params
        if key != "page" and not (key == name and (value is None or item == value))
    ]
    return urlencode(remaining)


def querystring_with(params, name, value):
    """The current filters with `name` set to `value` (and back to page 1)."""
    kept = [(key, item) for key, item in params if key not in (name, "page")]
    return urlencode([*kept, (name, value)])


def active_chips(form, params):
    chips = []
    for name in DirectoryFilterForm.FACETS:
        labels = dict(form.fields[name].choices)
        for value in form.cleaned_data.get(name, []):
            chips.append(
                {
                    "facet": form.fields[name].label,
                    "label": labels.get(value, value),
                    "remove_url": "?" + querystring_without(params, name, value),
                }
            )
    return chips


def directory_search_context(request, index_page):
    form = DirectoryFilterForm(request.GET, request=request)
    form.is_valid()  # every field is optional; unknown values are dropped
    query = DirectoryQuery.from_form(form)
    results = find_entries(query, request)
    paginator = Paginator(results, RESULTS_PER_PAGE)
    page_obj = paginator.get_page(request.GET.get("page"))
    entries = list(page_obj.object_list)
    # One query for every result's provider, instead of one per result.
    prefetch_related_objects(entries, "provider")
    counts = facet_counts(
        query,
        topic_values=[slug for slug, _name in form.fields["topic"].choices],
        area_values=[slug for slug, _name in form.fields["area"].choices],
        request=request,
    )
    suggestion = ""
    if query.text and paginator.count < 3:
        suggestion = suggest(query.text)
    params = [
        (key, value)
        for key, values in request.GET.lists()
        for value in values
        if key in form.fields and value
    ]
    return {
        "form": form,
        "query": query,
        "page_obj": page_obj,
        "result_rows": result_rows(entries, query.text, request),
        "facets": facet_options(form, counts),
        "chips": active_chips(form, params),
        "ignored_values": form.ignored_values,
        "suggestion": suggestion,
        "suggestion_url": "?" + querystring_with(params, "q", suggestion)
        if suggestion
        else "",
        "querystring_base": querystring_without(params, "page"),
        "clear_url": "?" + urlencode([("q", query.text)]) if query.text else "?",
        "sort_choices": form.fields["sort"].choices,
        "noindex": bool(params),
    }


def render_entry(request, entry, status=200, **forms):
    context = entry.get_context(request, **forms)
    return TemplateResponse(
        request, entry.get_template(request), context, status=status
    )


def submit_entry_form(request, entry, form_class, prefix, rate_scope, too_many, thanks):
    """A visitor's form on an entry page (feedback, a problem report): saved for
    the team, then back to the form's place on the page with a thank-you."""
    back = HttpResponseRedirect(f"{entry.url}#{prefix}")
    if request.method != "POST":
        return back
    form = form_class(request.POST, prefix=prefix)
    if form.is_spam():
        # Bots are told it worked, and nothing is stored.
        messages.success(request, thanks)
        return back
    forms = {f"{prefix}_form": form}
    if is_rate_limited(request, rate_scope, FEEDBACK_LIMIT_PER_HOUR, 3600):
        form.add_error(None, too_many)
        return render_entry(request, entry, status=429, **forms)
    if not form.is_valid():
        return render_entry(request, entry, status=400, **forms)
    record_for_entry(entry, form)
    messages.success(request, thanks)
    return back


def submit_feedback(request, entry):
    return submit_entry_form(
        request,
        entry,
        FeedbackForm,
        "feedback",
        "directory-feedback",
        "You have sent a lot of feedback in the last hour. Please try again later.",
        "Thank you. Your feedback will appear once it has been checked.",
    )


def submit_outdated_report(request, entry):
    return submit_entry_form(
        request,
        entry,
        OutdatedReportForm,
        "report",
        "directory-report",
        "You have sent a lot of reports in the last hour. Please try again later.",
        "Thank you for telling us. We will check this entry.",
    )
