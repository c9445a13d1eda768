"""The filters the listings of tagged pages for some kinds of home share (guides,
news): by topic and by home type, both allow-listed by the listing's form first."""

from portal.models.home_types import suits_any_home_type


def on_topics_for_home_types(pages, tag_model, topics=(), home_types=()):
    """`pages` on any of `topics` (tag slugs, through `tag_model`) that suit any
    of `home_types`; an empty list filters nothing."""
    if topics:
        tagged = tag_model.objects.filter(tag__slug__in=topics).values(
            "content_object_id"
        )
        pages = pages.filter(pk__in=tagged)
    if home_types:
        pages = pages.filter(suits_any_home_type(home_types))
    return pages
