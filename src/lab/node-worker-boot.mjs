// Worker threads do not inherit the tsx loader of the command that started them: register it here,
// then load the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./node-worker.ts');
