names = ["a", "b"]
flags = [n = "a" for n in names]
