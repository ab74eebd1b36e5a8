"""Build gold/syndicated/articles.jsonl: syndicated copies of a few stories, for scoring story clustering.

Deterministic (seeded per variant), so re-running it reproduces the committed file byte for byte; the
committed file is the gold, this script is how it was made. Sources of text:

- the two committed example articles (examples/*.txt), reduced to their body by sitrep.text.clean;
- short original news-style articles written for this corpus (below), several on the same dyads and
  one an independent report of the same event as an example (a different story, the same event).

Each copy gets what outlets do to a wire story: a rewritten headline, a masthead and slogan, dropped,
trimmed or reordered paragraphs, a translator's word swaps, captions with photo credits, web furniture
("Read more: ...", copyright lines) and a wire attribution. Every injected piece of debris and every
caption is listed in the record, so the cleaner can be scored on it too.

Usage: python scripts/make_syndicated.py [--check]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sitrep.text.clean import clean  # noqa: E402 - after the checkout is put on sys.path

OUT = ROOT / "gold" / "syndicated" / "articles.jsonl"

# -- original articles written for this corpus (fixtures, not verified reporting) -------------------

ORIGINALS: dict[str, dict] = {
    "trilateral-ap": {
        "published": "2024-06-24",
        "agency": "AP",
        "headline": "Seoul, Tokyo and Washington denounce Russia-North Korea defense pact",
        "dateline": "SEOUL, South Korea (AP) — ",
        "paragraphs": [
            ("The top diplomats of South Korea, Japan and the United States on Monday jointly criticized the new "
            "defense pact between Moscow and Pyongyang, saying closer military ties between the two "
            "neighbors threaten peace in Asia and in Europe."),
            ("In a statement released by Seoul's foreign ministry, the three allies said they were gravely "
            "concerned that the deal signed last week could open the way for more North Korean munitions to "
            "flow to Russian forces fighting in Ukraine."),
            ("The pact obliges each side to come to the other's aid if attacked. It was signed during "
            "Vladimir Putin's first trip to the North Korean capital in 24 years."),
            ("Officials in Washington said the allies would expand joint drills and share more missile "
            "warning data in real time. A three-way exercise involving an American aircraft carrier is "
            "expected later this month."),
            ("North Korea did not immediately respond. Its state media has described the treaty as a "
            "purely defensive arrangement between two sovereign states."),
            ("Analysts in Seoul said the statement mostly restated existing positions but showed the three "
            "governments trying to keep a united front ahead of elections in the United States."),
        ],
        "captions": [
            "Foreign ministers of the three countries meet on the sidelines of a security forum in June 2024. (AP Photo/Lee Jin-man)",
        ],
    },
    "shoigu-visit": {
        "published": "2023-07-26",
        "agency": "Reuters",
        "headline": "Russia's defence minister visits Pyongyang for armistice anniversary",
        "dateline": "SEOUL, July 26 (Reuters) - ",
        "paragraphs": [
            ("Russian Defence Minister Sergei Shoigu arrived in Pyongyang on Tuesday at the head of a military "
            "delegation invited to mark the 70th anniversary of the end of the Korean War, North Korean "
            "state media said."),
            ("It is the first visit by a Russian defence minister to North Korea since the collapse of the "
            "Soviet Union, and it comes as Washington accuses Pyongyang of supplying artillery shells to "
            "Moscow, a charge both governments deny."),
            ("Shoigu met North Korean leader Kim Jong Un on Wednesday and handed him a letter from President "
            "Vladimir Putin, the official news agency said, adding that the two sides discussed defence and "
            "security matters of mutual interest."),
            ("Kim later took his guest to an exhibition of weapons that included the country's newest "
            "intercontinental ballistic missiles, photographs released by state media showed."),
            ("A Chinese delegation led by a senior Communist Party official was also in Pyongyang for the "
            "anniversary, which North Korea celebrates as a victory day."),
            ("South Korea's defence ministry said it was watching the visit closely and warned that any arms "
            "trade with Russia would breach United Nations Security Council resolutions."),
            ("The visit is likely to deepen concern in Seoul and Tokyo that Moscow is ready to offer Pyongyang "
            "military technology in return for ammunition, analysts said."),
        ],
        "captions": [
            "North Korean leader Kim Jong Un and Russian Defence Minister Sergei Shoigu visit an arms exhibition in Pyongyang, July 26, 2023. KCNA via REUTERS",
        ],
    },
    "lavrov-visit": {
        "published": "2023-10-19",
        "agency": "AFP",
        "headline": "Lavrov in Pyongyang to prepare a Putin visit",
        "dateline": "",
        "paragraphs": [
            ("Russian Foreign Minister Sergei Lavrov held talks in Pyongyang on Thursday with his North Korean "
            "counterpart Choe Son Hui, a month after Kim Jong Un travelled to Russia's Far East to meet "
            "Vladimir Putin."),
            ("The two ministers discussed the follow-up to the summit and the preparation of a return visit by "
            "the Russian president, the Russian foreign ministry said in a statement."),
            ("Lavrov thanked Pyongyang for what he called its firm support for Russia's operation in Ukraine, "
            "according to Russian news agencies."),
            ("The United States and its allies say North Korea has already shipped more than a million "
            "artillery shells to Russia, an accusation Moscow rejects."),
            ("Choe described relations between the two countries as entering a new stage and said Pyongyang "
            "would always stand by Moscow, North Korean media reported."),
        ],
        "captions": [
            "Sergei Lavrov is welcomed at Pyongyang airport on October 18, 2023. Photo: AFP",
        ],
        "signoff": "-- AFP",
    },
    "missile-protest": {
        "published": "2023-12-18",
        "agency": "Kyodo",
        "headline": "Japan protests North Korean ICBM launch that fell near Hokkaido",
        "dateline": "TOKYO, Dec. 18 (Kyodo) -- ",
        "paragraphs": [
            ("Japan lodged a protest with North Korea through diplomatic channels in Beijing on Monday after "
            "Pyongyang fired an intercontinental ballistic missile that came down in the sea west of "
            "Hokkaido, the government said."),
            ("The missile flew for about 73 minutes and fell outside Japan's exclusive economic zone, Defense "
            "Ministry officials said, adding that no damage to ships or aircraft had been reported."),
            ("Chief Cabinet Secretary Yoshimasa Hayashi told reporters the launch was a clear violation of "
            "Security Council resolutions and a threat to the peace of the region."),
            ("It was the North's first ICBM launch since July and came hours after it fired a shorter-range "
            "missile toward the sea off its east coast."),
            ("Tokyo, Seoul and Washington began sharing missile warning data in real time this month under a "
            "system agreed by their leaders in August."),
        ],
        "captions": [],
    },
    "trilateral-followup": {
        "published": "2024-06-26",
        "agency": "EFE",
        "headline": "North Korea rejects the joint statement of Seoul, Tokyo and Washington",
        "dateline": "",
        "reuse": ("trilateral-efe", (3, 4)),
        "paragraphs": [
            ("North Korea on Wednesday dismissed as a provocation the statement in which South Korea, Japan and "
            "the United States criticised its new treaty with Russia, the state agency KCNA reported."),
            ("A spokesperson for the North Korean foreign ministry said the three countries had no right to "
            "comment on the sovereign decisions of two neighbours and accused Washington of preparing a "
            "military bloc in Asia."),
            ("The spokesperson also criticised the three-way exercise that the allies plan to hold this week "
            "with an American aircraft carrier, calling it a rehearsal for war."),
            ("Seoul's unification ministry replied that Pyongyang should stop blaming others for tensions it "
            "had created with its own missile launches."),
            "Analysts expect the North to answer the drills with new weapons tests in the coming days.",
        ],
        "captions": [],
    },
    "shoigu-followup": {
        "published": "2023-07-28",
        "agency": "Reuters",
        "headline": "Kim shows off new drones and missiles at parade attended by Russian, Chinese guests",
        "dateline": "SEOUL, July 28 (Reuters) - ",
        "reuse": ("shoigu-visit", (1, 6)),
        "paragraphs": [
            ("North Korea paraded its newest intercontinental ballistic missiles and a pair of new attack "
            "drones through Pyongyang on Thursday night, with Russian Defence Minister Sergei Shoigu watching "
            "beside leader Kim Jong Un, state media reported on Friday."),
            ("Photographs showed Kim and Shoigu saluting from a balcony above Kim Il Sung Square as thousands of "
            "troops marched below."),
            ("The drones resembled American surveillance and attack aircraft, analysts said, though it was not "
            "clear whether they were operational."),
            ("Chinese Politburo member Li Hongzhong also stood on the balcony, the first time since the pandemic "
            "that foreign delegations attended a military parade in the North."),
        ],
        "captions": [],
    },
    "kenya-floods": {
        "published": "2024-05-02",
        "agency": None,
        "headline": "Floods displace thousands in Kenya's Tana River county",
        "dateline": "",
        "paragraphs": [
            ("Thousands of families have been forced from their homes in Kenya's Tana River county after the "
            "river burst its banks following weeks of heavy rain, local officials said on Thursday."),
            ("The Kenya Red Cross said it was distributing food and tents at three camps and warned that "
            "stagnant water raised the risk of cholera."),
            "The government has postponed the reopening of schools in the worst-hit areas by a week.",
        ],
        "captions": [],
    },
    "uganda-rates": {
        "published": "2024-05-03",
        "agency": None,
        "headline": "Uganda's central bank holds its key rate",
        "dateline": "",
        "paragraphs": [
            ("The Bank of Uganda kept its central bank rate unchanged on Friday, saying inflation remained "
            "within its target despite a weaker shilling."),
            ("The governor said the bank would act if rising fuel prices pushed inflation higher in the "
            "coming months."),
            "Economists had expected the decision after two months of stable prices.",
        ],
        "captions": [],
    },
}

# -- the two committed examples, reduced to their body ------------------------------------------------

EXAMPLES = {
    "trilateral-efe": ("examples/eanp-2024-06-24-trilateral-statement.txt", "2024-06-24", "EFE"),
    "summit-reactions": ("examples/tsf-2023-09-14-putin-kim-summit.txt", "2023-09-14", None),
}
HEADLINES = {
    "trilateral-efe": [
        "US, Japan and South Korea condemn Putin-Kim military pact",
        "Washington, Tokyo and Seoul reject the Moscow-Pyongyang military accord",
        "Three allies denounce the agreement between Putin and Kim Jong Un",
    ],
    "summit-reactions": [
        "Japan and South Korea worried about a possible arms deal between Putin and Kim",
        "Tokyo and Seoul voice concern after Putin-Kim meeting",
        "Putin accepts Kim Jong-un's invitation to visit North Korea",
    ],
    "trilateral-ap": ["Allies criticize Moscow-Pyongyang treaty", "US, Japan, South Korea slam Russia-North Korea pact"],
    "shoigu-visit": ["Shoigu meets Kim Jong Un in Pyongyang", "Russian defence chief in North Korea for 'victory day'"],
    "lavrov-visit": ["Russia's top diplomat in North Korea", "Lavrov meets Choe Son Hui in Pyongyang"],
    "missile-protest": ["Tokyo protests North Korea missile launch", "Japan says ICBM launch violates UN resolutions"],
    "kenya-floods": ["Tana River floods force thousands from homes"],
    "trilateral-followup": ["Pyongyang dismisses allies' statement on Russia treaty"],
    "shoigu-followup": ["North Korea parades new drones before Russian defence chief"],
    "uganda-rates": ["Bank of Uganda leaves rate unchanged"],
}
EXTRA_CAPTIONS = {
    "trilateral-efe": [
        "South Korean Foreign Minister Cho Tae-yul speaks to reporters in Seoul, June 24, 2024. EFE/EPA/Yonhap",
    ],
    "summit-reactions": [
        ("Russian President Vladimir Putin and North Korean leader Kim Jong-un at the Vostochny cosmodrome, "
        "September 13, 2023. EFE/EPA/Vladimir Smirnov/Sputnik/Kremlin Pool"),
    ],
}

OUTLETS = [
    ("Pacific Daily Ledger", "News That Matters"),
    ("Gulf Bulletin Online", "Your Window On The World"),
    ("Lisbon Morning Wire", None),
    ("Andes Post", "Independent Since 1998"),
    ("Northern Courier", None),
    ("Korea Watch Weekly", "Peninsula News Daily"),
    ("Balkan Herald", "Truth First"),
    ("Sahel Times", None),
]
FURNITURE = [
    "Advertisement",
    "Follow us on Twitter and Facebook for the latest updates",
    "Subscribe to our newsletter for daily headlines",
    "Share this article",
]

# A translator's word swaps: meaning kept, surface changed.
SWAPS = [
    (r"\bsaid\b", "stated"), (r"\bcondemned\b", "denounced"), (r"\bagreement\b", "accord"),
    (r"\bconcern\b", "worry"), (r"\bstrengthening\b", "reinforcing"), (r"\bpossible\b", "potential"),
    (r"\bwarned\b", "cautioned"), (r"\bmeeting\b", "encounter"), (r"\brelations\b", "ties"),
    (r"\bleader\b", "head"), (r"\bcountries\b", "nations"), (r"\bcooperation\b", "collaboration"),
    (r"\bofficials\b", "authorities"), (r"\bvisit\b", "trip"), (r"\bon Monday\b", "this Monday"),
    (r"\bon Thursday\b", "this Thursday"), (r"\bon Wednesday\b", "this Wednesday"),
    (r"\bstatement\b", "declaration"), (r"\bdefence\b", "defense"), (r"\bthreat\b", "menace"),
    (r"\bPyongyang\b", "the North Korean capital"), (r"\bMoscow\b", "the Kremlin"),
    (r"\bmissiles?\b", "projectiles"), (r"\bthe United States\b", "Washington"),
    (r"\bpresident\b", "head of state"), (r"\bsigned\b", "sealed"), (r"\bweapons\b", "arms"),
    (r"\bthe two\b", "both"), (r"\bhowever\b", "nevertheless"), (r"\bexperts\b", "specialists"),
]

VARIANTS = {  # base -> number of outlet copies (besides the base itself)
    "trilateral-efe": 7,
    "summit-reactions": 6,
    "trilateral-ap": 2,
    "shoigu-visit": 4,
    "lavrov-visit": 3,
    "missile-protest": 3,
    "trilateral-followup": 2,
    "shoigu-followup": 1,
    "kenya-floods": 0,
    "uganda-rates": 0,
}


def _example_body(path: str) -> tuple[str, list[str], list[str]]:
    """Headline, body paragraphs and captions of an example article, from sitrep.text.clean's reading."""
    raw = (ROOT / path).read_text(encoding="utf-8")
    cleaned = clean(raw)
    paragraphs = [line.strip() for line in cleaned.text.split("\n") if line.strip()]
    captions = []
    for cap in cleaned.captions:
        line_end = raw.find("\n", cap.end)
        captions.append(raw[cap.start : line_end if line_end >= 0 else len(raw)].strip())
    headline = ""
    if len(paragraphs[0].split()) < 25 and not re.search(r"[.!?]$", paragraphs[0]):
        headline, paragraphs = paragraphs[0], paragraphs[1:]
    return headline, paragraphs, captions


def _paraphrase(paragraph: str, rng: random.Random, rate: float) -> str:
    for pattern, repl in SWAPS:
        if rng.random() < rate:
            paragraph = re.sub(pattern, repl, paragraph)
    return paragraph


def _variant(base: str, info: dict, n: int) -> dict:
    """Copy number `n` (1-based) of story `base`, as one outlet would publish it."""
    rng = random.Random(f"{base}/{n}")
    outlet, slogan = OUTLETS[(n + len(base)) % len(OUTLETS)]
    paragraphs = list(info["paragraphs"])
    ops: list[str] = []
    debris: list[str] = []
    captions: list[str] = []

    # 1. Trim: drop a few paragraphs after the lead, or truncate the tail (outlets cut from the bottom).
    if n % 4 == 0 and len(paragraphs) > 3:
        paragraphs = paragraphs[:2]
        ops.append("brief: first 2 paragraphs")
    elif n % 3 == 0 and len(paragraphs) > 4:
        keep = max(3, int(len(paragraphs) * rng.uniform(0.4, 0.6)))
        paragraphs = paragraphs[:keep]
        ops.append(f"truncated to {keep} paragraphs")
    else:
        droppable = list(range(1, len(paragraphs)))
        drop = set(rng.sample(droppable, k=min(len(droppable) // 4, 3))) if droppable else set()
        paragraphs = [p for i, p in enumerate(paragraphs) if i not in drop]
        if drop:
            ops.append(f"dropped paragraphs {sorted(drop)}")
    # 2. Reorder: swap two adjacent paragraphs in the lower half.
    if len(paragraphs) > 4 and n % 2 == 1:
        i = rng.randrange(len(paragraphs) // 2, len(paragraphs) - 1)
        paragraphs[i], paragraphs[i + 1] = paragraphs[i + 1], paragraphs[i]
        ops.append(f"swapped paragraphs {i} and {i + 1}")
    # 3. Paraphrase as a translator would.
    rate = 0.8 if n % 5 == 0 else 0.3 + 0.1 * (n % 4)
    paragraphs = [_paraphrase(p, rng, rate) for p in paragraphs]
    ops.append(f"word swaps at rate {rate:.1f}")
    # 4. Headline, masthead, slogan, repeated headline.
    headlines = HEADLINES.get(base, [])
    headline = headlines[(n - 1) % len(headlines)] if headlines else info["headline"]
    top = [outlet]
    debris.append(outlet)
    if slogan:
        top.append(slogan)
        debris.append(slogan)
    top.append(headline)
    if n % 2 == 0:
        top.append(headline)
        debris.append(headline)
        ops.append("repeated headline")
    # 5. Dateline on the lead for wires that use one.
    if info.get("dateline") and n % 3 != 2:
        paragraphs[0] = info["dateline"] + paragraphs[0]
        ops.append("dateline")
    # 6. Captions with credits between paragraphs.
    pool = list(info.get("captions", [])) + EXTRA_CAPTIONS.get(base, [])
    for caption in rng.sample(pool, k=min(len(pool), 1 + n % 2)):
        at = rng.randrange(1, len(paragraphs))
        paragraphs.insert(at, caption)
        captions.append(caption)
    # 7. Web furniture and a wire attribution.
    if n % 2 == 1:
        line = FURNITURE[n % len(FURNITURE)]
        paragraphs.insert(min(2, len(paragraphs)), line)
        debris.append(line)
        ops.append("furniture line")
    agency = info.get("agency")
    tail = ""
    if agency and n % 2 == 0:
        attribution = f"(With information from {agency})"
        debris.append(attribution)
        if n % 4 == 0:  # glued to the paragraph before it, as some CMSs do
            paragraphs[-1] = paragraphs[-1] + attribution
            ops.append("glued attribution")
        else:
            tail = "\n\n" + attribution
    elif info.get("signoff"):
        paragraphs[-1] = paragraphs[-1] + " " + info["signoff"]
    if n % 3 == 1:
        other = HEADLINES.get(base, [info["headline"]])[-1]
        paragraphs.append(f"Read more: {other}")
        debris.append(f"Read more: {other}")
    copyright_line = f"© {info['published'][:4]} {outlet}. All rights reserved."
    debris.append(copyright_line)
    text = "\n\n".join(top + paragraphs) + tail + "\n\n" + copyright_line + "\n"
    return {
        "id": f"{base}-{n:02d}",
        "text": text,
        "published": info["published"],
        "outlet": outlet,
        "story": base,
        "agency": info.get("agency"),
        "ops": ops,
        "debris": debris,
        "captions": captions,
    }


def build() -> list[dict]:
    """Every record of the corpus, in a fixed order."""
    bases: dict[str, dict] = {}
    records: list[dict] = []
    for base, (path, published, agency) in EXAMPLES.items():
        headline, paragraphs, captions = _example_body(path)
        raw = (ROOT / path).read_text(encoding="utf-8")
        bases[base] = {"published": published, "agency": agency, "headline": headline or HEADLINES[base][0],
                       "paragraphs": paragraphs, "captions": captions}
        records.append({"id": f"{base}-00", "text": raw, "published": published,
                        "outlet": "example (committed)", "story": base, "agency": agency, "ops": ["original example article"],
                        "debris": [], "captions": []})
    for base, info in ORIGINALS.items():
        if "reuse" in info:  # a follow-up repeats background paragraphs of the earlier story, verbatim
            source, picks = info["reuse"]
            info = dict(info, paragraphs=info["paragraphs"] + [bases[source]["paragraphs"][i] for i in picks])
        bases[base] = info
        body = [info["dateline"] + info["paragraphs"][0]] + info["paragraphs"][1:]
        text = "\n\n".join([info["headline"]] + body) + "\n"
        records.append({"id": f"{base}-00", "text": text, "published": info["published"],
                         "outlet": f"{info['agency'] or 'local'} wire", "story": base, "agency": info["agency"],
                         "ops": ["original written for this corpus"], "debris": [], "captions": []})
    for base, count in VARIANTS.items():
        for n in range(1, count + 1):
            records.append(_variant(base, bases[base], n))
    return sorted(records, key=lambda r: r["id"])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="fail if the committed corpus differs")
    args = parser.parse_args()
    lines = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in build())
    if args.check:
        same = OUT.exists() and OUT.read_text(encoding="utf-8") == lines
        print("corpus up to date" if same else "corpus differs from the generator")
        return 0 if same else 1
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(lines, encoding="utf-8")
    print(f"wrote {lines.count(chr(10))} records to {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
