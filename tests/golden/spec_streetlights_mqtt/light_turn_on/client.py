"""Client for the lightTurnOn channel."""

from typing import TypedDict

from pydantic import TypeAdapter

from ..base.client import BaseClient, ReconnectPolicy, credential_headers
from .messages import IncomingMessage, OutgoingMessage, TurnOnOffPayload


class LightTurnOnPathParams(TypedDict):
    """Values for the placeholders of smartylighting/streetlights/1/0/action/{streetlightId}/turn/on."""

    streetlightId: str | int


class LightTurnOnClient(BaseClient[IncomingMessage, OutgoingMessage]):
    """WebSocket client for the lightTurnOn channel at smartylighting/streetlights/1/0/action/{streetlightId}/turn/on."""

    path = "smartylighting/streetlights/1/0/action/{streetlightId}/turn/on"
    incoming_adapter = TypeAdapter[IncomingMessage](IncomingMessage)

    def __init__(
        self,
        base_url: str | None = None,
        /,
        protocol: str = "ws",
        headers: dict[str, str] | None = None,
        path_params: LightTurnOnPathParams | None = None,
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
        """Handle a message from the server: by default, call the `on_` method of its type."""
        match message:
            case TurnOnOffPayload():
                await self.on_turn_on_off_payload(message)

    async def on_turn_on_off_payload(self, message: TurnOnOffPayload) -> None:
        """Handle a TurnOnOffPayload; override this to process it."""
