"""Reference numbers people can read out on the phone, and saving records with one.

Used by award nominations, Leadership Academy applications and support requests.
"""

import secrets
import time

from django.db import IntegrityError, OperationalError, transaction

REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"  # no 0/O, 1/I/L
REFERENCE_LENGTH = 6
MAX_TRIES = 8


def new_reference(prefix):
    """E.g. 'CQT-7KQ3X9': no look-alike characters."""
    code = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(REFERENCE_LENGTH))
    return f"{prefix}-{code}"


def save_with_new_reference(prefix, model, create, draw=new_reference):
    """Call `create(reference)` in a transaction with a fresh reference.

    References are random, so two submissions can rarely draw the same one: the
    unique constraint refuses the second and it is tried with another. A briefly
    locked SQLite database (many people submitting at once) is waited out too.
    """
    for attempt in range(MAX_TRIES):
        reference = draw(prefix)
        try:
            with transaction.atomic():
                return create(reference)
        except IntegrityError:
            if model.objects.filter(reference=reference).exists():
                continue  # the reference was taken: draw another
            raise
        except OperationalError as error:
            if "locked" not in str(error) or attempt == MAX_TRIES - 1:
                raise
            time.sleep(0.05 * (attempt + 1))
    raise IntegrityError(f"Could not find a free {model._meta.verbose_name} reference.")
