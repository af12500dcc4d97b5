"""Property-based fuzzing of the readers, extraction, linker, checker and JSON round trip (hypothesis)."""
