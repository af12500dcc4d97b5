"""Prefect flows: orchestration only; every step is a call into the citefacts library.

``settings`` holds Prefect's quiet defaults (no import of Prefect, so they can be applied before it loads);
``extract`` is one run over a file, ``reextract`` the scheduled run over a folder, ``serve`` is ``make serve``.
"""
