"""FastSelect writes the markup of Django's Select (its templates), without rendering two templates per option."""

from django import forms

from tdkt.core.widgets import FastSelect

CHOICES = [("", "Tất cả"), ("x<\"", "A & B"), (2, "hai"), ("Nhóm", [("3", "ba"), ("4", "bốn")])]


class Both(forms.Form):
    plain = forms.ChoiceField(choices=CHOICES, required=False)
    fast = forms.ChoiceField(choices=CHOICES, required=False, widget=FastSelect)
    plain_required = forms.ChoiceField(choices=CHOICES)
    fast_required = forms.ChoiceField(choices=CHOICES, widget=FastSelect)


def _markup(form, name):
    html = str(form[name]).replace(f"id_{name}", "ID").replace(f'name="{name}"', 'name="N"')
    return "".join(part.strip() for part in html.splitlines())


def test_fast_select_writes_what_django_s_select_writes():
    for data in ({"plain": "2", "fast": "2", "plain_required": "4", "fast_required": "4"}, None):
        form = Both(data)
        for field in form.fields.values():
            field.widget.attrs["class"] = "form-select"
        assert _markup(form, "fast") == _markup(form, "plain")
        assert _markup(form, "fast_required") == _markup(form, "plain_required")
    assert "<option value=\"2\" selected>hai</option>" in _markup(Both({"fast": "2"}), "fast")
    assert "&amp;" in _markup(Both(), "fast") and 'value="x&lt;&quot;"' in _markup(Both(), "fast")
