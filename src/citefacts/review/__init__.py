"""Review: reviewer decisions kept apart from extraction output, reconciled across re-extractions.

``store`` is the append-only decision log, ``reconcile`` carries fact ids and decisions over a
re-extraction, ``diff`` says what a run changed, ``server`` and ``report`` show the facts to people.
"""
