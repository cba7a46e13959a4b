"""The `geo` command: a thin layer over the library.

Exit codes (EXIT_OK, EXIT_PARTIAL, EXIT_NOTHING below; also in `geo --help`):
0 all done; 1 some input was skipped (a file, a record, the tail of an over-long
article, or an article the pipeline failed on); 2 nothing could be done (bad
arguments, no readable input, no article parsed, or the output cannot be written).
Every problem is one line on stderr, `geo: FILE[:LINE]: reason` (see `geo.sources`);
bad input never produces a traceback.
"""
from __future__ import annotations

import contextlib
import functools
import json
import os
import sys
import time
from pathlib import Path

import click

from . import gazetteer as gazetteer_module
from .geocode import DEFAULT_USER_AGENT, Geocoder
from .engines import ENGINES, EngineUnavailable, default_workers, parse_stream, resume_ids
from .pipeline import Pipeline, article_line, article_record
from .sources import InputError, Problem, Problems, atomic_writer, one_line, read_articles

EXIT_OK, EXIT_PARTIAL, EXIT_NOTHING = 0, 1, 2  # the one place the exit codes are defined
EXIT_CODES_HELP = f"""\b
Exit codes:
  {EXIT_OK}  all done
  {EXIT_PARTIAL}  some input was skipped (each reason on stderr: geo: FILE[:LINE]: reason)
  {EXIT_NOTHING}  nothing could be done (bad arguments, no readable input, output not writable)"""


def _geocoder_options(command):
    options = [
        click.option("--offline", is_flag=True, help="Answer unknown names from the geocoder cache only."),
        click.option("--no-geocoder", is_flag=True, help="Use the local gazetteer alone."),
        click.option("--geocoder", "provider", default="nominatim", show_default=True,
                     help="geopy service name for names the gazetteer lacks."),
        click.option("--geocoder-url", default=None, envvar="GEO_GEOCODER_URL",
                     help="Base URL of the geocoder (e.g. a self-hosted Nominatim)."),
        click.option("--user-agent", default=DEFAULT_USER_AGENT, envvar="GEO_USER_AGENT", show_default=True),
        click.option("--demonyms", is_flag=True,
                     help="Also mark country adjectives (\"Turkish\") as mentions of the country."),
        click.option("--gazetteer", "gazetteer_path", type=click.Path(path_type=Path), default=None,
                     envvar="GEO_GAZETTEER", help="Gazetteer SQLite file (default: ~/.cache/geo-news)."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def _pipeline(offline, no_geocoder, provider, geocoder_url, user_agent, demonyms, gazetteer_path,
              events: bool = True) -> Pipeline:
    geocoder = None
    if not no_geocoder:
        cache = (gazetteer_path or gazetteer_module.default_path()).with_name("geocode-cache.sqlite")
        geocoder = Geocoder(cache, provider=provider, user_agent=user_agent, base_url=geocoder_url,
                            offline=offline)
    return Pipeline.default(gazetteer_path, geocoder, events=events, demonyms=demonyms)


def _engine_options(command):
    options = [
        click.option("--workers", type=click.IntRange(min=1), default=None,
                     help="Parallel worker processes (default: all cores); 1 runs without a pool."),
        click.option("--engine", type=click.Choice(ENGINES), default="local", show_default=True,
                     help="local: a process pool on this machine; dask: a Dask distributed cluster."),
        click.option("--scheduler", default=None, metavar="ADDRESS",
                     help="Dask scheduler address (implies --engine dask; default: a LocalCluster of --workers)."),
        click.option("--quiet", is_flag=True, help="No progress bar (there is none when stderr is not a terminal)."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def _run(inputs, pipeline: Pipeline, on_article, *, transform=None, skip_ids=frozenset(),
         workers=1, engine="local", scheduler=None, quiet=False, worker_pipeline=None) -> int:
    """Parse every article (but those in `skip_ids`), handing each result to `on_article`; return the exit code."""
    done, skipped, already = 0, 0, 0
    problems = Problems(lambda line: click.echo(line, err=True))

    def to_do(articles):
        nonlocal already
        for article in articles:
            if article.id in skip_ids:
                already += 1
            else:
                yield article

    try:
        for result in parse_stream(to_do(read_articles(inputs, problems)), "dask" if scheduler else engine,
                                   workers or default_workers(), scheduler, pipeline=pipeline,
                                   worker_pipeline=worker_pipeline, transform=transform,
                                   progress=not quiet and sys.stderr.isatty()):
            if isinstance(result, Problem):  # an article a stage failed on, if the engine reports one so
                problems(result)
                continue
            on_article(result)
            done += 1
    except (InputError, EngineUnavailable) as error:
        click.echo(f"geo: {one_line(error)}", err=True)
        skipped += 1
    except OSError:  # writing the output failed (or stdout was closed): see _Group.invoke
        raise
    except Exception as error:  # a bug, not bad input: one line, keep what was done
        click.echo(f"geo: stopped after {done} article(s) by an internal error "
                   f"({one_line(type(error).__name__ + ': ' + str(error))})", err=True)
        skipped += 1
    skipped += problems.skipped
    unresolved = pipeline.unresolved_names()
    if unresolved:
        click.echo("geo: the geocoder could not be reached; unresolved: " + ", ".join(sorted(unresolved)), err=True)
    if done + already == 0:
        return EXIT_NOTHING
    return EXIT_PARTIAL if skipped else EXIT_OK


class _Group(click.Group):
    """Turns an error writing the output into one line and exit code 2, never a traceback."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except BrokenPipeError:  # `geo parse ... | head`: the reader has gone; stop quietly
            with contextlib.suppress(OSError):
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            ctx.exit(EXIT_PARTIAL)
        except OSError as error:
            where = error.filename2 or error.filename or ""
            click.echo(f"geo: {one_line(where)}{': ' if where else ''}cannot write "
                       f"({one_line(error.strerror or error)})", err=True)
            ctx.exit(EXIT_NOTHING)


@click.group(cls=_Group)
@click.version_option(package_name="geo-news")
def main():
    """Find the places in news articles and put them on a map."""


main.help = f"{main.help}\n\n{EXIT_CODES_HELP}"


@main.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path), default="-", help="JSONL file (default: stdout).")
@click.option("--resume", is_flag=True,
              help="Append to OUTPUT, skipping the articles whose id it already holds. OUTPUT is then "
                   "written in place (not atomically), so an interrupted run can be resumed.")
@_engine_options
@_geocoder_options
def parse(inputs, output, resume, workers, engine, scheduler, quiet, **options):
    """Write one JSON object per article with its place mentions."""
    if resume and str(output) == "-":
        raise click.UsageError("--resume needs -o FILE")
    options["events"] = False  # parse writes mentions only
    pipeline = _pipeline(**options)
    run = dict(transform=article_line, workers=workers, engine=engine, scheduler=scheduler, quiet=quiet,
               worker_pipeline=functools.partial(_pipeline, **options))
    if str(output) == "-":
        code = _run(inputs, pipeline, lambda line: click.echo(line, nl=False), **run)
    elif resume:
        done = resume_ids(output)
        with open(output, "a", encoding="utf-8") as handle:
            code = _run(inputs, pipeline, handle.write, skip_ids=done, **run)
    else:
        with atomic_writer(output) as handle:
            code = _run(inputs, pipeline, handle.write, **run)
    sys.exit(code)


@main.command(name="map")
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path), default="maps", show_default=True,
              help="Folder for map.html, mentions.csv, events.csv and the GeoJSON files.")
@click.option("--offline-map", is_flag=True,
              help="Write a self-contained map.html (Leaflet inlined, country outlines) that works without internet.")
@_engine_options
@_geocoder_options
def map_command(inputs, output, offline_map, workers, engine, scheduler, quiet, **options):
    """Write an HTML map, CSVs and GeoJSON of the places and events in the articles."""
    parsed = []
    code = _run(inputs, _pipeline(**options), parsed.append, workers=workers, engine=engine,
                scheduler=scheduler, quiet=quiet, worker_pipeline=functools.partial(_pipeline, **options))
    if parsed:
        from .render import write_outputs  # folium and pandas: imported only when a map is drawn

        paths = write_outputs(parsed, output, offline=offline_map)
        click.echo("wrote " + ", ".join(str(p) for p in paths.values()), err=True)
    sys.exit(code)


@main.command()
@click.argument("corpus", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the metrics as JSON.")
@click.option("--errors", "errors_path", type=click.Path(path_type=Path), default=None,
              help="Write false positives, misses and the worst resolutions here (JSON).")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Score only the first N articles.")
@_geocoder_options
def evaluate(corpus, as_json, errors_path, limit, **options):
    """Score recognition and resolution against a corpus with gold `toponyms`."""
    from . import evaluate as scoring

    try:
        gold = scoring.read_gold(corpus)[:limit]
    except scoring.GoldError as error:
        click.echo(f"geo: {one_line(error)}; nothing scored", err=True)
        sys.exit(EXIT_NOTHING)
    pipeline = _pipeline(**options, events=False)
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
