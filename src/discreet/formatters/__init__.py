"""One module per output format, each exposing render(report, options) -> str."""
