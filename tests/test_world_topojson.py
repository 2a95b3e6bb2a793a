"""static/topojson/small_states/world_110m.json: the 1:110m world with the states it lacks taken from
the 1:50m file (tools/build_world_topojson.py)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tools import build_world_topojson as build  # noqa: E402

SOURCE = ROOT / "static" / "topojson"


def load(name: str) -> dict:
    return json.loads((SOURCE / name).read_text(encoding="utf-8"))


def ring_points(topology: dict, arcs: list[list[float]], ring: list[int]) -> list[tuple[float, float]]:
    points = []
    for index in ring:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(map(tuple, arc))
    return points


def country(topology: dict, iso3: str) -> dict:
    (found,) = [g for g in topology["objects"]["countries"]["geometries"] if g.get("id") == iso3]
    return found


def test_the_file_is_what_the_tool_builds():
    assert build.main(["--check"]) == 0


def test_every_state_of_the_fine_file_has_a_polygon():
    fine, hybrid = load("world_50m.json"), load("small_states/world_110m.json")
    wanted = {g["id"] for g in fine["objects"]["countries"]["geometries"] if g.get("id") not in (None, "-99")}
    have = {g.get("id") for g in hybrid["objects"]["countries"]["geometries"] if g.get("arcs")}
    assert wanted <= have
    assert {"BHR", "SGP", "MLT", "MDV"} <= have - {g.get("id") for g in load("world_110m.json")["objects"]["countries"]["geometries"]}


def test_added_states_keep_their_fine_outline_and_join_the_land():
    fine, hybrid = load("world_50m.json"), load("small_states/world_110m.json")
    fine_arcs, hybrid_arcs = build.decode_arcs(fine), hybrid["arcs"]
    for iso3 in ("BHR", "SGP"):
        before = [ring_points(fine, fine_arcs, ring) for p in build.polygons(country(fine, iso3)) for ring in p]
        after = [ring_points(hybrid, hybrid_arcs, ring) for p in build.polygons(country(hybrid, iso3)) for ring in p]
        assert after == before and len(after) >= 1
        land = [g["arcs"] for g in hybrid["objects"]["land"]["geometries"]]
        assert all(p in land for p in build.polygons(country(hybrid, iso3)))
    bahrain = [pt for p in build.polygons(country(hybrid, "BHR")) for ring in p
               for pt in ring_points(hybrid, hybrid_arcs, ring)]
    assert all(50.2 < lon < 50.9 and 25.5 < lat < 26.4 for lon, lat in bahrain)  # Bahrain's islands


def test_states_of_the_coarse_file_are_unchanged():
    coarse, hybrid = load("world_110m.json"), load("small_states/world_110m.json")
    coarse_arcs = build.decode_arcs(coarse)
    for iso3 in ("FRA", "SAU", "BRA"):
        assert country(hybrid, iso3)["arcs"] == country(coarse, iso3)["arcs"]
        rings = [ring for p in build.polygons(country(coarse, iso3)) for ring in p]
        assert [ring_points(hybrid, hybrid["arcs"], r) for r in rings] == [ring_points(coarse, coarse_arcs, r) for r in rings]
    assert "transform" not in hybrid  # absolute coordinates: the two files' quantizations differ
