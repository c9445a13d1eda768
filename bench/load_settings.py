"""Production settings for `bench/load_bench.py`: plain HTTP on 127.0.0.1, and
the nomination form's anti-spam timing and rate limit opened up so a load test
can submit it many times from one address."""

from portal.settings.production import *  # noqa: F403

SECURE_SSL_REDIRECT = False
AWARDS_MIN_SECONDS_TO_FILL = 0
AWARDS_NOMINATIONS_PER_HOUR = 1_000_000
