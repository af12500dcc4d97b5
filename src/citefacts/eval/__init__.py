"""The eval commands: the flow's own code on the shared gold sets' input formats."""
