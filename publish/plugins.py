"""Readers, transforms and backends, found through entry points (built-ins included)."""

from __future__ import annotations

from functools import lru_cache
from importlib.metadata import entry_points

from publish.errors import UsageError

GROUPS = {"reader": "publish.readers", "backend": "publish.backends", "transform": "publish.transforms"}


@lru_cache(maxsize=None)
def available(kind: str) -> dict:
    """name -> EntryPoint for one kind ('reader', 'backend', 'transform')."""
    found = {}
    for ep in entry_points(group=GROUPS[kind]):
        found.setdefault(ep.name, ep)
    return dict(sorted(found.items()))


def load(kind: str, name: str):
    """An instance of the named plug-in; a clear usage error when it is not installed."""
    eps = available(kind)
    if name not in eps:
        names = ", ".join(eps) or "none"
        raise UsageError(f"unknown {kind} '{name}'", hint=f"installed {kind}s: {names}")
    obj = eps[name].load()
    return obj() if isinstance(obj, type) else obj


def distribution(ep) -> str:
    dist = getattr(ep, "dist", None)
    return f"{dist.name} {dist.version}" if dist else "?"


def transforms(backend: str | None = None) -> list:
    """Transforms in priority order, keeping those meant for ``backend`` (None: all-backend ones)."""
    loaded = [load("transform", name) for name in available("transform")]
    loaded = [t for t in loaded if not t.backends or backend in t.backends]
    return sorted(loaded, key=lambda t: (t.priority, t.name))
