from django import forms
from django.utils.translation import gettext_lazy as _

from .models import CertificateForm, CertificateSubject


class CertificatePrintForm(forms.Form):
    unit = forms.ModelChoiceField(label=_("Cơ quan ban hành quyết định"), queryset=None)
    decision_number = forms.CharField(label=_("Số quyết định"), max_length=60, help_text=_("Ví dụ: 05/QĐ-UBND"))
    form = forms.ChoiceField(label=_("Loại phôi"), choices=CertificateForm.choices)
    subject = forms.ChoiceField(label=_("Đối tượng"), choices=CertificateSubject.choices)
    authority = forms.CharField(label=_("Thẩm quyền khen thưởng"), max_length=200,
                                help_text=_("Ví dụ: CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG ĐỐNG ĐA"))
    signer_title = forms.CharField(label=_("Chức danh người ký"), max_length=100, initial="CHỦ TỊCH")
    signer_name = forms.CharField(label=_("Họ tên người ký"), max_length=150)
    place = forms.CharField(label=_("Địa danh"), max_length=100, initial="Hà Nội")
    blank = forms.BooleanField(label=_("In trên giấy trắng (in cả Quốc hiệu và đường viền)"), required=False)
    pdf = forms.BooleanField(label=_("Tạo cả bản PDF"), required=False, initial=True)

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
        for field in self.fields.values():
            widget = field.widget
            css = ("form-check-input" if isinstance(widget, forms.CheckboxInput)
                   else "form-select" if isinstance(widget, forms.Select) else "form-control")
            widget.attrs.setdefault("class", css)
