"""Messages and models shared by two or more channels."""
