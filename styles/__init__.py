"""Bundled stylesheets, shipped inside the package as publish.styles."""

#: Print styles by name: the style sheets each layers, in order (print-large overrides print).
PRINT_STYLES = {"print": ("print.css",), "print-large": ("print.css", "print-large.css")}
