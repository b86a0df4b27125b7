/**
 * The guest's standard library: every module, installed in this order when the VM is built.
 * The order is part of the simulated result: objects made at install time (the sys streams)
 * take static addresses in this order. A new module is one new file plus its line here.
 */
import type { Vm } from '../vm/vm.js';
import { bisect } from './bisect.js';
import { builtinsModule } from './builtins-module.js';
import { collections } from './collections.js';
import { copy } from './copy.js';
import { functools } from './functools.js';
import { future } from './future.js';
import { heapq } from './heapq.js';
import { itertools } from './itertools.js';
import { host } from './host.js';
import type { GuestModule } from './kit.js';
import { math } from './math.js';
import { operator } from './operator.js';
import { random } from './random.js';
import { rtm } from './rtm.js';
import { string } from './string.js';
import { sys } from './sys.js';
import { threading } from './threading.js';
import { time } from './time.js';
import { transaction } from './transaction.js';

export const GUEST_MODULES: readonly GuestModule[] = [builtinsModule, threading, transaction, rtm, time, math, random, sys, host,
  bisect, heapq, operator, functools, itertools, collections, copy, string, future];

export function installModules(vm: Vm): void {
  for (const m of GUEST_MODULES) m.install(vm);
}
