"""Images packaged into the book: local files and data: URIs, alt text required."""

from __future__ import annotations

import base64

import pytest
from lxml import etree

from publish.backends.epub import images
from publish.errors import InputError
from publish.model import XHTML

PNG = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4//8/AAX+Av4N70a4AAAAAElFTkSuQmCC")


def tree(*imgs: str):
    return etree.fromstring(f'<div xmlns="{XHTML}">{"".join(imgs)}</div>')


def test_local_file_and_data_uri_are_packaged_once_each(tmp_path):
    (tmp_path / "a b.png").write_bytes(PNG)
    data = "data:image/png;base64," + base64.b64encode(PNG).decode()
    t = tree('<img src="a%20b.png" alt="A dot"/>', f'<img src="{data}" alt=""/>')
    packaged = images.package(t, tmp_path)
    assert len(packaged) == 1 and packaged[0][1:] == ("image/png", PNG), "same bytes, one file"
    assert {img.get("src") for img in t} == {packaged[0][0]} and packaged[0][0].startswith("images/")


def test_image_without_alt_is_an_error(tmp_path):
    with pytest.raises(InputError, match="no alt text"):
        images.package(tree('<img src="x.png"/>'), tmp_path)


def test_unreadable_or_unknown_images_are_errors(tmp_path):
    with pytest.raises(InputError, match="cannot be read"):
        images.package(tree('<img src="missing.png" alt="x"/>'), tmp_path)
    with pytest.raises(InputError, match="not a type"):
        images.package(tree('<img src="photo.tiff" alt="x"/>'), tmp_path)
