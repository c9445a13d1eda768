from django.apps import AppConfig


class TrackerConfig(AppConfig):
    name = "tracker"
    verbose_name = "Manager Tracker"

    def ready(self):
        from django.db.models.signals import post_delete

        from tracker import privacy
        from tracker.models import CareHomeManager, ContactNote

        for model in (CareHomeManager, ContactNote):
            post_delete.connect(
                privacy.forget_deleted, sender=model, dispatch_uid=f"forget-{model}"
            )
