from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from portal.demo_login import admin_password, admin_username


class Command(BaseCommand):
    help = (
        "Create the local administrator account if it is missing, and print its login."
    )

    def add_arguments(self, parser):
        parser.add_argument("--url", default="http://127.0.0.1:8000/admin/")

    def handle(self, *args, **options):
        User = get_user_model()
        username = admin_username()
        password = admin_password()
        user = User.objects.filter(username=username).first()
        if user is None:
            User.objects.create_superuser(
                username=username,
                email=f"{username}@example.gov.uk",
                password=password,
                first_name="Site",
                last_name="Administrator",
            )
            note = "created"
        elif user.check_password(password):
            note = "already set up"
        else:
            password = "(unchanged: you set a different password for this account)"
            note = "already set up"
        self.stdout.write(
            f"Admin login ({note}): {options['url']}  username: {username}  "
            f"password: {password}"
        )
