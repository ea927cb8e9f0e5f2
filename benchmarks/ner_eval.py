"""NER evaluation: conlleval exact-span P/R/F1 on the ANERcorp dev split, speed, model size.

    .venv/bin/python benchmarks/ner_eval.py            # writes benchmarks/results/ner_eval.json

Dev split = the last 10% of sentences of ../shared/data/anercorp/ANERCorp_CamelLab_train.txt; the
model evaluated is the shipped dev model (src/rasd/data/ner/dev/: the shipped design trained on the
first 90%, rebuilt by `scripts/train_ner.py --dev`; see rasd.ner.evaluation).
Speed is CPU time in one process (= per core): the tagger on dev sentences (cold = first pass over
new word types, warm = second pass), and the whole entity stage on ANT articles.
ANERcorp: CC BY-SA 4.0 (Benajiba et al. 2007; CAMeL Lab split, Obeid et al. 2020).
"""

from __future__ import annotations

import gzip
import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared" / "data"
sys.path.insert(0, str(REPO / "src"))

from rasd.arabic.tokenize import tokenize_ar  # noqa: E402
from rasd.document import Article  # noqa: E402
from rasd.enrich.entities import make_stage  # noqa: E402
from rasd.ner.evaluation import DOCUMENT_SENTENCES, evaluate_dev  # noqa: E402
from rasd.ner.lexicon import data_path  # noqa: E402

N_ARTICLES = 1000


def stage_speed() -> dict[str, float]:
    """Articles and tokens per CPU-second of the entity stage on ANT CNN articles."""
    articles = []
    with gzip.open(SHARED / "ant-corpus" / "ant-cnn.jsonl.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            articles.append(Article.build(rec["title"], rec["text"].split("\n")))
            if len(articles) >= N_ARTICLES:
                break
    stage = make_stage()
    t0 = time.process_time()
    for a in articles:
        stage(a)
    elapsed = time.process_time() - t0
    tokens = sum(len(tokenize_ar(a.text)) for a in articles)
    return {
        "articles": len(articles),
        "tokens_per_article": round(tokens / len(articles)),
        "articles_per_s": round(len(articles) / elapsed, 1),
        "tokens_per_s": round(tokens / elapsed),
    }


def main() -> None:
    result = evaluate_dev(SHARED)
    result.pop("predictions")
    result["stage"] = stage_speed()
    sizes = {
        p.name: p.stat().st_size
        for p in [*sorted(data_path("ner").glob("*.gz")), data_path("ner", "model.npz")]
    }
    dev_dir = data_path("ner", "dev")
    result["dev_model_files_bytes"] = {p.name: p.stat().st_size for p in sorted(dev_dir.glob("*"))}
    result["model_files_bytes"] = sizes
    result["model_total_mb"] = round(sum(sizes.values()) / 1e6, 2)
    log = json.loads((REPO / "benchmarks" / "ner_experiments.json").read_text(encoding="utf-8"))
    result["experiments"] = log["experiments"]
    out = REPO / "benchmarks" / "results" / "ner_eval.json"
    out.write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print("| type | P | R | F1 | support |\n|---|---|---|---|---|")
    for typ, s in result["scores"].items():
        print(f"| {typ} | {s['precision']:.3f} | {s['recall']:.3f} | {s['f1']:.3f} | {int(s['support'])} |")
    d = result["document_scores"]["overall"]
    print(
        f"\ndocument-level (Tagger.tag_document over runs of {DOCUMENT_SENTENCES} sentences): "
        f"P {d['precision']:.3f} R {d['recall']:.3f} F1 {d['f1']:.3f}, "
        f"{result['tokens_per_s_document_cold']:,} tok/s cold per core"
    )
    print(
        f"\ntagger: {result['tokens_per_s_cold']:,} tok/s cold, {result['tokens_per_s_warm']:,} tok/s warm "
        f"sentence by sentence, {result['tokens_per_s_batch_cold']:,} tok/s cold in one batch (per core); "
        f"entity stage: {result['stage']['articles_per_s']} articles/s, {result['stage']['tokens_per_s']:,} tok/s "
        f"(per core, {result['stage']['tokens_per_article']} tok/article); model files {result['model_total_mb']} MB"
    )
    print(
        "\n| experiment | P | R | F1 | LOC | PERS | ORG | MISC | decision |\n|---|---|---|---|---|---|---|---|---|"
    )
    for e in result["experiments"]:
        if "overall" not in e:  # a sweep without one dev figure (its CV figures are in the JSON)
            cells = " | ".join("–" for _ in range(7))
        else:
            cells = " | ".join(
                _fmt(x) for x in [*e["overall"], *(e[t][2] for t in ("LOC", "PERS", "ORG", "MISC"))]
            )
        print(f"| {e['name']} | {cells} | {e['decision'].split(' (')[0].split(':')[0]} |")


def _fmt(x: float | None) -> str:
    return "–" if x is None else f"{x:.3f}"


if __name__ == "__main__":
    main()
