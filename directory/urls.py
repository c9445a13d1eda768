"""Public, read-only data URLs for the directory (the JSON API and exports).

They live under /api/directory/ so they never clash with the Wagtail page
tree, where the directory itself is the page at /directory/.
"""

from django.urls import path

from directory import api
from directory.feeds import directory_feed

app_name = "directory_api"

urlpatterns = [
    path("api/directory/entries/", api.entries, name="entries"),
    path("api/directory/entries/<int:entry_id>/", api.entry, name="entry"),
    path("api/directory/feed/", directory_feed, name="feed"),
    path("api/directory/export.csv", api.export_csv, name="export_csv"),
    path("api/directory/hsds/services.json", api.hsds_services, name="hsds_services"),
    path(
        "api/directory/hsds/organizations.json",
        api.hsds_organizations,
        name="hsds_organizations",
    ),
]
