// Entry of a Dice matching worker thread. Worker threads do not inherit the TypeScript
// loader of the main thread on Node 20, so the worker registers it before loading its code.
import { register } from 'tsx/esm/api';

register();
await import('./dice-worker-main.ts');
