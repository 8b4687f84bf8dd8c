"""Identifier: an article without one gets a stable urn:uuid derived from its source."""

from __future__ import annotations

import uuid

from publish.model import E
from publish.model.article import IDENTIFIER_KEY
from publish.transforms import Transform

NAMESPACE = uuid.UUID("5b0f4c1e-58d4-4a43-9e0a-7a2b6e1e9c11")  # publish's own uuid5 namespace


def derive(meta) -> str:
    key = meta.source_url or "|".join([meta.title, *meta.authors, meta.date or ""])
    return f"urn:uuid:{uuid.uuid5(NAMESPACE, key)}"


class Identifier(Transform):
    name = "identifier"
    priority = 400

    def apply(self, article, report) -> None:
        meta = article.meta
        if not meta.identifiers:
            article.head.append(E.meta(name=IDENTIFIER_KEY, content=derive(meta)))
