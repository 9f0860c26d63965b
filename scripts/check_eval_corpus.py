"""Validate tests/eval/stories/*.yaml and print counts."""
import collections, sys, glob, re, datetime
import yaml

KINDS = {"new_claim", "corroboration", "new_figure", "dispute", "contradiction"}
HEDGES = {"exact", "about", "up_to", "almost", "at_least", "fewer_than", "range", "vague"}
# the README's list of kinds, exactly ("Numbers, hedges, units")
COUNTED = {"troops", "killed", "wounded", "killed_or_wounded", "missing", "injured", "displaced",
           "arrested", "protesters", "shells", "vehicles", "units", "jobs", "people", "hectares",
           "prisoners", None}
errors, keys = [], set()
stats = collections.Counter(); kinds = collections.Counter(); splits = collections.Counter()
files = sorted(glob.glob(sys.argv[1] if len(sys.argv) > 1 else "tests/eval/stories/*.yaml"))
for path in files:
    d = yaml.safe_load(open(path, encoding="utf-8"))
    E = lambda m: errors.append(f"{path}: {m}")
    splits[d["split"]] += 1
    if d["split"] not in ("tune", "holdout"): E("bad split")
    t = d["topic"]
    claims = {c["id"] for c in t.get("claims") or []}
    if len(claims) > 2: E("more than 2 claims")
    for c in t.get("claims") or []:  # an unquoted comma in a flow mapping cuts the text short
        extra = set(c) - {"id", "text", "source", "date"}
        if extra: E(f"claim {c['id']}: unknown keys {sorted(map(str, extra))} (quote the text?)")
    prev = None; seen_here = {}
    learned_first = {}
    for s in d["stories"]:
        k = s["key"]; stats["stories"] += 1
        if not k.startswith(d["id"].split("-")[0]): E(f"{k}: key not prefixed")
        if k in keys: E(f"duplicate key {k}")
        keys.add(k)
        pub = s["published"]
        if not isinstance(pub, datetime.datetime): E(f"{k}: published not datetime")
        if prev and pub <= prev: E(f"{k}: not in publication order")
        prev = pub
        if not s["url"].startswith("https://") or ".example/" not in s["url"]: E(f"{k}: url")
        syn = s.get("syndicated_from")
        if syn is not None and syn not in seen_here: E(f"{k}: syndicated_from {syn} unknown/later")
        if syn is not None and s.get("findings"): E(f"{k}: syndicated copy with findings")
        seen_here[k] = s
        body = s["title"] + "\n" + s["text"]
        texts = collections.Counter()
        for f in s.get("figures") or []:
            stats["figures"] += 1
            ft = f["text"]; texts[ft] += 1
            if ft not in body: E(f"{k}: figure {ft!r} not verbatim")
            if f["hedge"] not in HEDGES: E(f"{k}: hedge {f['hedge']}")
            if f["counted"] not in COUNTED: stats[f"extra-counted:{f['counted']}"] += 1
            if f["unit"] == "count" and f["counted"] is None: stats["count-no-counted"] += 1
            lo, hi, h = f["low"], f["high"], f["hedge"]
            if h in ("up_to", "fewer_than") and lo != 0: E(f"{k}: {ft} {h} low must be 0")
            if h == "at_least" and hi is not None: E(f"{k}: {ft} at_least high must be null")
            if h in ("exact", "about", "almost") and lo != hi: E(f"{k}: {ft} low!=high")
            if h in ("range", "vague") and not (hi is None or lo < hi): E(f"{k}: {ft} range")
            if hi is not None and lo > hi: E(f"{k}: {ft} low>high")
        for ft, n in texts.items():
            occ = body.count(ft)
            if n > occ: E(f"{k}: {ft!r} listed {n}x but occurs {occ}x")
        figtexts = set(texts)
        for g in s.get("findings") or []:
            kinds[g["kind"]] += 1
            if g["kind"] not in KINDS: E(f"{k}: kind {g['kind']}")
            c = g["claim"]
            if c not in claims and not c.startswith("learned:"): E(f"{k}: claim {c}")
            if c.startswith("learned:"):
                if c not in learned_first:
                    learned_first[c] = g["kind"]
                    if g["kind"] != "new_claim": E(f"{k}: {c} first finding is not new_claim")
                elif g["kind"] == "new_claim": E(f"{k}: {c} new_claim twice")
            elif g["kind"] == "new_claim": E(f"{k}: new_claim on configured claim {c}")
            if g["figure"] is not None and g["figure"] not in figtexts:
                E(f"{k}: finding figure {g['figure']!r} not a gold figure")
            if g["figure"] is None and g["kind"] not in ("contradiction", "dispute"):
                E(f"{k}: {g['kind']} without figure")
        pairs = [(g["claim"], g["kind"]) for g in s.get("findings") or []]
        if len(pairs) != len(set(pairs)): E(f"{k}: duplicate (claim, kind)")
    stats[f"file:{d['id']}"] = len(d["stories"])
print(f"files {len(files)} splits {dict(splits)}")
for k, v in stats.items(): print(f"  {k}: {v}")
print("findings:", dict(kinds), "total", sum(kinds.values()))
print("\n".join(errors) if errors else "OK: no errors")
sys.exit(1 if errors else 0)
