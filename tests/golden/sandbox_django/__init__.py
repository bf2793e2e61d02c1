"""CHANX AsyncAPI Documentation: generated WebSocket client.

Version: 1.0.0

Websocket schema of Chanx
"""

__title__ = "CHANX AsyncAPI Documentation"
__version__ = "1.0.0"

__all__ = ["__title__", "__version__"]
