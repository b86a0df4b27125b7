/**
 * The built-ins, composed: each built-in type's module (./objects/, one a type or a protocol
 * family; its README) builds its shared parts, then the installers run in a fixed order (install
 * order fixes every static address and each type's method table), and the object protocols go
 * back to the VM as one typed record.
 */
import { installMemoryView } from './objects/memoryview.js';
import { installArity } from './objects/arity.js';
import { installAsyncGeneratorMethods } from './objects/async-generators.js';
import { makeArithProtocols } from './objects/arith.js';
import { installBytesType, makeBytesParts } from './objects/bytes.js';
import { makeCompareProtocols } from './objects/compare.js';
import { installComplexType, makeComplexParts } from './objects/complex.js';
import { installDictType } from './objects/dict-methods.js';
import { installViewMethods, makeViewParts } from './objects/dict-views.js';
import { installExceptionTypes } from './objects/exceptions.js';
import { installExceptionGroups } from './objects/exception-groups.js';
import { installOsUnicodeErrors } from './objects/os-unicode-errors.js';
import { installBuiltinFunctions } from './objects/functions.js';
import { installAsyncIterBuiltins, installDynamicCode } from './objects/dynamic-code.js';
import { makeHashProtocol } from './objects/hash.js';
import { installGeneratorMethods, installIteratorTypes, makeIterationProtocols } from './objects/iteration.js';
import { makeKit } from './objects/kit.js';
import { installListType } from './objects/list-methods.js';
import { installNumberCtors, installNumberMethods, makeNumberParts } from './objects/numbers.js';
import { installDescriptorTypes, installObjectMethods, installSliceType, installTypeType } from './objects/object-type.js';
import { installRangeType, makeRangeParts } from './objects/range-type.js';
import { makeReprProtocols } from './objects/repr.js';
import { installSetType, makeSetParts } from './objects/set-methods.js';
import { installStrType } from './objects/str.js';
import { makeSubscriptProtocols } from './objects/subscripts.js';
import { makeTextFormat } from './objects/text-format.js';
import { installTupleType } from './objects/tuple.js';
import { installTypeForms } from './objects/type-forms.js';
import type { Protocols } from './vm/protocols.js';
import type { Vm } from './vm/vm.js';

export function installBuiltins(vm: Vm): Protocols {
  const kit = makeKit(vm);
  installExceptionTypes(vm);
  installExceptionGroups(vm);
  installOsUnicodeErrors(vm);
  const typeForms = installTypeForms(vm);

  // The parts the types and protocols share (closures over the VM; nothing installed yet).
  const bytes = makeBytesParts(vm, kit);
  const views = makeViewParts(vm, kit);
  const sets = makeSetParts(vm);
  const numbers = makeNumberParts(vm, kit);
  const complex = makeComplexParts(vm, kit);
  const ranges = makeRangeParts(vm, kit);
  const text = makeTextFormat(vm, kit, numbers, complex);
  const repr = makeReprProtocols(vm, kit, bytes, views);
  const hash = makeHashProtocol(vm, kit);
  const cmp = makeCompareProtocols(vm, kit, views, complex);
  const arith = makeArithProtocols(vm, kit, { bytes, views, sets, text, typeForms, complex });
  const iteration = makeIterationProtocols(vm, kit, views, ranges);
  const sub = makeSubscriptProtocols(vm, kit, { bytes, views, ranges, typeForms });

  // The types, constructors first within each.
  installNumberCtors(vm, kit, numbers);
  installStrType(vm, kit, bytes, text.strFormat);
  installListType(vm, kit, sub);
  installTupleType(vm, kit);
  installDictType(vm, kit, views, sub);
  installViewMethods(vm, kit);
  installSetType(vm, kit, sets);
  installBytesType(vm, kit, bytes);
  installMemoryView(vm, kit, bytes);
  installRangeType(vm, kit);
  installSliceType(vm, kit);
  installTypeType(vm, kit);
  installDescriptorTypes(vm, kit);
  installObjectMethods(vm, kit);
  installNumberMethods(vm, kit, numbers, bytes, arith.builtinBin);
  installGeneratorMethods(vm, kit);
  installIteratorTypes(vm, kit, ranges);
  installBuiltinFunctions(vm, kit, numbers, typeForms);
  installDynamicCode(vm, (name, fn) => vm.builtins.set(name, vm.builtin(name, fn)));
  installAsyncIterBuiltins(vm, (name, fn) => vm.builtins.set(name, vm.builtin(name, fn)));
  installArity(vm, kit);
  installComplexType(vm, kit, complex);
  installAsyncGeneratorMethods(vm, kit);

  return {
    repr: repr.reprProto,
    str: repr.strProto,
    hash,
    eq: cmp.eqProto,
    compare: cmp.compareProto,
    lt: cmp.ltProto,
    binop: arith.binopProto,
    unary: arith.unaryProto,
    format: text.formatProto,
    iter: iteration.iterProto,
    next: iteration.nextProto,
    toList: iteration.toListProto,
    getItem: sub.getItemProto,
    setItem: sub.setItemProto,
    delItem: sub.delItemProto,
    contains: sub.containsProto,
  };
}
