"""Each frame of the verb lexicon on one short news sentence written for these tests (not gold sentences).

A row asserts the (source country, target country, CAMEO root) the frame yields, so a changed frame or a
coder change that loses it shows up here by name.
"""

from __future__ import annotations

import pytest

from sitrep.api import code_text

FRAMES = [
    # 02 appeal
    ("ask for", "Iraq asked Russia for help with its oil industry on Monday.", ("IRQ", "RUS", "02")),
    ("seek help from", "Haiti sought aid from Canada after the hurricane.", ("HTI", "CAN", "02")),
    # 03 intent to cooperate
    ("promise to", "Japan promised to send food aid to Nepal.", ("JPN", "NPL", "03")),
    ("pledge to", "Germany pledged to send air defence systems to Ukraine.", ("DEU", "UKR", "03")),
    ("offer to meet", "Serbia offered to meet Kosovo's leaders in Brussels.", ("SRB", "XKX", "03")),
    ("offer to", "Libya offered to hand over the two suspects to Britain.", ("LBY", "GBR", "03")),
    ("accept demands", "Mali accepted demands from Algeria for new talks.", ("MLI", "DZA", "08")),
    ("accept mediation", "Ethiopia accepted Kenya's mediation in the border dispute.", ("ETH", "KEN", "03")),
    ("agree to", "Turkey agreed to share intelligence with Iraq.", ("TUR", "IRQ", "03")),
    ("agree on", "Chile and Peru agreed on a new fishing pact on Thursday.", ("CHL", "PER", "03")),
    ("reach agreement with", "Egypt reached an agreement with Sudan on water sharing.", ("EGY", "SDN", "03")),
    ("reach compromise with", "Spain reached a compromise with Morocco over fishing rights.", ("ESP", "MAR", "03")),
    ("propose talks", "Pakistan proposed talks with India on Kashmir.", ("PAK", "IND", "03")),
    # 04 consult
    ("resume talks", "Israel resumed talks with Syria on Monday.", ("ISR", "SYR", "04")),
    ("renew negotiations", "Greece renewed negotiations with Turkey on Cyprus.", ("GRC", "TUR", "04")),
    ("speak with", "Brazil's president spoke with Argentina's president on Friday.", ("BRA", "ARG", "04")),
    ("have talks with", "The Polish foreign minister had talks with Lithuania's president.", ("POL", "LTU", "04")),
    ("hold a call with", "France held a telephone conversation with Iran on Tuesday.", ("FRA", "IRN", "04")),
    ("exchange views with", "China exchanged views with Vietnam on maritime issues.", ("CHN", "VNM", "04")),
    ("leave for", "The Indian prime minister left for Tokyo on Sunday.", ("IND", "JPN", "04")),
    ("launch mediation", "Qatar launched a mediation between Sudan and Chad.", ("QAT", "SDN", "04")),
    # 05 diplomatic cooperation
    ("congratulate", "Russia congratulated Kazakhstan on its election.", ("RUS", "KAZ", "05")),
    ("applaud", "Canada applauded Colombia's peace accord.", ("CAN", "COL", "05")),
    ("defend the right of", "Belarus defended Russia's right to hold military drills.", ("BLR", "RUS", "05")),
    ("establish ties", "Israel established diplomatic ties with Bahrain.", ("ISR", "BHR", "05")),
    ("restore relations", "Saudi Arabia restored relations with Iran on Friday.", ("SAU", "IRN", "05")),
    ("normalize ties", "Turkey normalized ties with Armenia in March.", ("TUR", "ARM", "05")),
    ("upgrade ties", "Vietnam upgraded its relations with Australia on Thursday.", ("VNM", "AUS", "05")),
    ("open an embassy in", "Kenya opened an embassy in China on Monday.", ("KEN", "CHN", "05")),
    # 06 material cooperation
    ("share intelligence", "Jordan shared intelligence with Egypt about the plot.", ("JOR", "EGY", "06")),
    ("hold exercises", "India held naval exercises with France in the Indian Ocean.", ("IND", "FRA", "06")),
    ("conduct drills", "Japan conducted joint drills with the Philippines on Monday.", ("JPN", "PHL", "06")),
    ("stage exercises", "Russia staged joint exercises with Belarus on Friday.", ("RUS", "BLR", "06")),
    # 07 aid
    ("provide troops", "Rwanda provided troops to Mozambique last year.", ("RWA", "MOZ", "07")),
    ("provide weapons", "Sweden provided weapons to Ukraine in May.", ("SWE", "UKR", "07")),
    ("provide money", "Norway provided funds to Somalia for drought relief.", ("NOR", "SOM", "07")),
    ("contribute troops", "Nepal contributed troops to the UN force in Lebanon.", ("NPL", "IGO", "07")),
    ("give aid", "Australia gave Fiji 20 million dollars in aid.", ("AUS", "FJI", "07")),
    ("deliver aid", "Turkey delivered aid to Syria after the earthquake.", ("TUR", "SYR", "07")),
    ("supply weapons", "Iran supplied weapons to Yemen's rebels, officials said.", ("IRN", "YEM", "07")),
    ("grant a loan", "China granted a loan to Zambia on Monday.", ("CHN", "ZMB", "07")),
    ("send peacekeepers", "Ghana sent peacekeepers to Mali in January.", ("GHA", "MLI", "07")),
    ("send weapons", "Poland sent weapons to Ukraine last week.", ("POL", "UKR", "07")),
    # 08 yield
    ("lift a blockade", "Egypt lifted its blockade on Gaza's crossings with Israel.", ("EGY", "PSE", "08")),
    ("lift sanctions", "Canada lifted sanctions on Myanmar's airline.", ("CAN", "MMR", "08")),
    ("lift a curfew", "Israel lifted the curfew on Palestinians in Hebron.", ("ISR", "PSE", "08")),
    ("ease restrictions", "Israel eased restrictions on Palestinian workers.", ("ISR", "PSE", "08")),
    ("ease sanctions", "The United States eased sanctions on Venezuela's oil sector.", ("USA", "VEN", "08")),
    ("release prisoners", "Israel released 200 Palestinian prisoners on Sunday.", ("ISR", "PSE", "08")),
    ("free hostages", "Hamas freed two Israeli soldiers on Friday.", ("PSE", "ISR", "08")),
    ("return territory", "Russia returned the islands to Japan under the treaty.", ("RUS", "JPN", "08")),
    ("declare a truce with", "Israel declared a truce with Hamas on Friday.", ("ISR", "PSE", "08")),
    ("surrender to", "Iraqi soldiers surrendered to American forces on Sunday.", ("IRQ", "USA", "08")),
    ("halt attacks on", "Israel halted its attacks on Lebanon on Wednesday.", ("ISR", "LBN", "08")),
    ("withdraw from", "Syria withdrew from Lebanon in April.", ("SYR", "LBN", "08")),
    ("withdraw an ambassador", "Algeria withdrew its ambassador from France on Sunday.", ("DZA", "FRA", "16")),
    # 09 investigate
    ("investigate", "Ukraine is investigating Russia's attacks on its grid.", ("UKR", "RUS", "09")),
    ("launch an investigation", "The UN launched an investigation into Israel's raid.", ("IGO", "ISR", "09")),
    ("open a probe", "France opened a probe into Russia's cyber attacks.", ("FRA", "RUS", "09")),
    # 11 disapprove
    ("decry", "Iran decried Israel's strikes on Syria.", ("IRN", "ISR", "11")),
    ("lambaste", "China lambasted Japan on Tuesday.", ("CHN", "JPN", "11")),
    ("castigate", "Turkey castigated Sweden over the protests.", ("TUR", "SWE", "11")),
    ("chide", "India chided Pakistan for the border firing.", ("IND", "PAK", "11")),
    ("assail", "Venezuela assailed the United States on Monday.", ("VEN", "USA", "11")),
    ("complain to", "Lebanon complained to the UN Security Council on Tuesday.", ("LBN", "IGO", "11")),
    ("lodge a protest with", "Japan lodged a protest with China on Friday.", ("JPN", "CHN", "11")),
    ("summon an ambassador", "Germany summoned Russia's ambassador on Monday.", ("DEU", "RUS", "11")),
    ("convict", "A Russian court convicted an American journalist of spying.", ("RUS", "USA", "11")),
    # 12 reject
    ("refuse to meet", "Israel's president refused to meet Jordan's foreign minister.", ("ISR", "JOR", "12")),
    ("refuse to release", "Iran refused to release Britain's sailors.", ("IRN", "GBR", "12")),
    ("refuse to", "Hungary refused to send weapons to Ukraine.", ("HUN", "UKR", "12")),
    ("decline to", "Sweden declined to extradite the suspects to Turkey.", ("SWE", "TUR", "12")),
    ("turn down", "Pakistan turned down India's offer of talks.", ("PAK", "IND", "12")),
    ("oppose", "Russia opposes NATO's expansion.", ("RUS", "IGO", "12")),
    ("deny entry", "Israel denied entry to a Turkish delegation.", ("ISR", "TUR", "12")),
    ("boycott elections", "Serbia's government boycotted Kosovo's elections.", ("SRB", "XKX", "14")),
    ("boycott", "Saudi Arabia boycotted Qatar's airline in June.", ("SAU", "QAT", "16")),
    # 13 threaten
    ("issue an ultimatum to", "Peru issued an ultimatum to Ecuador on Monday.", ("PER", "ECU", "13")),
    ("give an ultimatum", "ECOWAS gave an ultimatum to Niger's junta.", ("IGO", "NER", "13")),
    # 14 protest
    ("stage a protest against", "Kenyan students staged a protest against the Ugandan embassy.", ("KEN", "UGA", "14")),
    ("hold a rally against", "Thousands of Serbs held a rally against Kosovo's government.", ("SRB", "XKX", "14")),
    ("march on", "Armenian protesters marched on Azerbaijan's embassy.", ("ARM", "AZE", "14")),
    ("picket", "Greek workers picketed the German embassy in Athens.", ("GRC", "DEU", "14")),
    # 15 force posture
    ("mobilize troops against", "Armenia mobilized troops against Azerbaijan on Sunday.", ("ARM", "AZE", "15")),
    ("deploy troops to", "Russia deployed troops to Belarus on Friday.", ("RUS", "BLR", "15")),
    ("mass troops near", "China massed troops on the border with India.", ("CHN", "IND", "15")),
    # 16 reduce relations
    ("expel diplomats", "Poland expelled three Russian diplomats on Monday.", ("POL", "RUS", "16")),
    ("expel inspectors", "North Korea expelled the UN inspectors in 2002.", ("PRK", "IGO", "16")),
    ("suspend aid", "Sweden has suspended aid to Zambia.", ("SWE", "ZMB", "16")),
    ("suspend talks with", "Ethiopia suspended talks with Egypt over the dam.", ("ETH", "EGY", "16")),
    ("halt aid", "Japan halted aid to Myanmar on Monday.", ("JPN", "MMR", "16")),
    ("cut aid", "The Netherlands cut aid to Rwanda in July.", ("NLD", "RWA", "16")),
    ("freeze ties", "Morocco froze ties with Germany in March.", ("MAR", "DEU", "16")),
    ("break off talks", "Colombia broke off talks with Venezuela on Friday.", ("COL", "VEN", "16")),
    ("downgrade relations", "Niger downgraded relations with France on Monday.", ("NER", "FRA", "16")),
    ("close an embassy in", "Canada closed its embassy in Iran on Friday.", ("CAN", "IRN", "16")),
    ("cancel a visit", "Denmark's prime minister cancelled a visit to Ghana on Monday.", ("DNK", "GHA", "16")),
    ("cancel talks", "India cancelled talks with Pakistan on Saturday.", ("IND", "PAK", "16")),
    ("call off talks", "South Korea called off talks with Japan on Monday.", ("KOR", "JPN", "16")),
    # 17 coerce
    ("expel", "Kuwait expelled hundreds of Egyptian workers last month.", ("KWT", "EGY", "17")),
    ("impose a blockade on", "Saudi Arabia imposed a blockade on Qatar in June.", ("SAU", "QAT", "19")),
    ("impose a curfew", "Kenya's police imposed a curfew on Somali refugees.", ("KEN", "SOM", "17")),
    ("impose martial law", "Russia's army imposed martial law on Ukraine's occupied towns.", ("RUS", "UKR", "17")),
    ("impose restrictions", "China imposed restrictions on Lithuania's exports.", ("CHN", "LTU", "17")),
    ("jail", "Iran jailed two Swedish citizens on Monday.", ("IRN", "SWE", "17")),
    ("imprison", "Egypt imprisoned three British journalists.", ("EGY", "GBR", "17")),
    ("seize a ship", "Iran seized Britain's tanker in the Gulf.", ("IRN", "GBR", "17")),
    ("confiscate", "Israeli police confiscated weapons from Palestinian militants.", ("ISR", "PSE", "17")),
    ("set fire to", "Protesters in Serbia set fire to the US embassy.", ("SRB", "USA", "17")),
    ("torch", "Protesters in Pakistan torched the Danish embassy.", ("PAK", "DNK", "17")),
    ("ban a party", "Russia banned the Ukrainian party on Friday.", ("RUS", "UKR", "17")),
    ("outlaw", "Germany outlawed Hezbollah in April.", ("DEU", "LBN", "17")),
    ("crack down on", "The Egyptian army cracked down on Palestinian militants.", ("EGY", "PSE", "17")),
    ("besiege", "Ethiopian troops besieged Eritrea's border towns.", ("ETH", "ERI", "19")),
    ("blockade", "Azerbaijan blockaded Armenia in December.", ("AZE", "ARM", "19")),
    ("hack into", "North Korea hacked into South Korea's banks.", ("PRK", "KOR", "17")),
    # 18-20 assault and fight
    ("hijack", "Pirates from Somalia hijacked a ship of the Indian navy.", ("SOM", "IND", "18")),
    ("torture", "Syrian police tortured Jordanian prisoners, the report said.", ("SYR", "JOR", "18")),
    ("beat up", "Indian soldiers beat up Chinese troops at the border.", ("IND", "CHN", "18")),
    ("behead", "Iraqi insurgents beheaded an American soldier.", ("IRQ", "USA", "18")),
    ("massacre", "Serbian forces massacred Bosnian civilians in Srebrenica.", ("SRB", "BIH", "20")),
    ("launch an attack on", "Russia launched an attack on Ukraine on Thursday.", ("RUS", "UKR", "19")),
    ("mount an offensive against", "Ethiopia mounted an offensive against Eritrea in May.", ("ETH", "ERI", "19")),
    ("carry out strikes on", "Israel carried out strikes on Syria overnight.", ("ISR", "SYR", "19")),
    ("fire rockets into", "Hezbollah fired rockets into Israel on Sunday.", ("LBN", "ISR", "19")),
    ("fire on", "Indian troops fired on Pakistani soldiers on Monday.", ("IND", "PAK", "19")),
    ("wound", "Israeli troops wounded three Palestinian protesters.", ("ISR", "PSE", "19")),
    ("ambush", "Taliban fighters ambushed Pakistani soldiers.", ("AFG", "PAK", "19")),
    ("annex", "Russia annexed Georgia's border villages.", ("RUS", "GEO", "19")),
    ("exchange fire", "India and Pakistan exchanged fire across the border.", ("IND", "PAK", "19")),
]


def _triples(text: str) -> set[tuple]:
    return {(e.source_country, e.target_country, e.root) for e in code_text(text, published="2024-03-06")}


@pytest.mark.parametrize(("frame", "text", "expected"), FRAMES, ids=[f[0] for f in FRAMES])
def test_lexicon_frame_yields_its_event(frame, text, expected):
    assert expected in _triples(text)
