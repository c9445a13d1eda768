from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = "Care Quality Portal"

    def ready(self):
        # Connects the signal that keeps search suggestions' vocabulary current.
        from portal import spelling  # noqa: F401
