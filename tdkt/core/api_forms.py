"""The API's writes validate with the same Django forms as the web pages (the same Vietnamese messages), and
document their bodies in the OpenAPI schema with a serializer derived from the form (`form_serializer`)."""

from __future__ import annotations

from django import forms
from rest_framework import serializers

from .errors import DomainError


def validated(form: forms.Form) -> dict:
    """The form's cleaned data, or a DomainError (400) whose details are the form's messages by field."""
    if not form.is_valid():
        details = {field: [str(e) for e in errors] for field, errors in form.errors.items()}
        first = next(iter(details.values()))[0]
        raise DomainError(f"Dữ liệu không hợp lệ: {first}", code="invalid", details=details)
    return form.cleaned_data


def _field(field: forms.Field) -> serializers.Field:
    common = {"required": field.required, "label": str(field.label or ""), "help_text": str(field.help_text or "") or None}
    if isinstance(field, forms.ModelChoiceField):
        return serializers.IntegerField(**common)
    if isinstance(field, forms.TypedChoiceField) and field.coerce is int:
        return serializers.IntegerField(**common)
    if isinstance(field, forms.ChoiceField):
        if field.choices:
            return serializers.ChoiceField(choices=[c for c, _ in field.choices if c != ""], **common)
        return serializers.CharField(**common)
    if isinstance(field, forms.IntegerField):
        return serializers.IntegerField(min_value=field.min_value, max_value=field.max_value, allow_null=not field.required, **common)
    if isinstance(field, forms.BooleanField):
        return serializers.BooleanField(**{**common, "required": False})
    if isinstance(field, forms.DateField):
        return serializers.DateField(**common)
    if isinstance(field, forms.FileField):
        return serializers.FileField(**common)
    return serializers.CharField(max_length=getattr(field, "max_length", None), **common)


def form_serializer(name: str, form_class: type[forms.Form], *, partial: bool = False) -> type[serializers.Serializer]:
    """A serializer class with the form's declared fields (for the schema only: the form validates)."""
    attrs = {}
    for key, field in form_class.base_fields.items():
        out = _field(field)
        if partial:
            out.required = False
        attrs[key] = out
    return type(name, (serializers.Serializer,), attrs)
