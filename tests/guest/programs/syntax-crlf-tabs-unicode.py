x = 1
if x:
    print("crlf", x)
s = """a
b"""
print(repr(s))
café = 3
if True:
	print("tab indent", café)
	if 1:
		print("two tabs")
print("formfeed")
# no newline at the end