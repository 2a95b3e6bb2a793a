"""The memo of core.text.morphology.conjoined gives what the plain test gives, on random tokens built
from the conjunctions, other proclitics and Arabic letters (asked twice: the second answer is the memo's)."""

import random

from core.text import morphology
from core.text.morphology import conjoined


def _random_tokens(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    letters = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
    prefixes = list(morphology._conjunctions()) + [p for p, _ in morphology._prefixes(True)] + ["", ""]
    return [rng.choice(prefixes) + "".join(rng.choice(letters) for _ in range(rng.randint(0, 4)))
            for _ in range(n)]


def test_conjoined_memo_is_the_plain_test():
    tokens = _random_tokens(5000, 27)
    plain = [conjoined.__wrapped__(t) for t in tokens]
    assert any(plain) and not all(plain)  # both answers occur among the tokens
    conjoined.cache_clear()
    assert [conjoined(t) for t in tokens] == plain
    assert [conjoined(t) for t in tokens] == plain  # the memo's answers
    assert conjoined.cache_info().hits >= len(tokens)
