# A simulated crawler on a thread pool: pages are "fetched" (computed) by workers, links found
# on them are submitted as new work, results are merged as futures complete. The output does not
# depend on the interleaving (sets, sums and sorted lists only).
import threading
from concurrent.futures import ThreadPoolExecutor, as_completed, wait, FIRST_COMPLETED

PAGES = 60


def links_of(page):
    return sorted({(page * 7 + 3) % PAGES, (page * 11 + 5) % PAGES, (page * page + 1) % PAGES})


def fetch(page):
    # Some work per page: a checksum of its "content".
    h = 0
    for i in range(200 + page * 3):
        h = (h * 31 + i * page) % 1000003
    return page, h, links_of(page)


stats_lock = threading.Lock()
stats = {'fetched': 0}


def counted_fetch(page):
    result = fetch(page)
    with stats_lock:
        stats['fetched'] += 1
    return result


seen = {0}
checksums = {}
with ThreadPoolExecutor(max_workers=4) as pool:
    pending = {pool.submit(counted_fetch, 0)}
    while pending:
        done, pending = wait(pending, return_when=FIRST_COMPLETED)
        for fut in done:
            page, h, links = fut.result()
            checksums[page] = h
            for link in links:
                if link not in seen:
                    seen.add(link)
                    pending.add(pool.submit(counted_fetch, link))

print('pages reached:', len(seen), 'fetched:', stats['fetched'])
print('checksum total:', sum(checksums.values()))
print('unreached:', sorted(set(range(PAGES)) - seen))

# map over the reached pages, then as_completed over a second batch
with ThreadPoolExecutor(max_workers=3, thread_name_prefix='crawler') as pool:
    sizes = list(pool.map(lambda p: len(links_of(p)), sorted(seen)))
    futs = {pool.submit(fetch, p): p for p in range(0, PAGES, 7)}
    agree = 0
    for fut in as_completed(futs):
        page, h, _ = fut.result()
        if page == futs[fut] and checksums.get(page, h) == h:
            agree += 1
print('link counts:', sum(sizes), 'agree:', agree, 'of', len(futs))
