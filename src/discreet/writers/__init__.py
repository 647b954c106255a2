"""Writers of the copies discreet fix makes, one module per output kind."""
