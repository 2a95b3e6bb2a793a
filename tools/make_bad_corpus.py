"""Write a folder of bad input files (one per problem kind) for testing core.reading.ingest.

Usage: python tools/make_bad_corpus.py OUT_DIR [--seeds FOLDER]

--seeds copies FOLDER's article files next to the bad ones and appends their manifest rows,
so the good articles can be checked to load unchanged among the bad ones. The article texts
below were written for this tool (short Arabic news items about e-government visits); huge.txt
is 300 kB, over a 200 kB limit passed by the tests and under the 2 MB default.
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import random
import shutil
import sys
from pathlib import Path

ARTICLE = (
    "استقبلت هيئة المعلومات والحكومة الإلكترونية في مملكة البحرين صباح اليوم وفدا رسميا من "
    "سلطنة عمان، في زيارة تستمر ثلاثة أيام للاطلاع على تجربة المملكة في تقديم الخدمات "
    "الحكومية عبر الإنترنت.\n"
    "وقدم مسؤولو الهيئة عرضا عن البوابة الوطنية ومراكز الخدمة، وأكد رئيس الوفد أن بلاده "
    "تتطلع إلى تعاون أوسع في مجال التحول الرقمي.\n")
CP1256 = (
    "زار وفد من وزارة الاتصالات في المملكة الأردنية الهاشمية مركز الحكومة الإلكترونية في "
    "المنامة، واطلع على نظام الدفع الإلكتروني والخدمات الذكية المقدمة للمواطنين والمقيمين.\n"
    "وقال رئيس الوفد إن التجربة البحرينية نموذج يحتذى به في المنطقة.\n")
ISO8859_6 = (
    "نظمت الهيئة ورشة عمل لوفد من جمهورية السودان حول إدارة المشاريع الرقمية وحماية "
    "البيانات، وشارك في الورشة عدد من المختصين من القطاع الحكومي.\n"
    "وأشاد الوفد بما حققته المملكة من تقدم في مؤشر الأمم المتحدة لتطوير الحكومة الإلكترونية.\n")
UTF16 = (
    "وصل إلى المنامة وفد من دولة الكويت يضم مسؤولين من الجهاز المركزي لتكنولوجيا المعلومات، "
    "لبحث سبل تبادل الخبرات في مجال الربط الإلكتروني بين الجهات الحكومية.\n")
UTF8_BOM = (
    "التقى الرئيس التنفيذي للهيئة وفدا من جمهورية مصر العربية، واستعرض معه مراحل تطوير "
    "الخدمات الإلكترونية منذ إطلاق الاستراتيجية الوطنية، إضافة إلى برامج تدريب الموظفين.\n")
DAMAGED = (
    "بحث وفد من دولة قطر مع مسؤولي الهيئة سبل تطوير التطبيقات الحكومية على الهواتف الذكية، "
    "واطلع على خطة المملكة لتوسيع نطاق الخدمات المقدمة عبر الإنترنت.\n")
PAGE_TITLE = "وفد مغربي يختتم زيارته للاطلاع على الخدمات الإلكترونية"
PAGE_BODY = (
    "اختتم وفد من المملكة المغربية زيارته إلى مملكة البحرين بعد جولة شملت مركز الاتصال "
    "الوطني ومختبر الابتكار الحكومي.",
    "وأعرب أعضاء الوفد عن تقديرهم لحسن الاستقبال، مؤكدين أهمية استمرار التنسيق بين البلدين.")
PAGE = f"""<!DOCTYPE html>
<html lang="ar" dir="rtl">
<head><meta charset="utf-8"><title>{PAGE_TITLE} | أخبار</title>
<style>body {{ font-family: sans-serif; }}</style>
<script>var tracker = "قائمة الأخبار";</script></head>
<body>
<header><a href="/">الصفحة الرئيسية</a></header>
<nav><ul><li>محليات</li><li>اقتصاد</li><li>رياضة</li></ul></nav>
<main><article>
<header><h1>{PAGE_TITLE}</h1></header>
<p>{PAGE_BODY[0]}</p><p>{PAGE_BODY[1]}</p>
<!-- comment: not text -->
<script>document.write("إعلان");</script>
</article></main>
<aside>الأكثر قراءة</aside>
<form><input name="q"><button>بحث</button></form>
<footer>جميع الحقوق محفوظة</footer>
</body></html>
"""
SAVED_PAGE = ("<!DOCTYPE html>\n<html><body><p>شارك وفد من الجمهورية اللبنانية في ملتقى الحكومة "
              "الإلكترونية الذي عقد في المنامة.</p></body></html>\n")
HUGE_LINE = "تواصل الهيئة تنظيم زيارات ميدانية للوفود الأجنبية المهتمة بالخدمات الرقمية.\n"
NO_ARABIC = ("A delegation from Estonia visited the e-government authority in Manama to discuss "
             "digital identity services and the national portal.\n")
XSS = (
    "استقبلت الهيئة وفدا من الجمهورية التونسية <script>alert(1)</script> للاطلاع على نظام "
    "الهوية الرقمية.\n"
    "<img src=x onerror=alert(1)>\n"
    "وللمزيد اضغط [هنا](javascript:alert(1)) وقد وصف الوفد التجربة بأنها **رائدة** في المنطقة.\n")

# Pathological texts: crafted to make a stage that rescans earlier material per candidate take
# quadratic time. Full size (scale 1.0) is about 2 MB each, as in bench/pathological.py; the bad
# corpus holds them at PATHOLOGICAL_SCALE (about 100-150 kB), under the tests' 200 kB limit.
REPEATED_DATES = "عقدت الورشة في 25 و26 يونيو 2013 و1434هـ. "
REPEATED_DATES_TIMES = 31_500
LONG_SENTENCE_WORDS = ("زار وفد من سلطنة عمان ودولة الكويت ومملكة البحرين وقطر والسعودية والإمارات "
                       "المنامة في 12 مارس 2014 ضمن 45 زيارة للاطلاع على 30 خدمة إلكترونية و ")
LONG_SENTENCE_BYTES = 1_990_000
REPEATED_RANKS = ("حلت مملكة البحرين في المركز 18 عالميا والثالث عربيا في مؤشر الأمم المتحدة "
                  "لتطوير الحكومة الإلكترونية لعام 2024 بعد المركز 54 في 2022. ")
REPEATED_RANKS_BYTES = 1_700_000
PATHOLOGICAL_SCALE = 0.06


def _repeat_to(unit: str, size_bytes: int) -> str:
    return unit * max(1, size_bytes // len(unit.encode("utf-8")))


def pathological_texts(scale: float = 1.0) -> dict[str, str]:
    """File name -> text of the three pathological articles, `scale` times their full ~2 MB size:
    one date phrase repeated, one sentence without punctuation, one ranking sentence repeated."""
    return {
        "pathological_dates.txt": REPEATED_DATES * max(1, round(REPEATED_DATES_TIMES * scale)),
        "pathological_sentence.txt": _repeat_to(LONG_SENTENCE_WORDS, round(LONG_SENTENCE_BYTES * scale)),
        "pathological_ranks.txt": _repeat_to(REPEATED_RANKS, round(REPEATED_RANKS_BYTES * scale)),
    }


MANIFEST_HEADER = ["file", "published", "source_url", "notes"]
MANIFEST_ROWS = [
    ["article.txt", "2013-06-26", "https://example.org/news/1", "fine"],
    ["cp1256.txt", "2013-13-45", "", "bad date: month 13"],
    ["utf16.txt", "June 2013", "", "bad date: month name"],
    ["iso8859_6.txt", "26/06/2013", "", "bad date: day/month/year"],
    ["missing.txt", "2014-01", "", "no such file"],
    ["article.txt", "2013-06-26", "https://example.org/news/1", "repeated row"],
    ["xss.txt", "2014", "javascript:alert(1)", "script address"],
    ["page.html", "2012-05", "https://example.org/news/2", ""],
]
HUGE_BYTES = 300_000
# A file name that is not valid UTF-8 (as old archives and zips produce), and a link that leaves the
# folder for a file every Linux server has: neither may stop the others, the link's target is never read.
NON_UTF8_NAME = b"name\xff.txt"
NON_UTF8_TEXT = ("شارك وفد من جمهورية العراق في ورشة عمل عن الأرشفة الإلكترونية نظمتها الهيئة في المنامة "
                 "بحضور مختصين من عدة جهات حكومية.\n")
OUTSIDE_LINK = ("outside_link.txt", "/etc/passwd")
STALE_ROWS = 34_000  # --flood: manifest rows naming files that are not there


def _huge() -> bytes:
    line = HUGE_LINE.encode("utf-8")
    return line * (HUGE_BYTES // len(line) + 1)


def _binary() -> bytes:
    rng = random.Random(20130626)
    return b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(rng.randrange(256) for _ in range(2048))


def bad_files() -> dict[str, bytes]:
    """File name -> bytes of every bad (and deliberately good) input file."""
    damaged = DAMAGED.encode("utf-8")
    cut = damaged.index(" ".encode()) + 1
    return {
        "article.txt": ARTICLE.encode("utf-8"),
        "binary.txt": _binary(),
        "controls.txt": bytes(range(1, 9)) * 40 + "وفد".encode("utf-8"),
        "cp1256.txt": CP1256.encode("cp1256"),
        "damaged_utf8.txt": damaged[:cut] + b"\xff" + damaged[cut:],
        "duplicate.txt": ARTICLE.encode("utf-8"),
        "duplicate_crlf.txt": b"\xef\xbb\xbf" + ARTICLE.replace("\n", "\r\n").encode("utf-8"),
        "empty.txt": b"",
        "huge.txt": _huge(),
        "iso8859_6.txt": ISO8859_6.encode("iso8859_6"),
        "no_arabic.txt": NO_ARABIC.encode("utf-8"),
        "notes.pdf": b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n",
        "page.html": PAGE.encode("utf-8"),
        "saved_page.txt": SAVED_PAGE.encode("utf-8"),
        "utf16.txt": UTF16.encode("utf-16"),
        "utf8_bom.txt": b"\xef\xbb\xbf" + UTF8_BOM.encode("utf-8"),
        "whitespace.txt": b"  \n\t\r\n   \n",
        "xss.txt": XSS.encode("utf-8"),
        **{name: text.encode("utf-8") for name, text in pathological_texts(PATHOLOGICAL_SCALE).items()},
    }


def _seed_rows(seeds: Path) -> list[list[str]]:
    path = seeds / "manifest.csv"
    if not path.exists():
        return []
    reader = csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig")))
    return [[row.get("file", ""), row.get("published", ""), row.get("source_url", ""), "seed"]
            for row in reader]


def build(out: str | Path, seeds: str | Path | None = None, *, flood: bool = False) -> Path:
    """Write the bad corpus into `out` (created if needed); with `seeds`, add the seed articles
    and their manifest rows; with `flood`, STALE_ROWS manifest rows naming missing files.
    Returns the folder."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    for name, data in bad_files().items():
        (out / name).write_bytes(data)
    (out / os.fsdecode(NON_UTF8_NAME)).write_bytes(NON_UTF8_TEXT.encode("utf-8"))
    for name, target in (("broken_link.txt", "nowhere.txt"), OUTSIDE_LINK):
        link = out / name
        if not link.is_symlink():
            try:
                os.symlink(target, link)
            except OSError:  # symlinks not allowed here: the OSError case is then not covered
                pass
    rows = list(MANIFEST_ROWS)
    if flood:
        rows += [[f"stale_{n:05d}.txt", "2015", "", "stale row"] for n in range(STALE_ROWS)]
    if seeds is not None:
        seeds = Path(seeds)
        for path in sorted(seeds.iterdir()):
            if path.is_file() and path.suffix.lower() in (".txt", ".html", ".htm"):
                shutil.copyfile(path, out / path.name)
        rows += _seed_rows(seeds)
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(MANIFEST_HEADER)
    writer.writerows(rows)
    (out / "manifest.csv").write_text(buf.getvalue(), encoding="utf-8")
    return out


def poison_cache(folder: str | Path, cache_folder: str | Path) -> list[Path]:
    """Plant bad entries where the extraction cache looks for the first three readable articles of
    `folder`: a FIFO, a 1.5 GB sparse file of zeros, and an entry of valid record classes with
    wrong contents. A load must treat each as a miss and overwrite it. Returns the paths."""
    import pickle

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from core.store.cache import FORMAT, ExtractionCache
    from core.reading.ingest import read_corpus
    from core.records import DocumentExtraction

    store = ExtractionCache(cache_folder)
    docs = [d for d in read_corpus(folder)[0] if d.status != "error" and not d.duplicate_of][:3]
    paths = []
    for kind, doc in zip(("fifo", "huge", "wrong"), docs):
        key = store.key(doc.text, doc.published)
        path = store.path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.unlink(missing_ok=True)
        if kind == "fifo":
            os.mkfifo(path)
        elif kind == "huge":
            with open(path, "wb") as fh:
                fh.truncate(1_500_000_000)
        else:
            wrong = DocumentExtraction(title=0, events=("not an event",), rankings=None)  # type: ignore[arg-type]
            path.write_bytes(pickle.dumps((FORMAT, key, wrong)))
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", help="folder to write (created if missing)")
    parser.add_argument("--seeds", help="folder of good articles to copy in, with their manifest rows")
    parser.add_argument("--flood", action="store_true", help=f"add {STALE_ROWS:,} manifest rows naming missing files")
    parser.add_argument("--poison-cache", metavar="CACHE_DIR",
                        help="also plant bad entries (FIFO, huge sparse file, wrong contents) for the "
                             "corpus's articles in this extraction cache folder")
    args = parser.parse_args(argv)
    out = build(args.out_dir, args.seeds, flood=args.flood)
    if args.poison_cache:
        planted = poison_cache(out, args.poison_cache)
        print(f"planted {len(planted)} bad entries in {args.poison_cache}")
    print(f"wrote {len(list(out.iterdir()))} files to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
