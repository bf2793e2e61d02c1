"""Messages and models used by two or more channels."""
