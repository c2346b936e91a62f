from django.contrib.auth import views as auth_views
from django.urls import path

app_name = "accounts"

urlpatterns = [
    path("dang-nhap/", auth_views.LoginView.as_view(template_name="accounts/login.html"), name="login"),
    path("dang-xuat/", auth_views.LogoutView.as_view(), name="logout"),
]
urlpatterns += [
    path("doi-mat-khau/", auth_views.PasswordChangeView.as_view(template_name="accounts/password_change.html", success_url="/"), name="password_change"),
]
