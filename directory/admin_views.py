"""Admin screens for the directory: CSV import with a preview, and two reports
(entries not checked for a year, broken links).

The views only handle the request; the rules live in `directory.csv_import` and
`directory.link_checker`.
"""

import datetime
import uuid
from pathlib import Path

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.views.generic import TemplateView

from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.admin.views.reports import ReportView

from directory.csv_import import MAX_FILE_BYTES, check_file, import_entries
from directory.link_checker import broken_links, latest_results
from directory.models import DirectoryEntryPage, DirectoryIndexPage

SESSION_KEY = "directory_csv_import"
EXAMPLE_CSV = Path(settings.BASE_DIR) / "docs" / "directory-example.csv"
NOT_CHECKED_FOR = datetime.timedelta(days=365)


def can_import(user):
    """Importing adds pages under the directory, so it needs that permission."""
    index = DirectoryIndexPage.objects.first()
    return bool(index and index.permissions_for_user(user).can_add_subpage())


def can_see_directory_reports(user):
    index = DirectoryIndexPage.objects.first()
    return bool(index and index.permissions_for_user(user).can_edit())


class CsvUploadForm(forms.Form):
    csv_file = forms.FileField(
        label="CSV file",
        help_text="Saved as 'CSV UTF-8 (Comma delimited)', up to 2 MB.",
        error_messages={
            "required": "Choose a CSV file to import",
            "empty": "The file is empty",
            "invalid": "Choose a CSV file to import",
        },
    )

    def clean_csv_file(self):
        upload = self.cleaned_data["csv_file"]
        if not upload.name.lower().endswith(".csv"):
            raise forms.ValidationError(
                "Choose a CSV file (its name ends in .csv). To import a spreadsheet, "
                "save it as 'CSV UTF-8 (Comma delimited)' first."
            )
        if upload.size > MAX_FILE_BYTES:
            raise forms.ValidationError(
                "The file is larger than 2 MB. Split it into smaller files and "
                "import them one at a time."
            )
        return upload.read()


class DirectoryImportMixin(WagtailAdminTemplateMixin):
    header_icon = "upload"
    page_title = "Import directory entries"
    template_name = "directory/admin/import.html"

    def dispatch(self, request, *args, **kwargs):
        if not can_import(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["export_url"] = reverse("directory_api:export_csv")
        context["example_url"] = reverse("directory_import:example")
        context["upload_url"] = reverse("directory_import:index")
        context["confirm_url"] = reverse("directory_import:confirm")
        return context


class ImportView(DirectoryImportMixin, TemplateView):
    """Upload a file, then see what it would do before anything is imported."""

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(form=CsvUploadForm()))

    def post(self, request, *args, **kwargs):
        form = CsvUploadForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        data = form.cleaned_data["csv_file"]
        report = check_file(data, request.user)
        token = ""
        if report.ok:
            # The file waits in this user's session until they confirm; the form
            # carries only a token naming it, never the data.
            token = uuid.uuid4().hex
            request.session[SESSION_KEY] = {
                "token": token,
                "name": request.FILES["csv_file"].name,
                "data": data.decode("utf-8-sig"),
            }
        else:
            request.session.pop(SESSION_KEY, None)
        return self.render_to_response(
            self.get_context_data(
                form=CsvUploadForm(),
                report=report,
                token=token,
                file_name=request.FILES["csv_file"].name,
            )
        )


class ConfirmImportView(DirectoryImportMixin, TemplateView):
    """Import the file uploaded earlier, checking it again first."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        upload = request.session.get(SESSION_KEY)
        if not upload or upload.get("token") != request.POST.get("token"):
            messages.error(
                request,
                "That upload is no longer waiting to be imported. Choose the file again.",
            )
            return redirect("directory_import:index")
        report = import_entries(upload["data"].encode("utf-8"), user=request.user)
        if not report.ok:
            # Something changed since the preview (say, an area was removed).
            request.session.pop(SESSION_KEY, None)
            return self.render_to_response(
                self.get_context_data(
                    form=CsvUploadForm(),
                    report=report,
                    token="",
                    file_name=upload["name"],
                )
            )
        del request.session[SESSION_KEY]
        messages.success(request, report.summary)
        return redirect("wagtailadmin_explore", report.index.pk)


def example_csv(request):
    if not can_import(request.user):
        raise PermissionDenied
    if not EXAMPLE_CSV.exists():
        raise Http404("The example file is not installed.")
    return FileResponse(
        EXAMPLE_CSV.open("rb"),
        as_attachment=True,
        filename="directory-example.csv",
        content_type="text/csv; charset=utf-8",
    )


class DirectoryReportView(ReportView):
    """A report editors of the directory can see and download."""

    def dispatch(self, request, *args, **kwargs):
        if not can_see_directory_reports(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


def edit_url(entry_id):
    return reverse("wagtailadmin_pages:edit", args=[entry_id])


class NotCheckedReportView(DirectoryReportView):
    """Entries whose details nobody has confirmed for more than a year."""

    page_title = "Entries not checked for 12 months"
    header_icon = "time"
    index_url_name = "directory_not_checked:index"
    index_results_url_name = "directory_not_checked:results"
    columns = [
        TitleColumn(
            "title",
            label="Entry",
            get_url=lambda entry: edit_url(entry.pk),
        ),
        Column(
            "provider",
            label="Provider",
            accessor=lambda entry: entry.provider.name if entry.provider else "",
        ),
        DateColumn("last_checked", label="Last checked"),
        Column("status_string", label="Status"),
    ]
    list_export = ["title", "provider", "last_checked", "status_string", "full_url"]
    export_headings = {
        "title": "Entry",
        "provider": "Provider",
        "last_checked": "Last checked",
        "status_string": "Status",
        "full_url": "Page address",
    }
    verbose_name_plural = "entries not checked for 12 months"

    @cached_property
    def cutoff(self):
        return timezone.localdate() - NOT_CHECKED_FOR

    def get_filename(self):
        return f"directory-not-checked-{timezone.localdate().isoformat()}"

    def get_queryset(self):
        return (
            DirectoryEntryPage.objects.filter(last_checked__lt=self.cutoff)
            .select_related("provider")
            .order_by("last_checked", "title")
        )


class BrokenLinksReportView(DirectoryReportView):
    """Links the last run of `check_directory_links` found broken."""

    page_title = "Broken links in the directory"
    header_icon = "warning"
    index_url_name = "directory_broken_links:index"
    index_results_url_name = "directory_broken_links:results"
    template_name = "directory/admin/broken_links.html"
    columns = [
        TitleColumn(
            "entry_title",
            label="Entry",
            get_url=lambda result: edit_url(result.entry_id),
        ),
        Column("link", label="Link"),
        Column("url", label="Address"),
        Column("problem", label="Problem"),
        Column("checked_at", label="Checked"),
    ]
    list_export = ["entry_title", "link", "url", "problem", "status", "checked_at"]
    export_headings = {
        "entry_title": "Entry",
        "link": "Link",
        "url": "Address",
        "problem": "Problem",
        "status": "HTTP status",
        "checked_at": "Checked",
    }
    verbose_name_plural = "broken links"

    def get_filename(self):
        return f"directory-broken-links-{timezone.localdate().isoformat()}"

    def get_queryset(self):
        return broken_links()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        results = latest_results()
        context["last_run"] = results[0].checked_at if results else None
        return context
