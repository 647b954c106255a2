"""Writers of safe copies: one module per output format."""
