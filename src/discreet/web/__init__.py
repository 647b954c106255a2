"""The local web page of `discreet serve` (optional extra `web`): nothing here is imported by the CLI."""
