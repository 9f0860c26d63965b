"""The fault suite: each fault over real HTTP on loopback, checked at the user and the store."""
