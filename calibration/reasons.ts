/**
 * Why a kernel's figure misses CPython's: written by hand after reading both sides (the table
 * prints a kernel's entry only while one of its figures misses). Never a reason to change a figure.
 * "Long-lived" and "temporary" refer to the lifetime model in sim/interp/heap.ts.
 */
export const REASONS: Readonly<Record<string, string>> = {
  '10-exception':
    'htmsim places every exception instance as a long-lived object: a fresh bump-allocated block per raise (0.75 line), never freed; ' +
    'CPython frees it when the except block ends and pymalloc hands the same block to the next raise',
  '18-list-append-kept':
    'at every growth (×1.125) htmsim moves the item array to a new bump-allocated block and copies it, never freeing the old one: ' +
    '~9 slots of fresh lines per appended item, written by the copy and read by the next copy; CPython\'s list_resize reallocs ' +
    'in place (glibc extends the block), so only the new slot\'s line is new (0.125), and it is written, not read',
  '20-list-sort':
    'the copy base[:] is a new list every iteration: htmsim bump-allocates its header and item array (3 new lines, read by the sort) ' +
    'and never frees them; CPython returns the dropped list to its free list and the items to pymalloc, and the next copy reuses both',
  '22-dict-insert-kept':
    'CPython writes 2.2 new lines per insert: the int key (a new 32-byte object above 256), its entry in an entries array rebuilt ' +
    'in a new block at every resize, and the index array; htmsim\'s ints have no memory of their own, its table writes cycle over ' +
    '64 entries (slot (n−1) mod 64) and only the ×2 realloc copies reach new lines (0.58)',
  '25-set-insert-kept':
    'htmsim gives a set one fixed 200-byte block: an insert touches no table line and ints have no memory of their own (0 new lines); ' +
    'CPython allocates each int key (32 bytes) and grows the table (16-byte entries, new zeroed block at every resize): 2.6 lines written per insert',
  '27-comprehension':
    'each comprehension\'s result list (header, item array grown by appends that realloc) and its function object are long-lived in ' +
    'htmsim (bump-allocated, never freed): 3.5 new lines per iteration; CPython frees them by the end of the iteration and reuses the blocks',
  '28-object-kept':
    'lines written are close (1.9 vs 2.1: the instance and the list\'s moving item array in htmsim; the instance, its values array and ' +
    'the int in CPython); lines read are half of CPython\'s (1.0 vs 2.0): CPython also reads each new block (pymalloc follows the free-list ' +
    'link stored in it, the int is read when the attributes are stored) and its cyclic GC reads the headers of the young tracked instances ' +
    'at every gen-0 collection; htmsim\'s ints have no memory of their own and it models no cyclic collection',
  '29-object-dropped':
    'instances are long-lived in htmsim: each P gets a fresh bump-allocated block (0.75 line, written and read) and is never freed; ' +
    'CPython frees the old p when the name is rebound and pymalloc gives the next P the same block (LIFO)',
  '34-list-slice':
    'each slice is a new list: htmsim bump-allocates its header and item array (2 new lines) and never frees them; CPython reuses the ' +
    'dropped list object (list free list) and its item block (pymalloc)',
};
