"""The local admin login that `make run` prints.

The password comes from PORTAL_ADMIN_PASSWORD, or is generated once and kept in
var/ (outside version control) so that every later run prints the same login.
"""

import os
import secrets

from django.conf import settings


def login_file():
    return settings.VAR_DIR / "admin-login.txt"


def admin_username():
    return os.environ.get("PORTAL_ADMIN_USERNAME", "admin")


def admin_password():
    password = os.environ.get("PORTAL_ADMIN_PASSWORD")
    if password:
        return password
    path = login_file()
    if path.exists():
        return path.read_text().strip()
    password = secrets.token_urlsafe(12)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(password + "\n")
    path.chmod(0o600)
    return password
