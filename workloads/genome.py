# workload: genome
# description: STAMP genome: rebuild a gene from overlapping segments; threads deduplicate and link segments through shared dicts in small atomic blocks
# param threads: int(>=1) = 4 -- worker threads
# param gene: int(>=3) = 512 -- gene length in nucleotides
# param segment: int(>=3) = 12 -- segment length
# param extra: int(>=0) = 256 -- duplicate segments added to the sample
# param seed: int = 5 -- random seed
# racy: true
# deterministic: true
# small: threads=2 gene=64 segment=10 extra=16
#
# Phase 1 removes duplicate segments (insert into a shared dict), phase 2 indexes each unique
# segment by its prefix, phase 3 links each segment to the one whose prefix is its suffix. Each
# insertion is one short transaction, as in STAMP. The gene is generated so that every
# (segment-1)-long substring is unique, which makes the reconstruction unique: the self-check
# compares it with the original gene.
import threading
import transaction
from htmsim import params, roi_begin, roi_end

MOD = 2147483647
BASES = "ACGT"


def make_gene(length, k, x):
    # Every k-mer (k = segment - 1) must be unique so that the overlap graph is a single path: at
    # each position try the four bases from a random one and keep the first that makes a new k-mer.
    seen = {}
    chars = []
    while len(chars) < length:
        x = x * 48271 % MOD
        start = x % 4
        placed = False
        for j in range(4):
            chars.append(BASES[(start + j) % 4])
            if len(chars) < k:
                placed = True
                break
            kmer = "".join(chars[len(chars) - k:])
            if kmer not in seen:
                seen[kmer] = True
                placed = True
                break
            chars.pop()
        if not placed:
            raise ValueError("cannot build a gene of %d with unique %d-mers; raise segment" % (length, k))
    return "".join(chars), x


def dedup(lo, hi, segments, unique):
    for i in range(lo, hi):
        s = segments[i]
        with transaction.atomic():
            if s not in unique:
                unique[s] = True


def index_prefixes(lo, hi, segments, by_prefix):
    for i in range(lo, hi):
        s = segments[i]
        with transaction.atomic():
            by_prefix[s[:-1]] = s


def link(lo, hi, segments, by_prefix, successor, has_pred):
    for i in range(lo, hi):
        s = segments[i]
        nxt = by_prefix.get(s[1:])
        if nxt is not None:
            with transaction.atomic():
                successor[s] = nxt
                has_pred[nxt] = True


def parallel(nthreads, n, target, extra_args):
    workers = []
    for t in range(nthreads):
        args = (t * n // nthreads, (t + 1) * n // nthreads) + extra_args
        th = threading.Thread(target=target, args=args)
        workers.append(th)
        th.start()
    for th in workers:
        th.join()


def main():
    if params["threads"] < 1 or params["extra"] < 0:
        raise ValueError("threads must be at least 1 and extra not negative")
    nthreads = params["threads"]
    length = params["gene"]
    seglen = params["segment"]
    if seglen < 3 or length < seglen:
        raise ValueError("need gene >= segment >= 3")
    gene, x = make_gene(length, seglen - 1, (params["seed"] * 7919 + 3) % MOD)
    sample = [gene[i:i + seglen] for i in range(length - seglen + 1)]
    for i in range(params["extra"]):
        x = x * 48271 % MOD
        sample.append(sample[x % (length - seglen + 1)])
    for i in range(len(sample) - 1, 0, -1):
        x = x * 48271 % MOD
        j = x % (i + 1)
        sample[i], sample[j] = sample[j], sample[i]

    roi_begin()
    unique = {}
    parallel(nthreads, len(sample), dedup, (sample, unique))
    segments = sorted(unique)
    by_prefix = {}
    parallel(nthreads, len(segments), index_prefixes, (segments, by_prefix))
    successor = {}
    has_pred = {}
    parallel(nthreads, len(segments), link, (segments, by_prefix, successor, has_pred))
    roi_end()

    starts = [s for s in segments if s not in has_pred]
    if len(starts) != 1:
        raise RuntimeError("self-check failed: %d segments without a predecessor" % len(starts))
    pieces = [starts[0]]
    s = starts[0]
    steps = 0
    while s in successor and steps < len(segments):
        s = successor[s]
        pieces.append(s[-1])
        steps += 1
    rebuilt = "".join(pieces)
    if rebuilt != gene:
        raise RuntimeError("self-check failed: rebuilt %d nucleotides, they differ from the gene" % len(rebuilt))
    print("ok genome gene=%d segments=%d unique=%d" % (length, len(sample), len(segments)))


main()
