"""Storages: hashed static files, and media on S3-compatible object storage.

With AWS_STORAGE_BUCKET_NAME set, two storages share one bucket under different prefixes:

- `MediaStorage` (STORAGES["default"], AWS_LOCATION, default "media/"): images and
  renditions are read by URL; documents are uploaded private, because Wagtail's
  serve view streams them after checking the document's collection privacy
  (WAGTAILDOCS_SERVE_METHOD = "serve_view"), so a guessed bucket URL gets nothing.
- `PrivateMediaStorage` (STORAGES["private"], AWS_PRIVATE_LOCATION, default
  "private/"): award nomination photos and other files only the admin may see.
  Every object is uploaded private and the storage has no URL at all.

AWS_DEFAULT_ACL (for public media) and AWS_PRIVATE_ACL (default "private") name
the canned ACL sent with each upload; leave them empty for a bucket whose Object
Ownership setting disables ACLs, and let its bucket policy grant public reads on
the media prefix only.
"""

from django.contrib.staticfiles.storage import ManifestStaticFilesStorage

from storages.backends.s3 import S3Storage
from whitenoise.storage import CompressedManifestStaticFilesStorage


def without_source_maps(patterns):
    return tuple(
        (
            extension,
            tuple(
                pattern
                for pattern in extension_patterns
                if "sourceMappingURL"
                not in (pattern[0] if isinstance(pattern, tuple) else pattern)
            ),
        )
        for extension, extension_patterns in patterns
    )


class StaticFilesStorage(CompressedManifestStaticFilesStorage):
    """Hashed, compressed static files, ignoring source map comments.

    The NHS.UK frontend package ships minified CSS and JS that point to .map files
    it does not include; rewriting those references would fail collectstatic.
    """

    patterns = without_source_maps(ManifestStaticFilesStorage.patterns)


# Wagtail's upload folder for documents (wagtail.documents.models.get_upload_to).
PRIVATE_MEDIA_PREFIXES = ("documents/",)


class MediaStorage(S3Storage):
    def __init__(self, *, private_acl="private", **options):
        self.private_acl = private_acl
        super().__init__(**options)

    def get_object_parameters(self, name):
        parameters = super().get_object_parameters(name)
        # `name` is the bucket key, AWS_LOCATION included.
        relative = name.removeprefix(self.location.strip("/") + "/")
        if relative.startswith(PRIVATE_MEDIA_PREFIXES) and self.private_acl:
            parameters["ACL"] = self.private_acl
        return parameters


class PrivateMediaStorage(S3Storage):
    def url(self, name, *args, **kwargs):
        raise ValueError("Private files have no public URL.")
