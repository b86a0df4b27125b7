# a deterministic bank simulation with random transfers (seeded) and invariants.
import random
random.seed(99)
class Bank:
    def __init__(self, n, initial):
        self.balances = [initial] * n
        self.log = []
    def transfer(self, a, b, amount):
        if a == b:
            return False
        if self.balances[a] < amount:
            self.log.append(("rejected", a, b, amount))
            return False
        self.balances[a] -= amount
        self.balances[b] += amount
        self.log.append(("ok", a, b, amount))
        return True
    def total(self):
        return sum(self.balances)
bank = Bank(8, 100)
ok = 0
for _ in range(500):
    a = random.randrange(8)
    b = random.randrange(8)
    amt = random.randint(1, 60)
    if bank.transfer(a, b, amt):
        ok += 1
print(ok, len(bank.log), bank.total(), bank.balances)
print(bank.log[:5])
rejected = [e for e in bank.log if e[0] == "rejected"]
print(len(rejected), max(e[3] for e in rejected) if rejected else 0)
richest = max(range(8), key=lambda i: bank.balances[i])
print("richest", richest, bank.balances[richest])
