"""The demo content files and their loader: every file reads in full, and a
mistake in one is reported with the file and the key, before anything is written."""

import datetime
import shutil

from django.apps import apps
from django.core.management import CommandError, call_command

from wagtail.models import Page

import pytest

from demo import blocks, loader
from demo.loader import ContentError, load
from demo.management.commands.seed_demo import demo_modules
from directory.choices import HomeType
from guides.models import GuidePage
from news.models import NewsPage


@pytest.fixture
def content_dir(tmp_path, monkeypatch):
    """An empty content folder in place of demo/content/."""
    monkeypatch.setattr(loader, "CONTENT_DIR", tmp_path)
    return tmp_path


@pytest.fixture
def demo_copy(tmp_path, monkeypatch):
    """A copy of the real demo content to break, in place of demo/content/."""
    copy = tmp_path / "content"
    shutil.copytree(loader.CONTENT_DIR, copy)
    monkeypatch.setattr(loader, "CONTENT_DIR", copy)
    return copy


def write(folder, name, text):
    (folder / name).parent.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")


def test_every_content_file_is_read_and_every_key_used():
    # read_content() ends with done(), which fails on any key nothing reads.
    for module in demo_modules():
        assert module.read_content()


def test_a_file_that_is_not_valid_yaml_is_named_with_the_line(content_dir):
    write(content_dir, "news.yaml", "items:\n  - slug: one\n   title: Two\n")
    with pytest.raises(ContentError) as error:
        load("news.yaml")
    assert str(error.value) == (
        "demo/content/news.yaml (line 3, column 4): not valid YAML: "
        "did not find expected '-' indicator"
    )


def test_a_missing_file_is_named(content_dir):
    with pytest.raises(ContentError, match=r"^demo/content/gone\.yaml: the file"):
        load("gone.yaml")


def test_a_key_given_twice_is_refused(content_dir):
    write(content_dir, "page.yaml", "title: One\nsummary: Two\ntitle: Three\n")
    with pytest.raises(
        ContentError, match=r"page\.yaml \(line 3.*'title' is given twice"
    ):
        load("page.yaml")


def test_a_missing_key_is_named_with_its_record(content_dir):
    write(content_dir, "news.yaml", "items:\n  - slug: red-bag\n    summary: A\n")
    (item,) = load("news.yaml").records("items")
    with pytest.raises(ContentError) as error:
        item.text("title")
    assert str(error.value) == (
        "demo/content/news.yaml: items[0] (red-bag).title: required, but missing or empty"
    )


def test_a_value_that_is_not_a_choice_is_named_with_the_choices(content_dir):
    write(content_dir, "entries.yaml", "entries:\n  - slug: one\n    homes: [nursng]\n")
    (entry,) = load("entries.yaml").records("entries")
    with pytest.raises(ContentError) as error:
        entry.choice_list("homes", HomeType)
    assert str(error.value) == (
        "demo/content/entries.yaml: entries[0] (one).homes[0]: the text 'nursng' is "
        "not one of the choices: 'residential', 'nursing', 'emi'"
    )


def test_an_unknown_key_is_reported_with_the_likely_key(content_dir):
    write(content_dir, "page.yaml", "title: One\nsumary: Two\n")
    page = load("page.yaml")
    page.text("title")
    page.text("summary", "")
    with pytest.raises(ContentError) as error:
        page.done()
    assert str(error.value) == (
        "demo/content/page.yaml: sumary: unknown key (did you mean 'summary'?)"
    )


def test_text_that_yaml_reads_as_a_number_asks_for_quotes(content_dir):
    write(content_dir, "site.yaml", "phone: 0100\n")
    with pytest.raises(ContentError, match="found the number 64: put it in quotes"):
        load("site.yaml").text("phone")


def test_rich_text_becomes_html(content_dir):
    write(
        content_dir,
        "page.yaml",
        "one: A paragraph.\n"
        "many:\n"
        "  - First.\n"
        "  - heading: Then\n"
        "  - bullets: [a, b]\n"
        "  - numbered: [c]\n",
    )
    page = load("page.yaml")
    assert page.rich_text("one") == "<p>A paragraph.</p>"
    assert page.rich_text("many") == (
        "<p>First.</p><h3>Then</h3><ul><li>a</li><li>b</li></ul><ol><li>c</li></ol>"
    )


def test_dates_are_relative_to_today(content_dir):
    write(
        content_dir,
        "dates.yaml",
        "ahead: {weeks_from_today: 2}\nbehind: {days_ago: 3}\nboth: {days_ago: 1, weeks_ago: 1}\n",
    )
    dates = load("dates.yaml")
    today = datetime.date(2026, 3, 2)
    assert dates.date("ahead", today) == datetime.date(2026, 3, 16)
    assert dates.days_from_today("behind") == -3
    with pytest.raises(ContentError, match="both: give the date as one of"):
        dates.days_from_today("both")


def test_a_body_takes_only_blocks_its_page_can_hold(content_dir):
    body = (
        "body:\n"
        "  - type: warning_callout\n"
        "    title: Call 999\n"
        "    text: [Make the person safe.]\n"
        "  - type: table\n"
        "    caption: Compared\n"
        "    header: [Type, Nurses]\n"
        "    rows: [[Nursing, 'Yes']]\n"
    )
    write(content_dir, "page.yaml", body)
    assert blocks.stream(load("page.yaml"), "body", GuidePage) == [
        {
            "type": "warning_callout",
            "value": {
                "title": "Call 999",
                "heading_level": 3,
                "body": "<p>Make the person safe.</p>",
            },
        },
        {
            "type": "table",
            "value": {
                "caption": "Compared",
                "table": {
                    "data": [["Type", "Nurses"], ["Nursing", "Yes"]],
                    "first_row_is_table_header": True,
                    "first_col_is_header": True,
                    "table_caption": "",
                },
            },
        },
    ]
    with pytest.raises(ContentError, match=r"body\[1\]\.type: the text 'table' is not"):
        blocks.stream(load("page.yaml"), "body", NewsPage)


def test_a_guide_file_must_be_listed(demo_copy):
    from demo import guides

    write(demo_copy, "guides/new-guide.yaml", "slug: new-guide\n")
    with pytest.raises(ContentError, match="guides/new-guide.yaml is not listed"):
        guides.read_content()


def content_counts():
    return {model._meta.label: model.objects.count() for model in apps.get_models()}


@pytest.mark.django_db
def test_a_broken_file_stops_seed_demo_before_anything_is_written(demo_copy):
    news = (demo_copy / "news.yaml").read_text(encoding="utf-8")
    (demo_copy / "news.yaml").write_text(
        news.replace("audience: managers", "audience: manager", 1), encoding="utf-8"
    )
    before = content_counts()
    with pytest.raises(CommandError) as error:
        call_command("seed_demo", "--skip-index")
    message = str(error.value)
    assert message.startswith("Demo content: demo/content/news.yaml: items[")
    assert ".audience: the text 'manager' is not one of the choices" in message
    assert content_counts() == before


@pytest.mark.django_db
def test_a_second_run_changes_nothing_and_leaves_edits_alone(settings, tmp_path):
    settings.VAR_DIR = tmp_path
    call_command("seed_demo", "--skip-index")
    guide = GuidePage.objects.get(slug="medicines-management-basics")
    guide.title = "Medicines management: an editor's title"
    guide.save_revision().publish()
    first = content_counts()
    pages = list(Page.objects.values_list("pk", "title", "latest_revision_id"))

    call_command("seed_demo", "--skip-index")

    assert content_counts() == first
    assert list(Page.objects.values_list("pk", "title", "latest_revision_id")) == pages
    assert GuidePage.objects.get(pk=guide.pk).title == guide.title
