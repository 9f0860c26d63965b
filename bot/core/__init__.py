"""The functional core: figures, extraction, stance, matching, comparison, routing, rendering.

Nothing in this package performs I/O, reads the clock or looks at the environment.
"""
