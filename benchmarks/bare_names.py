"""Where does each large town go when a text names it alone?

For every town in the gazetteer with at least --min-people inhabitants, parse "Officials met in
NAME on Monday." and list the towns that resolve somewhere else (more than 1.5 degrees away or in
another country) or to nothing. Many of those are right: a larger namesake wins ("London" of
Ontario goes to England). What to look for is a small place winning over a large one, which a
prior or a data row gets wrong. Run before and after a change to the resolver and compare:

    python benchmarks/bare_names.py --min-people 100000 > before.txt
"""
from __future__ import annotations

import argparse
import sqlite3

from geo.gazetteer import Gazetteer
from geo.model import Article
from geo.pipeline import Pipeline


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min-people", type=int, default=100_000)
    args = parser.parse_args()
    gazetteer = Gazetteer()
    pipeline = Pipeline.default(events=False)
    towns = sqlite3.connect(gazetteer.path).execute(
        "SELECT name, population, country_code, lat, lon FROM places "
        "WHERE feature_code LIKE 'PPL%' AND population >= ? ORDER BY population DESC", (args.min_people,)).fetchall()
    elsewhere = 0
    for name, people, country, lat, lon in towns:
        parsed = pipeline.parse(Article(id=name, text=f"Officials met in {name} on Monday."))
        place = next((m.place for m in parsed.mentions if m.mention.text == name), None)
        if place is None:
            print(f"none       {name} ({country}, {people:,})")
        elif place.country_code != country or abs(place.lat - lat) > 1.5 or abs(place.lon - lon) > 1.5:
            print(f"elsewhere  {name} ({country}, {people:,}) -> {place.name} "
                  f"({place.feature_code} {place.country_code} {place.admin1}, {place.population:,})")
        else:
            continue
        elsewhere += 1
    print(f"{len(towns)} towns of {args.min_people:,} or more; {elsewhere} resolve elsewhere or to nothing")


if __name__ == "__main__":
    main()
