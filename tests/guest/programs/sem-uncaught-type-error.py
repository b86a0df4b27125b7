def describe(name, age):
    return "name: " + name + ", age: " + age

print(describe("ann", "31"))
print(describe("bob", 27))
