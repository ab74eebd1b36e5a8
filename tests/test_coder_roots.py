"""The coder's coverage of CAMEO roots 05 (diplomatic cooperation), 12 (reject) and 17 (coerce), as a spec.

Invented wire-style sentences, one construction each, with the dyad a careful CAMEO coder gives them
(issue 17, session 9's root-coverage audit: these are the roots the check split lost most). Each row
must yield a counted event of its root between its two countries; the negatives must not. Variety is
the point: active and passive voice, "X's proposal" and "the American proposal" owning the object,
"refused to" + verb, phrasal verbs, adjectives ("grateful to"), domestic coercion ("police arrested
the opposition leader": the country's own people).
"""

from __future__ import annotations

import pytest

from sitrep.api import code_text

PRAISE_AND_SUPPORT = [
    ("France praised Germany's decision to cut its troops in the region.", ('FRA', 'DEU')),
    ("Japan on Tuesday hailed South Korea's offer to resume talks.", ('JPN', 'KOR')),
    ('The United States commended India for its restraint during the crisis.', ('USA', 'IND')),
    ('China voiced strong support for Pakistan in its dispute over the border.', ('CHN', 'PAK')),
    ("Russia backed Serbia's position on the disputed province.", ('RUS', 'SRB')),
    ('Britain endorsed the French plan for a peace conference.', ('GBR', 'FRA')),
    ("Egypt welcomed Israel's withdrawal from the Gaza Strip.", ('EGY', 'ISR')),
    ('Germany apologized to Poland for the wartime atrocities.', ('DEU', 'POL')),
    ('South Korea was praised by Japan for its handling of the crisis.', ('JPN', 'KOR')),
    ('Iran reaffirmed its support for Syria against outside pressure.', ('IRN', 'SYR')),
    ('Brazil congratulated Argentina on the peaceful election.', ('BRA', 'ARG')),
    ("Australia applauded Indonesia's efforts against terrorism.", ('AUS', 'IDN')),
    ('Italy expressed its solidarity with Albania after the floods.', ('ITA', 'ALB')),
    ("China recognised Russia's role in the Korean peninsula talks.", ('CHN', 'RUS')),
    ("France defended Morocco's right to hold the referendum.", ('FRA', 'MAR')),
    ('Washington thanked London for its support in the war.', ('USA', 'GBR')),
    ("India extended its support to Nepal's new government.", ('IND', 'NPL')),
    ('Russia sided with Belarus in the dispute over gas prices.', ('RUS', 'BLR')),
    ('Tokyo expressed appreciation for the American role in the talks.', ('JPN', 'USA')),
    ("Pakistan lauded Afghanistan's efforts to hold elections.", ('PAK', 'AFG')),
    ("China spoke highly of Vietnam's economic reforms.", ('CHN', 'VNM')),
    ("Spain forgave Portugal's debt of 200 million euros.", ('ESP', 'PRT')),
    ('Canada threw its weight behind the US proposal.', ('CAN', 'USA')),
    ("Britain paid tribute to Ireland's role in the peace process.", ('GBR', 'IRL')),
    ('Kenya defended Uganda against the accusations of the rebels.', ('KEN', 'UGA')),
    ('Israel was backed by the United States in the dispute.', ('USA', 'ISR')),
    ('Russia stood by Iran in the dispute over its nuclear programme.', ('RUS', 'IRN')),
    ("France reiterated its support for Lebanon's sovereignty.", ('FRA', 'LBN')),
    ('The German chancellor praised the French president for his courage.', ('DEU', 'FRA')),
    ("Beijing lent its support to North Korea's call for talks.", ('CHN', 'PRK')),
    ('The Japanese prime minister apologised to China for the war.', ('JPN', 'CHN')),
    ('India hailed Bangladesh as a good neighbour.', ('IND', 'BGD')),
    ('Saudi Arabia welcomed the Egyptian initiative for peace.', ('SAU', 'EGY')),
    ("The United States recognized Ukraine's new government.", ('USA', 'UKR')),
    ("China appreciates the Vietnamese government's efforts to improve ties.", ('CHN', 'VNM')),
    ("China highly appreciated Cambodia's support on the Taiwan issue.", ('CHN', 'KHM')),
    ('Russia welcomed the decision by India to join the talks.', ('RUS', 'IND')),
    ('France expressed support for the Lebanese government.', ('FRA', 'LBN')),
    ("Washington expressed appreciation for Japan's contribution to the mission.", ('USA', 'JPN')),
    ("Egypt voiced appreciation for Sudan's cooperation.", ('EGY', 'SDN')),
    ("China spoke highly of Pakistan's contribution to regional stability.", ('CHN', 'PAK')),
    ("Iran said it supports Syria's stance on the Golan Heights.", ('IRN', 'SYR')),
    ('Japan gave its blessing to the American plan.', ('JPN', 'USA')),
    ('Germany stood by Israel during the war.', ('DEU', 'ISR')),
    ('India said it was grateful to Nepal for its help.', ('IND', 'NPL')),
    ("Brazil paid tribute to Venezuela's late president.", ('BRA', 'VEN')),
    ('Seoul expressed gratitude to Washington for its help.', ('KOR', 'USA')),
    ("Italy welcomed the Albanian government's decision to hold elections.", ('ITA', 'ALB')),
    ('Mexico said it backed the American position on trade.', ('MEX', 'USA')),
    ("China positively evaluated Russia's role in the six-party talks.", ('CHN', 'RUS')),
    ('Saudi Arabia reaffirmed its support for the Yemeni government.', ('SAU', 'YEM')),
    ("Iran expressed its satisfaction with Iraq's cooperation.", ('IRN', 'IRQ')),
    ('The United States congratulated Georgia on its peaceful elections.', ('USA', 'GEO')),
    ("Spain applauded Morocco's reforms.", ('ESP', 'MAR')),
    ('Nigeria commended Ghana for the peaceful transfer of power.', ('NGA', 'GHA')),
    ("France praised the Ivorian president's efforts for peace.", ('FRA', 'CIV')),
    ('Chinese leaders thanked Chirac for not backing the resolution.', ('CHN', 'FRA')),
    ('Chinese Premier Li Peng thanked Chirac for his stand.', ('CHN', 'FRA')),
    ('Washington put its weight behind Addis Ababa.', ('USA', 'ETH')),
    ("Mubarak praised Bush's efforts to revive the peace process.", ('EGY', 'USA')),
    ('India welcomed the visit of the Russian president.', ('IND', 'RUS')),
    ("France said it supported Germany's bid for a permanent seat on the Security Council.", ('FRA', 'DEU')),
    ('Japan expressed its gratitude to South Korea for its help.', ('JPN', 'KOR')),
]

# CAMEO files pledged support and backing as intent (032), not as praise
PLEDGED_SUPPORT = [
    ('Turkey pledged its full backing to Azerbaijan in the talks.', ('TUR', 'AZE')),
    ('Turkey pledged its full support to Azerbaijan.', ('TUR', 'AZE')),
]

REJECTION = [
    ("Iran rejected France's proposal to suspend enrichment.", ('IRN', 'FRA')),
    ("Israel turned down Egypt's request to send more troops to the border.", ('ISR', 'EGY')),
    ('North Korea ruled out talks with South Korea until the drills end.', ('PRK', 'KOR')),
    ("Serbia refused to recognise Albania's claim to the region.", ('SRB', 'ALB')),
    ('Russia refused to extradite the businessman to Britain.', ('RUS', 'GBR')),
    ('China dismissed the American accusations as groundless.', ('CHN', 'USA')),
    ("Pakistan rebuffed India's offer of talks on Kashmir.", ('PAK', 'IND')),
    ("Syria denied Lebanon's request for access to the prisoners.", ('SYR', 'LBN')),
    ('Venezuela rejected the US demand for an inquiry.', ('VEN', 'USA')),
    ("Iraq refused to meet Kuwait's negotiators.", ('IRQ', 'KWT')),
    ("Japan rejected China's protest over the textbooks.", ('JPN', 'CHN')),
    ('Turkey refused to open its ports to Cyprus.', ('TUR', 'CYP')),
    ("India on Monday rejected Pakistan's call for third-party mediation.", ('IND', 'PAK')),
    ("The United States brushed aside Iran's offer of talks.", ('USA', 'IRN')),
    ('France vetoed the American resolution in the Security Council.', ('FRA', 'USA')),
    ('Egypt was rejected by Israel as a mediator.', ('ISR', 'EGY')),
    ("Ethiopia refused to accept Eritrea's proposal for a new border commission.", ('ETH', 'ERI')),
    ("Cuba rejected Washington's offer of aid after the hurricane.", ('CUB', 'USA')),
    ("Russia declined Ukraine's invitation to the summit.", ('RUS', 'UKR')),
    ('Argentina ruled out any negotiations with Britain on the islands.', ('ARG', 'GBR')),
    ("Greece opposed Turkey's bid to join the bloc.", ('GRC', 'TUR')),
    ('Germany said it would not accept the American plan.', ('DEU', 'USA')),
    ('Iran dismissed the US offer as a trick.', ('IRN', 'USA')),
    ("North Korea refused Japan's demand for the return of the abductees.", ('PRK', 'JPN')),
    ("China rejected Taiwan's overture for direct flights.", ('CHN', 'TWN')),
    ('Israel refused to negotiate with the Palestinian leadership.', ('ISR', 'PSE')),
    ('Sudan rejected British criticism of its policy in Darfur.', ('SDN', 'GBR')),
    ("South Korea turned down North Korea's demand for rice aid.", ('KOR', 'PRK')),
    ('Iraq defied the US ultimatum.', ('IRQ', 'USA')),
    ('Zimbabwe spurned British offers of talks on land reform.', ('ZWE', 'GBR')),
    ('Britain refused to discuss the sovereignty of Gibraltar with Spain.', ('GBR', 'ESP')),
    ('Syria refused to hold talks with Israel.', ('SYR', 'ISR')),
    ('Pakistan denied the US request to question the scientist.', ('PAK', 'USA')),
    ('Iran rejected the demands of the UN nuclear agency.', ('IRN', 'IGO')),
    ("China opposed Japan's bid for a permanent seat.", ('CHN', 'JPN')),
    ("Iran dismissed Washington's accusations as baseless.", ('IRN', 'USA')),
    ("North Korea rejected Seoul's offer of talks.", ('PRK', 'KOR')),
    ('Israel has rejected a Palestinian proposal for a truce.', ('ISR', 'PSE')),
    ('Syria rejected US charges that it was helping insurgents.', ('SYR', 'USA')),
    ('Iraq rejected the UN resolution as unfair.', ('IRQ', 'IGO')),
    ('Sudan rejected a UN proposal to send peacekeepers to Darfur.', ('SDN', 'IGO')),
    ('Cuba refused American aid after the storm.', ('CUB', 'USA')),
    ('Zimbabwe rejected British calls for new elections.', ('ZWE', 'GBR')),
    ('Turkey rejected Armenian claims of genocide.', ('TUR', 'ARM')),
    ('Iran turned down a German offer to mediate.', ('IRN', 'DEU')),
    ('Serbia refused to hand over the general to the UN tribunal.', ('SRB', 'IGO')),
    ('China refused to allow a US warship to visit Hong Kong.', ('CHN', 'USA')),
    ('Israel rejected an Egyptian request to deploy more troops.', ('ISR', 'EGY')),
    ('Japan rejected Chinese demands for an apology.', ('JPN', 'CHN')),
    ('South Korea rejected the Japanese claim to the islands.', ('KOR', 'JPN')),
    ('Pakistan rejected Indian allegations of support for militants.', ('PAK', 'IND')),
    ("Beijing rejected Tokyo's position on the islands.", ('CHN', 'JPN')),
    ('The Iranian foreign minister rejected the French proposal.', ('IRN', 'FRA')),
    ('Iranian President Mohammad Khatami on Sunday rejected a proposal by France to suspend enrichment.', ('IRN', 'FRA')),
    ("Pyongyang has flatly rejected Washington's demand that it dismantle its nuclear programme.", ('PRK', 'USA')),
    ('Belgrade rejected the UN plan for Kosovo.', ('SRB', 'IGO')),
    ('Sudan has refused to allow UN peacekeepers into Darfur.', ('SDN', 'IGO')),
]

COERCION = [
    ('Egyptian police arrested 12 opposition activists in Cairo on Monday.', ('EGY', 'EGY')),
    ('Iran seized a British tanker in the Gulf.', ('IRN', 'GBR')),
    ('Israeli troops detained 20 Palestinians in the West Bank.', ('ISR', 'PSE')),
    ('France deported 30 Algerian migrants.', ('FRA', 'DZA')),
    ('Chinese authorities detained a Japanese businessman on spying charges.', ('CHN', 'JPN')),
    ('Pakistan imposed a curfew in Karachi after the riots.', ('PAK', 'PAK')),
    ('Turkish police cracked down on Kurdish protesters in Istanbul.', ('TUR', 'TUR')),
    ('Belarus banned the main opposition party.', ('BLR', 'BLR')),
    ('Zimbabwean police arrested the opposition leader on Tuesday.', ('ZWE', 'ZWE')),
    ('Kenyan police used tear gas on opposition supporters in Nairobi.', ('KEN', 'KEN')),
    ('Russia deported hundreds of Georgians.', ('RUS', 'GEO')),
    ('Israel demolished the homes of Palestinian militants.', ('ISR', 'PSE')),
    ('The Egyptian government shut down an opposition newspaper.', ('EGY', 'EGY')),
    ('Syrian security forces arrested a Lebanese journalist.', ('SYR', 'LBN')),
    ('Chinese police detained dozens of Falun Gong members in Beijing.', ('CHN', 'CHN')),
    ('The Thai government declared a state of emergency in the south.', ('THA', 'THA')),
    ('Iran arrested three American hikers near the border.', ('IRN', 'USA')),
    ('Ukraine banned Russian television channels.', ('UKR', 'RUS')),
    ('Saudi authorities jailed a prominent dissident.', ('SAU', 'SAU')),
    ('Moroccan police detained two Spanish fishermen.', ('MAR', 'ESP')),
    ('Russian riot police dispersed opposition demonstrators in Moscow.', ('RUS', 'RUS')),
    ('Azerbaijan confiscated Armenian property.', ('AZE', 'ARM')),
    ('Indonesia expelled an Australian journalist.', ('IDN', 'AUS')),
    ('An Israeli court sentenced a Palestinian militant to life in prison.', ('ISR', 'PSE')),
    ("Venezuela's government closed an opposition television station.", ('VEN', 'VEN')),
    ('US forces detained an Afghan commander.', ('USA', 'AFG')),
    ('Serbian police arrested dozens of opposition activists in Belgrade.', ('SRB', 'SRB')),
    ('Philippine police detained Thursday former defence secretary Fortunato Abat.', ('PHL', 'PHL')),
    ('Israeli troops arrested a Hamas leader in Hebron.', ('ISR', 'PSE')),
    ('Iran detained 15 British sailors in the Gulf.', ('IRN', 'GBR')),
    ('US troops detained a senior Iraqi official.', ('USA', 'IRQ')),
]

# acts near coercion that CAMEO files under other roots: sanctions 16, blockades and closed borders 19
SANCTIONS = [
    ('Russia expelled four British diplomats.', ('RUS', 'GBR')),
    ('The United States imposed sanctions on Iran over its nuclear programme.', ('USA', 'IRN')),
    ('India expelled a Pakistani diplomat for spying.', ('IND', 'PAK')),
    ('Britain froze the assets of Iranian banks.', ('GBR', 'IRN')),
    ('Washington tightened its embargo on Cuba.', ('USA', 'CUB')),
    ('China sanctioned American defence firms over arms sales to Taiwan.', ('CHN', 'USA')),
]

BLOCKADES = [
    ('Israel imposed a blockade on Lebanon.', ('ISR', 'LBN')),
    ('Turkey closed its border with Iraq.', ('TUR', 'IRQ')),
]


def _dyads(text: str, root: str) -> set[tuple]:
    return {(e.source_country, e.target_country) for e in code_text(text, published="2005-03-03")
            if e.counted and e.root == root}


@pytest.mark.parametrize(("text", "dyad"), PRAISE_AND_SUPPORT, ids=[t for t, _ in PRAISE_AND_SUPPORT])
def test_coder_roots_praise_support_thanks_and_apology_are_05(text, dyad):
    assert dyad in _dyads(text, "05")


@pytest.mark.parametrize(("text", "dyad"), PLEDGED_SUPPORT, ids=[t for t, _ in PLEDGED_SUPPORT])
def test_coder_roots_pledged_support_is_intent_03(text, dyad):
    assert dyad in _dyads(text, "03")


@pytest.mark.parametrize(("text", "dyad"), REJECTION, ids=[t for t, _ in REJECTION])
def test_coder_roots_rejecting_another_sides_proposal_or_request_is_12(text, dyad):
    assert dyad in _dyads(text, "12")


@pytest.mark.parametrize(("text", "dyad"), COERCION, ids=[t for t, _ in COERCION])
def test_coder_roots_arrests_bans_curfews_and_seizures_are_17(text, dyad):
    assert dyad in _dyads(text, "17")


@pytest.mark.parametrize(("text", "dyad"), SANCTIONS, ids=[t for t, _ in SANCTIONS])
def test_coder_roots_sanctions_and_expelled_diplomats_are_16(text, dyad):
    assert dyad in _dyads(text, "16")


@pytest.mark.parametrize(("text", "dyad"), BLOCKADES, ids=[t for t, _ in BLOCKADES])
def test_coder_roots_blockades_and_closed_borders_are_19(text, dyad):
    assert dyad in _dyads(text, "19")


@pytest.mark.parametrize("text", ['Iran denied the report that it had tested a missile.', 'The Foreign Ministry rejected the claim.', 'China denied that its troops had crossed the border.', 'Israel denied involvement in the attack on the Syrian convoy.', 'Russia refused to comment on the French report.'])
def test_coder_roots_denying_a_report_or_declining_comment_rejects_no_actor(text):
    assert not _dyads(text, "12")


@pytest.mark.parametrize("text", ['US troops detained dozens of suspects in a raid.', 'The court ordered the release of the detained journalists.'])
def test_coder_roots_soldiers_abroad_and_a_court_release_are_no_coercion_at_home(text):
    assert not _dyads(text, "17")


def test_coder_roots_a_national_adjective_on_the_object_names_the_target():
    assert ("IRN", "USA") in _dyads("Iran arrested three American hikers near the border.", "17")
    assert ("CHN", "USA") in _dyads("China dismissed the American accusations as groundless.", "12")
    assert ("JPN", "USA") in _dyads("Tokyo expressed appreciation for the American role in the talks.", "05")


@pytest.mark.parametrize(("text", "dyad"), [
    ("Greece pledged 700 troops for the force in Albania.", ("GRC", "ALB")),
    ("The United States promised 50 million dollars for the earthquake victims in Pakistan.", ("USA", "PAK")),
    ("Japan offered troops for the reconstruction mission in Iraq.", ("JPN", "IRQ")),
    ("Norway offered to mediate between Sri Lanka and the Tamil rebels.", ("NOR", "LKA")),
    ("Russia offered to enrich uranium for Iran.", ("RUS", "IRN")),
])
def test_coder_roots_what_is_pledged_for_a_place_or_offered_between_sides_targets_them(text, dyad):
    assert dyad in _dyads(text, "03")


def test_coder_roots_a_promise_for_a_meeting_somewhere_is_not_given_to_its_place():
    assert ("DEU", "BEL") not in _dyads("Germany promised a decision for the next meeting in Brussels.", "03")


@pytest.mark.parametrize(("text", "dyad"), [
    ("Israel will not accept a Palestinian state with those borders.", ("ISR", "PSE")),
    ("Russia on Monday said it would not accept Japan's claim to the islands.", ("RUS", "JPN")),
    ("China will never accept Taiwan's independence.", ("CHN", "TWN")),
    ("Washington will not accept an Iranian nuclear weapon.", ("USA", "IRN")),
    ("Serbia will not recognise Kosovo's independence.", ("SRB", "XKX")),
])
def test_coder_roots_announcing_that_one_will_not_accept_another_sides_claim_is_12(text, dyad):
    assert dyad in _dyads(text, "12")


def test_coder_roots_what_was_not_done_is_no_rejection():
    assert not _dyads("Iran did not meet the French minister.", "12")
    assert not _dyads("Japan has not recognized the new government yet, officials said.", "12")


def test_coder_roots_coercion_at_home_needs_no_foreign_side():
    assert ("PHL", "PHL") in _dyads("Philippine police detained Thursday former defence secretary Fortunato Abat.", "17")
    assert ("PAK", "PAK") in _dyads("Pakistan imposed a curfew in Karachi after the riots.", "17")
    # the arrested named only by number are named in another sentence: no target to give
    assert not _dyads("Serbian police arrested dozens.", "17")
    # a national word in the object leaves the target to it, not to the source's country
    assert ("IRN", "IRN") not in _dyads("Iran detained the crew of a British tanker.", "17")
