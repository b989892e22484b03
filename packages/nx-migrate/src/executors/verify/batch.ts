import { batchOf } from '../batch.js';
import verifyExecutor from './executor.js';

/** migrate-verify for many services in one process (executors/batch.ts). */
export default batchOf(verifyExecutor);
