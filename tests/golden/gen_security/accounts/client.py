"""Client for the accounts channel."""

from ..base.client import BaseClient, ReconnectPolicy, credential_headers
from .messages import IncomingMessage, OutgoingMessage


class AccountsClient(BaseClient[IncomingMessage, OutgoingMessage]):
    """WebSocket client for the accounts channel at /ws/accounts."""

    path = "/ws/accounts"
    incoming_adapter = None
    server_url = "wss://api.example.com"

    def __init__(
        self,
        base_url: str | None = None,
        /,
        protocol: str = "ws",
        headers: dict[str, str] | None = None,
        reconnect: ReconnectPolicy | None = None,
        *,
        bearer_token: str | None = None,
        username: str | None = None,
        password: str | None = None,
    ) -> None:
        """Connect with the credentials the document asks for.

        Args:
            bearer_token: Sent as Authorization: Bearer <token>.
            username, password: Sent as Authorization: Basic <both, encoded>.
        """
        super().__init__(
            base_url,
            protocol=protocol,
            headers=credential_headers(
                headers,
                {},
                bearer_token=bearer_token,
                username=username,
                password=password,
            ),
            reconnect=reconnect,
        )

    async def send_message(self, message: OutgoingMessage) -> None:
        """Send one of the messages this channel accepts."""
        await super().send_message(message)

    async def handle_message(self, message: IncomingMessage) -> None:
        """Handle a message from the server; override this to process it."""
