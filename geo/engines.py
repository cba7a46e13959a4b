"""Run the pipeline over many articles: in this process, in a local process pool, or on Dask.

`parse_stream(articles, engine, workers, ...)` yields one result per article, in
input order, whatever the engine:

- ``local`` with ``workers=1``: no pool at all, the plain loop `geo parse` always
  ran (``pipeline.parse`` in this process).
- ``local`` with ``workers>1``: a `ProcessPoolExecutor`. Each worker process
  builds its Pipeline once (pool initializer), so it opens the gazetteer once
  and keeps its lru caches warm for the whole run. An input that fits in one
  chunk is parsed in this process instead (starting a pool would cost more).
- ``dask``: the same per-chunk function submitted with `distributed.Client`,
  either to the cluster at ``scheduler`` or to a `LocalCluster(n_workers=workers,
  threads_per_worker=1, processes=True)` started (and stopped) for the run. Each
  Dask worker builds its Pipeline on its first chunk and keeps it (a module-level
  cache keyed by a per-run token), so it too opens the gazetteer once.
  A remote cluster's workers must have this package and the gazetteer at the
  same path.

Streaming: articles are read lazily and sent in chunks of ``chunk_size``; at
most ``3 * workers`` chunks are in flight, so memory stays constant however
long the input is. While the workers start (until the first chunk comes back),
this process parses the chunks that follow itself instead of waiting idle.
Results come back in input order. If reading the input fails midway
(`sources.InputError`), the chunks already sent are finished and yielded
first, then the error is raised, as in the serial loop.

Geocoder policy (rate limits): worker processes never talk to the geocoder
service. A worker's Pipeline gets a *cache-only* geocoder (``offline=True``)
over the same cache file, and reports the names it could not answer from the
cache. The parent then re-parses just those articles with its own Pipeline,
whose (single, rate-limited) geocoder asks the service and fills the cache.
Since the parent handles results in input order, each name is asked at the
same point as in a one-worker run, so the output is identical to it (first
answer "geocoder", later ones "cache"). With ``--offline`` the workers' misses
are simply added to the parent geocoder's `unresolved` set for the report.
With no geocoder the question does not arise.

The per-chunk function `_parse_chunk` and the worker recipe `PipelineRecipe`
are plain top-level objects so that they pickle (for both multiprocessing and
Dask); a custom ``worker_pipeline`` must pickle too.
"""
from __future__ import annotations

import json
import logging
import multiprocessing
import os
import signal
import sys
import threading
import uuid
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import chain
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from .geocode import Geocoder
from .model import Article, ParsedArticle
from .pipeline import Pipeline

log = logging.getLogger(__name__)

ENGINES = ("local", "dask")
DEFAULT_CHUNK_SIZE = 64
IN_FLIGHT_PER_WORKER = 3

Transform = Callable[[ParsedArticle], Any]


# --- what runs in a worker --------------------------------------------------------


@dataclass(frozen=True)
class PipelineRecipe:
    """A picklable recipe for a worker's Pipeline: the default stages over a gazetteer file.

    `geocoder_cache` set: a cache-only geocoder over that cache (see the module
    docstring); None: the gazetteer alone.
    """

    gazetteer_path: Path | None = None
    events: bool = True
    demonyms: bool = False
    geocoder_cache: Path | None = None
    provider: str = "nominatim"

    def __call__(self) -> Pipeline:
        geocoder = (Geocoder(self.geocoder_cache, provider=self.provider, offline=True)
                    if self.geocoder_cache else None)
        return Pipeline.default(self.gazetteer_path, geocoder, events=self.events, demonyms=self.demonyms)

    @classmethod
    def like(cls, pipeline: Pipeline) -> "PipelineRecipe":
        """The recipe for workers equivalent to `pipeline` (which must use the default stages)."""
        from .recognize import Recognizer
        from .resolve import Resolver

        if not (isinstance(pipeline.recognise, Recognizer) and isinstance(pipeline.resolve, Resolver)):
            raise ValueError("a pipeline with custom stages needs an explicit worker_pipeline factory")
        geocoder = pipeline.geocoder
        return cls(gazetteer_path=pipeline.resolve.gazetteer.path,
                   events=pipeline.extract_events is not None,
                   demonyms=pipeline.recognise.demonyms,
                   geocoder_cache=geocoder.cache.path if geocoder else None,
                   provider=geocoder.provider if geocoder else "nominatim")


_local = threading.local()  # per worker thread: (token, Pipeline)


def _worker_pipeline(token: str, factory: Callable[[], Pipeline]) -> Pipeline:
    """This worker's Pipeline for the run `token`, built on first use and kept.

    Its geocoder, if any, is made cache-only whatever the factory says: only the
    parent may ask the service.
    """
    state = getattr(_local, "state", None)
    if state is None or state[0] != token:
        pipeline = factory()
        if pipeline.geocoder is not None:
            pipeline.geocoder.offline = True
        state = _local.state = (token, pipeline)
    return state[1]


def _init_worker(token: str, factory: Callable[[], Pipeline]) -> None:
    """Pool initializer: build the Pipeline up front; let the parent handle Ctrl-C."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _worker_pipeline(token, factory)


def _parse_chunk(token: str, factory: Callable[[], Pipeline], transform: Transform | None,
                 articles: list[Article]) -> list[tuple[Any, tuple[str, ...]]]:
    """Parse a chunk in a worker: (result, names the cache-only geocoder missed) per article."""
    return _parse_cache_only(_worker_pipeline(token, factory), transform, articles)


def _parse_cache_only(pipeline: Pipeline, transform: Transform | None,
                      articles: list[Article]) -> list[tuple[Any, tuple[str, ...]]]:
    """(result, names the geocoder missed) per article, the geocoder kept to its cache meanwhile."""
    geocoder = pipeline.geocoder
    out = []
    with _cache_only(geocoder):
        for article in articles:
            if geocoder is not None:
                geocoder.unresolved.clear()
            parsed = pipeline.parse(article)
            misses = tuple(sorted(geocoder.unresolved)) if geocoder is not None else ()
            out.append((transform(parsed) if transform else parsed, misses))
    return out


@contextmanager
def _cache_only(geocoder: Geocoder | None) -> Iterator[None]:
    """The geocoder answers from its cache alone meanwhile; its own `unresolved` set is kept aside."""
    if geocoder is None:
        yield
        return
    kept = geocoder.offline, geocoder.unresolved
    geocoder.offline, geocoder.unresolved = True, set()
    try:
        yield
    finally:
        geocoder.offline, geocoder.unresolved = kept


# --- engines: where chunks run -----------------------------------------------------


class Engine:
    """Runs `_parse_chunk` somewhere; `submit` returns a future with `.result()`."""

    #: how many workers run chunks at once (bounds the chunks kept in flight)
    workers: int = 1

    def __init__(self, token: str, factory: Callable[[], Pipeline]):
        self.token, self.factory = token, factory

    def submit(self, transform: Transform | None, chunk: list[Article]):
        raise NotImplementedError

    def close(self) -> None:
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def _mp_context():
    """forkserver where there is one (no fork of a threaded parent), preloaded with the pipeline."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["geo.engines"])
        return context
    return multiprocessing.get_context("spawn")


class LocalEngine(Engine):
    """A pool of `workers` processes on this machine."""

    def __init__(self, token, factory, workers: int):
        super().__init__(token, factory)
        self.workers = workers
        self.pool = ProcessPoolExecutor(workers, mp_context=_mp_context(), initializer=_init_worker,
                                        initargs=(token, factory))

    def submit(self, transform, chunk):
        return self.pool.submit(_parse_chunk, self.token, self.factory, transform, chunk)

    def close(self):
        self.pool.shutdown(wait=True, cancel_futures=True)


class EngineUnavailable(RuntimeError):
    """The engine cannot start: its cluster is out of reach."""


class DaskEngine(Engine):
    """A Dask distributed cluster: the one at `scheduler`, or a LocalCluster started for the run."""

    def __init__(self, token, factory, workers: int, scheduler: str | None = None):
        super().__init__(token, factory)
        try:
            from distributed import Client, LocalCluster
        except ImportError as error:  # pragma: no cover - dask is a main dependency
            raise RuntimeError("the dask engine needs `pip install 'dask[distributed]'`") from error
        self.cluster = None
        if scheduler:
            try:
                self.client = Client(scheduler)
            except Exception as error:  # unreachable (a timeout is an OSError), or no address distributed reads
                reason = error if isinstance(error, (OSError, ValueError)) else f"{type(error).__name__}: {error}"
                raise EngineUnavailable(f"no Dask scheduler at {scheduler} ({reason})") from None
        else:
            self.cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                        dashboard_address=None, silence_logs=logging.ERROR)
            self.client = Client(self.cluster)
        threads = sum(w.get("nthreads", 1) for w in self.client.scheduler_info()["workers"].values())
        self.workers = max(1, threads or workers)

    def submit(self, transform, chunk):
        return self.client.submit(_parse_chunk, self.token, self.factory, transform, chunk, pure=False)

    def close(self):
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def make_engine(engine: str, workers: int, factory: Callable[[], Pipeline],
                scheduler: str | None = None) -> Engine:
    token = uuid.uuid4().hex
    if engine == "local":
        return LocalEngine(token, factory, workers)
    if engine == "dask":
        return DaskEngine(token, factory, workers, scheduler)
    raise ValueError(f"unknown engine {engine!r}; one of {', '.join(ENGINES)}")


# --- the public entry point ------------------------------------------------------------


def default_workers() -> int:
    return os.cpu_count() or 1


def parse_stream(articles: Iterable[Article], engine: str = "local", workers: int = 1,
                 scheduler: str | None = None, *, pipeline: Pipeline | None = None,
                 worker_pipeline: Callable[[], Pipeline] | None = None,
                 gazetteer_path: Path | None = None, events: bool = True,
                 transform: Transform | None = None, chunk_size: int = DEFAULT_CHUNK_SIZE,
                 progress: bool = False) -> Iterator[Any]:
    """Parse `articles`, yielding `transform(parsed)` (or the ParsedArticle) per article in input order.

    `pipeline` runs in this process: it parses everything when there is no pool
    and re-parses the articles whose names a worker's cache-only geocoder could
    not answer (default: `Pipeline.default(gazetteer_path, events=events)`, no
    geocoder). `worker_pipeline` is a picklable zero-argument factory for the
    workers' Pipelines (default: `PipelineRecipe.like(pipeline)`). `transform`
    must pickle too (e.g. `pipeline.article_record`); it runs in the workers,
    so only its result travels back.
    """
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}; one of {', '.join(ENGINES)}")
    if workers < 1:
        raise ValueError("workers must be >= 1")
    if chunk_size < 1:
        raise ValueError("chunk_size must be >= 1")
    if pipeline is None:  # also makes sure the gazetteer is built before any worker opens it
        pipeline = Pipeline.default(gazetteer_path, events=events)
    results = _stream(iter(articles), engine, workers, scheduler, pipeline, worker_pipeline,
                      transform, chunk_size)
    if not progress:
        return results
    return _with_progress(results)


def _with_progress(results: Iterator[Any]) -> Iterator[Any]:
    from tqdm import tqdm

    with tqdm(results, unit=" articles", file=sys.stderr, dynamic_ncols=True, mininterval=0.5,
              desc="parsing") as bar:
        yield from bar


def _stream(articles: Iterator[Article], engine, workers, scheduler, pipeline: Pipeline,
            worker_pipeline, transform, chunk_size) -> Iterator[Any]:
    def serial(items: Iterable[Article]) -> Iterator[Any]:
        for article in items:
            parsed = pipeline.parse(article)
            yield transform(parsed) if transform else parsed

    if engine == "local" and workers == 1:
        yield from serial(articles)
        return
    chunks = _chunks(articles, chunk_size)
    first = next(chunks, [])
    if not first:
        return
    if engine == "local" and len(first) < chunk_size:  # one chunk: a pool would only add start-up time
        yield from serial(first)
        for rest in chunks:  # nothing, or the input error that cut the chunk short
            yield from serial(rest)
        return
    factory = worker_pipeline or PipelineRecipe.like(pipeline)
    with make_engine(engine, workers, factory, scheduler) as runner:
        for chunk, results in _ordered(runner, pipeline, transform, chain([first], chunks)):
            for article, (result, misses) in zip(chunk, results):
                yield _settle(pipeline, transform, article, result, misses)


def _chunks(articles: Iterator[Article], size: int) -> Iterator[list[Article]]:
    """Lists of `size` articles; on an input error, the articles read so far, then the error."""
    chunk: list[Article] = []
    try:
        for article in articles:
            chunk.append(article)
            if len(chunk) == size:
                yield chunk
                chunk = []
    except Exception:
        if chunk:
            yield chunk
        raise
    if chunk:
        yield chunk


def _ordered(runner: Engine, pipeline: Pipeline, transform, chunks: Iterator[list[Article]]):
    """(chunk, results) in input order with at most IN_FLIGHT_PER_WORKER * workers chunks pending.

    Until the workers return their first chunk (while they start), this process
    parses the chunks that follow itself, cache-only like a worker, rather than
    wait idle; at most as many as are pending. An error reading the input is
    raised only after the chunks read before it are yielded.
    """
    limit = IN_FLIGHT_PER_WORKER * runner.workers
    pending: deque = deque()
    exhausted, failure, started = False, None, False

    def read() -> list[Article] | None:
        nonlocal exhausted, failure
        if not exhausted:
            try:
                return next(chunks)
            except StopIteration:
                exhausted = True
            except Exception as error:  # e.g. InputError from a malformed line
                exhausted, failure = True, error
        return None

    while True:
        while len(pending) < limit and (chunk := read()) is not None:
            pending.append((chunk, runner.submit(transform, chunk)))
        if not pending:
            break
        if not started and not pending[0][1].done() and len(pending) < 2 * limit and (chunk := read()):
            done: Future = Future()
            done.set_result(_parse_cache_only(pipeline, transform, chunk))
            pending.append((chunk, done))
            continue
        started = True
        chunk, future = pending.popleft()
        yield chunk, future.result()
    if failure is not None:
        raise failure


def _settle(pipeline: Pipeline, transform, article: Article, result, misses: tuple[str, ...]):
    """A worker's result, or the parent's re-parse when its geocoder must answer a missed name."""
    geocoder = pipeline.geocoder
    if not misses or geocoder is None:
        return result
    if geocoder.offline:
        geocoder.unresolved.update(misses)
        return result
    parsed = pipeline.parse(article)
    return transform(parsed) if transform else parsed


# --- resuming an interrupted `geo parse -o OUT.jsonl` -------------------------------------


def resume_ids(path: str | Path) -> set[str]:
    """The ids of the articles already written to the JSONL file `path` (none if it is absent).

    A last line without its newline was cut short by an interrupted run: it is
    truncated away, so that appending continues on a line boundary. A complete
    line that is not a JSON object with an id is skipped with a warning.
    """
    path = Path(path)
    if not path.exists():
        return set()
    done: set[str] = set()
    with open(path, "r+b") as handle:
        position = 0
        for number, line in enumerate(handle, 1):
            if not line.endswith(b"\n"):
                handle.truncate(position)
                log.warning("%s: dropped a partial last line left by an interrupted run", path)
                break
            position += len(line)
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                done.add(str(record["id"]))
            except (ValueError, KeyError, TypeError):
                log.warning("%s:%d: not a record with an id; its article will be parsed again", path, number)
    return done
