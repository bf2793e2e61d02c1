"""Client for the orders channel."""

from pydantic import TypeAdapter

from ..base.client import BaseClient, ReconnectPolicy, credential_headers
from .messages import IncomingMessage, Order, OutgoingMessage


class OrdersClient(BaseClient[IncomingMessage, OutgoingMessage]):
    """WebSocket client for the orders channel at /ws/orders."""

    path = "/ws/orders"
    incoming_adapter = TypeAdapter[IncomingMessage](IncomingMessage)
    server_url = "wss://api.example.com"

    def __init__(
        self,
        base_url: str | None = None,
        /,
        protocol: str = "ws",
        headers: dict[str, str] | None = None,
        reconnect: ReconnectPolicy | None = None,
        *,
        x_api_key: str | None = None,
        x_tenant: str | None = None,
        api_key: str | None = None,
        page: str | None = None,
        bearer_token: str | None = None,
    ) -> None:
        """Connect with the credentials the document asks for.

        Args:
            x_api_key: Sent as the X-Api-Key header.
            x_tenant: Sent as the X-Tenant header.
            api_key: Sent as the api_key query parameter.
            page: Sent as the page query parameter.
            bearer_token: Sent as Authorization: Bearer <token>.
        """
        super().__init__(
            base_url,
            protocol=protocol,
            headers=credential_headers(
                headers,
                {"X-Api-Key": x_api_key, "X-Tenant": x_tenant},
                bearer_token=bearer_token,
            ),
            reconnect=reconnect,
            query_params={"api_key": api_key, "page": page},
        )

    async def send_message(self, message: OutgoingMessage) -> None:
        """Send one of the messages this channel accepts."""
        await super().send_message(message)

    async def handle_message(self, message: IncomingMessage) -> None:
        """Handle a message from the server: by default, call the `on_` method of its type."""
        match message:
            case Order():
                await self.on_order(message)

    async def on_order(self, message: Order) -> None:
        """Handle a Order; override this to process it."""
