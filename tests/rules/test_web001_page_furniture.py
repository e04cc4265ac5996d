"""WEB001 page-furniture (fixtures: tests/fixtures/WEB001/)."""

import os

from newslint.rules.web.web001_page_furniture import PageFurniture


def test_web001_phrase_table_lies_beside_the_rule():
    [path] = PageFurniture.data_paths()
    assert path == os.path.join(os.path.dirname(PageFurniture.source_file()), "furniture.txt")
    assert os.path.isfile(path)


def test_a_list_the_story_carries_is_not_navigation():
    from newslint.testing import lines

    story = ("Results of the weekend's matches in the league, which resumed after the break.\n\n"
             "The leaders kept their three-point lead with a late goal at home on Sunday.\n\n")
    fixtures = "Arsenal v Chelsea\nLiverpool v Everton\nLeeds v Fulham\nWolves v Brighton\n"
    ranked = "1. Jane Doe (Kenya) 2:18:33\n2. Mary Roe (Ethiopia) 2:19:02\n3. Ann Poe (Japan) 2:20:41\n"
    assert lines(story + fixtures, select=["WEB001", "SEN001"]) == []
    assert lines(story + ranked, select=["WEB001", "SEN001"]) == []
    teasers = "More Coverage\nRelated Stories\nTop News Today\n"
    assert len(lines(story + teasers, select=["WEB001"])) == 3
