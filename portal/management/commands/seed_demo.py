from importlib import import_module
from importlib.util import find_spec

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from portal.indexing import search_indexing_paused

# Each app may have a demo module with a seed() function. Order matters: the other
# apps' pages go under the home page that portal.demo makes.
DEMO_APPS = ["portal", "directory", "events", "awards"]


def demo_modules():
    for app in DEMO_APPS:
        if find_spec(f"{app}.demo") is not None:
            yield import_module(f"{app}.demo")


class Command(BaseCommand):
    help = (
        "Load the demo content (pages, role users) and rebuild the search index. "
        "Safe to run again: existing content is left as it is."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--skip-index",
            action="store_true",
            help="Do not rebuild the search index (new demo content is then not searchable).",
        )

    def handle(self, *args, **options):
        if getattr(settings, "PORTAL_ENVIRONMENT", "") == "production":
            raise CommandError("seed_demo refuses to run with production settings.")
        # The index is rebuilt once at the end rather than on every save.
        with search_indexing_paused(), transaction.atomic():
            for module in demo_modules():
                module.seed()
        if not options["skip_index"]:
            call_command("update_index", verbosity=0)
        self.stdout.write(self.style.SUCCESS("Demo content is in place."))
