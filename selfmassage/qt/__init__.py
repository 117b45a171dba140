"""The window: the only package that imports Qt. It shows the core's state and forwards commands."""
