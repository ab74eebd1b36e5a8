"""sitrep: news text -> an auditable database of who did what to whom, when and where."""
