"""Sound: cues and spoken prompts for each session event, players that play them without blocking, and the
sound check. No Qt here."""
