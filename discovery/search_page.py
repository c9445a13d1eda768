"""The site-wide search: pages of every type and public documents, together."""

from dataclasses import dataclass

from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, Page

from academy.models import AcademyPage
from directory.models import DirectoryEntryPage
from guides.models import GuidePage
from portal.models import ContentPage
from portal.search.query import parsed_query
from support.models import SupportRequestPage

# The kinds of result people can narrow to, with the page types behind each.
RESULT_KINDS = {
    "guide": ("Guides", [GuidePage]),
    "directory": ("Training and resources", [DirectoryEntryPage]),
    "page": ("Other pages", [ContentPage, AcademyPage, SupportRequestPage]),
}


def kind_models():
    """Models for every result kind, including apps added later (events, awards)."""
    kinds = dict(RESULT_KINDS)
    from django.apps import apps

    extra = [
        ("event", "Events", ("events", "EventPage")),
        ("awards", "Awards", ("awards", "AwardsYearPage")),
    ]
    for key, label, (app_label, model_name) in extra:
        try:
            kinds[key] = (label, [apps.get_model(app_label, model_name)])
        except LookupError:
            continue
    return kinds


@dataclass
class SiteSearch:
    text: str
    kind: str = ""

    def pages(self):
        queryset = Page.objects.live().public()
        kinds = kind_models()
        if self.kind in kinds:
            queryset = queryset.type(*kinds[self.kind][1])
        return queryset.search(parsed_query(self.text))

    def kind_counts(self):
        """How many results each kind of page has for this text."""
        visible = Page.objects.live().public()
        query = parsed_query(self.text)
        return [
            {
                "key": key,
                "label": label,
                "count": visible.type(*models).search(query).count(),
            }
            for key, (label, models) in kind_models().items()
        ]

    def documents(self, limit=5):
        """Documents in collections anyone may see."""
        restricted = Collection.objects.filter(
            pk__in=CollectionViewRestriction.objects.values("collection")
        )
        hidden = set()
        for collection in restricted:
            hidden.update(
                collection.get_descendants(inclusive=True).values_list("pk", flat=True)
            )
        documents = get_document_model().objects.exclude(collection__in=hidden)
        return list(documents.search(parsed_query(self.text))[:limit])
