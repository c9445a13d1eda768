"""Topic hubs: one page per topic tag, gathering guides, directory entries, events
and news on it.

Hubs are automatic: TopicIndexPage (/topics/) routes /topics/<tag-slug>/ for every
taggit tag with live, public content, so a new tag gets a hub the moment something
published uses it. Editors may add an introduction and pin items through a
TopicHub snippet (drafts, revisions and publishing as for pages); everything else
on a hub is worked out when it is shown.
"""

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models

from wagtail.admin.panels import FieldPanel, InlinePanel, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import DraftStateMixin, Orderable, RevisionMixin
from wagtail.search import index

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from portal.models.pages import SectionIndexPage

MAX_PINS = 4
PINNABLE_PAGE_TYPES = [
    "guides.GuidePage",
    "news.NewsPage",
    "portal.ContentPage",
    "directory.DirectoryEntryPage",
    "events.EventPage",
]


class TopicIndexPage(RoutablePageMixin, SectionIndexPage):
    """/topics/: every topic with counts, and each topic's hub at /topics/<slug>/."""

    subpage_types = []

    class Meta:
        verbose_name = "topics index"

    @path("", name="index")
    def index_route(self, request, *args, **kwargs):
        from discovery.topics_views import topic_index

        return topic_index(request, self)

    @path("<slug:slug>/", name="hub")
    def hub_route(self, request, slug):
        from discovery.topics_views import topic_hub

        return topic_hub(request, self, slug)

    def hub_url(self, slug, request=None):
        return self.get_url(request) + self.reverse_subpage("hub", args=[slug])

    def get_sitemap_urls(self, request=None):
        from discovery.topics import topics_with_counts

        urls = super().get_sitemap_urls(request)
        base = self.get_full_url(request)
        for topic in topics_with_counts():
            urls.append(
                {
                    "location": base + self.reverse_subpage("hub", args=[topic.slug]),
                    "lastmod": self.last_published_at,
                }
            )
        return urls


class TopicHub(DraftStateMixin, RevisionMixin, ClusterableModel):
    """What editors add to a topic's hub: an introduction and pinned items."""

    tag = models.OneToOneField(
        "taggit.Tag",
        on_delete=models.CASCADE,
        related_name="topic_hub",
        verbose_name="topic",
        help_text="The topic tag this hub is for.",
    )
    introduction = RichTextField(
        features=["bold", "italic", "link", "ul", "ol"],
        blank=True,
        help_text="A short introduction shown at the top of the hub.",
    )
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="topichub")

    panels = [
        FieldPanel("tag"),
        FieldPanel("introduction"),
        InlinePanel(
            "pins",
            label="Pinned item",
            heading="Pinned items",
            max_num=MAX_PINS,
            help_text=f"Up to {MAX_PINS} pages shown first, before the automatic lists.",
        ),
    ]

    search_fields = [index.SearchField("introduction")]

    class Meta:
        verbose_name = "topic hub"
        ordering = ["tag__name"]

    def __str__(self):
        return self.tag.name if self.tag_id else "Topic hub"

    @property
    def revisions(self):
        return self._revisions


class TopicHubPin(Orderable):
    hub = ParentalKey(TopicHub, related_name="pins", on_delete=models.CASCADE)
    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+"
    )
    note = models.CharField(
        max_length=200,
        blank=True,
        help_text="Optional: why it is pinned, e.g. 'Start here'. Shown with the link.",
    )

    panels = [
        PageChooserPanel("page", page_type=PINNABLE_PAGE_TYPES),
        FieldPanel("note"),
    ]


# Editors draft hub introductions and pins; moderators also publish and delete them.
TOPIC_HUB_PERMISSIONS = {
    "Editors": ["add", "change", "view"],
    "Moderators": ["add", "change", "delete", "view", "publish"],
}


def ensure_topic_hub_permissions(apps, app_label="discovery"):
    """Grant the roles their topic hub rights (called by a data migration and the
    demo, with historical or live app registries; only adds what is missing).
    Migrations from before topic hubs moved out of `portal` pass that label."""
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    ContentType = apps.get_model("contenttypes.ContentType")
    content_type, _ = ContentType.objects.get_or_create(
        app_label=app_label, model="topichub"
    )
    for group_name, actions in TOPIC_HUB_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=group_name)
        for action in actions:
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type,
                codename=f"{action}_topichub",
                defaults={"name": f"Can {action} topic hub"},
            )
            group.permissions.add(permission)
