"""Layout "edge cases": generated WebSocket client.

Version: 2.0.0-beta

A document written to exercise the generator's naming and layout.
  It has an indented line, and a docstring-closing \"\"\" sequence.
"""

__title__ = 'Layout "edge cases"'
__version__ = "2.0.0-beta"

__all__ = ["__title__", "__version__"]
