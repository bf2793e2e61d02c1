"""Client for the lightingMeasured channel."""

from typing import TypedDict

from ..base.client import BaseClient, ReconnectPolicy, credential_headers
from .messages import IncomingMessage, OutgoingMessage


class LightingMeasuredPathParams(TypedDict):
    """Values for the placeholders of smartylighting/streetlights/1/0/event/{streetlightId}/lighting/measured."""

    streetlightId: str | int


class LightingMeasuredClient(BaseClient[IncomingMessage, OutgoingMessage]):
    """WebSocket client for the lightingMeasured channel at smartylighting/streetlights/1/0/event/{streetlightId}/lighting/measured.

    The topic on which measured values may be produced and consumed.
    """

    path = "smartylighting/streetlights/1/0/event/{streetlightId}/lighting/measured"
    incoming_adapter = None

    def __init__(
        self,
        base_url: str | None = None,
        /,
        protocol: str = "ws",
        headers: dict[str, str] | None = None,
        path_params: LightingMeasuredPathParams | None = None,
        reconnect: ReconnectPolicy | None = None,
        *,
        bearer_token: str | None = None,
    ) -> None:
        """Connect with the credentials the document asks for.

        Args:
            bearer_token: Sent as Authorization: Bearer <token>.
        """
        super().__init__(
            base_url,
            protocol=protocol,
            headers=credential_headers(headers, {}, bearer_token=bearer_token),
            path_params=dict(path_params or {}),
            reconnect=reconnect,
        )

    async def send_message(self, message: OutgoingMessage) -> None:
        """Send one of the messages this channel accepts."""
        await super().send_message(message)

    async def handle_message(self, message: IncomingMessage) -> None:
        """Handle a message from the server; override this to process it."""
