"""discreet: find what a resume or public profile must not make public."""

__version__ = "0.1.0"
