import { InProcessEventBus } from '../../portal/index.js';
import { InMemoryCaseStore } from '../fakes/in-memory-case-store.js';
import { InMemoryDirectoryStore } from '../fakes/in-memory-directory-store.js';
import { describeStoreContract } from './store-contract.js';

describeStoreContract('InMemoryCaseStore + InMemoryDirectoryStore', (clock) => {
  const bus = new InProcessEventBus();
  return Promise.resolve({
    cases: new InMemoryCaseStore({ clock, publisher: bus }),
    directory: new InMemoryDirectoryStore({ clock, publisher: bus }),
    events: bus,
    dispose: () => Promise.resolve(),
  });
});
