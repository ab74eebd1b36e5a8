"""Each frame of the verb lexicon on one short news sentence written for these tests (not gold sentences).

A row asserts the (source country, target country, CAMEO root) the frame yields, so a changed frame or a
coder change that loses it shows up here by name.
"""

from __future__ import annotations

import pytest

from sitrep.api import code_text

FRAMES = [
    # 01 statement
    ("dispute a complaint", "Britain disputed Argentina's complaint on Monday.", ("GBR", "ARG", "01")),
    ("decline to comment", "Kenya's foreign ministry declined to comment on the report.", ("KEN", None, "01")),
    ("refuse to comment", "Egypt's army refused to comment on the raid.", ("EGY", None, "01")),
    ("claim responsibility", "Somalia's al-Shabaab claimed responsibility for the attack on Kenyan troops.", ("SOM", None, "01")),
    ("deny responsibility", "Pakistan's government denied responsibility for the attack on India's base.", ("PAK", None, "01")),
    ("voice regret over", "Japan voiced regret over China's decision.", ("JPN", "CHN", "01")),
    ("voice hope for", "Kenya voiced hope for Ethiopia's peace talks.", ("KEN", "ETH", "01")),
    # 02 appeal
    ("ask for", "Iraq asked Russia for help with its oil industry on Monday.", ("IRQ", "RUS", "02")),
    ("call for", "France called for the release of Iran's political prisoners.", ("FRA", "IRN", "02")),
    ("call on for", "Egypt called on Israel for restraint on Sunday.", ("EGY", "ISR", "02")),
    ("issue an appeal to", "The UN issued an appeal to Sudan for calm.", ("IGO", "SDN", "02")),
    ("seek help from", "Haiti sought aid from Canada after the hurricane.", ("HTI", "CAN", "02")),
    ("seek asylum in", "Two Cuban diplomats sought political asylum from Spain.", ("CUB", "ESP", "02")),
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
    ("approve a loan to", "The IMF approved a loan to Egypt.", ("IGO", "EGY", "03")),
    ("strike a deal with", "Iran struck a deal with Iraq on oil exports.", ("IRN", "IRQ", "03")),
    ("offer concessions", "Russia offered concessions to Japan on the islands.", ("RUS", "JPN", "03")),
    ("extend an invitation to", "China extended an invitation to Vietnam's president.", ("CHN", "VNM", "03")),
    # 04 consult
    ("undertake a mediation mission", "Qatar undertook a mediation mission between Sudan and Chad.", ("QAT", "SDN", "04")),
    ("resume talks", "Israel resumed talks with Syria on Monday.", ("ISR", "SYR", "04")),
    ("renew negotiations", "Greece renewed negotiations with Turkey on Cyprus.", ("GRC", "TUR", "04")),
    ("speak with", "Brazil's president spoke with Argentina's president on Friday.", ("BRA", "ARG", "04")),
    ("have talks with", "The Polish foreign minister had talks with Lithuania's president.", ("POL", "LTU", "04")),
    ("hold a call with", "France held a telephone conversation with Iran on Tuesday.", ("FRA", "IRN", "04")),
    ("exchange views with", "China exchanged views with Vietnam on maritime issues.", ("CHN", "VNM", "04")),
    ("leave for", "The Indian prime minister left for Tokyo on Sunday.", ("IND", "JPN", "04")),
    ("launch mediation", "Qatar launched a mediation between Sudan and Chad.", ("QAT", "SDN", "04")),
    ("give a welcome to", "Germany gave a warm welcome to Poland's president.", ("DEU", "POL", "04")),
    ("begin talks", "Vietnam and Laos began talks on their border on Tuesday.", ("VNM", "LAO", "04")),
    ("start negotiations with", "Peru started negotiations with Bolivia over the lake.", ("PER", "BOL", "04")),
    ("open talks with", "Kenya opened talks with Somalia on the maritime boundary.", ("KEN", "SOM", "04")),
    ("send a delegation to", "Honduras sent a delegation to Costa Rica on Tuesday.", ("HND", "CRI", "04")),
    # 05 diplomatic cooperation
    ("congratulate", "Russia congratulated Kazakhstan on its election.", ("RUS", "KAZ", "05")),
    ("applaud", "Canada applauded Colombia's peace accord.", ("CAN", "COL", "05")),
    ("defend the right of", "Belarus defended Russia's right to hold military drills.", ("BLR", "RUS", "05")),
    ("establish ties", "Israel established diplomatic ties with Bahrain.", ("ISR", "BHR", "05")),
    ("restore relations", "Saudi Arabia restored relations with Iran on Friday.", ("SAU", "IRN", "05")),
    ("normalize ties", "Turkey normalized ties with Armenia in March.", ("TUR", "ARM", "05")),
    ("upgrade ties", "Vietnam upgraded its relations with Australia on Thursday.", ("VNM", "AUS", "05")),
    ("open an embassy in", "Kenya opened an embassy in China on Monday.", ("KEN", "CHN", "05")),
    ("reopen an embassy in", "France reopened its embassy in Libya.", ("FRA", "LBY", "05")),
    ("voice support for", "Egypt voiced support for Sudan's government.", ("EGY", "SDN", "05")),
    ("side with", "Qatar sided with Turkey in the dispute.", ("QAT", "TUR", "05")),
    ("rally behind", "Egypt rallied behind Saudi Arabia on Sunday.", ("EGY", "SAU", "05")),
    ("put weight behind", "France put its weight behind Greece in the dispute.", ("FRA", "GRC", "05")),
    ("resume relations", "Qatar resumed diplomatic relations with Egypt in January.", ("QAT", "EGY", "05")),
    ("lend support to", "France lent its support to Greece in the dispute.", ("FRA", "GRC", "05")),
    ("grant amnesty to", "Myanmar's junta granted amnesty to Thai prisoners.", ("MMR", "THA", "05")),
    # 06 material cooperation
    ("share intelligence", "Jordan shared intelligence with Egypt about the plot.", ("JOR", "EGY", "06")),
    ("hold exercises", "India held naval exercises with France in the Indian Ocean.", ("IND", "FRA", "06")),
    ("conduct drills", "Japan conducted joint drills with the Philippines on Monday.", ("JPN", "PHL", "06")),
    ("stage exercises", "Russia staged joint exercises with Belarus on Friday.", ("RUS", "BLR", "06")),
    ("begin exercises with", "Thailand began joint exercises with Cambodia on Monday.", ("THA", "KHM", "06")),
    ("launch drills with", "Greece launched naval drills with Egypt in the Mediterranean.", ("GRC", "EGY", "06")),
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
    ("provide tons of food", "Japan provided 10,000 tons of rice to North Korea.", ("JPN", "PRK", "07")),
    ("evacuate the wounded", "Jordan's army evacuated the wounded from Gaza on Monday.", ("JOR", "PSE", "07")),
    ("hand over medicine", "Swiss doctors handed over medicine to Iran's Red Crescent.", ("CHE", "IRN", "07")),
    ("send medicines", "Japan sent medicines to Turkey after the earthquake.", ("JPN", "TUR", "07")),
    ("airlift aid", "Jordan airlifted aid to Gaza.", ("JOR", "PSE", "07")),
    ("resume aid", "Japan resumed aid to Myanmar.", ("JPN", "MMR", "07")),
    ("hand over tons of aid", "Swiss doctors handed over 700 kg of medicine to Iran's Red Crescent.", ("CHE", "IRN", "07")),
    ("train soldiers", "Britain trained Ukraine's soldiers in 2023.", ("GBR", "UKR", "07")),
    ("accept refugees", "Jordan accepted Syrian refugees in 2013.", ("JOR", "SYR", "07")),
    ("will not accept refugees", "Syria said it will not accept refugees from Iraq.", ("SYR", "IRQ", "12")),
    ("lend money to", "China lent 2 billion dollars to Pakistan.", ("CHN", "PAK", "07")),
    ("arm rebels", "Iran has armed the Houthi rebels in Yemen.", ("IRN", "YEM", "07")),
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
    ("call off a strike", "Nigerian unions called off the general strike on Sunday.", ("NGA", None, "08")),
    ("surrender", "Two hundred Congolese rebels surrendered on Sunday.", ("COD", None, "08")),
    ("lay down arms", "Colombian guerrillas laid down their arms on Monday.", ("COL", None, "08")),
    ("demobilize", "Angola demobilized 5,000 soldiers last year.", ("AGO", None, "08")),
    ("evacuate settlements", "Israel evacuated its settlements in Gaza in August.", ("ISR", None, "08")),
    ("resign", "Peru's prime minister resigned on Tuesday.", ("PER", None, "08")),
    ("relax sanctions", "Canada has relaxed its sanctions on Belarus.", ("CAN", "BLR", "08")),
    ("allow inspectors", "Iran allowed the UN inspectors into the plant.", ("IRN", "IGO", "08")),
    ("receive inspectors", "Iraq received UN inspectors on Monday.", ("IRQ", "IGO", "08")),
    ("accept peacekeepers", "Sudan accepted African Union peacekeepers in Darfur.", ("SDN", "IGO", "08")),
    ("concede to demands", "Nepal's government conceded to demands from India.", ("NPL", "IND", "08")),
    ("complete a withdrawal from", "Russia completed its withdrawal from Estonia on Monday.", ("RUS", "EST", "08")),
    ("pay compensation to", "Uganda paid compensation to British nationals.", ("UGA", "GBR", "08")),
    ("end a strike", "Nigerian teachers ended their strike on Friday.", ("NGA", None, "08")),
    ("suspend a strike", "Nigerian unions suspended their strike on Friday.", ("NGA", None, "08")),
    ("reopen a border", "Turkey reopened its border with Armenia.", ("TUR", "ARM", "08")),
    ("unfreeze assets", "The United States unfroze Iran's assets.", ("USA", "IRN", "08")),
    ("declare a cease-fire", "Ethiopia declared a cease-fire with Eritrea on Monday.", ("ETH", "ERI", "08")),
    ("announce a ceasefire", "Sudan's army announced a ceasefire with Chad's rebels.", ("SDN", "TCD", "08")),
    ("sign a ceasefire", "Armenia signed a ceasefire with Azerbaijan in Moscow.", ("ARM", "AZE", "08")),
    ("call a ceasefire", "Hamas called a truce with Israel on Sunday.", ("PSE", "ISR", "08")),
    ("end a curfew", "Egypt's army ended the curfew in Sinai.", ("EGY", None, "08")),
    ("make concessions to", "Russia made concessions to Ukraine on gas prices.", ("RUS", "UKR", "08")),
    ("give concessions to", "Serbia gave concessions to Kosovo on trade.", ("SRB", "XKX", "08")),
    ("announce a resignation", "Peru's president announced his resignation on Monday.", ("PER", None, "08")),
    ("pull forces from", "Sudan pulled its forces from the border with Chad.", ("SDN", "TCD", "08")),
    ("end attacks on", "Hamas ended its attacks on Israel on Friday.", ("PSE", "ISR", "08")),
    ("exchange prisoners", "Russia and Ukraine exchanged prisoners on Saturday.", ("RUS", "UKR", "08")),
    ("swap prisoners with", "Armenia swapped prisoners with Azerbaijan.", ("ARM", "AZE", "08")),
    ("retreat from", "Ethiopian troops retreated from Eritrea's border towns.", ("ETH", "ERI", "08")),
    # 09 investigate
    ("investigate", "Ukraine is investigating Russia's attacks on its grid.", ("UKR", "RUS", "09")),
    ("launch an investigation", "The UN launched an investigation into Israel's raid.", ("IGO", "ISR", "09")),
    ("open a probe", "France opened a probe into Russia's cyber attacks.", ("FRA", "RUS", "09")),
    ("conduct an investigation", "Kenya conducted an investigation into Somalia's role in the attack.", ("KEN", "SOM", "09")),
    ("send observers", "The African Union sent observers to Sudan.", ("IGO", "SDN", "09")),
    ("order an investigation", "Kenya ordered an investigation into Somalia's role in the attack.", ("KEN", "SOM", "09")),
    ("set up an inquiry into", "The UN set up an inquiry into Myanmar's crackdown.", ("IGO", "MMR", "09")),
    ("establish a tribunal", "Sierra Leone established a tribunal into Liberia's war crimes.", ("SLE", "LBR", "09")),
    # 10 demand
    ("pressure to", "Iran pressured Iraq to cancel the elections.", ("IRN", "IRQ", "10")),
    # 11 disapprove
    ("decry", "Iran decried Israel's strikes on Syria.", ("IRN", "ISR", "11")),
    ("lambaste", "China lambasted Japan on Tuesday.", ("CHN", "JPN", "11")),
    ("castigate", "Turkey castigated Sweden over the protests.", ("TUR", "SWE", "11")),
    ("chide", "India chided Pakistan for the border firing.", ("IND", "PAK", "11")),
    ("berate", "Venezuela berated the United States on Monday.", ("VEN", "USA", "11")),
    ("object to", "Russia objected to NATO's plans.", ("RUS", "IGO", "11")),
    ("fault", "India faulted Pakistan for the attack.", ("IND", "PAK", "11")),
    ("issue demands to", "China issued demands to Taiwan.", ("CHN", "TWN", "10")),
    ("assail", "Venezuela assailed the United States on Monday.", ("VEN", "USA", "11")),
    ("complain to", "Lebanon complained to the UN Security Council on Tuesday.", ("LBN", "IGO", "11")),
    ("lodge a protest with", "Japan lodged a protest with China on Friday.", ("JPN", "CHN", "11")),
    ("summon an ambassador", "Germany summoned Russia's ambassador on Monday.", ("DEU", "RUS", "11")),
    ("convict", "A Russian court convicted an American journalist of spying.", ("RUS", "USA", "11")),
    ("protest a plan", "Japan protested China's plan to build a gas field.", ("JPN", "CHN", "11")),
    ("indict", "A Spanish court indicted three Moroccan officials on Monday.", ("ESP", "MAR", "11")),
    ("charge with", "Russia charged an American journalist with espionage.", ("RUS", "USA", "11")),
    ("sentence to", "An Iranian court sentenced a British journalist to ten years in prison.", ("IRN", "GBR", "17")),
    ("hand down a sentence to", "A Chinese court handed down a death sentence to a Canadian citizen.", ("CHN", "CAN", "17")),
    ("hand down convictions against", "A Russian court handed down convictions against five Ukrainian activists.", ("RUS", "UKR", "11")),
    ("voice anger at", "Iran voiced anger at the British government.", ("IRN", "GBR", "11")),
    ("file a complaint against", "Ukraine filed a complaint against Russia at the WTO.", ("UKR", "RUS", "11")),
    ("bring a complaint against", "Bolivia brought a complaint against Chile on Monday.", ("BOL", "CHL", "11")),
    ("file a lawsuit against", "Gambia filed a lawsuit against Myanmar at the ICJ.", ("GMB", "MMR", "11")),
    ("bring a case against", "Ukraine brought a case against Russia at the court.", ("UKR", "RUS", "11")),
    ("file charges against", "Brazil's prosecutors filed charges against Paraguay's former president.", ("BRA", "PRY", "11")),
    ("bring charges against", "Italian prosecutors brought charges against four Egyptian officers.", ("ITA", "EGY", "11")),
    # 12 reject
    ("rule out sending", "Hungary ruled out sending troops to Albania.", ("HUN", "ALB", "12")),
    ("refuse to meet", "Israel's president refused to meet Jordan's foreign minister.", ("ISR", "JOR", "12")),
    ("refuse to release", "Iran refused to release Britain's sailors.", ("IRN", "GBR", "12")),
    ("refuse to", "Hungary refused to send weapons to Ukraine.", ("HUN", "UKR", "12")),
    ("decline to", "Sweden declined to extradite the suspects to Turkey.", ("SWE", "TUR", "12")),
    ("turn down", "Pakistan turned down India's offer of talks.", ("PAK", "IND", "12")),
    ("oppose", "Russia opposes NATO's expansion.", ("RUS", "IGO", "12")),
    ("deny entry", "Israel denied entry to a Turkish delegation.", ("ISR", "TUR", "12")),
    ("boycott elections", "Serbia's government boycotted Kosovo's elections.", ("SRB", "XKX", "14")),
    ("boycott", "Saudi Arabia boycotted Qatar's airline in June.", ("SAU", "QAT", "16")),
    ("dismiss an appeal", "Israel dismissed an appeal from Egypt for a truce.", ("ISR", "EGY", "12")),
    ("renege on", "Sudan reneged on its commitment to Chad.", ("SDN", "TCD", "12")),
    ("veto", "Russia vetoed the US resolution.", ("RUS", "USA", "12")),
    ("strike down", "A Kenyan court struck down Uganda's trade ban.", ("KEN", "UGA", "12")),
    ("breach an embargo", "Libya breached the UN embargo on Friday.", ("LBY", "IGO", "12")),
    ("decline an offer", "Belarus declined Poland's offer of talks.", ("BLR", "POL", "12")),
    # 13 threaten
    ("issue an ultimatum to", "Peru issued an ultimatum to Ecuador on Monday.", ("PER", "ECU", "13")),
    ("issue a warning to", "Japan issued a warning to North Korea on Monday.", ("JPN", "PRK", "13")),
    ("give an ultimatum", "ECOWAS gave an ultimatum to Niger's junta.", ("IGO", "NER", "13")),
    ("ready to attack", "North Korea said it is ready to attack South Korea.", ("PRK", "KOR", "13")),
    ("vow to retaliate", "Iran vowed to retaliate against Israel.", ("IRN", "ISR", "13")),  # the target via the back-off class of "retaliate against"
    # 14 protest
    ("stage a protest against", "Kenyan students staged a protest against the Ugandan embassy.", ("KEN", "UGA", "14")),
    ("hold a rally against", "Thousands of Serbs held a rally against Kosovo's government.", ("SRB", "XKX", "14")),
    ("march on", "Armenian protesters marched on Azerbaijan's embassy.", ("ARM", "AZE", "14")),
    ("picket", "Greek workers picketed the German embassy in Athens.", ("GRC", "DEU", "14")),
    ("demonstrate", "Thousands of Kenyan students demonstrated in Nairobi on Monday.", ("KEN", None, "14")),
    ("demonstrate outside", "Serbian students demonstrated outside the US embassy in Belgrade.", ("SRB", "USA", "14")),
    ("riot", "Angry Nigerian students rioted in Lagos on Friday.", ("NGA", None, "14")),
    ("protest", "Georgian students protested in Tbilisi on Saturday.", ("GEO", None, "14")),
    ("begin a hunger strike", "Jailed Turkish Kurds began a hunger strike on Monday.", ("TUR", None, "14")),
    ("call a strike", "Bolivian unions called a general strike on Tuesday.", ("BOL", None, "14")),
    ("block roads", "Bolivian farmers blocked roads to the capital on Monday.", ("BOL", None, "14")),
    ("shun work", "Palestinian workers shunned work on Monday.", ("PSE", None, "14")),
    ("collect signatures", "Georgian opposition parties collected signatures on Monday.", ("GEO", None, "14")),
    ("throw stones", "Palestinian youths threw stones at Israeli troops in Hebron.", ("PSE", "ISR", "14")),
    ("burn an effigy", "Pakistani protesters burned an effigy of India's prime minister.", ("PAK", "IND", "14")),
    ("join a strike against", "Egyptian workers joined the strike against the Egyptian government.", ("EGY", "EGY", "14")),
    ("join protests against", "Chilean students joined the protests against Peru's government.", ("CHL", "PER", "14")),
    ("chant slogans against", "Iranian students chanted slogans against the United States.", ("IRN", "USA", "14")),
    ("chant against", "Thousands of Serbs chanted against NATO in Belgrade.", ("SRB", "IGO", "14")),
    # 15 force posture
    ("mobilize troops against", "Armenia mobilized troops against Azerbaijan on Sunday.", ("ARM", "AZE", "15")),
    ("deploy troops to", "Russia deployed troops to Belarus on Friday.", ("RUS", "BLR", "15")),
    ("mass troops near", "China massed troops on the border with India.", ("CHN", "IND", "15")),
    ("reinforce troops", "India reinforced its troops along the border with China.", ("IND", "CHN", "15")),
    ("put troops on alert", "Pakistan put its troops on alert on Monday.", ("PAK", None, "15")),
    ("deploy police", "Jordan deployed police along its border with Iraq.", ("JOR", "IRQ", "15")),
    ("deploy a missile system", "Iran deployed a missile defense system to Syria.", ("IRN", "SYR", "15")),
    ("step up patrols", "The Pakistani government stepped up patrols in Karachi.", ("PAK", None, "15")),
    ("deploy hundreds of troops", "Nigeria's army deployed hundreds of troops to the border with Niger.", ("NGA", "NER", "15")),
    ("deploy officers", "Japanese police deployed 6,000 officers in Tokyo on Wednesday.", ("JPN", None, "15")),
    ("deploy systems", "India deployed missile defence systems last month.", ("IND", None, "15")),
    ("begin patrols", "Indian soldiers began patrols along the border.", ("IND", None, "15")),
    ("launch patrols", "Gabonese police launched patrols in Libreville.", ("GAB", None, "15")),
    ("order troops to", "Sudan ordered troops to the border with South Sudan.", ("SDN", "SSD", "15")),
    ("order police into", "Brazil's president ordered police forces into Argentina's border towns.", ("BRA", "ARG", "15")),
    ("station troops along", "Russia stationed troops along its border with Ukraine.", ("RUS", "UKR", "15")),
    ("violate airspace", "Chinese jets violated Taiwan's airspace on Sunday.", ("CHN", "TWN", "15")),
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
    ("stop aid", "Germany stopped aid to Niger after the coup.", ("DEU", "NER", "16")),
    ("suspend membership", "The African Union suspended Mali's membership on Monday.", ("IGO", "MLI", "16")),
    ("suspend a relationship", "The Bahamas suspended its relationship with the United States.", ("BHS", "USA", "16")),
    ("block a visit", "China blocked a visit by Taiwan's president.", ("CHN", "TWN", "16")),
    ("block a trip by", "China blocked a trip to Beijing by the Dutch minister.", ("CHN", "NLD", "16")),
    ("sanction", "The United States sanctioned Russian banks on Friday.", ("USA", "RUS", "16")),
    ("blacklist", "Britain blacklisted Iranian officials.", ("GBR", "IRN", "16")),
    ("withdraw observers", "Egypt withdrew its observers from Syria in January.", ("EGY", "SYR", "16")),
    ("halt mediation", "Egypt halted its mediation between Israel and Hamas.", ("EGY", "ISR", "16")),
    ("suspend deliveries", "Russia suspended gas deliveries to Ukraine.", ("RUS", "UKR", "16")),
    ("prohibit aid", "The United States prohibited aid to Albania's rebels.", ("USA", "ALB", "16")),
    ("slap sanctions on", "The United States slapped sanctions on Venezuela's oil company.", ("USA", "VEN", "16")),
    ("announce sanctions against", "Britain announced sanctions against Russian banks on Monday.", ("GBR", "RUS", "16")),
    ("extend sanctions on", "The European Union extended its sanctions on Belarus.", ("IGO", "BLR", "16")),
    ("expand sanctions against", "Japan expanded sanctions against North Korea.", ("JPN", "PRK", "16")),
    ("kick out diplomats", "Russia kicked out two British diplomats.", ("RUS", "GBR", "16")),
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
    ("declare a curfew", "Sri Lanka's army declared a curfew in Jaffna.", ("LKA", "LKA", "17")),
    ("prevent a demonstration", "Turkish police prevented a Kurdish demonstration in Ankara.", ("TUR", "TUR", "17")),
    ("ban protests", "Belarus banned protests by Polish activists.", ("BLR", "POL", "17")),
    ("impose a news blackout", "Syria imposed a news blackout on Lebanon.", ("SYR", "LBN", "17")),
    ("force out", "Indonesia forced Australian aid workers out of the country.", ("IDN", "AUS", "17")),
    ("disperse protesters", "Egyptian police dispersed Palestinian protesters in Cairo.", ("EGY", "PSE", "17")),
    ("deface websites", "Chinese hackers defaced Taiwan's government websites.", ("CHN", "TWN", "17")),
    ("hack networks", "North Korean hackers hacked South Korea's bank networks.", ("PRK", "KOR", "17")),
    ("shut down a newspaper", "Iran shut down a British newspaper.", ("IRN", "GBR", "17")),
    ("round up", "Turkish police rounded up Kurdish activists.", ("TUR", "TUR", "17")),
    ("burn homes", "Serbian militias burned the homes of Albanian families.", ("SRB", "ALB", "17")),
    ("extend martial law", "The Philippine army extended martial law in Mindanao.", ("PHL", None, "17")),
    ("enforce a curfew", "Iraqi police enforced a curfew in Basra.", ("IRQ", "IRQ", "17")),
    ("cut off internet", "Ethiopia cut off internet in the Tigray region.", ("ETH", "ETH", "17")),
    ("shut down the internet", "Iran's government shut down the internet in Tehran.", ("IRN", "IRN", "17")),
    ("fire tear gas at", "Kenyan police fired tear gas at Somali protesters in Nairobi.", ("KEN", "SOM", "17")),
    ("use tear gas on", "Turkish police used tear gas on Syrian refugees.", ("TUR", "SYR", "17")),
    ("destroy homes", "Israeli troops destroyed Palestinian homes in Hebron.", ("ISR", "PSE", "17")),
    ("burn down a station", "Kenyan protesters burned down a police station in Mombasa.", ("KEN", None, "17")),
    ("prosecute", "Turkey prosecuted two German journalists.", ("TUR", "DEU", "17")),
    ("evict", "Israeli police evicted Palestinian families in Jerusalem.", ("ISR", "PSE", "17")),
    ("kick out", "Qatar kicked out Egyptian workers last month.", ("QAT", "EGY", "17")),
    # 18-20 assault and fight
    ("hijack", "Pirates from Somalia hijacked a ship of the Indian navy.", ("SOM", "IND", "18")),
    ("torture", "Syrian police tortured Jordanian prisoners, the report said.", ("SYR", "JOR", "18")),
    ("beat up", "Indian soldiers beat up Chinese troops at the border.", ("IND", "CHN", "18")),
    ("behead", "Iraqi insurgents beheaded an American soldier.", ("IRQ", "USA", "18")),
    ("attempt to assassinate", "Iraqi militants attempted to assassinate Iran's ambassador.", ("IRQ", "IRN", "18")),
    ("take hostages", "Iraqi militants took Turkish hostages.", ("IRQ", "TUR", "18")),
    ("raped (lemma rap)", "Sudanese militias raped Chadian women.", ("SDN", "TCD", "18")),
    ("slaughter", "Ethiopian troops slaughtered Eritrean civilians.", ("ETH", "ERI", "20")),
    ("massacre", "Serbian forces massacred Bosnian civilians in Srebrenica.", ("SRB", "BIH", "20")),
    ("launch an attack on", "Russia launched an attack on Ukraine on Thursday.", ("RUS", "UKR", "19")),
    ("mount an offensive against", "Ethiopia mounted an offensive against Eritrea in May.", ("ETH", "ERI", "19")),
    ("carry out strikes on", "Israel carried out strikes on Syria overnight.", ("ISR", "SYR", "19")),
    ("fire rockets into", "Hezbollah fired rockets into Israel on Sunday.", ("LBN", "ISR", "19")),
    ("fire on", "Indian troops fired on Pakistani soldiers on Monday.", ("IND", "PAK", "19")),
    ("fire grenades into", "Israeli troops fired grenades into Lebanon.", ("ISR", "LBN", "19")),
    ("strike", "Russia struck Ukraine's power grid.", ("RUS", "UKR", "19")),
    ("pound", "Syrian troops pounded Turkish positions.", ("SYR", "TUR", "19")),
    ("injure", "Israeli police injured Palestinian protesters.", ("ISR", "PSE", "18")),
    ("break a ceasefire", "Armenia broke the ceasefire with Azerbaijan.", ("ARM", "AZE", "19")),
    ("wound", "Israeli troops wounded three Palestinian protesters.", ("ISR", "PSE", "19")),
    ("ambush", "Taliban fighters ambushed Pakistani soldiers.", ("AFG", "PAK", "19")),
    ("annex", "Russia annexed Georgia's border villages.", ("RUS", "GEO", "19")),
    ("exchange fire", "India and Pakistan exchanged fire across the border.", ("IND", "PAK", "19")),
    ("reimpose a blockade", "Israel reimposed its blockade on Gaza on Friday.", ("ISR", "PSE", "19")),
    ("close a border", "Algeria closed its border with Morocco in 1994.", ("DZA", "MAR", "19")),
    ("blow up", "Colombian rebels blew up Venezuela's pipeline on Sunday.", ("COL", "VEN", "18")),
    ("bombard", "Serbian forces bombarded Croatian towns on Monday.", ("SRB", "HRV", "19")),
    ("storm an embassy", "Iranian students stormed the British embassy in Tehran.", ("IRN", "GBR", "19")),
    ("capture a town", "Ethiopian troops captured the Eritrean town of Barentu.", ("ETH", "ERI", "19")),
    ("violate a ceasefire", "Armenia violated the ceasefire with Azerbaijan on Monday.", ("ARM", "AZE", "19")),
    ("beat protesters", "Nigerian police beat Cameroonian protesters in Lagos.", ("NGA", "CMR", "18")),
    ("gun down", "Colombian rebels gunned down three Venezuelan soldiers.", ("COL", "VEN", "19")),
    ("pummel", "Syrian tanks pummelled Turkish positions on Monday.", ("SYR", "TUR", "19")),
    ("destroy tanks", "Ukrainian drones destroyed Russian tanks near Kherson.", ("UKR", "RUS", "19")),
    ("call off a ceasefire", "Hamas called off its ceasefire with Israel on Monday.", ("PSE", "ISR", "19")),
    ("assault refugees", "Egyptian police assaulted Sudanese refugees in Cairo.", ("EGY", "SDN", "18")),
    ("seize a town", "Eritrean troops seized the Ethiopian town of Badme.", ("ERI", "ETH", "19")),
    ("hit positions", "Israeli jets hit Hamas positions in Gaza.", ("ISR", "PSE", "19")),
    ("target positions", "Turkish drones targeted Kurdish militia positions in Syria.", ("TUR", "SYR", "19")),
    ("lay siege to", "Russian troops laid siege to the Ukrainian city of Mariupol.", ("RUS", "UKR", "19")),
    ("continue an offensive against", "Sudan's army continued its offensive against South Sudan's rebels.", ("SDN", "SSD", "19")),
    ("resume airstrikes against", "Turkey resumed airstrikes against Syrian Kurdish militants.", ("TUR", "SYR", "19")),
    ("step up a bombardment of", "Russia stepped up its bombardment of Ukraine's cities.", ("RUS", "UKR", "19")),
    ("intensify an offensive against", "Saudi Arabia intensified its offensive against Yemen's rebels.", ("SAU", "YEM", "19")),
    ("escalate shelling of", "Armenia escalated its shelling of Azerbaijan's villages.", ("ARM", "AZE", "19")),
]


def _triples(text: str) -> set[tuple]:
    return {(e.source_country, e.target_country, e.root) for e in code_text(text, published="2024-03-06")}


@pytest.mark.parametrize(("frame", "text", "expected"), FRAMES, ids=[f[0] for f in FRAMES])
def test_lexicon_frame_yields_its_event(frame, text, expected):
    assert expected in _triples(text)


@pytest.mark.parametrize("text", [
    "The Spanish government received a request from NATO.",
    "Egypt met the deadline set by the United States.",
])
def test_lexicon_frame_without_a_code_is_no_event(text):
    assert not {t for t in _triples(text) if t[2] in ("04", "03")}


def test_lexicon_meeting_a_request_is_accepting_it():
    assert ("DNK", "IGO", "03") in _triples("Denmark met a NATO request for more troops.")


@pytest.mark.parametrize(("text", "expected"), [
    ("Iran and Syria discussed regional security.", {("IRN", "SYR", "04"), ("SYR", "IRN", "04")}),
    ("Israel and Jordan negotiated for hours.", {("ISR", "JOR", "04"), ("JOR", "ISR", "04")}),
])
def test_lexicon_talks_among_coordinated_subjects_are_mutual(text, expected):
    assert expected <= _triples(text)


def test_lexicon_sending_troops_is_protection_and_a_refusal_targets_the_destination():
    assert ("GBR", "AFG", "03") in _triples("Britain said it would send 500 troops to Afghanistan.")
    assert ("DEU", "AFG", "12") in _triples("The German chancellor ruled out sending German troops to Afghanistan.")


def test_lexicon_shared_phrase_after_coordinated_verbs_completes_the_first():
    assert ("CHN", "FRA", "03") in _triples('China was "happy to cooperate and arrange exchanges with France".')
    # a first verb with its own object keeps it: the lament is not "on Israel"
    assert ("IGO", "ISR", "11") not in _triples("Annan lamented the exchange of fire and called on Israel to stop.")


def test_lexicon_evacuating_staff_from_a_city_withdraws_them_from_its_country():
    assert ("GBR", "SYR", "16") in _triples("Britain evacuated its embassy staff from Damascus.")


@pytest.mark.parametrize(("text", "expected"), [
    ("Germany announced it would send tanks to Ukraine.", ("DEU", "UKR", "03")),
    ("Canada delivered artillery shells to Ukraine.", ("CAN", "UKR", "07")),
    ("Japan will extend a loan of 10 billion yen to Vietnam.", ("JPN", "VNM", "03")),
    ("Germany gave Bosnia 5 million marks in humanitarian aid.", ("DEU", "BIH", "07")),
])
def test_lexicon_object_classes_widen_the_frames(text, expected):
    assert expected in _triples(text)


def test_lexicon_object_class_words_come_from_the_table():
    from sitrep.tables.lexicon import default_lexicon
    from sitrep.tables.words import word_list

    objects = next(f.objects for f in default_lexicon().get("send") if f.code == "072")
    assert word_list("weapon-object") <= objects and not any(o.startswith("@") for o in objects)
    # a sent object outside every class is still no event
    assert not {t for t in _triples("Germany sent a letter to Ukraine.") if t[2] == "07"}


def test_lexicon_phrase_hung_on_the_object_is_the_verbs():
    assert {("FRA", "DEU", "04"), ("DEU", "FRA", "04")} <= _triples(
        "French President Emmanuel Macron discussed the crisis with German Chancellor Olaf Scholz on Tuesday.")


def test_lexicon_willingness_to_act_names_its_target_in_the_infinitive():
    assert ("JPN", "KOR", "03") in _triples("Japan expressed its willingness to cooperate with South Korea.")


@pytest.mark.parametrize("text", [
    "Iranian Foreign Minister Ali Akbar Velayati is expected in Damascus on Monday.",
    "Iranian Foreign Minister Ali Akbar Velayati is due in Damascus on Monday.",
])
def test_lexicon_expected_presence_is_a_visit(text):
    assert ("IRN", "SYR", "04") in _triples(text)


def test_lexicon_presence_needs_an_announced_stay():
    assert not {t for t in _triples("Iranian Foreign Minister Ali Akbar Velayati was in Damascus on Monday.") if t[2] == "04"}
    assert not _triples("The decision is expected in Damascus on Monday.") - {(None, "SYR", "04")}


def test_lexicon_coordinated_subjects_of_a_mutual_verb_act_on_each_other():
    assert {("USA", "JPN", "03"), ("JPN", "USA", "03")} <= _triples(
        "The United States and Japan agreed on Tuesday to strengthen their security alliance.")
    # a target of their own stays theirs: no agreement between the two senders
    assert ("DEU", "FRA", "03") not in _triples("Germany and France agreed to send troops to Mali.")


@pytest.mark.parametrize(("text", "expected"), [
    ("Russia and Japan vowed to boost economic ties.", {("RUS", "JPN", "03"), ("JPN", "RUS", "03")}),
    ("Ghana and Togo pledged to sign a border treaty.", {("GHA", "TGO", "03"), ("TGO", "GHA", "03")}),
])
def test_lexicon_joint_commitment_to_a_relation_is_mutual(text, expected):
    assert expected <= _triples(text)


def test_lexicon_joint_commitment_without_a_relation_is_not_mutual():
    assert {("GBR", "ALB", "03"), ("FRA", "ALB", "03")} <= _triples("Britain and France pledged to help Albania.")
    assert ("GBR", "FRA", "03") not in _triples("Britain and France pledged to help Albania.")


def test_lexicon_the_one_helped_is_the_target_of_an_offer_to_help():
    assert ("DEU", "UKR", "03") in _triples("Germany offered to help Ukraine rebuild its power grid.")


@pytest.mark.parametrize("text", [
    "Iran called the American president a liar.",
    "Iran branded the Saudi government a puppet.",
])
def test_lexicon_naming_an_actor_with_blame_is_criticism(text):
    assert ("IRN", "USA" if "American" in text else "SAU", "11") in _triples(text)


def test_lexicon_naming_without_blame_is_no_criticism():
    assert not {t for t in _triples("Iran called the American president a friend.") if t[2] == "11"}
    assert ("IRN", "USA", "11") in _triples("Iran called the American president a liar.")


def test_lexicon_saying_an_act_was_blameworthy_criticises_its_owner():
    assert ("RUS", "USA", "11") in _triples("Russia said the American decision was irresponsible.")
    assert ("RUS", "USA", "11") not in _triples("Russia said the American decision was not irresponsible.")


def test_lexicon_coordinated_subjects_fighting_a_thing_do_not_fight_each_other():
    assert not {t for t in _triples("Britain and France vowed to fight terrorism.") if {t[0], t[1]} == {"GBR", "FRA"}}
    # positive control: fighting with no object is between them
    assert {("ERI", "ETH", "19"), ("ETH", "ERI", "19")} <= _triples("Eritrea and Ethiopia fought along the border.")
