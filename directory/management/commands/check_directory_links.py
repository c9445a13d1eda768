from django.core.management.base import BaseCommand, CommandError

from directory.link_checker import (
    DEFAULT_TIMEOUT,
    WORKERS,
    check_directory_links,
    save_results,
)


class Command(BaseCommand):
    help = (
        "Check every live directory entry's booking link and provider website, "
        "and keep the results for the 'Broken links in the directory' report."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--timeout",
            type=float,
            default=DEFAULT_TIMEOUT,
            help=f"Seconds allowed for each link (default {DEFAULT_TIMEOUT:g}).",
        )
        parser.add_argument(
            "--workers",
            type=int,
            default=WORKERS,
            help=f"How many links to check at once (default {WORKERS}).",
        )

    def handle(self, *args, **options):
        if options["timeout"] <= 0:
            raise CommandError("--timeout must be more than 0 seconds.")
        results = check_directory_links(
            timeout=options["timeout"], workers=options["workers"]
        )
        save_results(results)
        broken = [result for result in results if not result.ok]
        for result in broken:
            self.stdout.write(
                f"Broken: {result.entry_title} - {result.link.lower()} "
                f"{result.url} ({result.problem})"
            )
        entries = len({result.entry_id for result in results})
        summary = (
            f"Checked {len(results)} links on {entries} entries: {len(broken)} broken."
        )
        style = self.style.WARNING if broken else self.style.SUCCESS
        self.stdout.write(style(summary))
