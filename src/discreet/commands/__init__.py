"""The commands other than audit, one module each, and what they share; cli.py registers them."""
