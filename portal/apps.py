from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = "Care Quality Portal"

    def ready(self):
        # Connects the signal that keeps search suggestions' vocabulary current.
        # Re-indexes published pages once their tags are saved.
        from portal import (
            indexing,  # noqa: F401
            page_cache,
            spelling,  # noqa: F401
        )

        # Publishing and content changes empty the public page cache.
        page_cache.connect_signals()
