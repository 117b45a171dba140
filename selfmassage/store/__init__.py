"""What selfmassage keeps on disk: routine files, settings and the session history. No Qt here."""
