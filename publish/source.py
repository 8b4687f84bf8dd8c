"""Loading a source file: size limit, UTF-8 with a clear error, BOM and line endings."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from publish.errors import InputError
from publish.model.names import ILLEGAL_XML

MAX_BYTES = 8 * 1024 * 1024  # a long article is ~200 KB; limits are documented in the README


@dataclass(frozen=True)
class Source:
    path: Path
    text: str  # decoded, BOM removed, line endings normalised to \n, no XML-illegal characters
    removed: tuple[int, int] | None = None  # (how many control characters were removed, first line)

    @property
    def folder(self) -> Path:
        return self.path.parent

    @property
    def name(self) -> str:
        return str(self.path)


def load(path: str | Path) -> Source:
    path = Path(path)
    if path.is_dir():
        raise InputError("is a folder, not a source file", path,
                         hint="name a file inside it, or run without SOURCE to build all of content/")
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(f"file is {size // 2**20} MiB, over the {MAX_BYTES // 2**20} MiB limit", path,
                             hint="split the article or raise publish.source.MAX_BYTES")
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file", path, hint="check the path") from None
    except PermissionError:
        raise InputError("cannot read the file (permission denied)", path,
                         hint="check its permissions") from None
    except OSError as exc:
        raise InputError(f"cannot read the file: {exc.strerror}", path) from None
    if not data.strip():
        raise InputError("the file is empty", path, hint="write the article first")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InputError(f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})",
                         path, line, hint="save the file as UTF-8 and try again") from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    first = ILLEGAL_XML.search(text)
    if first is None:
        return Source(path, text)
    removed = (len(ILLEGAL_XML.findall(text)), text.count("\n", 0, first.start()) + 1)
    return Source(path, ILLEGAL_XML.sub("", text), removed)
