import pytest

from tests.factories import (
    AreaFactory,
    DirectoryEntryPageFactory,
    DirectoryIndexPageFactory,
)


@pytest.fixture
def directory(home_page):
    """A directory with an entry on dementia care and one on medicines, and the
    city's North area to filter by."""
    index = DirectoryIndexPageFactory(parent=home_page)
    AreaFactory(name="North")
    DirectoryEntryPageFactory(
        parent=index, title="Dementia care mapping", topics=["Dementia care"]
    )
    DirectoryEntryPageFactory(
        parent=index, title="Safe handling of medicines", topics=["Medicines"]
    )
    return index
