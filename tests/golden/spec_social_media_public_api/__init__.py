"""Public API: generated WebSocket client.

Version: 1.0.0

Public API for others to interact with the system
"""

__title__ = "Public API"
__version__ = "1.0.0"

__all__ = ["__title__", "__version__"]
