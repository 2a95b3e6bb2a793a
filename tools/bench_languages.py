"""First chart of the dashboard in English and in Arabic, in a real browser (Debian chromium), on the seeds.

Run: python tools/bench_languages.py [--rounds 3]

Each round starts one server per language (bench/dashboard.py's run_case: process start -> first
chart visible, then filter redraws) and opens `/` or `/?lang=ar`; the rounds alternate the order so
a slow moment of the shared machine does not always hit the same language. Prints every round, the
medians and Arabic / English.
"""

from __future__ import annotations

import argparse
import importlib.util
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
_spec = importlib.util.spec_from_file_location("bench_dashboard", ROOT / "bench" / "dashboard.py")
bench = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench)  # bench/dashboard.py (not the app's dashboard.py)


class _Browser:
    """A browser whose pages open the dashboard with `suffix` appended to the address."""

    def __init__(self, browser, suffix: str):
        self._browser, self._suffix = browser, suffix

    def new_page(self, **kwargs):
        page = self._browser.new_page(**kwargs)
        goto = page.goto
        page.goto = lambda url, **kw: goto(url + self._suffix, **kw)  # type: ignore[method-assign]
        return page


GCC_TOGGLE = {"en": "GCC events only", "ar": "فعاليات مجلس التعاون فقط"}
_current = {"lang": "en"}


def _change_filter(page, case: str, step: int) -> None:
    """bench/dashboard.py's filter change (the GCC toggle), by its label in the language measured."""
    page.locator('[data-testid="stSidebar"]').get_by_text(GCC_TOGGLE[_current["lang"]], exact=True).click()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--redraws", type=int, default=3)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    cache = Path(tempfile.mkdtemp(prefix="egov-bench-lang-"))
    env = {"EGOV_SEEDS_DIR": str(ROOT / "seeds"), "EGOV_CACHE_DIR": str(cache)}
    firsts: dict[str, list[float]] = {"en": [], "ar": []}
    redraws: dict[str, list[float]] = {"en": [], "ar": []}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=bench.CHROMIUM, headless=True, args=bench.CHROMIUM_ARGS)
        bench.run_case(browser, "warmup", ROOT / "dashboard.py", env, 0, 120)  # fills the extraction cache
        for n in range(args.rounds):
            for lang in (("en", "ar") if n % 2 == 0 else ("ar", "en")):
                suffix = "?lang=ar" if lang == "ar" else ""
                _current["lang"] = lang
                bench.change_filter = _change_filter
                r = bench.run_case(_Browser(browser, suffix), lang, ROOT / "dashboard.py", env, args.redraws, 120)
                if r.get("first_chart_s"):
                    firsts[lang].append(r["first_chart_s"])
                redraws[lang] += r["redraw_s"]
                print(f"round {n + 1} {lang}: first chart {r.get('first_chart_s', float('nan')):.2f} s, redraws "
                      f"{', '.join(f'{x:.2f}' for x in r['redraw_s'])}" + (f"; errors {r['errors']}" if r.get("errors") else ""))
        browser.close()
    med = {lang: statistics.median(v) for lang, v in firsts.items() if v}
    red = {lang: statistics.median(v) for lang, v in redraws.items() if v}
    for lang in ("en", "ar"):
        print(f"{lang}: first chart median {med.get(lang, float('nan')):.2f} s, redraw median {red.get(lang, float('nan')):.3f} s")
    if "en" in med and "ar" in med:
        print(f"Arabic / English: first chart {med['ar'] / med['en']:.2f}, redraw {red['ar'] / red['en']:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
