"""WEB001 page-furniture (fixtures: tests/fixtures/WEB001/)."""

import os

from newslint.rules.web.web001_page_furniture import PageFurniture


def test_web001_phrase_table_lies_beside_the_rule():
    [path] = PageFurniture.data_paths()
    assert path == os.path.join(os.path.dirname(PageFurniture.source_file()), "furniture.txt")
    assert os.path.isfile(path)
