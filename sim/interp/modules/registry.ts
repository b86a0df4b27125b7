/**
 * The guest's standard library: every module, installed in this order when the VM is built.
 * The order is part of the simulated result: objects made at install time (the sys streams)
 * take static addresses in this order. A new module is one new file plus its line here.
 */
import type { Vm } from '../vm/vm.js';
import { abc } from './abc.js';
import { argparse } from './argparse.js';
import { array } from './array.js';
import { asyncio } from './asyncio.js';
import { base64 } from './base64.js';
import { binascii } from './binascii.js';
import { bisect } from './bisect.js';
import { calendar } from './calendar.js';
import { builtinsModule } from './builtins-module.js';
import { cmath } from './cmath.js';
import { collectionsAbc } from './collections-abc.js';
import { collections } from './collections.js';
import { concurrent, concurrentFutures } from './concurrent-futures.js';
import { contextlib } from './contextlib.js';
import { copy } from './copy.js';
import { copyreg } from './copyreg.js';
import { csv } from './csv.js';
import { dataclasses } from './dataclasses.js';
import { datetime } from './datetime.js';
import { decimal } from './decimal.js';
import { difflib } from './difflib.js';
import { enumModule } from './enum.js';
import { fnmatch } from './fnmatch.js';
import { functools } from './functools.js';
import { fractions } from './fractions.js';
import { future } from './future.js';
import { gc } from './gc.js';
import { glob } from './glob.js';
import { blake2, hashlibHost } from './hashlib-host.js';
import { hashlib } from './hashlib.js';
import { heapq } from './heapq.js';
import { hmac } from './hmac.js';
import { itertools } from './itertools.js';
import { json } from './json.js';
import { codecs } from './codecs.js';
import { colorsys } from './colorsys.js';
import { pathlib } from './pathlib.js';
import { pickle } from './pickle.js';
import { keyword } from './keyword.js';
import { host } from './host.js';
import { htmlEntities } from './html-entities.js';
import { html } from './html.js';
import { inspect } from './inspect.js';
import { io } from './io.js';
import type { GuestModule } from './kit.js';
import { locale } from './locale.js';
import { logging } from './logging.js';
import { math } from './math.js';
import { numbers } from './numbers.js';
import { operator } from './operator.js';
import { collectionsUser } from './collections-user.js';
import { importlib } from './importlib.js';
import { memfs, os, osPath, posixpath } from './os.js';
import { pprint } from './pprint.js';
import { queue } from './queue.js';
import { random } from './random.js';
import { re } from './re.js';
import { reprlib } from './reprlib.js';
import { rtm } from './rtm.js';
import { shlex } from './shlex.js';
import { statistics } from './statistics.js';
import { string } from './string.js';
import { struct } from './struct.js';
import { sys } from './sys.js';
import { threadingSync } from './threading-sync.js';
import { threading } from './threading.js';
import { textwrap } from './textwrap.js';
import { time } from './time.js';
import { timeit } from './timeit.js';
import { traceback } from './traceback.js';
import { transaction } from './transaction.js';
import { types } from './types.js';
import { typing } from './typing.js';
import { unicodedata } from './unicodedata.js';
import { unittest } from './unittest.js';
import { urllib, urllibParse } from './urllib-parse.js';
import { uuid } from './uuid.js';
import { warnings } from './warnings.js';
import { weakref } from './weakref.js';

export const GUEST_MODULES: readonly GuestModule[] = [builtinsModule, threading, transaction, rtm, time, math, random, sys, host,
  bisect, heapq, operator, functools, itertools, collections, copy, string, future,
  struct, io, fractions, abc, collectionsAbc, typing, posixpath, os, osPath, memfs, importlib, collectionsUser, gc, array, re,
  enumModule, dataclasses, asyncio, json, contextlib, types, threadingSync, queue,
  concurrent, concurrentFutures, textwrap, keyword, colorsys, pickle, numbers, statistics, pprint, traceback, warnings, csv, logging,
  cmath, weakref, datetime, argparse, decimal, difflib, unittest, timeit, fnmatch, shlex, htmlEntities, html, calendar,
  urllib, urllibParse, hashlibHost, blake2, hashlib, binascii, base64, copyreg, reprlib, inspect,
  unicodedata, codecs, pathlib, glob, hmac, uuid, locale];

export function installModules(vm: Vm): void {
  for (const m of GUEST_MODULES) m.install(vm);
}
