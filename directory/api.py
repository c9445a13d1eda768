"""Read-only public data: the JSON API, the CSV export and the Open Referral UK
(HSDS) export, so other council systems can reuse the directory.

Every view reads its filters through `DirectoryFilterForm` and finds entries with
`directory.search.find_entries`, so a filter means exactly what it means on the
/directory/ page: unknown values are ignored, and only live, public entries are
ever shown. The HSDS mapping is described in docs/directory-api.md.
"""

import html
import io
import uuid

from django.core.paginator import Paginator
from django.http import HttpResponse, JsonResponse
from django.utils.html import strip_tags
from django.views.decorators.http import require_GET

from directory.choices import Audience, Cost, EntryKind, Format, HomeType, Level
from directory.csv_export import entries_with_details, export_filename, write_entries
from directory.forms import DirectoryFilterForm
from directory.models import Provider
from directory.search import DirectoryQuery, filtered_entries, find_entries

PAGE_SIZE = 20
MAX_PAGE_SIZE = 100
# Stable identifiers for HSDS, which expects UUIDs: derived from our own ids.
HSDS_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://care-quality-portal/hsds/")
ATTENDING_TYPES = {
    Format.CLASSROOM: "Venue",
    Format.ON_SITE: "Home visit",
    Format.BLENDED: "Venue and online",
    Format.ELEARNING: "Online",
    Format.WEBINAR: "Online",
    Format.RESOURCE: "Online",
    Format.SERVICE: "Phone or online",
}
LABELS = {
    "kind": dict(EntryKind.choices),
    "format": dict(Format.choices),
    "level": dict(Level.choices),
    "cost": dict(Cost.choices),
    "home_type": dict(HomeType.choices),
    "audience": dict(Audience.choices),
}


def directory_query(request):
    """The request's filters, checked against the allow-lists; unknown values dropped."""
    form = DirectoryFilterForm(request.GET, request=request)
    form.is_valid()  # every field is optional; invalid values are left out
    return form, DirectoryQuery.from_form(form)


def page_size(request):
    try:
        size = int(request.GET.get("page_size", PAGE_SIZE))
    except ValueError:
        return PAGE_SIZE
    return min(max(size, 1), MAX_PAGE_SIZE)


def page_link(request, number):
    params = request.GET.copy()
    params["page"] = number
    return request.build_absolute_uri(f"{request.path}?{params.urlencode()}")


def paginate(request, results):
    """One page of results (bad page numbers fall back) and its entries in detail."""
    page = Paginator(results, page_size(request)).get_page(request.GET.get("page"))
    ids = [entry.pk for entry in page.object_list]
    return page, list(entries_with_details(ids))


def public_json(data, status=200):
    response = JsonResponse(data, status=status, json_dumps_params={"indent": 1})
    # Public, read-only data: any council system may fetch it from a browser.
    response["Access-Control-Allow-Origin"] = "*"
    response["X-Robots-Tag"] = "noindex"
    return response


def choice(name, value):
    return {"value": value, "label": str(LABELS[name].get(value, value))}


def entry_data(entry, request):
    provider = entry.provider
    return {
        "id": entry.pk,
        "title": entry.title,
        "url": request.build_absolute_uri(entry.get_url(request)),
        "summary": entry.summary,
        "provider": {
            "name": provider.name,
            "website": provider.website,
            "email": provider.email,
            "phone": provider.phone,
        }
        if provider
        else None,
        "kind": choice("kind", entry.kind),
        "home_types": [choice("home_type", value) for value in entry.home_types],
        "topics": [{"slug": tag.slug, "name": tag.name} for tag in entry.tags.all()],
        "audiences": [choice("audience", value) for value in entry.audiences],
        "level": choice("level", entry.level),
        "format": choice("format", entry.format),
        "duration": entry.duration,
        "cost": choice("cost", entry.cost),
        "price": entry.price,
        "citywide": entry.citywide,
        "areas": [{"slug": area.slug, "name": area.name} for area in entry.areas.all()],
        "accreditation": entry.accreditation,
        "booking": {
            "url": entry.booking_url,
            "phone": entry.booking_phone,
            "email": entry.booking_email,
            "notes": entry.booking_notes,
        },
        "next_date": entry.next_date.isoformat() if entry.next_date else None,
        "rating": {
            "average": float(entry.rating_average),
            "count": entry.rating_count,
        },
        "last_checked": entry.last_checked.isoformat(),
    }


@require_GET
def entries(request):
    """GET /api/directory/entries/: published entries, filtered like /directory/."""
    form, query = directory_query(request)
    page, page_entries = paginate(request, find_entries(query))
    return public_json(
        {
            "count": page.paginator.count,
            "page": page.number,
            "pages": page.paginator.num_pages,
            "page_size": page.paginator.per_page,
            "next": page_link(request, page.next_page_number())
            if page.has_next()
            else None,
            "previous": page_link(request, page.previous_page_number())
            if page.has_previous()
            else None,
            "ignored_filter_values": form.ignored_values,
            "results": [entry_data(entry, request) for entry in page_entries],
        }
    )


@require_GET
def entry(request, entry_id):
    """GET /api/directory/entries/<id>/: one published entry."""
    found = list(
        entries_with_details(
            list(
                filtered_entries(DirectoryQuery())
                .filter(pk=entry_id)
                .values_list("pk", flat=True)
            )
        )
    )
    if not found:
        return public_json({"error": "There is no published entry with that id."}, 404)
    return public_json(entry_data(found[0], request))


@require_GET
def export_csv(request):
    """GET /api/directory/export.csv: the directory, or a filtered view, as CSV."""
    _form, query = directory_query(request)
    ids = [result.pk for result in find_entries(query)]
    stream = io.StringIO()
    stream.write("\ufeff")  # so Excel reads the file as UTF-8
    write_entries(entries_with_details(ids), stream)
    response = HttpResponse(stream.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{export_filename()}"'
    response["X-Robots-Tag"] = "noindex"
    return response


# Open Referral UK (HSDS) -------------------------------------------------------


def hsds_id(kind, pk):
    return str(uuid.uuid5(HSDS_NAMESPACE, f"{kind}/{pk}"))


def hsds_organization(provider):
    return {
        "id": hsds_id("organization", provider.pk),
        "name": provider.name,
        "description": provider.description,
        "website": provider.website,
        "url": provider.website,  # Open Referral UK 1.0 calls the website "url"
        "email": provider.email,
    }


def plain_description(entry):
    """HSDS descriptions are plain text: the summary, then the description."""
    text = " ".join(strip_tags(entry.description.replace("</", " </")).split())
    return f"{entry.summary}\n\n{html.unescape(text)}".strip()


def hsds_service(entry, request):
    service_id = hsds_id("service", entry.pk)
    free = entry.cost == Cost.FREE
    service = {
        "id": service_id,
        "name": entry.title,
        "description": plain_description(entry),
        "url": entry.booking_url or request.build_absolute_uri(entry.get_url(request)),
        "email": entry.booking_email,
        "status": "active",
        "fees": "" if free else entry.price,
        "accreditations": entry.accreditation,
        "assured_date": entry.last_checked.isoformat(),
        "attending_type": ATTENDING_TYPES.get(entry.format, ""),
        "deliverable_type": str(LABELS["kind"][entry.kind]),
        "organization_id": None,
        "organization": None,
        "cost_options": [
            {
                "id": hsds_id("cost_option", entry.pk),
                "service_id": service_id,
                "option": "Free" if free else "Paid",
                "amount": 0 if free else None,
                "amount_description": "Free" if free else entry.price,
            }
        ],
        "contacts": [],
        "service_areas": [
            {"id": hsds_id("service_area", area.pk), "service_area": area.name}
            for area in entry.areas.all()
        ]
        if not entry.citywide
        else [{"id": hsds_id("service_area", "city"), "service_area": "Citywide"}],
        "service_taxonomys": [
            {
                "id": hsds_id("service_taxonomy", f"{entry.pk}/{tag.pk}"),
                "taxonomy": {
                    "id": hsds_id("taxonomy", tag.pk),
                    "name": tag.name,
                    "vocabulary": "Care Quality Portal topics",
                },
            }
            for tag in entry.tags.all()
        ],
    }
    if entry.provider:
        service["organization_id"] = hsds_id("organization", entry.provider.pk)
        service["organization"] = hsds_organization(entry.provider)
    if entry.booking_phone or entry.booking_email:
        service["contacts"].append(
            {
                "id": hsds_id("contact", entry.pk),
                "name": "Bookings and enquiries",
                "email": entry.booking_email,
                "phones": [
                    {"id": hsds_id("phone", entry.pk), "number": entry.booking_phone}
                ]
                if entry.booking_phone
                else [],
            }
        )
    return service


def hsds_page(page, content):
    """The page envelope the Open Referral UK API uses for lists."""
    return {
        "total_items": page.paginator.count,
        "total_pages": page.paginator.num_pages,
        "page_number": page.number,
        "size": page.paginator.per_page,
        "first_page": page.number == 1,
        "last_page": not page.has_next(),
        "empty": not content,
        "content": content,
    }


@require_GET
def hsds_services(request):
    """GET /api/directory/hsds/services.json: entries as Open Referral UK services."""
    _form, query = directory_query(request)
    page, page_entries = paginate(request, find_entries(query))
    return public_json(
        hsds_page(page, [hsds_service(entry, request) for entry in page_entries])
    )


@require_GET
def hsds_organizations(request):
    """GET /api/directory/hsds/organizations.json: providers of published entries."""
    providers = Provider.objects.filter(
        pk__in=filtered_entries(DirectoryQuery())
        .exclude(provider=None)
        .values("provider_id")
    ).order_by("name", "pk")
    page = Paginator(providers, page_size(request)).get_page(request.GET.get("page"))
    return public_json(
        hsds_page(page, [hsds_organization(provider) for provider in page.object_list])
    )
