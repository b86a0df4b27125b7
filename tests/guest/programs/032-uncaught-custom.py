# uncaught user exception with a custom message, raised in a method.
class InsufficientFunds(Exception):
    def __init__(self, need, have):
        super().__init__(f"need {need}, have {have}")
class Account:
    def __init__(self, balance):
        self.balance = balance
    def withdraw(self, amount):
        if amount > self.balance:
            raise InsufficientFunds(amount, self.balance)
        self.balance -= amount
        return self.balance
acct = Account(100)
for amt in [30, 50, 40]:
    print("withdraw", amt, "->", acct.withdraw(amt))
