import pytest

from tests.factories import DirectoryEntryPageFactory, DirectoryIndexPageFactory


@pytest.fixture
def directory(home_page):
    return DirectoryIndexPageFactory(parent=home_page)


@pytest.fixture
def entries(directory):
    """A small directory spread over the facets."""
    return {
        "dementia": DirectoryEntryPageFactory(
            parent=directory,
            title="Dementia care mapping",
            summary="Observe and improve the wellbeing of people living with dementia.",
            suits_residential=False,
            suits_nursing=False,
            suits_emi=True,
            topics=["Dementia care"],
            cost="paid",
            price="£120 per person",
            format="blended",
        ),
        "pressure": DirectoryEntryPageFactory(
            parent=directory,
            title="React to Red pressure ulcer training",
            summary="Spot the early signs of pressure damage and act on them.",
            suits_residential=True,
            suits_nursing=True,
            suits_emi=True,
            topics=["Pressure area care", "Dementia care"],
            for_nurses=True,
        ),
        "medicines": DirectoryEntryPageFactory(
            parent=directory,
            title="Safe handling of medicines",
            summary="Giving, recording and storing medication safely.",
            suits_residential=True,
            suits_nursing=False,
            suits_emi=False,
            topics=["Medication management"],
            kind="elearning",
            format="elearning",
            citywide=False,
            area_names=["North"],
        ),
        "funding": DirectoryEntryPageFactory(
            parent=directory,
            title="Workforce development fund",
            summary="Money towards accredited training for care staff.",
            kind="funding",
            format="service",
            topics=["Recruitment and retention"],
            for_care_workers=False,
            for_owners=True,
            citywide=False,
            area_names=["South"],
        ),
    }
