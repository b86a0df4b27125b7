# workload: intruder
# description: STAMP intruder: threads take packet fragments from a shared queue, reassemble flows in a shared dict and scan complete flows for attack signatures
# param threads: int(>=1) = 4 -- worker threads
# param flows: int(>=1) = 48 -- network flows
# param length: int(>=8) = 64 -- bytes per flow
# param fragment: int(>=1) = 16 -- bytes per packet fragment
# param attack_every: int(>=1) = 5 -- every this many flows carries an attack signature
# param seed: int = 11 -- random seed
# racy: true
# deterministic: true
# small: threads=2 flows=12 length=32 fragment=8
#
# Three short transactions per packet, as in STAMP: pop from the capture queue, add the fragment to
# its flow in the reassembly dict (removing the flow when complete), and record a detection. The
# signature scan runs outside transactions. The self-check compares the detected flows with the
# planted ones.
import threading
import transaction
from htmsim import params, roi_begin, roi_end

MOD = 2147483647
SIGNATURES = ("ATTACK", "EXPLOIT", "ROOTKIT")
ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789"


def make_packets(nflows, length, frag, every, x):
    packets = []
    planted = []
    for f in range(nflows):
        x = x * 48271 % MOD
        chars = []
        for i in range(length):
            x = x * 48271 % MOD
            chars.append(ALPHABET[x % len(ALPHABET)])
        data = "".join(chars)
        if f % every == 0:
            sig = SIGNATURES[(f // every) % len(SIGNATURES)]
            x = x * 48271 % MOD
            at = x % (length - len(sig) + 1)
            data = data[:at] + sig + data[at + len(sig):]
            planted.append(f)
        nfrag = (length + frag - 1) // frag
        for i in range(nfrag):
            packets.append((f, i, nfrag, data[i * frag:(i + 1) * frag]))
    for i in range(len(packets) - 1, 0, -1):
        x = x * 48271 % MOD
        j = x % (i + 1)
        packets[i], packets[j] = packets[j], packets[i]
    return packets, planted


def worker(packets, head, pending, detected, completed):
    n = len(packets)
    while True:
        with transaction.atomic():
            i = head[0]
            if i < n:
                head[0] = i + 1
        if i >= n:
            break
        flow, index, nfrag, data = packets[i]
        whole = None
        with transaction.atomic():
            parts = pending.get(flow)
            if parts is None:
                parts = [None] * (nfrag + 1)
                parts[nfrag] = 0
                pending[flow] = parts
            parts[index] = data
            parts[nfrag] += 1
            if parts[nfrag] == nfrag:
                del pending[flow]
                whole = parts
        if whole is not None:
            text = "".join(whole[:-1])
            hit = False
            for sig in SIGNATURES:
                if sig in text:
                    hit = True
            with transaction.atomic():
                completed[0] += 1
                if hit:
                    detected.append(flow)


def main():
    if params["threads"] < 1 or params["flows"] < 1:
        raise ValueError("threads and flows must be at least 1")
    nthreads = params["threads"]
    nflows = params["flows"]
    length = params["length"]
    if length < 8 or params["fragment"] <= 0 or params["attack_every"] <= 0:
        raise ValueError("need length >= 8 and positive fragment and attack_every")
    packets, planted = make_packets(nflows, length, params["fragment"], params["attack_every"],
                                    (params["seed"] * 7919 + 1) % MOD)
    head = [0]
    pending = {}
    detected = []
    completed = [0]
    workers = [threading.Thread(target=worker, args=(packets, head, pending, detected, completed))
               for t in range(nthreads)]
    for th in workers:
        th.start()
    roi_begin()
    for th in workers:
        th.join()
    roi_end()
    found = sorted(detected)
    if completed[0] != nflows or pending or found != planted:
        raise RuntimeError("self-check failed: race: %d of %d flows completed, %d pending, detected %r, planted %r"
                           % (completed[0], nflows, len(pending), found, planted))
    print("ok intruder flows=%d packets=%d attacks=%d" % (nflows, len(packets), len(found)))


main()
