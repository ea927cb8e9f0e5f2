"""Build time only (run with the torch venv): train the convolutional NER tagger of
`rasd.ner.neural` on arrays prepared by ``scripts/train_neural_ner.py`` and export numpy weights.

    /work/torchenv/bin/python scripts/train_neural_torch.py WORK/SPLIT [--folds 3] [--epochs 10] [--only fold0,all]

Reads ``WORK/SPLIT/data.npz`` (token ids, char ids, tags, sentence lengths, frozen word vectors);
writes ``fold{k}.npz`` (trained without the k-th contiguous block of sentences, for cross-fitted
probabilities) and ``all.npz`` (all sentences) in the format `rasd.ner.neural.ConvTagger` loads.
Deterministic: seeded, one thread, ``torch.use_deterministic_algorithms``.
"""

from __future__ import annotations

import argparse
import io
import time
from pathlib import Path

import numpy as np
import torch
from torch import nn

DILATIONS = (1, 2, 1)
CHAR_LEN = 16


class Net(nn.Module):  # type: ignore[misc]
    def __init__(
        self,
        emb: np.ndarray,
        n_chars: int,
        n_labels: int,
        hidden: int,
        cl_dims: tuple[int, ...],
        char_dim: int = 24,
        char_filters: int = 50,
        dropout: float = 0.3,
    ) -> None:
        super().__init__()
        self.emb = nn.Embedding.from_pretrained(torch.from_numpy(emb), freeze=True)
        self.cl = nn.ModuleList(nn.Embedding(n + 1, d) for n, d in zip((64, 256, 1024), cl_dims, strict=True))
        self.char_emb = nn.Embedding(n_chars, char_dim, padding_idx=0)
        self.char_conv = nn.Conv1d(char_dim, char_filters, 3, padding=1)
        dim = 2 * emb.shape[1] + 2 + sum(cl_dims) + char_filters
        self.convs = nn.ModuleList()
        for d in DILATIONS:
            self.convs.append(nn.Conv1d(dim, hidden, 3, padding=d, dilation=d))
            dim = hidden
        self.out = nn.Linear(hidden, n_labels)
        self.drop_in = nn.Dropout(dropout)
        self.drop = nn.Dropout(dropout)

    def forward(self, ids: torch.Tensor, cids: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        b, t = ids.shape[:2]
        c = self.char_emb(cids.view(b * t, CHAR_LEN)).transpose(1, 2)
        c = torch.relu(self.char_conv(c)) * (cids.view(b * t, 1, CHAR_LEN) > 0)
        chars = c.max(dim=2).values.view(b, t, -1)
        known = (ids[:, :, :2] > 0).float()
        parts = [self.emb(ids[:, :, 0]), self.emb(ids[:, :, 1]), known]
        parts += [e(ids[:, :, 2 + k]) for k, e in enumerate(self.cl)]
        x = self.drop_in(torch.cat([*parts, chars], dim=2)).transpose(1, 2)
        m = mask.unsqueeze(1)
        x = x * m  # padding = zero vectors, as in numpy (cluster row 0 is not zero)
        for conv in self.convs:
            x = torch.relu(conv(x)) * m
        return self.out(self.drop(x.transpose(1, 2)))


def batches(
    lengths: np.ndarray, sent_ids: list[int], starts: np.ndarray, data: dict[str, np.ndarray], size: int
):
    for lo in range(0, len(sent_ids), size):
        chunk = sent_ids[lo : lo + size]
        t = int(max(lengths[s] for s in chunk))
        ids = np.zeros((len(chunk), t, 5), np.int64)
        cids = np.zeros((len(chunk), t, CHAR_LEN), np.int64)
        tags = np.full((len(chunk), t), -100, np.int64)
        mask = np.zeros((len(chunk), t), np.float32)
        for r, s in enumerate(chunk):
            a, n = starts[s], lengths[s]
            ids[r, :n] = data["ids"][a : a + n]
            cids[r, :n] = data["cids"][a : a + n]
            tags[r, :n] = data["tags"][a : a + n]
            mask[r, :n] = 1
        yield (torch.from_numpy(ids), torch.from_numpy(cids), torch.from_numpy(mask), torch.from_numpy(tags))


def train(data: dict[str, np.ndarray], sent_ids: list[int], args: argparse.Namespace, seed: int) -> Net:
    torch.manual_seed(seed)
    rng = np.random.default_rng(seed)
    lengths = data["lengths"]
    starts = np.cumsum(lengths) - lengths
    emb = data["emb"]
    net = Net(
        emb, int(data["n_chars"]), int(data["n_labels"]), args.hidden, (16, 24, 32), dropout=args.dropout
    )
    opt = torch.optim.Adam([p for p in net.parameters() if p.requires_grad], lr=args.lr)
    loss_fn = nn.CrossEntropyLoss(ignore_index=-100)
    for epoch in range(args.epochs):
        net.train()
        order = [sent_ids[k] for k in rng.permutation(len(sent_ids))]
        total = 0.0
        for ids, cids, mask, tags in batches(lengths, order, starts, data, args.batch):
            opt.zero_grad()
            logits = net(ids, cids, mask)
            loss = loss_fn(logits.reshape(-1, logits.shape[-1]), tags.reshape(-1))
            loss.backward()
            opt.step()
            total += loss.item() * len(ids)
        print(f"  epoch {epoch + 1}: loss {total / len(sent_ids):.4f}", flush=True)
    net.eval()
    return net


def export(net: Net, data: dict[str, np.ndarray], path: Path) -> None:
    sd = {k: v.detach().numpy().astype(np.float32) for k, v in net.state_dict().items()}
    arrays = {
        "labels": data["labels"],
        "chars": data["chars"],
        "char_emb": sd["char_emb.weight"],
        "char_w": np.ascontiguousarray(sd["char_conv.weight"].transpose(2, 1, 0)),
        "char_b": sd["char_conv.bias"],
        "out_w": np.ascontiguousarray(sd["out.weight"].T),
        "out_b": sd["out.bias"],
    }
    for k in range(3):
        arrays[f"cl{k}_emb"] = sd[f"cl.{k}.weight"]
    for k in range(len(DILATIONS)):
        arrays[f"conv{k}_w"] = np.ascontiguousarray(sd[f"convs.{k}.weight"].transpose(2, 1, 0))
        arrays[f"conv{k}_b"] = sd[f"convs.{k}.bias"]
    buf = io.BytesIO()
    np.savez_compressed(buf, **arrays)
    path.write_bytes(buf.getvalue())
    # the word vectors ship once, in word_vectors.npz (scripts/train_neural_ner.py writes it)


def predict(net: Net, data: dict[str, np.ndarray], sent_ids: list[int]) -> np.ndarray:
    lengths = data["lengths"]
    starts = np.cumsum(lengths) - lengths
    out = []
    with torch.no_grad():
        for ids, cids, mask, _ in batches(lengths, sent_ids, starts, data, 64):
            logits = net(ids, cids, mask).numpy()
            for r, s in enumerate(sent_ids[len(out) : len(out) + len(ids)]):
                out.append(logits[r, : lengths[s]])
    return np.concatenate(out)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("work", type=Path)
    ap.add_argument("--folds", type=int, default=3)
    ap.add_argument("--epochs", type=int, default=10)
    ap.add_argument("--hidden", type=int, default=128)
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--lr", type=float, default=1e-3)
    ap.add_argument("--dropout", type=float, default=0.3)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--only", type=str, default="", help="comma-separated subset: fold0,...,all")
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    torch.use_deterministic_algorithms(True)
    with np.load(args.work / "data.npz") as f:
        data = {k: f[k] for k in f.files}
    data["emb"] = np.vstack(
        [
            np.zeros((1, data["emb_q"].shape[1]), np.float32),
            data["emb_q"].astype(np.float32) * data["emb_scale"][:, None].astype(np.float32),
        ]
    )
    n = len(data["lengths"])
    bounds = [round(n * k / args.folds) for k in range(args.folds + 1)]
    jobs = [
        (f"fold{k}", [s for s in range(n) if not bounds[k] <= s < bounds[k + 1]]) for k in range(args.folds)
    ]
    jobs.append(("all", list(range(n))))
    only = set(filter(None, args.only.split(",")))
    for name, ids in jobs:
        if only and name not in only:
            continue
        t0 = time.process_time()
        net = train(data, ids, args, seed=13)
        export(net, data, args.work / f"{name}.npz")
        if name.startswith("fold"):
            k = int(name[4:])
            held = list(range(bounds[k], bounds[k + 1]))
            np.save(args.work / f"{name}_logits.npy", predict(net, data, held))
        print(f"{name}: {len(ids)} sentences, {time.process_time() - t0:.0f}s CPU", flush=True)


if __name__ == "__main__":
    main()
