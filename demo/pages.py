"""Putting demo pages in the tree as editors' pages are: added under their
parent and published with a revision, so the admin shows them as normal
published pages."""


def publish_child(parent, page):
    """Add the unsaved `page` under `parent` and publish it."""
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def section_page(home, model, spec, *, same_slug=True):
    """The section's `model` page under `home`: the one there already (the one
    with the content's slug, unless `same_slug` is false, when any will do), or
    a new one made from `spec`, shown in menus and published."""
    pages = model.objects.child_of(home)
    if same_slug:
        pages = pages.filter(slug=spec["slug"])
    return pages.first() or publish_child(home, model(show_in_menus=True, **spec))
