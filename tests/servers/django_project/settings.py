"""Settings of the end-to-end test server on Django Channels."""

SECRET_KEY = "only-for-tests"
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
INSTALLED_APPS = [
    "django.contrib.contenttypes",
    "django.contrib.auth",
    "channels",
    "rest_framework",
    "chanx.channels",
]
ROOT_URLCONF = "django_project.urls"
ASGI_APPLICATION = "django_project.asgi.application"
DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}
CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}
USE_TZ = True
CHANX = {
    "CAMELIZE": False,
    "SEND_COMPLETION": False,
    "LOG_WEBSOCKET_MESSAGE": False,
    "ASYNCAPI_TITLE": "Chanx test server (Django)",
    "ASYNCAPI_DESCRIPTION": "Served by the end-to-end tests",
}
