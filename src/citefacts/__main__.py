"""``python -m citefacts`` runs the command line."""

from citefacts.cli import main

main()
