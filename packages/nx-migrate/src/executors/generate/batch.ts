import { batchOf } from '../batch.js';
import generateExecutor from './executor.js';

/**
 * migrate-generate for many services in one process (executors/batch.ts): each service writes its
 * own file under its own lock, as in a process of its own.
 */
export default batchOf(generateExecutor);
