"""One settings module, configured by environment variables (documented in README.md).

Strict helpers: a malformed boolean or number is an error, not a silent default.
"""

import secrets
from pathlib import Path

import environ

BASE_DIR = Path(__file__).resolve().parent.parent
PACKAGE_DIR = Path(__file__).resolve().parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False) if (BASE_DIR / ".env").exists() else None


def env_bool(name: str, default: bool) -> bool:
    raw = env.str(name, default="")
    if raw == "":
        return default
    value = raw.strip().lower()
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off"}:
        return False
    raise environ.ImproperlyConfigured(f"{name}={raw!r}: expected true/false")


VAR_DIR = Path(env.str("TDKT_VAR_DIR", default=str(BASE_DIR / "var")))
VAR_DIR.mkdir(parents=True, exist_ok=True)

DEBUG = env_bool("DEBUG", False)


def _secret_key() -> str:
    key = env.str("SECRET_KEY", default="")
    if key:
        return key
    path = VAR_DIR / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = _secret_key()
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "rules.apps.AutodiscoverRulesConfig",
    "simple_history",
    "django_tasks_db",
    "axes",
    "tdkt.core",
    "tdkt.org",
    "tdkt.accounts",
    "tdkt.law",
    "tdkt.records",
    "tdkt.documents",
    "tdkt.reports",
    "tdkt.nominations",
    "tdkt.council",
    "tdkt.decisions",
    "tdkt.movements",
    "tdkt.plans",
    "tdkt.web",
    "tdkt.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "tdkt.core.middleware.LanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "tdkt.core.middleware.HtmxLoginRedirectMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "tdkt.urls"
WSGI_APPLICATION = "tdkt.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "tdkt.core.context_processors.site",
                "tdkt.core.context_processors.navigation",
                "tdkt.core.context_processors.notifications",
            ],
        },
    },
]

# Database: SQLite in var/ by default (WAL, IMMEDIATE transactions, busy timeout); PostgreSQL via DATABASE_URL.
DATABASE_URL = env.str("DATABASE_URL", default="")
if DATABASE_URL:
    DATABASES = {"default": env.db_url_config(DATABASE_URL)}
    DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("DB_CONN_MAX_AGE", default=60))
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": env.str("SQLITE_PATH", default=str(VAR_DIR / "tdkt.sqlite3")),
            "OPTIONS": {
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            },
        }
    }

# Cache: Redis when REDIS_URL is set (production, the web bench). Every worker then reads the sessions from it
# (written through to the database) and the values of tdkt.core.shared_cache (role assignments, the unit filter's
# options). Without it, each process keeps its own memory cache, which memoises nothing shared (`make run`, tests).
REDIS_URL = env.str("REDIS_URL", default="")
TDKT_SHARED_CACHE = bool(REDIS_URL)
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL,
                          "KEY_PREFIX": env.str("CACHE_KEY_PREFIX", default="tdkt"), "TIMEOUT": 3600}}
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # first: refuses a locked-out username or address before any password check
    "rules.permissions.ObjectPermissionBackend",
    "tdkt.accounts.backends.StaffModelBackend",  # model permissions for staff (the admin) only: no queries for the others
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "web:home"
LOGOUT_REDIRECT_URL = "accounts:login"
# Login throttling (django-axes, tdkt.accounts.throttle): every way in (the login form, the admin, API token creation,
# password change) counts failures by username and by client address; past a limit, that username or address is
# locked for LOGIN_LOCKOUT_MINUTES after its last failure (HTTP 429, a Vietnamese page). See decision 0007.
LOGIN_MAX_FAILURES = env.int("LOGIN_MAX_FAILURES", default=5)
LOGIN_MAX_FAILURES_PER_ADDRESS = env.int("LOGIN_MAX_FAILURES_PER_ADDRESS", default=20)
LOGIN_LOCKOUT_MINUTES = env.int("LOGIN_LOCKOUT_MINUTES", default=15)
BEHIND_PROXY = env_bool("BEHIND_PROXY", False)  # the client's address is the last one the proxy put in X-Forwarded-For
AXES_HANDLER = "tdkt.accounts.throttle.ThrottleHandler"
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_FAILURE_LIMIT = "tdkt.accounts.throttle.failure_limit"
AXES_COOLOFF_TIME = "tdkt.accounts.throttle.cool_off"
AXES_LOCKOUT_CALLABLE = "tdkt.accounts.throttle.lockout_response"
AXES_CLIENT_IP_CALLABLE = "tdkt.accounts.throttle.client_address"
AXES_RESET_ON_SUCCESS = True
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_DISABLE_ACCESS_LOG = True
AXES_ENABLE_ADMIN = False  # tdkt.accounts.admin shows the attempts in Vietnamese, with an audited unlock
AXES_VERBOSE = False
# masked in the stored form data of a failed attempt (axes always masks "password")
AXES_SENSITIVE_PARAMETERS = ["username", "ip_address", "old_password", "new_password1", "new_password2", "csrfmiddlewaretoken"]
# Password reset by e-mail: requests per e-mail address and per client address within the window; the link's life.
PASSWORD_RESET_MAX_PER_EMAIL = env.int("PASSWORD_RESET_MAX_PER_EMAIL", default=3)
PASSWORD_RESET_MAX_PER_ADDRESS = env.int("PASSWORD_RESET_MAX_PER_ADDRESS", default=10)
PASSWORD_RESET_WINDOW_MINUTES = 60
PASSWORD_RESET_TIMEOUT = env.int("PASSWORD_RESET_TIMEOUT_HOURS", default=24) * 3600
CSRF_FAILURE_VIEW = "tdkt.core.views.csrf_failure"

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
LOCALE_PATHS = [PACKAGE_DIR / "locale", PACKAGE_DIR / "locale_vendor"]  # ours; Django's and third-party strings they lack
FORMAT_MODULE_PATH = ["tdkt.core.formats"]  # dates as dd/mm/yyyy in the admin and in forms
TIME_ZONE = env.str("TIME_ZONE", default="Asia/Ho_Chi_Minh")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)
# tdkt/static (Bootstrap, the site stylesheet) is not inside an app, so the finders need it named.
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(VAR_DIR / "media")))
# MEDIA_URL is never routed (tdkt/urls.py): attachments are served by a view after its permission check
# (tdkt.core.uploads.serve_upload); the reverse proxy must not serve MEDIA_ROOT either.
# The largest attachment accepted, in MB (MiB) per file (tdkt.core.uploads, decision 0016).
TDKT_UPLOAD_MAX_MB = env.int("TDKT_UPLOAD_MAX_MB", default=20)
if TDKT_UPLOAD_MAX_MB < 1:
    raise environ.ImproperlyConfigured(f"TDKT_UPLOAD_MAX_MB={TDKT_UPLOAD_MAX_MB}: expected a whole number of MB, at least 1")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

# Documents (tdkt.documents): the LibreOffice program that converts .docx to PDF, the longest a conversion may take,
# and whether amounts are followed by the amount in words in brackets (DOCUMENTS.md §7: practice, not a rule of ND 30).
TDKT_SOFFICE = env.str("TDKT_SOFFICE", default="soffice")
TDKT_PDF_TIMEOUT = env.int("TDKT_PDF_TIMEOUT", default=180)
if TDKT_PDF_TIMEOUT < 1:
    raise environ.ImproperlyConfigured(f"TDKT_PDF_TIMEOUT={TDKT_PDF_TIMEOUT}: expected a whole number of seconds, at least 1")
TDKT_MONEY_IN_WORDS = env_bool("TDKT_MONEY_IN_WORDS", True)

TASKS = {
    "default": {
        "BACKEND": env.str("TASKS_BACKEND", default="django_tasks_db.DatabaseBackend"),
    }
}

SPECTACULAR_SETTINGS = {
    "TITLE": "TĐKT API",
    "DESCRIPTION": "Thi đua, khen thưởng: kiểm tra điều kiện, tính tiền thưởng, sửa hồ sơ cá nhân và thành tích, "
                   "đợt xét và hồ sơ đề nghị khen thưởng.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    # The readable docs (/api/docs/) with Swagger UI served by the app itself (no CDN: closed government networks).
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "ENUM_NAME_OVERRIDES": {"GenderEnum": "tdkt.org.models.Gender"},
}
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "tdkt.core.api_auth.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "EXCEPTION_HANDLER": "tdkt.core.api.exception_handler",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "UNAUTHENTICATED_USER": None,
}

MAILERS = {
    "default": {"BACKEND": env.str("EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")},
}
if MAILERS["default"]["BACKEND"].endswith("smtp.EmailBackend"):
    MAILERS["default"]["OPTIONS"] = {
        "host": env.str("EMAIL_HOST", default="localhost"),
        "port": env.int("EMAIL_PORT", default=25),
        "username": env.str("EMAIL_HOST_USER", default=""),
        "password": env.str("EMAIL_HOST_PASSWORD", default=""),
        "use_tls": env_bool("EMAIL_USE_TLS", False),
    }
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="tdkt@localhost")
# The site's public address, for the links of the notification mails (core.notifications.site_url): by default the
# first CSRF_TRUSTED_ORIGINS entry, else http://127.0.0.1:8000 (`make run`).
TDKT_SITE_URL = env.str("TDKT_SITE_URL", default="").strip().rstrip("/")
if TDKT_SITE_URL and not TDKT_SITE_URL.startswith(("http://", "https://")):
    raise environ.ImproperlyConfigured(f"TDKT_SITE_URL={TDKT_SITE_URL!r}: expected an address starting with http:// or https://")

# Demo data: the province whose wards are seeded (Hà Nội = 1).
TDKT_PROVINCE_CODE = env.int("TDKT_PROVINCE_CODE", default=1)

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
if not DEBUG:
    SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", False)
    CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", False)
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if BEHIND_PROXY else None

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"one_line_forbidden": {"()": "tdkt.core.logs.OneLineForbidden"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["one_line_forbidden"]}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="WARNING")},
}
