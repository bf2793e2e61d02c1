"""Comments Service: generated WebSocket client.

Version: 1.0.0

This service is in charge of processing all the events related to comments.
"""

__title__ = "Comments Service"
__version__ = "1.0.0"

__all__ = ["__title__", "__version__"]
