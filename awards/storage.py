"""Where nomination photos live until an editor publishes them: never under a
public URL. STORAGES["private"] chooses the place: a folder outside MEDIA_ROOT
(PrivateStorage, the default) or a private prefix of the S3 bucket
(portal.storage.PrivateMediaStorage)."""

import os
from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages


def private_media_root():
    configured = getattr(settings, "AWARDS_PRIVATE_MEDIA_ROOT", None)
    return Path(configured or Path(settings.VAR_DIR) / "private-media")


class PrivateStorage(FileSystemStorage):
    """A file system storage with no public URL; files are served only by a view
    that checks permissions. Its location follows settings at each use, so tests
    and deployments can move it without a migration."""

    @property
    def base_location(self):
        return str(private_media_root())

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        raise ValueError("Private files have no public URL.")


private_storage = PrivateStorage()


def get_private_storage():
    if "private" in settings.STORAGES:
        return storages["private"]
    return private_storage
