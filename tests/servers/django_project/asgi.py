"""The end-to-end test server on Django Channels: `daphne django_project.asgi:application`."""

import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "django_project.settings")

from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402
from chanx.channels.routing import path  # noqa: E402
from chanx.channels.websocket import AsyncJsonWebsocketConsumer  # noqa: E402
from django.core.asgi import get_asgi_application  # noqa: E402

from chat_api import build_consumers  # noqa: E402
from topics_api import build_hub  # noqa: E402

django_application = get_asgi_application()
consumers = build_consumers(AsyncJsonWebsocketConsumer)

# The same addresses as the FastAPI app, in Django's path syntax.
websocket_routes = URLRouter(
    [
        path("ws/chat", consumers["chat"].as_asgi()),
        path("ws/rooms/<str:room_id>", consumers["rooms"].as_asgi()),
        path("ws/orgs/<str:org>/threads/<int:thread_id>", consumers["threads"].as_asgi()),
        path("ws/profiles", consumers["profiles"].as_asgi()),
        path("ws/secure", consumers["secure"].as_asgi()),
        path("ws/hub", build_hub(AsyncJsonWebsocketConsumer).as_asgi()),
    ]
)

application = ProtocolTypeRouter({"http": django_application, "websocket": websocket_routes})
