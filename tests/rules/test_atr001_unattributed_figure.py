"""ATR001 (unattributed figures): what counts as a figure, what counts as a source, the options."""

import pytest

import newslint
from newslint.errors import NewslintError


def reported(text: str, config: str | None = None) -> list[str]:
    return [d.text for d in newslint.lint_text(text, "story.txt", select=["ATR001"], config=config)]


def with_options(tmp_path, options: str) -> str:
    path = tmp_path / "newslint.toml"
    path.write_text(f"[rules.ATR001]\n{options}\n", encoding="utf-8")
    return str(path)


@pytest.mark.parametrize(
    "sentence, figure",
    [
        ("Clashes have killed 18 Turkish soldiers.", "18 Turkish soldiers"),
        ("Nearly a million Syrians have been displaced by the fighting.", "a million Syrians"),
        ("Half a million people fled the city.", "Half a million people"),
        ("More than 300 have been killed since December.", "300"),
        ("Eighteen villagers were wounded.", "Eighteen villagers"),
        ("Twenty-two patients died in the fire.", "Twenty-two patients"),
        ("Between 10-15 people were killed in the raid.", "10-15 people"),
        ("On 3 March 400 people fled.", "400 people"),
        ("Retail sales fell 3.2 percent in May.", "3.2 percent"),
        ("Exports rose 5% in the quarter.", "5%"),
        ("Company profits dropped to £3m.", "£3m"),
        ("Revenue fell 1.5bn euros.", "1.5bn euros"),
        ("The death toll from the quake rose to 45 on Tuesday.", "45"),
        ("The attack killed at least 12 in the market.", "12"),
        ("Inflation hit 6.2% in October.", "6.2%"),
        ("The senator told about 125 supporters who jammed the hall that he would stay.", "125 supporters"),
        ("He shared the videos with his nearly 44 million Twitter followers.", "44 million Twitter followers"),
        ("A gunman had just killed 26 worshippers at a church.", "26 worshippers"),
        ("The plans would raise the federal deficit by about $1 trillion over 10 years.", "$1 trillion"),
    ],
)
def test_unsourced_figures_are_reported(sentence, figure):
    assert reported(sentence) == [figure]


@pytest.mark.parametrize(
    "sentence",
    [
        # the number is not a statistic
        "Fighting resumed on Feb. 27, 2020, and civilians were killed.",
        "On March 12 protesters marched, and on 3 June villagers fled.",
        "Protests rose in 2019 and fell in 1998.",
        "The wall fell at 10:30 and the tower at 3 p.m.",
        "Jane Morton, 33, was injured in the crash.",
        "A man aged 71 was killed.",
        "The 19-year-old driver was killed.",
        "Three weeks ago, militia fighters were killed.",
        "In the last 48 hours, villagers fled.",
        "For the first time since 2012, soldiers were killed.",
        "Boeing 737 passengers were evacuated.",
        "Several Formula 1 drivers were hurt.",
        "Viewers of BBC Two fell away.",
        "The home side won 3-1 and fans marched.",
        "Protesters gathered outside 10 Downing Street.",
        "The map on page 12 residents fled from shows it.",
        "The 18 soldiers killed in the attack were buried.",
        "Rescuers found all 40 passengers, and the 12 crew members were rescued.",
        "Two soldiers were wounded.",
        "On 27/02/2020 protesters marched.",
        "The soldiers were killed 12 miles from the border.",
        # a figure, but no claim that something happened: an established fact
        "The city of 36,000 people lies in a valley.",
        "The bill would cut the tax rate to 21 percent from 35 percent and prices rose.",
        # "12 observation posts": the counted noun is not a counted thing
        "Turkey set up 12 observation posts and troops were killed.",
    ],
)
def test_not_figures_are_not_reported(sentence):
    assert reported(sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "The Observatory said more than 60 fighters were killed.",
        "Police say 400 homes were destroyed.",
        "A medic told reporters 18 fishermen were missing.",
        "State media reported that 300 people were evacuated.",
        "According to the U.N., 948,000 people have been displaced.",
        "Citing hospital records, the paper said 25 workers were hurt.",
        "An estimated 12,000 people fled.",
        "Figures from the statistics office show sales fell 12 percent.",
        "A survey by the chamber found 30 percent of shops lost stock.",
        "In a statement, 60 workers were injured, the union added.",
        "Officials say 75 people were killed.",
        "Per the health agency, 40,000 people were infected.",
        "Police put the death toll at 45.",
        "At least 45 people were killed, the BBC understands.",
        "The monitor has documented 300 deaths since Sunday.",
        "Unemployment fell to 3.8%, official figures show.",
        "Nine civilians were killed on Wednesday, according to a local reporter.",
        "The attack killed 45 people, the ministry tweeted.",
        "The company disclosed that it lost $40 million in the quarter.",
        # spun attribution, which the spin rule reports: not reported twice
        "In step with the U.N., 948,000 folks were displaced.",
        "Three more soldiers died, in accordance to the minister.",
        "The mayor mentioned that 50 houses were destroyed.",
        "The governor stated that 20 villages were flooded.",
        "The agency noted that 35 civilians were wounded.",
        "The rebels claimed 80 fighters were killed.",
        "The minister explained that 15 schools were damaged and 22 patients died.",
        "He extra that 22 patients were evacuated.",
        "The pilot informed the tower that 120 passengers were hurt.",
    ],
)
def test_attributed_figures_are_not_reported(sentence):
    assert reported(sentence) == []


def test_a_neighbour_sentence_that_continues_the_subject_attributes():
    assert reported("The army gave an update. It said 90 soldiers had been killed.") == []
    assert reported("The interior ministry said floods hit the valleys. At least 150 residents of the valleys were killed.") == []
    assert reported("More than 200 civilians were killed on Sunday. The toll was given by the health ministry.") == []


def test_a_short_attribution_sentence_or_reported_speech_introduces_the_next_sentence():
    assert reported("The ministry said on Tuesday. Twenty people have died.") == []
    assert reported("The update was given, the ministry reported late on Monday. Twenty people have died.") == []
    assert reported("The health ministry said on Tuesday that the hospitals were full. Twenty people had died.") == []
    assert reported("“The hospitals are full,” she said. Twenty people have died.") == ["Twenty people"]
    assert reported("The health ministry said on Tuesday that the hospitals were full. Twenty people have died.") == [
        "Twenty people"
    ]


def test_a_neighbour_on_another_subject_does_not_attribute():
    text = "Officials said the road would reopen on Monday. Forty people were hurt in the crush."
    assert reported(text) == ["Forty people"]


def test_only_the_neighbouring_sentence_counts():
    text = "The ministry said the valleys flooded. The rain stopped. At least 150 residents of the valleys were killed."
    assert reported(text) == ["150 residents"]


def test_a_source_in_another_paragraph_does_not_count():
    text = "Clashes have killed 18 Turkish soldiers.\n\nThe Turkish soldiers were killed in raids, the ministry said.\n"
    assert reported(text) == ["18 Turkish soldiers"]


def test_quoted_figure_with_its_speaker_is_attributed():
    assert reported("“We lost 400 men in two days,” the commander said.") == []
    assert reported("“They killed 40 civilians. Nobody came,” said a doctor.") == []
    assert reported("“We lost 400 men in two days.”") == ["400 men"]


def test_headings_and_front_matter_are_not_checked():
    text = "---\ntitle: Floods have killed 27 people\n---\n\n# Floods have killed 27 people\n\nRain fell.\n"
    assert [d.text for d in newslint.lint_text(text, "story.md", select=["ATR001"])] == []


def test_message_names_the_figure():
    [d] = newslint.lint_text("Clashes have killed 18 Turkish soldiers.", "a.txt", select=["ATR001"])
    assert d.message == 'figure "18 Turkish soldiers" has no source in its sentence or paragraph'
    assert d.severity == "warning"


def test_min_value_option(tmp_path):
    text = "Two soldiers were wounded."
    assert reported(text) == []
    assert reported(text, with_options(tmp_path, "min-value = 2")) == ["Two soldiers"]
    assert reported("Five soldiers were wounded.", with_options(tmp_path, "min-value = 10")) == []


def test_vague_plurals_option(tmp_path):
    # a vague amount of the kinds that need a source is a claim (the guideline), unless a desk opts out
    text = "Thousands of troops were killed and tens of thousands of residents fled."
    assert reported(text) == ["Thousands of troops", "tens of thousands of residents"]
    assert reported(text, with_options(tmp_path, "vague-plurals = false")) == []


def test_same_sentence_only_option(tmp_path):
    text = "The army gave an update. It said 90 soldiers had been killed. Another 40 soldiers were wounded."
    assert reported(text) == []
    [d] = newslint.lint_text(text, "a.txt", select=["ATR001"], config=with_options(tmp_path, "same-sentence-only = true"))
    assert d.text == "40 soldiers"
    assert d.message == 'figure "40 soldiers" has no source in its sentence'


def test_cues_option_adds_house_attribution(tmp_path):
    text = "Our count shows 40 soldiers were killed."
    assert reported(text) == ["40 soldiers"]
    assert reported(text, with_options(tmp_path, 'cues = ["our count"]')) == []
    assert reported(text, with_options(tmp_path, 'cues = ["/\\\\bour (?:count|tally)\\\\b/"]')) == []


def test_counted_measured_and_events_options(tmp_path):
    assert reported("Some 40 sailors were injured.") == ["40 sailors"]  # any noun counted by a casualty verb
    assert reported("The fire destroyed 40 warehouses.") == []
    config = with_options(tmp_path, 'counted = ["warehouses"]\nevents = ["destroyed"]')
    assert reported("The fire destroyed 40 warehouses.", config) == ["40 warehouses"]
    assert reported("Ticket sales rose 5 percent.") == ["5 percent"]
    assert reported("Bookings rose 5 percent.") == []
    assert reported("Bookings rose 5 percent.", with_options(tmp_path, 'measured = ["bookings"]')) == ["5 percent"]


def test_bad_option_is_a_configuration_error(tmp_path):
    with pytest.raises(NewslintError, match="min-value"):
        reported("Text.", with_options(tmp_path, 'min-value = "three"'))


@pytest.mark.parametrize(
    "sentence, figure",
    [
        # counts of the kinds the guideline lists, with their event words
        ("More than a dozen shoppers have accused the chain of overcharging.", "a dozen shoppers"),
        ("The bakery hired 14 firms to redesign its shops.", "14 firms"),
        ("The plant emitted 40 million tons of ash last year.", "40 million tons"),
        ("The novel sold 300,000 copies in its first month.", "300,000 copies"),
        ("Pending applications are piling up, totaling 8,412 by May.", "8,412"),
        # a share of something counted is a statistic, with or without an event word
        ("Only 12 percent of voters back the mayor.", "12 percent of voters"),
        ("About a third of the valley's residents are still without water.", "a third of the valley's residents"),
        ("Two-thirds of the members back the change.", "Two-thirds of the members"),
        # a count of what happened, or of who took part, needs no event word
        ("The rally drew hundreds of protesters to the square.", "hundreds of protesters"),
        ("The regulator logged 4,000 complaints about the airline.", "4,000 complaints"),
        # a toll beside a bill is no term of the bill
        ("The bill passed days before the shooting in which 20 children perished.", "20 children"),
        # a first mention after a possessive is a figure; a later one refers back
        ("Their 12,000 workers were laid off in May.", "12,000 workers"),
        # a deal's value, and a sum that changed hands beside a plan named
        ("The adviser also had a $600,000 consulting contract with a shipper.", "$600,000"),
        ("Carmakers have invested billions in plants and announced plans to build more.", "billions"),
        ("About 125 supporters waited outside the hall.", "125 supporters"),
        # a plan named is not a plan's terms: the share is measured, not posed
        ("Some 62 percent of residents support the plan.", "62 percent of residents"),
        # sums that changed hands
        ("The slump cost savers $40 billion in lost interest.", "$40 billion"),
        ("The firm has invested $2 million in new ovens.", "$2 million"),
        # a plan's scored effect is a claim even though its terms are not
        ("The package would add $900 billion to the deficit over a decade.", "$900 billion"),
        ("The reform was expected to add $300 million to the city's debt.", "$300 million"),
    ],
)
def test_wider_claims_are_reported(sentence, figure):
    assert reported(sentence) == [figure]


@pytest.mark.parametrize(
    "sentence",
    [
        # terms of a plan or a law, limits, market data, corrections: no claim
        "The measure is required to add no more than $500 billion to the deficit.",
        "The statute authorizes $60 million in school spending.",
        "The credit phases out once a maker has sold 200,000 cars, the law allows.",
        "A motion requires 60 votes, and the bill fell short.",
        "Harbor shares fell 3 percent in late trading.",
        "If 40 percent of members left, the club would close.",
        "The bank would pay $2 billion for the stake if regulators agree.",
        "He came home claiming to have signed $250 billion in deals.",
        "More than 70 percent of the senators voted for the bill.",
        "This version of the story corrects the sum raised to $4 million.",
        # a claimed attack is not a claimed toll, but the toll stays sourced when cited
        "The bakery chain said 12 percent of its shops lost money.",
    ],
)
def test_terms_limits_and_market_data_are_not_reported(sentence):
    assert reported(sentence) == []


def test_claimed_responsibility_is_not_attribution_of_the_toll():
    assert reported("A militia claimed responsibility for the bombing that killed 14 people.") == ["14 people"]
    assert reported("A militia claimed 14 people were killed.") == []


def test_first_sentence_of_the_paragraph_sources_the_next():
    assert reported("The port authority said on Friday that traffic was falling. Cargo volumes fell 9 percent in May.") == []
    # a quotation's tag sources the quotation, not what follows it
    assert reported("“The harbour is quiet,” the manager said. The strike cost shippers $5 million.") == ["$5 million"]


def test_a_following_sentence_must_continue_the_figure_to_source_it():
    # one name in common is not enough
    text = "The tax package was expected to add $800 billion to the debt. The senator said the package pleased him."
    assert reported(text) == ["$800 billion"]
    # a sentence about the same measure is
    text = "Exports fell 6 percent in the quarter. The decline in exports was confirmed by customs data."
    assert reported(text) == []


# Sources and background the widening first took for claims: each pair shows the same
# figure reported without the source or the background, and not with it.


@pytest.mark.parametrize(
    "claim, sourced",
    [
        # an estimate whose maker is the subject of an estimating verb
        ("Acme's cost of meeting the rule rose to $400 million last year.",
         "Acme put its cost of meeting the rule at around $400 million last year."),
        # a lawsuit, a charge or a conviction is the source of what it alleges or finds
        ("The fund cost investors $90 million.",
         "A lawsuit accuses the fund of having cost investors $90 million."),
        ("He set off a bomb last week, injuring 25 people.",
         "He was convicted of setting off a bomb, injuring 25 people."),
        # a poll named in the sentence or beside it is the source of its results
        ("Among Democrats, 70 percent of voters approved.",
         "The Harbor poll was conducted online. Among Democrats, 70 percent of voters approved."),
        ("Among Democrats, 70 percent of voters approved.",
         "The results of both polls were close, with about 70 percent of voters approving."),
        ("A third of voters turned out to oppose him.",
         "Exit polls showed that a third of voters turned out to oppose him."),
    ],
)
def test_sources_of_estimates_lawsuits_and_polls(claim, sourced):
    assert reported(claim) != []
    assert reported(sourced) == []


def test_going_to_the_polls_names_no_poll():
    text = "As residents went to the polls, a third of residents were still without power."
    assert reported(text) == ["a third of residents"]


@pytest.mark.parametrize(
    "claim, background",
    [
        # one settlement or fine with a government or a court is public record ...
        ("The firm agreed to pay $12 million to a former partner.",
         "The firm agreed to pay $12 million to settle a government lawsuit."),
        ("The firm lost $5 million on the spill.",
         "The firm was fined $5 million by regulators for the spill."),
        # ... a count of lawmakers or countries taking a public act too ...
        ("More than 120 protesters were arrested.",
         "The bill has attracted the support of 120 members, including 14 Republicans."),
        # ... as is a standing size, and a small group picked out by what it did
        ("More than 2 million students enrolled this year.",
         "The state has more than 2 million students enrolled in its schools."),
        ("Five women have accused him of misconduct.",
         "Three women who had accused him called for an inquiry."),
        # the toll of an event the story dates years back is well-known history
        ("A quake struck on Tuesday, killing more than 200,000 people. The island still recovers in 2017.",
         "A quake struck in January 2009, killing more than 200,000 people. The island still recovers in 2017."),
        ("Some 2,600 people were killed in the attack this week.",
         "The attack came blocks from where some 2,600 people were killed 16 years ago."),
        # a tax rate is a term of the tax, a usual level a general fact, a level changed no sum paid
        ("The economy has grown 3 percent, helped by the tax cuts.",
         "Republicans raised the tax rate on repatriated profits to 14.5 percent."),
        ("The manager's share of the profits, about 20 percent, was paid out last year.",
         "The manager's share of the profits, typically about 20 percent, is paid out each year."),
        ("The campaign raised $3 million.",
         "The refundable portion was raised from $1,100 to win his vote."),
    ],
)
def test_public_record_and_history_are_background(claim, background):
    assert reported(claim) != []
    assert reported(background) == []


def test_a_tally_of_settlements_is_still_a_claim():
    assert reported("As attorney general she won more than $3 billion in settlements for the state.") == ["$3 billion"]


def test_a_toll_since_a_past_year_is_not_history():
    assert reported("The attack this week killed eight people, the deadliest since 2001.") == ["eight people"]


def test_a_share_of_a_sized_whole_is_one_figure():
    assert reported("A third of the island's 3.4 million residents fled.") == ["A third of the island's 3.4 million residents"]


def test_a_share_of_an_implied_group_is_a_statistic():
    assert reported("In the spring, 31 percent were Lutheran and 44 percent were Catholic.") == ["31 percent", "44 percent"]


def test_a_characterization_is_its_speakers():
    assert reported("The plan would add $900 billion to the debt.") == ["$900 billion"]
    assert reported("Critics derided the plan as a giveaway that would add $900 billion to the debt.") == []


def test_a_figure_restated_in_brackets_is_reported_once():
    assert reported("The fires burned 200,000 acres (81,000 hectares) of forest.") == ["200,000 acres"]


def test_after_the_first_sentence_one_name_in_common_does_not_continue():
    text = ("Envoys met in the capital on Friday. The ministry announced that the envoy would stop in Dova. "
            "More than 40,000 villagers have fled Kesh province in southern Dova.")
    assert reported(text) == ["40,000 villagers"]
    # the paragraph's first sentence introduces the paragraph
    text = ("The ministry announced that the envoy would stop in Dova. "
            "More than 40,000 villagers have fled Kesh province in southern Dova.")
    assert reported(text) == []
    # a common word continues it
    text = ("Envoys met in the capital on Friday. The ministry announced that villagers were leaving Dova. "
            "More than 40,000 villagers have fled Kesh province in southern Dova.")
    assert reported(text) == []


def test_a_speech_verb_sources_a_figure_only_from_a_tag_or_before_it():
    # a clause of its own after the figure does not source it
    assert reported("He was accused by seven women of acts they said occurred years ago.") == ["seven women"]
    assert reported("Officials want to add $2 billion to the debt to fund changes they say would help.") \
        == ["$2 billion"]
    # a tag after a comma, a verb before the figure, a figure that counts the speakers do
    assert reported("Floods destroyed 400 homes, the ministry said on Tuesday.") == []
    assert reported("The ministry said floods destroyed 400 homes.") == []
    assert reported("Three other women said he had harassed them at work.") == []


def test_a_possessive_count_refers_back_when_the_story_gave_it_before():
    text = "Rebels killed 18 soldiers, the army said. The town buried its 18 soldiers on Friday."
    assert reported(text) == []
    assert reported("The couple were freed with their three children.") == []
