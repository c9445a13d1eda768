"""modelsearch's backend test suite, pointed at the Whoosh backend.

Not collected by the main run (modelsearch's test app must not be installed in
the portal); ``test_conformance.py`` runs it under its own settings.
"""

from django.test import TestCase

from modelsearch.tests.test_backends import BackendTests


class WhooshBackendConformanceTests(BackendTests, TestCase):
    backend_path = "portal.search.backend"
