"""A deterministic synthetic corpus for the benchmarks: seed sentences recombined, with other states,
delegation sizes, years, months and rank ordinals substituted, written with a manifest.csv.

Run: python bench/corpus.py --sizes 100,1000,10000   (writes bench/out/corpus_<N>/, skipped when present)
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import random
import re
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
OUT = ROOT / "bench" / "out"
GENERATOR_VERSION = 1  # bump when the generated text changes, so stale folders are rebuilt
STAMP = ".corpus.json"  # hidden: core.reading.ingest skips files whose name starts with "."

# States written as Arabic news writes them; one is drawn for every state name found in a sentence.
STATES = (
    "الكويت", "قطر", "عمان", "السعودية", "الإمارات", "مصر", "الأردن", "لبنان", "تونس", "المغرب",
    "الجزائر", "السودان", "العراق", "اليمن", "سوريا", "ليبيا", "موريتانيا", "فلسطين", "جيبوتي",
    "الصومال", "سنغافورة", "ماليزيا", "إندونيسيا", "الهند", "باكستان", "بنغلاديش", "الصين", "اليابان",
    "كوريا الجنوبية", "تركيا", "إيران", "كازاخستان", "أذربيجان", "بروناي", "الفلبين", "تايلاند",
    "فيتنام", "سريلانكا", "نيبال", "كينيا", "نيجيريا", "غانا", "إثيوبيا", "رواندا", "تنزانيا",
    "البرازيل", "الأرجنتين", "تشيلي", "المكسيك", "كولومبيا", "فرنسا", "ألمانيا", "بريطانيا",
    "إيطاليا", "إسبانيا", "السويد", "فنلندا", "الدنمارك", "إستونيا", "هولندا", "كندا", "أستراليا",
)
MONTHS = ("يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر",
          "نوفمبر", "ديسمبر")
ORDINALS_M = ("الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع",
              "العاشر", "الحادي عشر", "الثاني عشر", "الثالث عشر", "الرابع عشر", "الخامس عشر",
              "السادس عشر", "السابع عشر", "الثامن عشر", "التاسع عشر", "العشرين", "الحادي والعشرين",
              "الخامس والعشرين", "الثلاثين", "الأربعين")
ORDINALS_F = ("الأولى", "الثانية", "الثالثة", "الرابعة", "الخامسة", "السادسة", "السابعة", "الثامنة",
              "التاسعة", "العاشرة", "الحادية عشرة", "الثانية عشرة", "الثالثة عشرة", "الرابعة عشرة",
              "الخامسة عشرة", "الثامنة عشرة", "العشرين", "الحادية والعشرين", "الثلاثين")

LETTER = "\u0621-\u064a"
# A state name on its own or after one proclitic (و ب ل ف), never inside a longer word ("مصرف").
STATE_RE = re.compile(f"(?<![{LETTER}])([وبلف]?)(" + "|".join(sorted(map(re.escape, STATES), key=len, reverse=True))
                      + f")(?![{LETTER}])")
SIZE_RE = re.compile(r"(?<!\d)\d{1,3}(?=\s+(?:دولة|دول)(?![" + LETTER + "]))")
YEAR_RE = re.compile(r"(?<!\d)(?:19[9]\d|20[0-3]\d)(?!\d)")
MONTH_RE = re.compile(f"(?<![{LETTER}])(" + "|".join(MONTHS) + f")(?![{LETTER}])")
ORD_WORDS = "|".join(sorted(map(re.escape, set(ORDINALS_M) | set(ORDINALS_F)), key=len, reverse=True))
RANK_RE = re.compile(f"(المركز|المرتبة)(\\s+)(?:{ORD_WORDS}|\\d{{1,3}})(?![{LETTER}])")
SENTENCE_RE = re.compile(r"[^.!?؟\n]+[.!?؟]*")


def seed_pool(seeds: Path = SEEDS) -> tuple[list[str], list[str]]:
    """(title lines, body sentences) of the seed articles, in file order."""
    titles: list[str] = []
    sentences: list[str] = []
    for path in sorted(seeds.glob("*.txt")):
        lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        if not lines:
            continue
        titles.append(lines[0])
        for line in lines[1:]:
            sentences.extend(s.strip() for s in SENTENCE_RE.findall(line) if len(s.strip()) > 20)
    if not titles or not sentences:
        raise SystemExit(f"{seeds}: no seed articles to recombine")
    return titles, sentences


def substitute(sentence: str, rng: random.Random, year: int, month: str) -> str:
    """The sentence with other states, sizes, ordinals, the article's year and month substituted."""
    out = STATE_RE.sub(lambda m: m.group(1) + rng.choice(STATES), sentence)
    out = SIZE_RE.sub(lambda m: str(rng.randint(2, 60)), out)
    out = YEAR_RE.sub(lambda m: str(year + rng.choice((0, 0, 0, -1, -2, 1))), out)
    out = MONTH_RE.sub(month, out)

    def rank(m: re.Match[str]) -> str:
        if rng.random() < 0.3:
            return f"{m.group(1)}{m.group(2)}{rng.randint(1, 120)}"
        return m.group(1) + m.group(2) + rng.choice(ORDINALS_F if m.group(1) == "المرتبة" else ORDINALS_M)

    return RANK_RE.sub(rank, out)


def make_article(index: int, seed: int, pool: tuple[list[str], list[str]]) -> tuple[str, str]:
    """(text, published) of article `index`; the same (index, seed) always gives the same article."""
    titles, sentences = pool
    rng = random.Random(f"{seed}:{index}")
    year = rng.randint(2005, 2024)
    month_no = rng.randint(1, 12)
    month = MONTHS[month_no - 1]
    paragraphs = [substitute(rng.choice(titles), rng, year, month)]
    for _ in range(rng.randint(3, 9)):
        picked = rng.sample(sentences, rng.randint(1, 4))
        paragraphs.append(" ".join(substitute(s, rng, year, month) for s in picked))
    published = rng.choice((f"{year}", f"{year}-{month_no:02d}", f"{year}-{month_no:02d}-{rng.randint(1, 28):02d}"))
    return "\n\n".join(paragraphs) + "\n", published


def article_name(index: int) -> str:
    return f"syn_{index:05d}.txt"


def build_corpus(n: int, folder: Path | None = None, *, seed: int = 2026, force: bool = False) -> Path:
    """Write n articles and manifest.csv into `folder` (default bench/out/corpus_<n>); returns it.

    A folder whose stamp matches (n, seed, generator version, seeds) is reused as it is.
    Texts are unique: an article that repeats an earlier one is drawn again with another index.
    """
    folder = Path(folder) if folder is not None else OUT / f"corpus_{n}"
    pool = seed_pool()
    stamp = {"n": n, "seed": seed, "version": GENERATOR_VERSION,
             "seeds": hashlib.sha256("\n".join(pool[0] + pool[1]).encode()).hexdigest()}
    stamp_path = folder / STAMP
    if not force and stamp_path.exists():
        try:
            if json.loads(stamp_path.read_text(encoding="utf-8")) == stamp:
                return folder
        except (OSError, ValueError):
            pass
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    seen: set[str] = set()
    rows = []
    draw = 0
    for i in range(n):
        while True:
            text, published = make_article(draw, seed, pool)
            draw += 1
            digest = hashlib.sha256(text.encode()).hexdigest()
            if digest not in seen:
                seen.add(digest)
                break
        (folder / article_name(i)).write_text(text, encoding="utf-8")
        rows.append((article_name(i), published, f"https://example.org/news/{i}"))
    write_manifest(folder, rows)
    stamp_path.write_text(json.dumps(stamp), encoding="utf-8")  # last: a broken build is redone
    return folder


def write_manifest(folder: Path, rows: list[tuple[str, str, str]]) -> None:
    with open(folder / "manifest.csv", "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(("file", "published", "source_url"))
        writer.writerows(rows)


def add_article(folder: Path, *, seed: int = 2026, index: int = 99_999_999) -> Path:
    """Add one new article (and its manifest row) to a built folder; returns its path.

    Used by the incremental benchmark; remove_article undoes it.
    """
    text, published = make_article(index, seed, seed_pool())
    name = f"added_{index}.txt"
    path = folder / name
    path.write_text(text, encoding="utf-8")
    with open(folder / "manifest.csv", "a", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerow((name, published, ""))
    return path


def remove_article(path: Path) -> None:
    """Delete an article added by add_article and its manifest row."""
    manifest = path.parent / "manifest.csv"
    with open(manifest, encoding="utf-8", newline="") as fh:
        rows = [r for r in csv.reader(fh) if r and r[0] != path.name]
    with open(manifest, "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(rows)
    path.unlink(missing_ok=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,1000,10000", help="comma-separated article counts")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--force", action="store_true", help="rebuild even when the folder is up to date")
    args = parser.parse_args(argv)
    for n in (int(s) for s in args.sizes.split(",") if s.strip()):
        folder = build_corpus(n, seed=args.seed, force=args.force)
        size = sum(p.stat().st_size for p in folder.glob("*.txt"))
        print(f"{folder.relative_to(ROOT)}: {n} articles, {size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
