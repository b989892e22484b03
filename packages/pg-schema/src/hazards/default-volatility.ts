import type { Node } from 'libpg-query';
import { stringValue } from '../parse-tree.js';
import { findNodes } from './find-nodes.js';
import type { SchemaContext, Volatility } from './schema-context.js';

/** Built-in functions that are not volatile and often appear in defaults (evaluated once by ADD COLUMN). */
const NOT_VOLATILE = new Set([
  'now',
  'transaction_timestamp',
  'statement_timestamp',
  'current_setting',
  'current_database',
  'current_schema',
  'date_trunc',
  'timezone',
  'lower',
  'upper',
  'btrim',
  'length',
  'abs',
  'round',
  'concat',
  'to_jsonb',
  'to_json',
  'jsonb_build_object',
  'json_build_object',
  'jsonb_build_array',
  'json_build_array',
  'array_fill',
  'make_interval',
  'make_date',
  'make_timestamp',
  'make_timestamptz',
  'to_timestamp',
  'to_date',
  'inet_client_addr',
  'pg_backend_pid',
]);

/** Built-ins that give a new value per row: such a default makes ADD COLUMN rewrite the table. */
const VOLATILE = new Set([
  'random',
  'gen_random_uuid',
  'uuid_generate_v1',
  'uuid_generate_v1mc',
  'uuid_generate_v4',
  'uuidv4',
  'uuidv7',
  'clock_timestamp',
  'timeofday',
  'nextval',
  'setval',
  'txid_current',
]);

export interface DefaultVolatility {
  volatility: Volatility;
  /** The function that makes it volatile (or whose volatility is not known). */
  because?: string;
  known: boolean;
}

/** The volatility of a default expression: the worst of the functions it calls. */
export function defaultVolatility(expression: Node | undefined, context: SchemaContext): DefaultVolatility {
  for (const call of findNodes(expression, 'FuncCall')) {
    const names = (call.funcname ?? []).map(stringValue).filter((n): n is string => n !== undefined);
    const name = names[names.length - 1]?.toLowerCase() ?? '?';
    const schema = names.length > 1 ? names[0] : undefined;
    const qualified = `${schema ?? 'public'}.${name}`;
    const user = context.functions?.get(qualified);
    if (user === 'volatile') return { volatility: 'volatile', because: qualified, known: true };
    if (user) continue;
    if (schema === undefined || schema === 'pg_catalog') {
      if (VOLATILE.has(name)) return { volatility: 'volatile', because: `${name}()`, known: true };
      if (NOT_VOLATILE.has(name)) continue;
    }
    return { volatility: 'volatile', because: `${names.join('.')}()`, known: false };
  }
  return { volatility: 'stable', known: true };
}
