"""Why did the coder find no event? A development aid: for each sentence, list its verbs and event
nouns with the lexicon frames they have, the frame that matched, and the actors found around them.

    python scripts/why_uncoded.py plover-gsr [--all]      # the PLOVER GSR sentences coded wrongly
    python scripts/why_uncoded.py "Text of a sentence."   # one sentence
"""

from __future__ import annotations

import sys

from sitrep import actors
from sitrep.coder import events as code
from sitrep.coder.arguments import verb_arguments
from sitrep.coder.phrases import Context
from sitrep.scoring import plover_gsr
from sitrep.tables.lexicon import default_lexicon
from sitrep.text import analyse


def explain(text: str, published: str | None = None) -> list[str]:
    doc = next(iter(analyse.parse([text])))
    found = actors.find_mentions(doc, date=published)
    by_token = {i: m for m in found for i in range(m.token_start, m.token_end)}
    ctx = Context(doc, by_token, (), published, "x", actors.doc_actors(doc, date=published))
    lexicon = default_lexicon()
    lines = ["  actors: " + "; ".join(f"{m.text}={m.actor.id if m.actor else None}" for m in found)]
    for token in doc:
        if token.pos_ not in ("VERB", "AUX") and not token.tag_.startswith("VB"):
            continue
        frames = lexicon.get(token.lemma_)
        frame = code._match_frame(token, frames) or code._obligation_frame(token) or code._presence_frame(token) \
            or code._judgement_frame(token)  # the coder's own fallbacks, in its order
        if frame is None:
            lines.append(f"  {token.text}/{token.lemma_} ({token.dep_}): {len(frames)} frames, none match")
            continue
        sources, targets = verb_arguments(token, frame, ctx)
        lines.append(
            f"  {token.text}/{token.lemma_}: {frame.label} src={[m.actor.id for m in sources]} "
            f"tgt={[m.actor.id for m in targets]}"
        )
    lines.append("  parse: " + " ".join(f"{t.text}<{t.dep_}:{t.head.i}>" for t in doc))
    return lines


def main(argv: list[str]) -> None:
    if argv and argv[0] == "plover-gsr":
        show_all = "--all" in argv
        for record in plover_gsr.load_records():
            events = code_events(record.text, record.date)
            best = plover_gsr.best_event(events)
            got = plover_gsr.event_plover(best) if best else None
            if got == record.event and not show_all:
                continue
            print(f"{record.id} gold={record.event} got={got}: {record.text}")
            print("\n".join(explain(record.text, record.date)))
    else:
        for text in argv:
            print(text)
            print("\n".join(explain(text)))


def code_events(text: str, published: str | None) -> list:
    from sitrep.api import code_text

    return code_text(text, published=published)


if __name__ == "__main__":
    main(sys.argv[1:])
