"""What a signed-in manager sees on their own page: their plan and what comes
next, surveys waiting for them, training and guides for their type of home,
the next network meetings and the Leadership Academy cohorts open to them.

Only live, public content is offered (never a draft or a private page), and
each list is short, with a link to the whole section filtered for them.
"""

from urllib.parse import urlencode

from academy.models import AcademyCohort, AcademyPage, CohortStatus
from directory.choices import Audience
from directory.models import DirectoryEntryPage, DirectoryIndexPage
from events.services import upcoming_network_meetings
from guides.models import GuideIndexPage, GuidePage
from portal.models.home_types import suits_any_home_type
from portal.visibility import index_url, public
from tracker import services
from tracker.choices import MilestoneState
from tracker.feedback import open_surveys
from tracker.services import plan_for

ITEMS_PER_LIST = 5

# The plan as the manager reads it: the team arranges each step, so a step
# past its date is "to be arranged", not the manager's fault.
STATE_FOR_MANAGER = {
    MilestoneState.DONE: ("Done", "green"),
    MilestoneState.OVERDUE: ("To be arranged", "yellow"),
    MilestoneState.DUE_THIS_WEEK: ("This week", "blue"),
    MilestoneState.UPCOMING: ("Coming up", "grey"),
}


def surveys_waiting(manager, on=None):
    """The surveys this manager can answer now."""
    return list(open_surveys(on).filter(manager=manager).order_by("due_on", "pk"))


def filtered_url(base, **params):
    return f"{base}?{urlencode(params)}" if base else ""


def training_for(manager, request=None):
    entries = (
        public(DirectoryEntryPage.objects.live(), request)
        .filter(suits_any_home_type([manager.home_type]), for_managers=True)
        .order_by("next_date_sort", "title")[:ITEMS_PER_LIST]
    )
    return list(entries)


def guides_for(manager, request=None):
    guides = (
        public(GuidePage.objects.live(), request)
        .filter(suits_any_home_type([manager.home_type]))
        .order_by("-last_reviewed", "title")[:ITEMS_PER_LIST]
    )
    return list(guides)


def open_cohorts(request=None, on=None):
    """Leadership Academy cohorts open for applications that have not started,
    each with the link to apply."""
    on = on or services.today()
    academy = public(AcademyPage.objects.live(), request).first()
    if academy is None:
        return []
    cohorts = AcademyCohort.objects.filter(
        page=academy, status=CohortStatus.OPEN, starts_on__gte=on
    ).order_by("starts_on", "pk")
    found = []
    for cohort in cohorts:
        if not cohort.is_open():  # full, though not yet marked so
            continue
        cohort.apply_url = academy.get_url(request) + academy.reverse_subpage(
            "apply", args=[cohort.pk]
        )
        found.append(cohort)
    return found[:ITEMS_PER_LIST]


def manager_page_context(manager, request=None):
    on = services.today()
    plan = [
        (milestone, *STATE_FOR_MANAGER[state])
        for milestone, state in plan_for(manager, on)
    ]
    next_steps = [item for item in plan if item[0].done_on is None]
    home_type = manager.home_type
    return {
        "manager": manager,
        "plan": plan,
        "next_step": next_steps[0][0] if next_steps else None,
        "steps_done": len(plan) - len(next_steps),
        "surveys": surveys_waiting(manager, on),
        "training": training_for(manager, request),
        "training_url": filtered_url(
            index_url(DirectoryIndexPage, request),
            home_type=home_type,
            audience=Audience.MANAGER,
        ),
        "guides": guides_for(manager, request),
        "guides_url": filtered_url(
            index_url(GuideIndexPage, request), home_type=home_type
        ),
        "network_meetings": upcoming_network_meetings(),
        "cohorts": open_cohorts(request, on),
        "academy_url": index_url(AcademyPage, request),
    }
