"""Sound cues: which cue each session event gets, and players that play them without blocking. No Qt here."""
