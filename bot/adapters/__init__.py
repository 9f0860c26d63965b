"""Adapters: the I/O edges (feeds, store, chat platforms, console) around the core."""
