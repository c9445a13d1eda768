"""Checking and cleaning uploaded photos with Pillow, never trusting the file name.

A photo is accepted only if Pillow recognises it as JPEG, PNG or WebP, its
dimensions are within limits (checked before decoding, so decompression bombs
are refused cheaply) and it decodes cleanly. It is then re-encoded as a JPEG,
which drops all metadata, EXIF location included.
"""

import io
import warnings

from django.conf import settings
from django.core.exceptions import ValidationError

from PIL import Image, ImageOps, UnidentifiedImageError

ALLOWED_FORMATS = {"JPEG", "PNG", "WEBP"}
LONGEST_SIDE = 2000


def max_photo_bytes():
    return getattr(settings, "AWARDS_MAX_PHOTO_BYTES", 8 * 1024 * 1024)


def max_photo_pixels():
    return getattr(settings, "AWARDS_MAX_PHOTO_PIXELS", 40_000_000)


NOT_AN_IMAGE = "The photo must be a JPEG, PNG or WebP image"


def clean_photo(upload):
    """Return the photo as clean JPEG bytes, or raise ValidationError."""
    limit = max_photo_bytes()
    if upload.size > limit:
        raise ValidationError(
            f"The photo must be smaller than {limit // (1024 * 1024)} MB"
        )
    data = upload.read(limit + 1)
    if not data:
        raise ValidationError("The photo file is empty")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as probe:
                if probe.format not in ALLOWED_FORMATS:
                    raise ValidationError(NOT_AN_IMAGE)
                width, height = probe.size
                if width * height > max_photo_pixels():
                    raise _too_many_pixels()
                probe.verify()
            # verify() leaves the image unusable: open it again to decode it.
            with Image.open(io.BytesIO(data)) as image:
                image.load()
                image = ImageOps.exif_transpose(image)
                if image.mode not in ("RGB", "L"):
                    image = _flatten(image)
                image.thumbnail((LONGEST_SIDE, LONGEST_SIDE))
                output = io.BytesIO()
                # No exif= or icc_profile= argument: nothing from the original
                # file's metadata is written.
                image.save(output, format="JPEG", quality=85, optimize=True)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise _too_many_pixels() from None
    except ValidationError:
        raise
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError):
        raise ValidationError(NOT_AN_IMAGE) from None
    except Exception:  # any other decoder failure is still a bad upload
        raise ValidationError(NOT_AN_IMAGE) from None
    return output.getvalue()


def _too_many_pixels():
    return ValidationError(
        "The photo is too large in pixels. Choose a smaller photo or resize it "
        "(for example, to 4000 by 3000 pixels or less)"
    )


def _flatten(image):
    """Transparent or palette images become RGB on a white background."""
    image = image.convert("RGBA")
    background = Image.new("RGB", image.size, (255, 255, 255))
    background.paste(image, mask=image.getchannel("A"))
    return background
