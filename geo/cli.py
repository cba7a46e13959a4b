"""The `geo` command: a thin layer over the library.

Exit codes: 0 all done; 1 some inputs were skipped; 2 nothing could be done
(bad arguments or no readable input).
"""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import click

from . import gazetteer as gazetteer_module
from .geocode import DEFAULT_USER_AGENT, Geocoder
from .pipeline import Pipeline, article_record
from .render import write_outputs
from .sources import InputError, atomic_writer, read_articles

EXIT_OK, EXIT_PARTIAL, EXIT_NOTHING = 0, 1, 2


def _geocoder_options(command):
    options = [
        click.option("--offline", is_flag=True, help="Answer unknown names from the geocoder cache only."),
        click.option("--no-geocoder", is_flag=True, help="Use the local gazetteer alone."),
        click.option("--geocoder", "provider", default="nominatim", show_default=True,
                     help="geopy service name for names the gazetteer lacks."),
        click.option("--geocoder-url", default=None, envvar="GEO_GEOCODER_URL",
                     help="Base URL of the geocoder (e.g. a self-hosted Nominatim)."),
        click.option("--user-agent", default=DEFAULT_USER_AGENT, envvar="GEO_USER_AGENT", show_default=True),
        click.option("--gazetteer", "gazetteer_path", type=click.Path(path_type=Path), default=None,
                     envvar="GEO_GAZETTEER", help="Gazetteer SQLite file (default: ~/.cache/geo-news)."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def _pipeline(offline, no_geocoder, provider, geocoder_url, user_agent, gazetteer_path) -> Pipeline:
    geocoder = None
    if not no_geocoder:
        cache = (gazetteer_path or gazetteer_module.default_path()).with_name("geocode-cache.sqlite")
        geocoder = Geocoder(cache, provider=provider, user_agent=user_agent, base_url=geocoder_url,
                            offline=offline)
    return Pipeline.default(gazetteer_path, geocoder)


def _run(inputs, pipeline: Pipeline, on_article) -> int:
    """Parse every article, handing each result to `on_article`; return the exit code."""
    done, skipped = 0, 0
    try:
        for article in read_articles(inputs):
            on_article(pipeline.parse(article))
            done += 1
    except InputError as error:
        click.echo(f"geo: {error}", err=True)
        skipped += 1
    unresolved = pipeline.unresolved_names()
    if unresolved:
        click.echo("geo: the geocoder could not be reached; unresolved: " + ", ".join(sorted(unresolved)), err=True)
    if done == 0:
        return EXIT_NOTHING
    return EXIT_PARTIAL if skipped else EXIT_OK


@click.group()
@click.version_option(package_name="geo-news")
def main():
    """Find the places in news articles and put them on a map."""


@main.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path), default="-", help="JSONL file (default: stdout).")
@_geocoder_options
def parse(inputs, output, **options):
    """Write one JSON object per article with its place mentions."""
    pipeline = _pipeline(**options)
    if str(output) == "-":
        code = _run(inputs, pipeline, lambda p: click.echo(json.dumps(article_record(p), ensure_ascii=False)))
    else:
        with atomic_writer(output) as handle:
            code = _run(inputs, pipeline,
                        lambda p: handle.write(json.dumps(article_record(p), ensure_ascii=False) + "\n"))
    sys.exit(code)


@main.command(name="map")
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path), default="maps", show_default=True,
              help="Folder for map.html, mentions.csv, events.csv and the GeoJSON files.")
@_geocoder_options
def map_command(inputs, output, **options):
    """Write an HTML map, CSVs and GeoJSON of the places and events in the articles."""
    parsed = []
    code = _run(inputs, _pipeline(**options), parsed.append)
    if parsed:
        paths = write_outputs(parsed, output)
        click.echo("wrote " + ", ".join(str(p) for p in paths.values()), err=True)
    sys.exit(code)


@main.command()
@click.argument("corpus", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the metrics as JSON.")
@click.option("--errors", "errors_path", type=click.Path(path_type=Path), default=None,
              help="Write false positives, misses and the worst resolutions here (JSON).")
@click.option("--limit", type=int, default=None, help="Score only the first N articles.")
@_geocoder_options
def evaluate(corpus, as_json, errors_path, limit, **options):
    """Score recognition and resolution against a corpus with gold `toponyms`."""
    from . import evaluate as scoring

    gold = scoring.read_jsonl(str(corpus))[:limit]
    pipeline = _pipeline(**options)
    pipeline.extract_events = None
    predicted = {}
    for article in read_articles([corpus]):
        if len(predicted) == len(gold):
            break
        predicted[article.id] = article_record(pipeline.parse(article))["mentions"]
    report = scoring.score(gold, predicted)
    click.echo(json.dumps(report.to_dict(), indent=1) if as_json else scoring.format_table(report))
    if errors_path:
        with atomic_writer(errors_path) as handle:
            json.dump(scoring.errors(gold, predicted), handle, ensure_ascii=False, indent=1)


@main.group()
def gazetteer():
    """Build or inspect the local gazetteer."""


@gazetteer.command()
@click.option("--path", type=click.Path(path_type=Path), default=None, help="Where to write the SQLite file.")
def build(path):
    """Build the gazetteer from the packaged GeoNames data and gazetteer/curated.csv."""
    path = path or gazetteer_module.default_path()
    started = time.perf_counter()
    counts = gazetteer_module.build(path)
    click.echo(f"built {path} in {time.perf_counter() - started:.1f} s "
               f"({path.stat().st_size / 1e6:.0f} MB): {json.dumps(counts)}")


if __name__ == "__main__":
    main()
