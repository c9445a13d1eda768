from django import forms

from portal.forms_utils import home_type_filter, topic_filter


class GuideFilterForm(forms.Form):
    topic = topic_filter()
    home_type = home_type_filter()

    def __init__(self, *args, topic_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topic"].choices = list(topic_choices)
