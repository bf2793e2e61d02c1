"""Client for the lightingMeasured channel."""

from ..base.client import BaseClient
from .messages import IncomingMessage, OutgoingMessage


class LightingMeasuredClient(BaseClient[IncomingMessage, OutgoingMessage]):
    """WebSocket client for the lightingMeasured channel at smartylighting/streetlights/1/0/event/{streetlightId}/lighting/measured.

    The topic on which measured values may be produced and consumed.
    """

    path = "smartylighting/streetlights/1/0/event/{streetlightId}/lighting/measured"
    incoming_adapter = None

    async def send_message(self, message: OutgoingMessage) -> None:
        """Send one of the messages this channel accepts."""
        await super().send_message(message)

    async def handle_message(self, message: IncomingMessage) -> None:
        """Handle a message from the server; override this to process it."""
