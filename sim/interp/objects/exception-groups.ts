/**
 * PEP 654's exception groups (CPython 3.11): BaseExceptionGroup and ExceptionGroup in the
 * builtins, their validation and messages, `message`, `exceptions`, `derive`, `split`,
 * `subgroup` (structure kept, metadata copied to every derived group) and BaseException's
 * `add_note`. `except*` matching and re-raising use `splitGroup` and `prepReraiseStar` below; the
 * traceback printer draws a group's members in boxes (vm/exceptions.ts).
 */
import { PyBuiltin, PyExc, PyFunction, PyList, PyMethod, PyTuple, PyType, PyWrapper, type PyVal } from '../values.js';
// The VM up to attribute access (cold-ops.ts, above it, calls these: no import circle).
import type { VmAttributes as Vm } from '../vm/attributes.js';

/** The VM services the group operations need (the eval loop's cold ops call them too). */
type EgVm = Pick<Vm, 'exc' | 'isSubtype' | 'isInstance' | 'callType' | 'callValue' | 'getAttr' | 'newList' | 'placeList' |
  'typeErr' | 'err' | 'None' | 'truthy' | 'lookup' | 'typeOf' | 'newTuple'>;

/** What a condition of split/subgroup/except* matches: a leaf or a whole group. */
type Matcher = (e: PyExc) => boolean;

function matcherOf(vm: EgVm, cond: PyVal): Matcher {
  const BaseExc = vm.exc.get('BaseException')!;
  const isExcType = (v: PyVal): boolean => v instanceof PyType && vm.isSubtype(v, BaseExc);
  if (isExcType(cond)) return (e) => vm.isInstance(e, cond as PyType);
  if (cond instanceof PyTuple && cond.items.every(isExcType)) {
    return (e) => cond.items.some((t) => vm.isInstance(e, t as PyType));
  }
  if (!(cond instanceof PyType) && (cond instanceof PyFunction || cond instanceof PyBuiltin || cond instanceof PyMethod || vm.lookup(vm.typeOf(cond), '__call__') !== undefined)) {
    return (e) => vm.truthy(vm.callValue(cond, [e], null));
  }
  throw vm.typeErr('expected a function, exception type or tuple of exception types');
}

/** A group made by `derive`, with the original's traceback, cause, context and notes. */
function deriveWith(vm: EgVm, eg: PyExc, members: PyExc[]): PyExc {
  const d = vm.callValue(vm.getAttr(eg, 'derive'), [vm.newList(members)], null);
  if (!(d instanceof PyExc) || d.members === null) throw vm.typeErr('derive must return an instance of BaseExceptionGroup');
  d.tb = eg.tb.slice();
  d.cause = eg.cause;
  d.context = eg.context;
  d.suppressContext = eg.suppressContext;
  const notes = eg.attrs.get('__notes__');
  if (notes !== undefined) {
    d.attrs.set('__notes__', notes instanceof PyList || notes instanceof PyTuple ? vm.placeList(vm.newList(notes.items.slice())) : notes);
  }
  return d;
}

/**
 * CPython's exceptiongroup_split_recursive: the part of `e` the matcher selects and the rest
 * (null when empty), each keeping the nesting of the groups it came from. `withRest` false skips
 * building the rest (subgroup).
 */
export function splitGroup(vm: EgVm, e: PyExc, match: Matcher, withRest: boolean): [PyExc | null, PyExc | null] {
  if (match(e)) return [e, null];
  if (e.members === null) return [null, withRest ? e : null];
  const matched: PyExc[] = [];
  const rest: PyExc[] = [];
  for (const m of e.members) {
    const [a, b] = splitGroup(vm, m, match, withRest);
    if (a !== null) matched.push(a);
    if (b !== null) rest.push(b);
  }
  return [
    matched.length > 0 ? deriveWith(vm, e, matched) : null,
    withRest && rest.length > 0 ? deriveWith(vm, e, rest) : null,
  ];
}

/** CHECK_EG_MATCH: [rest, match] of exception `e` against an `except*` clause's type(s). */
export function checkEgMatch(vm: EgVm, e: PyExc, spec: PyVal): [PyVal, PyVal] {
  const BaseExc = vm.exc.get('BaseException')!;
  const types = spec instanceof PyTuple ? spec.items : [spec];
  for (const t of types) {
    if (!(t instanceof PyType) || !vm.isSubtype(t, BaseExc)) {
      throw vm.typeErr('catching classes that do not inherit from BaseException is not allowed');
    }
    if (vm.isSubtype(t, vm.exc.get('BaseExceptionGroup')!)) {
      throw vm.typeErr('catching ExceptionGroup with except* is not allowed. Use except instead.');
    }
  }
  const match: Matcher = (x) => types.some((t) => vm.isInstance(x, t as PyType));
  if (e.members === null) {
    // A naked exception that matches is wrapped in a group of its own, as CPython does.
    if (!match(e)) return [e, vm.None];
    const g = vm.callType(vm.exc.get('BaseExceptionGroup')!, ['', vm.newTuple([e])], null) as PyExc;
    g.tb = e.tb.slice();
    return [vm.None, g];
  }
  const [m, r] = splitGroup(vm, e, match, true);
  return [r ?? vm.None, m ?? vm.None];
}

/** The leaf exceptions of a group (or the exception itself), by identity. */
function leaves(e: PyExc, into: Set<PyExc>): Set<PyExc> {
  if (e.members === null) into.add(e);
  else for (const m of e.members) leaves(m, into);
  return into;
}

/**
 * PREP_RERAISE_STAR (CPython's _PyExc_PrepReraiseStar): after the `except*` clauses ran, `orig`
 * is what was caught and `excs` what each clause raised plus the unhandled rest (None where
 * nothing). Re-raised parts go back in `orig`'s own shape; new exceptions join them in a new
 * group. Returns what to raise, or None.
 */
export function prepReraiseStar(vm: EgVm, orig: PyVal, excs: readonly PyVal[]): PyVal {
  const raisedAny = excs.filter((x): x is PyExc => x instanceof PyExc);
  if (raisedAny.length === 0) return vm.None;
  if (!(orig instanceof PyExc) || orig.members === null) {
    // A naked exception was caught: at most one clause ran, so there is one thing to raise.
    return raisedAny[0]!;
  }
  const origLeaves = leaves(orig, new Set());
  const raised: PyExc[] = [];
  const reraisedLeaves = new Set<PyExc>();
  for (const x of raisedAny) {
    const ls = leaves(x, new Set());
    let isReraise = true;
    for (const l of ls) if (!origLeaves.has(l)) isReraise = false;
    if (isReraise) for (const l of ls) reraisedLeaves.add(l);
    else raised.push(x);
  }
  const [reraised] = reraisedLeaves.size > 0 ? splitGroup(vm, orig, (x) => x.members === null && reraisedLeaves.has(x), false) : [null];
  if (raised.length === 0) return reraised ?? vm.None;
  if (reraised !== null) raised.push(reraised);
  return vm.callType(vm.exc.get('ExceptionGroup')!, ['', vm.newList(raised)], null);
}

export function installExceptionGroups(vm: Vm): void {
  const T = vm.T;
  const None = vm.None;
  const BaseExc = vm.exc.get('BaseException')!;
  const Exc = vm.exc.get('Exception')!;
  const BEG = vm.makeType('BaseExceptionGroup', [BaseExc], 'exception', true);
  const EG = vm.makeType('ExceptionGroup', [BEG, Exc], 'exception', true);
  for (const [name, tp] of [['BaseExceptionGroup', BEG], ['ExceptionGroup', EG]] as const) {
    vm.exc.set(name, tp);
    vm.builtins.set(name, tp);
  }

  // CPython validates in __new__; here __init__ does it, once the instance exists.
  vm.method(BEG, '__init__', (a, kw) => {
    const self = a[0] as PyExc;
    if (kw !== null && kw.size > 0) throw vm.typeErr(`${self.cls.name}() takes no keyword arguments`);
    if (a.length !== 3) throw vm.typeErr(`BaseExceptionGroup.__new__() takes exactly 2 arguments (${a.length - 1} given)`);
    const msg = a[1]!;
    const seq = a[2]!;
    if (typeof msg !== 'string') throw vm.typeErr(`BaseExceptionGroup.__new__() argument 1 must be str, not ${vm.typeOf(msg).name}`);
    if (!(seq instanceof PyList || seq instanceof PyTuple)) {
      const tp = vm.typeOf(seq);
      if (tp.mro.includes(T.dict) || tp.mro.includes(T.set) || tp.mro.includes(T.frozenset) || vm.lookup(tp, '__getitem__') === undefined) {
        throw vm.typeErr('second argument (exceptions) must be a sequence');
      }
    }
    const items = vm.toList(seq);
    if (items.length === 0) throw vm.err('ValueError', 'second argument (exceptions) must be a non-empty sequence');
    let allExc = true;
    items.forEach((x, i) => {
      if (!(x instanceof PyExc)) throw vm.err('ValueError', `Item ${i} of second argument (exceptions) is not an exception`);
      if (!vm.isInstance(x, Exc)) allExc = false;
    });
    if (self.cls === BEG && allExc) self.cls = EG;
    else if (vm.isSubtype(self.cls, Exc) && !allExc) throw vm.typeErr('Cannot nest BaseExceptions in an ExceptionGroup');
    self.args = [msg, seq];
    self.message = msg;
    self.members = items as PyExc[];
    return None;
  });
  const groupOf = (v: PyVal): PyExc => {
    if (!(v instanceof PyExc) || v.members === null) throw vm.typeErr('descriptor requires a BaseExceptionGroup');
    return v;
  };
  const prop = (name: string, get: (e: PyExc) => PyVal): void => {
    BEG.dict.set(name, new PyWrapper(T.property, vm.builtin(name, (a) => get(groupOf(a[0]!))), None, None, None));
  };
  prop('message', (e) => e.message);
  prop('exceptions', (e) => vm.newTuple(e.members!.slice()));
  vm.method(BEG, '__str__', (a) => {
    const e = groupOf(a[0]!);
    const n = e.members!.length;
    return `${e.message} (${n} sub-exception${n > 1 ? 's' : ''})`;
  });
  vm.method(BEG, 'derive', (a) => vm.callType(BEG, [groupOf(a[0]!).message, a[1]!], null));
  vm.method(BEG, 'split', (a) => {
    const [m, r] = splitGroup(vm, groupOf(a[0]!), matcherOf(vm, a[1]!), true);
    return vm.newTuple([m ?? None, r ?? None]);
  });
  vm.method(BEG, 'subgroup', (a) => splitGroup(vm, groupOf(a[0]!), matcherOf(vm, a[1]!), false)[0] ?? None);

  vm.method(BaseExc, 'add_note', (a) => {
    const self = a[0] as PyExc;
    const note = a[1];
    if (typeof note !== 'string') throw vm.typeErr(`note must be a str, not '${note === undefined ? 'NoneType' : vm.typeOf(note).name}'`);
    let notes = self.attrs.get('__notes__');
    if (notes === undefined) {
      notes = vm.placeList(vm.newList([]));
      self.attrs.set('__notes__', notes);
    }
    if (!(notes instanceof PyList)) throw vm.typeErr('Cannot add note: __notes__ is not a list');
    vm.callValue(vm.getAttr(notes, 'append'), [note], null);
    return None;
  });
}
