"""A simulated web crawler on asyncio: a bounded worker pool fetches pages with latencies, follows links, and reports."""
import asyncio
import random

rng = random.Random(7)
SITE = {}
for page in range(40):
    links = sorted(rng.sample(range(40), rng.randint(1, 4)))
    # Latencies are exact binary fractions: the virtual clock's ties are then exact, and CPython's
    # real clock breaks them as the virtual one does (by scheduling order).
    SITE['/p%d' % page] = (['/p%d' % l for l in links], rng.randint(1, 12) / 64)


async def fetch(url, stats):
    links, latency = SITE[url]
    await asyncio.sleep(latency)
    stats['bytes'] += 1000 + 37 * len(url)
    return links


async def worker(name, queue, seen, order, stats):
    while True:
        url, depth = await queue.get()
        try:
            links = await fetch(url, stats)
            order.append((name, url, depth))
            if depth < 3:
                for link in links:
                    if link not in seen:
                        seen.add(link)
                        queue.put_nowait((link, depth + 1))
        finally:
            queue.task_done()


async def crawl(start, nworkers):
    queue = asyncio.Queue()
    seen = {start}
    order = []
    stats = {'bytes': 0}
    queue.put_nowait((start, 0))
    workers = [asyncio.create_task(worker('w%d' % i, queue, seen, order, stats)) for i in range(nworkers)]
    await queue.join()
    for w in workers:
        w.cancel()
    results = await asyncio.gather(*workers, return_exceptions=True)
    return order, stats, [type(r).__name__ for r in results]


async def main():
    # One worker: with several, pages whose fetches end at the same virtual instant would be
    # ordered by CPython's real clock, which differs from run to run.
    order, stats, ends = await crawl('/p0', 1)
    print(len(order), stats, ends)
    per = {}
    for name, url, depth in order:
        per[name] = per.get(name, 0) + 1
    print(sorted(per.items()))
    for entry in order[:12]:
        print(entry)
    t0 = asyncio.get_running_loop().time()
    slow = await asyncio.gather(*(fetch(u, {'bytes': 0}) for u in ['/p1', '/p2', '/p3']))
    print([len(s) for s in slow], round(asyncio.get_running_loop().time() - t0, 3) >= 0)


asyncio.run(main())
