def check(v):
    assert v > 0, f"value must be positive, got {v}"
    assert isinstance(v, int)
    return v

print(check(3))
for bad in (-1, 0):
    try:
        check(bad)
    except AssertionError as e:
        print("AssertionError:", e)
try:
    check(2.5)
except AssertionError as e:
    print("bare assert", repr(e), e.args)
assert True
assert (1, 2)[0], "tuple item is truthy"
try:
    assert [], ["list", "message"]
except AssertionError as e:
    print(e.args)
def noop():
    pass
class C:
    pass
if True:
    pass
print(noop(), C.__name__)
assert 1 == 2, "final failure"
