"""Write an article full of script, HTML and Markdown payloads (and a file name carrying some) for safety tests.

Usage: python tools/xss_article.py OUT_DIR [--seeds FOLDER]

Every payload, if it ever ran, would set window.__xss and call alert('XSS-MARKER') or
console.log('XSS-MARKER'), or request http://xss-marker-host/ (an outside address). The text is
written so that the extractor finds a GCC event (the payloads sit inside its evidence sentence),
two participants (Saudi Arabia, Kuwait) and a world-rank claim whose sentence carries payloads, so
the payloads reach the title, the Sources page, the GCC event cards, the timeline and claim hovers
and the tables. The body of tools/make_bad_corpus.py's xss.txt is appended.
"""

from __future__ import annotations

import argparse
import csv
import io
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as a script: make the tools package importable
    sys.path.insert(0, str(ROOT))

from tools.make_bad_corpus import XSS  # noqa: E402

MARKER = "XSS-MARKER"
# No '.' inside the payloads: the segmenter would cut the sentence there and split the payload.
SCRIPT = "<script>__xss=1;alert('XSS-MARKER')</script>"
IMG = "<img src=x onerror=\"__xss=1;alert('XSS-MARKER')\">"
SVG = "<svg onload=\"__xss=1\"></svg>"
LINK = "[اضغط هنا](javascript:__xss=1)"
MD_IMAGE = "![شعار](http://xss-marker-host/logo)"
HOVER = "<b onmouseover=\"__xss=1\">رائدة</b>"
FRAME = "<iframe src=\"javascript:__xss=1\"></iframe>"
STREAMLIT_MD = ":red[أحمر] $x^2$ :material/warning:"
PAYLOADS = (SCRIPT, IMG, SVG, LINK, MD_IMAGE, HOVER, FRAME, STREAMLIT_MD)

FILE_NAME = "xss <img src=x onerror=__xss=1> [a](javascript:__xss=1).txt"
TEXT = (
    f"{SCRIPT} وفد خليجي {IMG} **عنوان** {LINK} {MD_IMAGE}\n"
    f"نظمت هيئة المعلومات والحكومة الإلكترونية ورشة عمل خليجية لدول مجلس التعاون {SCRIPT} حول الحوسبة "
    f"السحابية {IMG} بمشاركة وفود من المملكة العربية السعودية ودولة الكويت {LINK} في يونيو 2019\n"
    f"وأشار المشاركون {IMG} {HOVER} {MD_IMAGE} إلى أن مملكة البحرين حققت المركز الثامن عشر عالميا في تقرير "
    "الأمم المتحدة للحكومة الإلكترونية 2024\n"
    f"{FRAME} {STREAMLIT_MD} {SVG}\n"
    + XSS
)
MANIFEST_ROW = {"file": FILE_NAME, "published": "2019-06", "source_url": "javascript:__xss=1"}


def build(out: str | Path, seeds: str | Path | None = None) -> Path:
    """Write the payload article (and its manifest row, whose javascript: address is refused) into
    `out`; with `seeds`, copy that folder's articles and manifest first. Returns the folder."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    rows: list[dict[str, str]] = []
    if seeds is not None:
        for path in sorted(Path(seeds).iterdir()):
            if path.is_file() and path.suffix.lower() in (".txt", ".html", ".htm"):
                shutil.copyfile(path, out / path.name)
        manifest = Path(seeds) / "manifest.csv"
        if manifest.exists():
            rows = list(csv.DictReader(io.StringIO(manifest.read_text(encoding="utf-8-sig"))))
    (out / FILE_NAME).write_text(TEXT, encoding="utf-8")
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=list(MANIFEST_ROW), lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    writer.writerows([*rows, MANIFEST_ROW])
    (out / "manifest.csv").write_text(buf.getvalue(), encoding="utf-8")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", help="folder to write (created if missing)")
    parser.add_argument("--seeds", help="folder of good articles to copy in, with their manifest rows")
    args = parser.parse_args(argv)
    print(f"wrote {FILE_NAME!r} to {build(args.out_dir, args.seeds)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
