from importlib import import_module
from importlib.util import find_spec

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from demo.loader import ContentError
from portal.indexing import search_indexing_paused

# Demo modules with read_content() (their files in demo/content/) and seed()
# functions, in order: everything goes under the home page demo.site makes, and
# guides link to directory entries.
DEMO_MODULES = [
    "demo.site",
    "demo.directory",
    "demo.guides",
    "demo.academy",
    "demo.events",
    "demo.awards",
    "demo.news",
    "demo.topics",
]


def demo_modules():
    for name in DEMO_MODULES:
        if find_spec(name) is not None:
            yield import_module(name)


class Command(BaseCommand):
    help = (
        "Load the demo content (pages, role users) from demo/content/ and rebuild "
        "the search index. Safe to run again: existing content is left as it is."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--volume",
            type=int,
            default=0,
            help="Also add this many generated directory entries (for benchmarks).",
        )
        parser.add_argument(
            "--check",
            action="store_true",
            help="Only read and check the content files; change nothing.",
        )
        parser.add_argument(
            "--skip-index",
            action="store_true",
            help="Do not rebuild the search index (new demo content is then not searchable).",
        )

    def handle(self, *args, **options):
        if getattr(settings, "PORTAL_ENVIRONMENT", "") == "production":
            raise CommandError("seed_demo refuses to run with production settings.")
        # Every file is read and checked before anything is written.
        try:
            contents = [(module, module.read_content()) for module in demo_modules()]
        except ContentError as error:
            raise CommandError(f"Demo content: {error}") from None
        if options["check"]:
            self.stdout.write(self.style.SUCCESS("The demo content files are fine."))
            return
        # The index is rebuilt once at the end rather than on every save.
        with search_indexing_paused(), transaction.atomic():
            for module, content in contents:
                module.seed(content)
            if options["volume"]:
                from directory.bulk import add_bulk_entries

                add_bulk_entries(options["volume"])
        if not options["skip_index"]:
            call_command("update_index", verbosity=0)
        self.stdout.write(self.style.SUCCESS("Demo content is in place."))
