/**
 * The guest VM as one type: the last file of the chain (object-model.ts explains it). The
 * builtins and guest modules are typed against it; interpreter.ts builds it with them installed.
 */
import { VmEvalLoop } from './eval-loop.js';

export type { HostModuleSpec, InterpreterOptions, TraceEvent, Types, VmInstallers } from './object-model.js';

export class Vm extends VmEvalLoop {}
