/**
 * Why a kernel's figure misses CPython's: written by hand after reading both sides (the table
 * prints a kernel's entry only while one of its figures misses). Never a reason to change a figure.
 * Lifetimes are CPython's under refcount cpython/biased (sim/interp/lifetimes.ts, pymalloc.ts); what the rows below miss
 * is memory htmsim does not model at all: ints and strs have none of their own, dict and set tables do not grow as CPython's.
 */
export const REASONS: Readonly<Record<string, string>> = {
  '22-dict-insert-kept':
    'CPython writes 2.2 new lines per insert: the int key (a new 32-byte object above 256, kept by the dict), its 24-byte entry in an ' +
    'entries array rebuilt in a new block at every resize, and the index array; htmsim\'s ints have no memory of their own, its dict ' +
    'table is one block whose writes cycle over 64 entries (slot (n−1) mod 64), and since the lifetime model its growth extends the ' +
    'block in place at the top of the heap (glibc realloc), so no new line at all (0.00): matching needs memory for boxed ints kept ' +
    'by containers and CPython\'s entries/indices layout, not lifetimes',
  '25-set-insert-kept':
    'htmsim gives a set one fixed 200-byte block: an insert touches no table line and ints have no memory of their own (0 new lines); ' +
    'CPython allocates each int key (32 bytes) and grows the table (16-byte entries, new zeroed block at every resize): 2.6 lines ' +
    'written per insert; matching needs boxed-int memory and a set table that grows, not lifetimes',
  '28-object-kept':
    'the instance is kept (0.75 line, written and read) and the list\'s item array now grows in place (0.125 line): 1.05 written, ' +
    '0.95 read; CPython also allocates the int i (> 256) that both attributes reference (0.5 line, written and read) and its ' +
    'instances carry a values array of their own; htmsim\'s ints have no memory of their own, so about half the lines are missing',
  '35-str-kept':
    'CPython allocates each new str (\'k\' + str(i), ~54 bytes: 0.85 line, written and read) and the list keeps it; htmsim\'s strs have ' +
    'no memory of their own (their refcount traffic goes to a recycled scratch block), so only the list\'s item array is new (0.125, ' +
    'which now grows in place as glibc\'s realloc does — before the lifetime model it moved at every growth and the row held for that ' +
    'wrong reason)',
};
