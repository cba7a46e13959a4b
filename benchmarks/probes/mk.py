"""Convert a probe markup file into eval-corpus JSONL.

usage: python mk.py pNN.txt pNN.jsonl

Markup file: articles separated by header lines
    === <article-id> | <YYYY-MM-DD>
followed by the article text (paragraphs separated by blank lines).
Inside the text, every place name that a geoparser must report is written
    [[surface text|lat,lon]]
e.g. "Flooding hit [[Sylhet|24.90,91.87]] on Monday."
Everything else is plain text. Lines starting with '#' are comments (ignored).
"""
import json, re, sys
MARK = re.compile(r"\[\[([^\[\]|]+)\|\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*\]\]")
def convert(src):
    arts, cur = [], None
    for line in open(src, encoding="utf-8"):
        line = line.rstrip("\n")
        if line.startswith("#"):
            continue
        if line.startswith("==="):
            ident, _, date = line[3:].partition("|")
            cur = {"id": ident.strip(), "date": date.strip() or None, "lines": []}
            arts.append(cur)
        elif cur is not None:
            cur["lines"].append(line)
    out = []
    for a in arts:
        raw = "\n".join(a["lines"]).strip()
        text, tops, pos = [], [], 0
        for m in MARK.finditer(raw):
            text.append(raw[pos:m.start()])
            start = sum(map(len, text))
            name = m.group(1)
            text.append(name)
            lat, lon = float(m.group(2)), float(m.group(3))
            if not (-90 <= lat <= 90 and -180 <= lon <= 180):
                sys.exit(f"{a['id']}: bad coordinates for {name}")
            tops.append({"start": start, "end": start + len(name), "name": name, "lat": lat, "lon": lon, "geonameid": None})
            pos = m.end()
        text.append(raw[pos:])
        body = "".join(text)
        if "[[" in body or "]]" in body:
            sys.exit(f"{a['id']}: malformed markup near: {body[body.find('[['):][:80] if '[[' in body else body[body.find(']]')-80:][:90]}")
        for t in tops:
            assert body[t["start"]:t["end"]] == t["name"]
        rec = {"id": a["id"], "text": body, "toponyms": tops}
        if a["date"]:
            rec["date"] = a["date"]
        out.append(rec)
    with open(sys.argv[2], "w", encoding="utf-8") as f:
        for r in out:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{len(out)} articles, {sum(len(r['toponyms']) for r in out)} toponyms, {sum(len(r['text']) for r in out)} chars")
if __name__ == "__main__":
    convert(sys.argv[1])
