import keyword

print(len(keyword.kwlist), keyword.kwlist[:5], keyword.softkwlist)
for w in ['if', 'match', 'case', 'print', 'None', 'async', 'self', '_']:
    print(w, keyword.iskeyword(w), keyword.issoftkeyword(w))
print(sorted(keyword.kwlist) == keyword.kwlist)

