"""Streetlights MQTT API: generated WebSocket client.

Version: 1.0.0

The Smartylighting Streetlights API allows you to remotely manage the city lights.

### Check out its awesome features:

* Turn a specific streetlight on/off 🌃
* Dim a specific streetlight 😎
* Receive real-time information about environmental lighting conditions 📈
"""

__title__ = "Streetlights MQTT API"
__version__ = "1.0.0"

__all__ = ["__title__", "__version__"]
