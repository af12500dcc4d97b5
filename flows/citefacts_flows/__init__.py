"""Prefect flows: orchestration only; every step is a call into the citefacts library."""
