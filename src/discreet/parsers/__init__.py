"""One module per input format, each exposing parse(path, limits) -> Document."""
