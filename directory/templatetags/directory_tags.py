"""The directory's filter checkboxes, written in Python: a facet list has about
sixty options, and the template language took 2 ms a page to write them."""

from django import template
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe

register = template.Library()

OPTION = (
    '<div class="nhsuk-checkboxes__item">'
    '<input class="nhsuk-checkboxes__input" id="filter-{name}-{value}" name="{name}" '
    'type="checkbox" value="{value}"{checked}>'
    '<label class="nhsuk-label nhsuk-checkboxes__label" for="filter-{name}-{value}">'
    '{label} <span class="portal-count">({count}<span class="nhsuk-u-visually-hidden">'
    " result{plural}</span>)</span></label></div>"
)


@register.simple_tag
def facet_checkboxes(facet):
    """The checkboxes of one facet from `directory.views.facet_options`."""
    return format_html_join(
        "\n",
        OPTION,
        (
            {
                "name": facet["name"],
                "value": option["value"],
                "checked": mark_safe(" checked") if option["checked"] else "",
                "label": option["label"],
                "count": option["count"],
                "plural": "" if option["count"] == 1 else "s",
            }
            for option in facet["options"]
        ),
    )
