"""The guide as plain Python: techniques, routines, rules, the session engine and its clock. No Qt here."""
