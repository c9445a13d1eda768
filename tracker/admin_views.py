"""The Manager Tracker's admin screens beyond Wagtail's own listing and forms:
the team's dashboard and its CSV exports, a manager's record (plan and
history), marking milestones done or moving them, adding contacts and notes,
and the CSV import.

Every view checks the tracker permission it needs before it looks anything up,
so someone outside the team learns nothing, not even whether a record exists.
The rules live in `tracker.services` and `tracker.csv_import`.
"""

import csv
import datetime
import time
import uuid
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.generic import TemplateView

from wagtail.admin.ui.tables import TitleColumn
from wagtail.admin.views.generic import InspectView, WagtailAdminTemplateMixin
from wagtail.admin.views.generic.models import CreateView, EditView, IndexView

from directory.admin_views import CsvUploadForm
from portal.downloads import csv_download, private_download
from tracker import csv_import, feedback, privacy, services
from tracker.choices import DashboardList, MilestoneState
from tracker.forms import (
    ContactForm,
    DashboardFilterForm,
    EraseForm,
    MilestoneDoneForm,
    RescheduleForm,
    dashboard_list_or_none,
)
from tracker.models import CareHomeManager, FeedbackResponse, Milestone

CAN_VIEW = "tracker.view_carehomemanager"
CAN_ADD = "tracker.add_carehomemanager"
CAN_CHANGE_MILESTONES = "tracker.change_milestone"
CAN_VIEW_NOTES = "tracker.view_contactnote"
CAN_ADD_NOTES = "tracker.add_contactnote"
CAN_VIEW_FEEDBACK = "tracker.view_feedbackresponse"
CAN_DELETE = "tracker.delete_carehomemanager"

SESSION_KEY = "tracker_csv_import"
# An upload waits this long for its import to be confirmed, then is forgotten.
UPLOAD_KEPT_SECONDS = 30 * 60
PER_PAGE = 25


def require(user, *permissions):
    if not all(user.has_perm(permission) for permission in permissions):
        raise PermissionDenied


def record_url(manager_id, anchor=""):
    url = reverse("tracker_managers:inspect", args=[manager_id])
    return f"{url}#{anchor}" if anchor else url


class TrackerAdminView(WagtailAdminTemplateMixin, TemplateView):
    permissions = (CAN_VIEW,)
    header_icon = "user"

    def dispatch(self, request, *args, **kwargs):
        require(request.user, *self.permissions)
        return super().dispatch(request, *args, **kwargs)


# The dashboard -------------------------------------------------------------------


def page_url(query, param, number):
    query = query.copy()
    query[param] = number
    return "?" + query.urlencode()


def filter_query(filters):
    query = {}
    if filters["area"] is not None:
        query["area"] = filters["area"].slug
    if filters["home_type"]:
        query["home_type"] = filters["home_type"]
    return query


def export_url(name, query):
    url = reverse("tracker_dashboard:export", args=[name.value])
    return f"{url}?{urlencode(query)}" if query else url


class DashboardView(TrackerAdminView):
    """Who is due this week, who is overdue, and whose CQC registration is still
    pending, for the whole city or one area and type of home."""

    page_title = "Manager Tracker dashboard"
    template_name = "tracker/admin/dashboard.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = DashboardFilterForm(self.request.GET)
        filters = form.filters()
        on = services.today()
        query = self.request.GET
        export_query = filter_query(filters)
        lists = []
        for name in DashboardList:
            paginator = Paginator(
                services.dashboard_list(name, on=on, **filters), PER_PAGE
            )
            param = f"{name}_page"
            page = paginator.get_page(query.get(param))
            lists.append(
                {
                    "name": name.value,
                    "label": name.label,
                    "page": page,
                    "count": paginator.count,
                    "rows": self.rows(name, page, on),
                    "previous_url": page_url(query, param, page.number - 1)
                    if page.has_previous()
                    else "",
                    "next_url": page_url(query, param, page.number + 1)
                    if page.has_next()
                    else "",
                    "export_url": export_url(name, export_query),
                }
            )
        week_end = services.week_bounds(on)[1]
        context.update(
            {
                "form": form,
                "ignored": form.ignored(),
                "lists": lists,
                "today": on,
                "week_end": week_end,
                "pending_weeks": services.pending_weeks(),
                "is_filtered": any(value for value in filters.values()),
            }
        )
        return context

    def rows(self, name, page, on):
        if name == DashboardList.HELP_REQUESTED:
            return [
                {
                    "manager": request.manager,
                    "asked_on": request.happened_on,
                    "days_waiting": (on - request.happened_on).days,
                    "url": record_url(request.manager_id, "history"),
                }
                for request in page
            ]
        if name == DashboardList.REGISTRATION_PENDING:
            return [
                {
                    "manager": manager,
                    "weeks": services.weeks_since(manager.start_date, on),
                    "url": record_url(manager.pk),
                }
                for manager in page
            ]
        return [
            {
                "milestone": milestone,
                "manager": milestone.manager,
                "days_late": max((on - milestone.due_on).days, 0),
                "url": record_url(milestone.manager_id, "plan"),
            }
            for milestone in page
        ]


def export_csv(request, list_name):
    """One of the dashboard's lists, whole, with the same filters, as CSV."""
    require(request.user, CAN_VIEW)
    name = dashboard_list_or_none(list_name)
    if name is None:
        raise Http404("There is no such list.")
    filters = DashboardFilterForm(request.GET).filters()
    on = services.today()
    items = services.dashboard_list(name, on=on, **filters)
    response = csv_download(f"manager-tracker-{name.value}-{on.isoformat()}.csv")
    writer = csv.writer(response)
    for row in services.dashboard_rows(name, items, on):
        writer.writerow(row)
    return response


# Feedback from managers -----------------------------------------------------------


class FeedbackResultsView(TrackerAdminView):
    """What new managers say about their support: over time (by quarter), per
    area and per milestone, what helped, and the written answers, newest
    first. Only for people who may read feedback (the Care Quality Team)."""

    permissions = (CAN_VIEW_FEEDBACK,)
    page_title = "Feedback from new managers"
    header_icon = "comment"
    template_name = "tracker/admin/feedback_results.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = DashboardFilterForm(self.request.GET)
        filters = form.filters()
        paginator = Paginator(feedback.written_answers(**filters), PER_PAGE)
        page = paginator.get_page(self.request.GET.get("page"))
        context.update(
            {
                "form": form,
                "ignored": form.ignored(),
                "is_filtered": any(value for value in filters.values()),
                "results": feedback.results(**filters),
                "answers": page,
                "previous_url": page_url(self.request.GET, "page", page.number - 1)
                if page.has_previous()
                else "",
                "next_url": page_url(self.request.GET, "page", page.number + 1)
                if page.has_next()
                else "",
            }
        )
        return context


# Managers: the listing, forms and record ------------------------------------------


class ManagerIndexView(IndexView):
    """The listing links each manager to their record (plan and history)."""

    def _get_title_column(self, field_name, column_class=TitleColumn, **kwargs):
        # Wagtail links a listing's title to the edit form; the record (plan
        # and history) is what the team opens a manager for.
        return self._get_custom_column(
            field_name,
            self._get_title_column_class(column_class),
            get_url=self.get_inspect_url,
            **kwargs,
        )


class ManagerCreateView(CreateView):
    """Recording a manager gives them the default support plan."""

    def save_instance(self):
        manager = super().save_instance()
        self.milestones_added = services.start_support_plan(manager)
        return manager

    def get_success_message(self, instance):
        if not self.milestones_added:
            return (
                f"{instance.name} added. No milestones were added because no "
                "support plan is the default: choose one under Manager Tracker, "
                "Support plans."
            )
        plan = instance.plan_template.name if instance.plan_template else ""
        return (
            f"{instance.name} added, with {len(self.milestones_added)} milestones "
            f"from '{plan}'."
        )

    def get_success_url(self):
        return record_url(self.object.pk)


class ManagerEditView(EditView):
    def dispatch(self, request, *args, **kwargs):
        manager = CareHomeManager.objects.filter(pk=kwargs.get("pk")).first()
        if manager is not None and manager.anonymised_at is not None:
            messages.info(
                request, "This record is anonymised and can no longer change."
            )
            return redirect(record_url(manager.pk))
        return super().dispatch(request, *args, **kwargs)

    def save_instance(self):
        manager = super().save_instance()
        self.moved = services.manager_changed(manager, self.form.changed_data)
        return manager

    def get_success_message(self):
        message = f"{self.object.name}'s record saved."
        if self.moved:
            message += (
                f" {self.moved} milestone{'s' if self.moved != 1 else ''} moved to "
                "match the new start date."
            )
        return message

    def get_success_url(self):
        return record_url(self.object.pk)


class ManagerRecordView(InspectView):
    """A manager's record: the details, the dated plan, and the history of
    contacts and notes."""

    template_name = "tracker/admin/manager_record.html"

    def get_object(self, queryset=None):
        return get_object_or_404(
            CareHomeManager.objects.select_related("area", "plan_template"),
            pk=self.pk,
        )

    page_title = "Plan and notes"

    def get_field_display_value(self, field_name, field):
        value = super().get_field_display_value(field_name, field)
        if isinstance(value, datetime.date):
            return f"{value.day} {value:%B %Y}"
        if value is None or value == "":
            return "Not recorded"
        return value

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        manager = self.object
        can_see_notes = user.has_perm(CAN_VIEW_NOTES)
        context.update(
            {
                "manager": manager,
                "plan": services.plan_for(manager),
                "states": MilestoneState,
                "can_change_milestones": user.has_perm(CAN_CHANGE_MILESTONES),
                "can_see_notes": can_see_notes,
                "contacts": manager.contacts.select_related("by")
                if can_see_notes
                else [],
                "can_add_contact": user.has_perm(CAN_ADD_NOTES),
                "can_see_feedback": user.has_perm(CAN_VIEW_FEEDBACK),
                "can_erase": user.has_perm(CAN_DELETE),
                "keep_until": privacy.keep_until(manager),
                "feedback": FeedbackResponse.objects.filter(
                    milestone__manager=manager
                ).select_related("milestone")
                if user.has_perm(CAN_VIEW_FEEDBACK)
                else [],
            }
        )
        return context


# Milestones and notes -------------------------------------------------------------


class FormPageView(TrackerAdminView):
    """A small form about one manager: shows it, and on a valid post calls a
    service, showing its objections beside the fields."""

    template_name = "tracker/admin/form_page.html"
    form_class = None
    submit_label = "Save"

    def get_manager(self):
        raise NotImplementedError

    def initial(self):
        return {}

    def get_form(self, data=None):
        return self.form_class(data, initial=self.initial())

    def get_breadcrumbs_items(self):
        manager = self.get_manager()
        return self.breadcrumbs_items + [
            {"url": reverse("tracker_managers:index"), "label": "Managers"},
            {"url": record_url(manager.pk), "label": manager.name},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", self.get_form())
        context.update(
            {
                "manager": self.get_manager(),
                "cancel_url": record_url(self.get_manager().pk),
                "submit_label": self.submit_label,
            }
        )
        return context

    def post(self, request, *args, **kwargs):
        form = self.get_form(request.POST)
        if form.is_valid():
            try:
                message = self.save(form)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, message)
                return redirect(self.success_url())
        return self.render_to_response(self.get_context_data(form=form))

    def success_url(self):
        return record_url(self.get_manager().pk)

    def default_team_member(self):
        user = self.request.user
        return user.pk if services.team_members().filter(pk=user.pk).exists() else None


class MilestoneView(FormPageView):
    permissions = (CAN_VIEW, CAN_CHANGE_MILESTONES)

    def dispatch(self, request, *args, **kwargs):
        require(request.user, *self.permissions)
        self.milestone = get_object_or_404(
            Milestone.objects.select_related("manager"), pk=kwargs["pk"]
        )
        if request.method == "GET" and self.milestone.is_done:
            messages.info(request, f"'{self.milestone.name}' is already done.")
            return redirect(self.success_url())
        return super().dispatch(request, *args, **kwargs)

    def get_manager(self):
        return self.milestone.manager

    def success_url(self):
        return record_url(self.milestone.manager_id, "plan")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["milestone"] = self.milestone
        return context


class MilestoneDoneView(MilestoneView):
    form_class = MilestoneDoneForm
    submit_label = "Mark as done"

    def get_page_title(self):
        return f"Mark '{self.milestone.name}' as done"

    def initial(self):
        return {"done_on": services.today(), "done_by": self.default_team_member()}

    def save(self, form):
        services.mark_milestone_done(
            self.milestone,
            done_on=form.cleaned_data["done_on"],
            done_by=form.cleaned_data["done_by"],
            note=form.cleaned_data["note"],
        )
        return (
            f"'{self.milestone.name}' marked as done for {self.milestone.manager.name}."
        )


class RescheduleView(MilestoneView):
    form_class = RescheduleForm
    submit_label = "Reschedule"

    def get_page_title(self):
        return f"Reschedule '{self.milestone.name}'"

    def initial(self):
        return {"due_on": self.milestone.due_on}

    def save(self, form):
        services.reschedule_milestone(
            self.milestone,
            due_on=form.cleaned_data["due_on"],
            note=form.cleaned_data["note"],
        )
        return (
            f"'{self.milestone.name}' for {self.milestone.manager.name} is now due "
            f"on {services.long_date(self.milestone.due_on)}."
        )


class ReopenMilestoneView(MilestoneView):
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        services.reopen_milestone(self.milestone)
        messages.success(
            request,
            f"'{self.milestone.name}' is open again, due on "
            f"{services.long_date(self.milestone.due_on)}.",
        )
        return redirect(self.success_url())


class ManagerFormView(FormPageView):
    """A small form about the manager whose number is in the URL."""

    def dispatch(self, request, *args, **kwargs):
        require(request.user, *self.permissions)
        self.manager = get_object_or_404(CareHomeManager, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_manager(self):
        return self.manager


class AddContactView(ManagerFormView):
    permissions = (CAN_VIEW, CAN_VIEW_NOTES, CAN_ADD_NOTES)
    form_class = ContactForm
    submit_label = "Add to the history"

    def get_page_title(self):
        return "Record a contact or note"

    def initial(self):
        return {"happened_on": services.today(), "by": self.default_team_member()}

    def success_url(self):
        return record_url(self.manager.pk, "history")

    def save(self, form):
        contact = services.record_contact(
            self.manager,
            kind=form.cleaned_data["kind"],
            happened_on=form.cleaned_data["happened_on"],
            by=form.cleaned_data["by"],
            text=form.cleaned_data["text"],
            recorded_by=self.request.user,
        )
        return f"{contact.get_kind_display()} added to {self.manager.name}'s history."


# A person's data: export and erase ------------------------------------------------


def export_record(request, pk):
    """Everything held about one manager, as a JSON file (subject access)."""
    require(request.user, CAN_VIEW, CAN_VIEW_NOTES)
    manager = get_object_or_404(CareHomeManager.objects.select_related("area"), pk=pk)
    return private_download(
        privacy.export_filename(manager),
        "application/json; charset=utf-8",
        privacy.export_json(manager),
    )


class EraseView(ManagerFormView):
    """Erase a manager's record at their request, after a confirmation."""

    permissions = (CAN_VIEW, CAN_DELETE)
    page_title = "Erase this person's data"
    header_icon = "bin"
    form_class = EraseForm
    submit_label = "Erase everything about this person"

    def save(self, form):
        privacy.erase(self.manager, self.request.user)
        return "The record, its plan, contacts, notes and survey answers are erased."

    def success_url(self):
        if self.manager.pk is None:  # erased
            return reverse("tracker_managers:index")
        return super().success_url()


# CSV import -------------------------------------------------------------------------


def waited_too_long(upload):
    return time.time() - upload.get("saved_at", 0) > UPLOAD_KEPT_SECONDS


class ImportView(TrackerAdminView):
    """Upload the spreadsheet, see what each row would do, then confirm."""

    permissions = (CAN_VIEW, CAN_ADD)
    page_title = "Import managers from CSV"
    header_icon = "upload"
    template_name = "tracker/admin/import.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", CsvUploadForm())
        context.update(
            {
                "upload_url": reverse("tracker_import:index"),
                "confirm_url": reverse("tracker_import:confirm"),
                "example_url": reverse("tracker_import:example"),
            }
        )
        return context

    def get(self, request, *args, **kwargs):
        # Personal data is not kept longer than needed: an upload left waiting
        # too long is forgotten the next time the page is opened.
        upload = request.session.get(SESSION_KEY)
        if upload and waited_too_long(upload):
            request.session.pop(SESSION_KEY)
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        # A new upload replaces any file still waiting in the session.
        request.session.pop(SESSION_KEY, None)
        form = CsvUploadForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        data = form.cleaned_data["csv_file"]
        report = csv_import.check_file(data)
        token = ""
        if report.ok and report.to_create:
            # The file waits in this user's session until they confirm; the form
            # carries only a token naming it, never the data.
            token = uuid.uuid4().hex
            request.session[SESSION_KEY] = {
                "token": token,
                "name": request.FILES["csv_file"].name,
                "data": data.decode("utf-8-sig"),
                "saved_at": time.time(),
            }
        return self.render_to_response(
            self.get_context_data(
                report=report, token=token, file_name=request.FILES["csv_file"].name
            )
        )


class ConfirmImportView(ImportView):
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        upload = request.session.pop(SESSION_KEY, None)
        if (
            not upload
            or upload.get("token") != request.POST.get("token")
            or waited_too_long(upload)
        ):
            messages.error(
                request,
                "That upload is no longer waiting to be imported. Choose the file "
                "again.",
            )
            return redirect("tracker_import:index")
        report = csv_import.import_managers(
            upload["data"].encode("utf-8"), user=request.user
        )
        if not report.imported:
            # Something changed since the preview (say, an area was removed).
            return self.render_to_response(
                self.get_context_data(report=report, token="", file_name=upload["name"])
            )
        messages.success(request, report.summary)
        return redirect("tracker_managers:index")


def example_csv(request):
    require(request.user, CAN_VIEW, CAN_ADD)
    response = csv_download("manager-tracker-example.csv")
    response.write(csv_import.example_csv())
    return response
