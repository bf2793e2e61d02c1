"""Slack Real Time Messaging API: generated WebSocket client.

Version: 1.0.0
"""

__title__ = "Slack Real Time Messaging API"
__version__ = "1.0.0"

__all__ = ["__title__", "__version__"]
