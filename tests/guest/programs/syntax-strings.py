s1 = 'single'
s2 = "double with 'quotes'"
s3 = 'single with "quotes"'
s4 = """triple
double"""
s5 = '''triple
single with ''' "implicit"
print(s1, s2, s3, s4, s5, sep="|")
print(r"raw \n \t \\ stays", R'raw2\d+')
print("tab\tnew\\nline", "\x41\x42", "\u00e9\u4e2d", "\U0001F600" == "\U0001f600", "\101\60")
print(len("x"))
print("a" "b" 'c' """d""")
long = ("this is "
        "a long "
        "string")
print(long)
print("it's", 'say "hi"', "back\\slash", "\'\"")
print("line1\
continued")
print(repr("quote ' and \" both"), repr('\n\t\x00\x7f'))
print(repr("é"), ascii("é ☃"))
print("""He said "hi" and 'bye'""")
print('\a\b\f\v\r'.encode("utf-8") if hasattr(str, "encode") else len('\a\b\f\v\r'))
multi = """
    indented
      more
"""
print(multi.splitlines())
print(rb"x" if False else "ok", br"y" if False else "ok2")
print("%s-%d" % ("a", 5), "{}:{}".format(1, 2))
print("\\" + "n", "\0".isprintable(), len("\0"))
