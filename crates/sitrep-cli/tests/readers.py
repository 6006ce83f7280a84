"""Opens sitrep's exports with the readers analysts use and checks columns and types.

Usage: readers.py DIR EVENTS. DIR holds events.jsonl, events.csv, acled.csv, ucdp.csv,
events.geojson and events.parquet, all of the same EVENTS events. The column lists below are
ACLED's and UCDP GED's published ones, written out here independently of sitrep's code.
Exits non-zero with the failed check's message.
"""

import csv
import json
import sys
from pathlib import Path

import geojson
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

ACLED = (
    "event_id_cnty event_date year time_precision disorder_type event_type sub_event_type actor1 "
    "assoc_actor_1 inter1 actor2 assoc_actor_2 inter2 interaction civilian_targeting iso region "
    "country admin1 admin2 admin3 location latitude longitude geo_precision source source_scale "
    "notes fatalities tags timestamp"
).split()
UCDP = (
    "id type_of_violence side_a side_b source_article source_office source_date source_headline "
    "source_original where_prec where_coordinates adm_1 adm_2 latitude longitude country "
    "event_clarity date_prec date_start date_end deaths_a deaths_b deaths_civilians "
    "deaths_unknown best high low number_of_sources"
).split()


def check(condition, message):
    if not condition:
        sys.exit(f"readers.py: {message}")


def main(folder, expected):
    d = Path(folder)
    records = [json.loads(line) for line in (d / "events.jsonl").read_text().splitlines()]
    check(len(records) == expected, f"jsonl has {len(records)} events, expected {expected}")
    by_id = {r["event_id"]: r for r in records}

    # ACLED CSV: the standard csv module and pandas, ACLED's columns in ACLED's order.
    with open(d / "acled.csv", newline="") as f:
        rows = list(csv.DictReader(f))
    check(list(rows[0].keys()) == ACLED, f"ACLED columns: {list(rows[0].keys())}")
    acled = pd.read_csv(d / "acled.csv")
    check(len(acled) == expected, f"ACLED rows: {len(acled)}")
    check(pd.api.types.is_integer_dtype(acled["fatalities"]), f"ACLED fatalities: {acled['fatalities'].dtype}")
    check(pd.api.types.is_integer_dtype(acled["year"]), "ACLED year is not an integer")
    check(pd.api.types.is_float_dtype(acled["latitude"]), f"ACLED latitude: {acled['latitude'].dtype}")
    dates = pd.to_datetime(acled["event_date"], format="%Y-%m-%d")
    check(dates.notna().all(), "an ACLED event_date does not parse")
    for row in acled.itertuples():
        record = by_id[row.event_id_cnty]
        check(row.fatalities == record["fatalities"]["low"], f"{row.event_id_cnty}: fatalities is not low")
        check(row.notes.startswith(("On ", "In ", "Between ")), f"{row.event_id_cnty}: notes '{row.notes}'")

    # UCDP CSV: GED's columns; the four death columns add up to best.
    ucdp = pd.read_csv(d / "ucdp.csv")
    check(list(ucdp.columns) == UCDP, f"UCDP columns: {list(ucdp.columns)}")
    parts = ucdp["deaths_a"] + ucdp["deaths_b"] + ucdp["deaths_civilians"] + ucdp["deaths_unknown"]
    check((parts == ucdp["best"]).all(), "UCDP deaths do not add up to best")
    check(((ucdp["low"] <= ucdp["best"]) & (ucdp["best"] <= ucdp["high"])).all(), "UCDP low <= best <= high fails")
    check(pd.to_datetime(ucdp["date_start"]).notna().all(), "a UCDP date_start does not parse")

    # sitrep's flat CSV.
    flat = pd.read_csv(d / "events.csv")
    check(set(flat["event_id"]) == set(by_id), "the flat CSV's events differ from the jsonl's")

    # GeoJSON: valid by the geojson package; points are (longitude, latitude) of the records.
    collection = geojson.loads((d / "events.geojson").read_text())
    check(collection.is_valid, f"GeoJSON errors: {collection.errors()}")
    check(collection["type"] == "FeatureCollection", "GeoJSON is not a FeatureCollection")
    check(len(collection["features"]) == expected, "GeoJSON feature count")
    points = 0
    for feature in collection["features"]:
        record = by_id[feature["properties"]["event_id"]]
        if feature["geometry"] is None:
            check(record["location"].get("lat") is None, "an event with a point has no geometry")
            continue
        points += 1
        lon, lat = feature["geometry"]["coordinates"]
        # The geojson package rounds coordinates to 6 decimals.
        want = (record["location"]["lon"], record["location"]["lat"])
        check(abs(lon - want[0]) < 1e-6 and abs(lat - want[1]) < 1e-6, f"({lon}, {lat}) is not (lon, lat) {want}")
        check(feature["properties"]["geo_precision"] in (1, 2, 3), "a point without geo_precision")
    check(points > 0, "no event has a point")

    # Parquet: pyarrow's types, and the record column round-trips.
    table = pq.read_table(d / "events.parquet")
    check(table.num_rows == expected, f"Parquet rows: {table.num_rows}")
    types = {f.name: f.type for f in table.schema}
    wanted = {
        "event_id": pa.string(),
        "date_start": pa.date32(),
        "latitude": pa.float64(),
        "fatalities_low": pa.int32(),
        "aggregate": pa.bool_(),
        "geonames_id": pa.int64(),
        "updated": pa.timestamp("us", tz="UTC"),
    }
    for name, kind in wanted.items():
        check(types.get(name) == kind, f"Parquet {name}: {types.get(name)}, expected {kind}")
    frame = table.to_pandas()
    for row in frame.itertuples():
        record = json.loads(row.record)
        check(record == by_id[row.event_id], f"{row.event_id}: Parquet record differs from the jsonl")
        check(str(row.date_start) == (record["date_start"] or "None"), f"{row.event_id}: date_start")
    print(f"ok: {expected} events in 6 formats")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
