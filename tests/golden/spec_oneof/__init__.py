"""OneOf example: generated WebSocket client.

Version: 1.0.0
"""

__title__ = "OneOf example"
__version__ = "1.0.0"

__all__ = ["__title__", "__version__"]
