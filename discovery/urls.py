"""Site search, "find training for my home" and email alerts: the ways in that
look across the portal's apps (outside the page tree)."""

from django.urls import include, path

from discovery import finder, views

urlpatterns = [
    path("search/", views.site_search, name="search"),
    path("alerts/", include("discovery.alerts_urls")),
    path("find-training/", finder.find_training, name="find_training"),
]
