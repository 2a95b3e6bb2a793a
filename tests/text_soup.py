"""Generated texts for tests that compare a fast pass with the plain one: phrases from a lexicon, cut
short or punctuated inside, among single words and other words."""

from __future__ import annotations

import random


def phrase_variant(rng: random.Random, phrase: list[str], cut: float, punctuate: float, marks: str = "،",
                   at: int | None = None) -> list[str]:
    """`phrase` cut to its first 1..n words with probability `cut`, then, when still longer than one
    word, a mark of `marks` put inside it (after word `at`, or after a random one) with probability
    `punctuate`."""
    phrase = list(phrase)
    if rng.random() < cut:
        phrase = phrase[:rng.randrange(1, len(phrase) + 1)]
    if len(phrase) > 1 and rng.random() < punctuate:
        phrase.insert(at if at is not None else rng.randrange(1, len(phrase)), rng.choice(marks))
    return phrase
