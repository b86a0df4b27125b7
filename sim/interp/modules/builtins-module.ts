/** `builtins`: the module whose dict is the VM's builtins dict (filled by builtins.ts). */
import { PyModule } from '../values.js';
import type { Vm } from '../vm/vm.js';
import type { GuestModule } from './kit.js';

export const builtinsModule: GuestModule = {
  name: 'builtins',
  install(vm: Vm): void {
    vm.moduleFactories.set('builtins', () => vm.place(new PyModule(vm.T.module, 'builtins', vm.builtins), 48));
  },
};
