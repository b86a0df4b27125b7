# difflib: SequenceMatcher on random strings with and without junk/autojunk (blocks, opcodes, the three ratios,
# find_longest_match on sub-ranges, grouped opcodes), the popularity heuristic on long int lists,
# get_close_matches, ndiff/Differ with '?' hints, restore round trips, unified/context diffs with
# dates, n and lineterm, the junk predicates, and the error messages.
import difflib, random
r = random.Random(5)
def rs(alpha, lo, hi):
    return ''.join(r.choice(alpha) for _ in range(r.randint(lo, hi)))
for t in range(150):
    a = rs('abcd ', 0, 20); b = rs('abcd ', 0, 20)
    junk = [None, lambda c: c == ' ', lambda c: c in 'ab'][t % 3]
    s = difflib.SequenceMatcher(junk, a, b, autojunk=t % 2 == 0)
    print(s.get_matching_blocks(), s.get_opcodes(), s.ratio(), s.quick_ratio(), s.real_quick_ratio())
    print(s.find_longest_match(1, len(a)-1, 2, len(b)), list(s.get_grouped_opcodes(1)))
# popular
for t in range(20):
    a = [r.randint(0, 5) for _ in range(r.randint(150, 400))]
    b = [r.randint(0, 30) for _ in range(r.randint(190, 400))]
    s = difflib.SequenceMatcher(None, a, b)
    print(len(s.bpopular), s.get_matching_blocks()[:5], round(s.ratio(), 6))
    print(difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()[:6])
words = ['apple','apply','ape','maple','happy','apricot','pineapple','applet','application','appeal','peal','leap']
for w in ['appel','aple','ppl','leap','xyz','applic']:
    print(w, difflib.get_close_matches(w, words), difflib.get_close_matches(w, words, n=6, cutoff=0.3))
# line diffs
def lines():
    return [rs('abcde', 0, 8) + '\n' for _ in range(r.randint(0, 12))]
for t in range(40):
    a, b = lines(), lines()
    d = list(difflib.ndiff(a, b))
    print(''.join(d), end='')
    assert list(difflib.restore(d, 1)) == a and list(difflib.restore(d, 2)) == b
    print(''.join(difflib.unified_diff(a, b, 'x', 'y', 'd1', 'd2', n=t % 4)), end='')
    print(''.join(difflib.context_diff(a, b, n=t % 3)), end='')
    print(list(difflib.unified_diff(a, b, lineterm='')) [:4])
text1 = '''  1. Beautiful is better than ugly.
  2. Explicit is better than implicit.
  3. Simple is better than complex.
  4. Complex is better than complicated.
'''.splitlines(keepends=True)
text2 = '''  1. Beautiful is better than ugly.
  3.   Simple is better than complex.
  4. Complicated is better than complex.
  5. Flat is better than nested.
'''.splitlines(keepends=True)
print(''.join(difflib.ndiff(text1, text2)), end='')
print(''.join(difflib.Differ().compare(text1, text2)), end='')
print(list(difflib.ndiff(['a\tb x\n'], ['a\tc x\n'])))
print(list(difflib.ndiff(['abc\n','same\n'], ['same\n','xyz\n'])))
print(difflib.IS_LINE_JUNK('\n'), difflib.IS_LINE_JUNK('  #   \n'), difflib.IS_LINE_JUNK('hello\n'), difflib.IS_CHARACTER_JUNK(' '), difflib.IS_CHARACTER_JUNK('x'))
print(list(difflib.ndiff(['# c\n','x\n', '\n'], ['x\n','#\n', 'y\n'], linejunk=difflib.IS_LINE_JUNK)))
for bad in [(0, 0.5), (3, 1.5), (-1, -0.1)]:
    try: difflib.get_close_matches('a', ['a'], *bad)
    except ValueError as e: print(e)
try: list(difflib.restore([], 3))
except ValueError as e: print(e)
try: list(difflib.unified_diff([b'a'], ['b']))
except TypeError as e: print(e)
try: list(difflib.unified_diff(['a'], ['b'], fromfile=1))
except TypeError as e: print(e)
s = difflib.SequenceMatcher(lambda x: x == ' ', 'private Thread currentThread;', 'private volatile Thread currentThread;')
print(round(s.ratio(), 3), s.bjunk, s.find_longest_match(0, 29, 0, 38))
print(difflib.SequenceMatcher(None, ' abcd', 'abcd abcd').find_longest_match(0, 5, 0, 9))
print(difflib.SequenceMatcher(lambda x: x==' ', ' abcd', 'abcd abcd').find_longest_match(0, 5, 0, 9))
print(difflib.SequenceMatcher(None, 'abcd', 'bcda').find_longest_match())
s = difflib.SequenceMatcher(None, 'abc', 'abc'); print(list(s.get_grouped_opcodes()), s.ratio())
s = difflib.SequenceMatcher(None, '', ''); print(list(s.get_grouped_opcodes()), s.get_opcodes(), s.ratio(), s.get_matching_blocks())
print(list(difflib.unified_diff([], [])), list(difflib.unified_diff(['a\n'], [])), list(difflib.context_diff([], ['a\n'])))
