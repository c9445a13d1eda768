from importlib import import_module

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from portal.indexing import search_indexing_paused

# Each app's demo module has a seed() function; order matters (pages need the home page).
DEMO_MODULES = ["portal.demo", "directory.demo"]


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
            for module_name in DEMO_MODULES:
                import_module(module_name).seed()
        if not options["skip_index"]:
            call_command("update_index", verbosity=0)
        self.stdout.write(self.style.SUCCESS("Demo content is in place."))
