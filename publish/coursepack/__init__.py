"""Coursepacks: many articles, one EPUB and one printed handout, each article keeping its
own credit line, notes and permission record. Described by a ``coursepack.toml`` manifest."""

from publish.coursepack.manifest import Item, Manifest, Permission, Section, parse
from publish.coursepack.pack import Coursepack, Entry, is_manifest, load

__all__ = ["Coursepack", "Entry", "Item", "Manifest", "Permission", "Section", "is_manifest", "load", "parse"]
