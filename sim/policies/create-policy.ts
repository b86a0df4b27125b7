/** One factory for the five policies: the only place that knows them all. */
import type { PolicyName } from './config.js';
import { GilPolicy } from './gil.js';
import { HtmElisionPolicy } from './htm-elision.js';
import { NogilPolicy } from './nogil.js';
import type { Policy, PolicyEnv } from './policy.js';
import { SerialPolicy } from './serial.js';
import { StmPolicy } from './stm.js';

export function createPolicy(name: PolicyName, env: PolicyEnv): Policy {
  switch (name) {
    case 'serial': return new SerialPolicy();
    case 'gil': return new GilPolicy(env);
    case 'htm': return new HtmElisionPolicy(env);
    case 'stm': return new StmPolicy(env);
    case 'nogil': return new NogilPolicy(env);
    default: {
      const _never: never = name;
      return _never;
    }
  }
}
