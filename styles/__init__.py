"""Bundled stylesheets, shipped inside the package as publish.styles."""
