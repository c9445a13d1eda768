from django.contrib.staticfiles.storage import ManifestStaticFilesStorage

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
