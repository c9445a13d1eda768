from directory.templatetags.directory_tags import facet_checkboxes


def test_facet_checkboxes_label_each_box_escape_text_and_keep_choices():
    html = facet_checkboxes(
        {
            "name": "topic",
            "options": [
                {"value": "falls", "label": "Falls <b>", "count": 1, "checked": True},
                {
                    "value": "oral-care",
                    "label": "Oral care",
                    "count": 3,
                    "checked": False,
                },
            ],
        }
    )
    assert (
        'id="filter-topic-falls" name="topic" type="checkbox" value="falls" checked>'
        in html
    )
    assert 'for="filter-topic-falls">Falls &lt;b&gt; ' in html
    assert '(1<span class="nhsuk-u-visually-hidden"> result</span>)' in html
    assert 'value="oral-care">' in html and "> results</span>)" in html
