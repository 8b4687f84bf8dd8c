"""publish: articles in (web clips, Markdown, canonical XML), EPUB 3 and PDF out.

    import publish
    article = publish.read("content/slow-light.md")
    publish.build("content/slow-light.md", "epub", "dist/slow-light.epub")
"""

__version__ = "0.1.0"
__all__ = ["Article", "BuildOptions", "read", "build", "__version__"]


def __getattr__(name):
    # Lazy, so that `publish --help` imports neither lxml nor WeasyPrint.
    if name in ("read", "build", "BuildOptions"):
        from publish import pipeline
        return getattr(pipeline, name)
    if name == "Article":
        from publish.model import Article
        return Article
    raise AttributeError(name)
