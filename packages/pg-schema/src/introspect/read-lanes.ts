import { createHash } from 'node:crypto';
import pg, { type ClientBase, type QueryResult, type QueryResultRow } from 'pg';
import { quoteIdent, quoteLiteral } from '../render/sql-text.js';

/** One catalog query: its text and parameters. */
export type Query = (text: string, values?: unknown[]) => Promise<QueryResult>;

/**
 * A few connections of the same database reading one snapshot: the caller's client, which
 * exports its snapshot, and siblings that import it (SET TRANSACTION SNAPSHOT), so every query,
 * whichever connection runs it, sees the same catalog state. A query goes to the connection
 * with the fewest queries waiting; siblings take queries once they are connected, the caller's
 * client from the start (a sibling that cannot connect just never takes any).
 */
export class ReadLanes {
  private readonly idle: ClientBase[] = [];
  private readonly waiting: Array<(client: ClientBase) => void> = [];
  private readonly siblings: pg.Client[] = [];
  private closed = false;

  private readonly main: ClientBase;
  /** The main client's statement names (prepare): undefined when its queries go unnamed. */
  private readonly names: PreparedNames | undefined;

  private constructor(main: ClientBase, names: PreparedNames | undefined) {
    this.main = main;
    this.names = names;
    this.idle.push(main);
  }

  /**
   * Opens the read-only REPEATABLE READ transaction on `main` (empty search_path, so every
   * printed name is schema-qualified) and starts `siblings` more connections into its snapshot.
   * `prepare`: the caller reads this client again and again (verify's replay), so its queries are
   * named statements the server plans once per connection (planning was half the server's time
   * of a read at 10-50 tables).
   */
  static async open(main: ClientBase, siblings: number, prepare = false): Promise<ReadLanes> {
    const begin = `BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; SET LOCAL search_path = ''`;
    await main.query(begin);
    const lanes = new ReadLanes(main, prepare ? await preparedNames(main) : undefined);
    const config = siblings > 0 ? siblingConfig(main) : undefined;
    if (!config) return lanes;
    let session: SessionState;
    try {
      const { rows } = await main.query<SessionState>(SESSION_STATE_SQL);
      session = rows[0];
    } catch {
      // A server or pooler that exports no snapshot: read on the caller's client alone.
      await main.query(`ROLLBACK; ${begin}`);
      return lanes;
    }
    // Leave the server's connections to others when it is busy (a test suite, a shared server):
    // a sibling is only a speed-up, another client's refused connection is a failure.
    const count = Math.min(
      siblings,
      Math.max(0, Math.floor((session.free_connections - FREE_CONNECTIONS_KEPT) / 2)),
    );
    const settings = SETTINGS.map(([name, key]) => `SET LOCAL ${name} = ${quoteLiteral(session[key])}`);
    const start = [
      'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY',
      `SET TRANSACTION SNAPSHOT ${quoteLiteral(session.snapshot)}`,
      `SET LOCAL search_path = ''`,
      // The caller's client may have SET ROLE (a service role reading its own default privileges).
      `SET LOCAL ROLE ${quoteIdent(session.role)}`,
      ...settings,
    ].join('; ');
    // Not waited for: the caller's client reads from now on, each sibling once it is connected.
    for (let i = 0; i < count; i++) void lanes.openSibling(config, start);
    return lanes;
  }

  private async openSibling(config: pg.ClientConfig, start: string): Promise<void> {
    const client = new pg.Client(config);
    // A sibling that fails (connection limit, an error mid-read) only loses its lane; the
    // query it was running fails and the read with it.
    client.on('error', () => undefined);
    try {
      await client.connect();
      this.siblings.push(client);
      // Connected after the read ended (a slow connection): the snapshot is gone, so is the need.
      if (this.closed) return;
      await client.query(start);
      if (!this.closed) this.release(client);
    } catch {
      // Not connected, the snapshot is gone, or the role cannot be taken: the other lanes read
      // everything.
    } finally {
      if (this.closed) await client.end().catch(() => undefined);
    }
  }

  /** Runs one query on the next free connection (first asked, first served). */
  readonly query = async <R extends QueryResultRow = QueryResultRow>(
    text: string,
    values?: unknown[],
  ): Promise<QueryResult<R>> => {
    const client = this.idle.pop() ?? (await new Promise<ClientBase>((take) => this.waiting.push(take)));
    try {
      if (client === this.main && this.names) {
        return await client.query<R>({ name: this.names.take(text), text, values });
      }
      return await client.query<R>(text, values);
    } finally {
      this.release(client);
    }
  };

  private release(client: ClientBase): void {
    const next = this.waiting.shift();
    if (next) next(client);
    else this.idle.push(client);
  }

  /**
   * Ends the transaction of the caller's client (which stays open) and closes the siblings; one
   * still connecting is closed when it gets there, without being waited for.
   */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([
      this.main.query('COMMIT'),
      ...this.siblings.map((client) => client.end().catch(() => undefined)),
    ]);
  }
}

/** Names of the statements a read prepares on a client, `pg_schema_<generation>_<hash of the text>`. */
interface PreparedNames {
  take(text: string): string;
}

/** Per client: the names prepared on it, and their generation. */
const preparedByClient = new WeakMap<ClientBase, { generation: number; names: Set<string> }>();

/**
 * The statement names for a read on `client`. pg remembers which names it prepared on a
 * connection and sends only Bind for them; if the server lost them since (a migration's
 * `DEALLOCATE ALL` or `DISCARD ALL` in the replay), that would fail. So the server's count of the
 * current generation's statements is checked first (one query), and when it is not the count we
 * made, the names move to a new generation, which pg has never seen and prepares again.
 */
async function preparedNames(client: ClientBase): Promise<PreparedNames> {
  let state = preparedByClient.get(client) ?? { generation: 1, names: new Set<string>() };
  const { rows } = await client.query<{ count: number }>(
    `SELECT count(*)::int AS count FROM pg_prepared_statements WHERE starts_with(name, $1)`,
    [`pg_schema_${state.generation}_`],
  );
  if (state.names.size !== rows[0].count) state = { generation: state.generation + 1, names: new Set() };
  preparedByClient.set(client, state);
  const { generation, names } = state;
  return {
    take(text) {
      const name = `pg_schema_${generation}_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
      names.add(name);
      return name;
    },
  };
}

/**
 * The session state a sibling takes over from the caller's client: its snapshot, its role, and
 * the settings that change how values print (a default's timestamp, interval or float literal).
 * A session started with SET SESSION AUTHORIZATION cannot be taken over by SET ROLE unless the
 * sibling's login may: then that sibling fails to start and is not used.
 */
interface SessionState {
  snapshot: string;
  role: string;
  timezone: string;
  datestyle: string;
  intervalstyle: string;
  extra_float_digits: string;
  bytea_output: string;
  /** max_connections less the connections open now. */
  free_connections: number;
}

/** Siblings are opened only while more connections than this are free (two per sibling). */
const FREE_CONNECTIONS_KEPT = 20;

const SETTINGS: Array<[string, Exclude<keyof SessionState, 'free_connections'>]> = [
  ['TimeZone', 'timezone'],
  ['DateStyle', 'datestyle'],
  ['IntervalStyle', 'intervalstyle'],
  ['extra_float_digits', 'extra_float_digits'],
  ['bytea_output', 'bytea_output'],
];

const SESSION_STATE_SQL = `SELECT pg_export_snapshot() AS snapshot, current_user AS role,
  ${SETTINGS.map(([name, key]) => `current_setting('${name}') AS ${key}`).join(', ')},
  current_setting('max_connections')::int - (SELECT count(*)::int FROM pg_stat_activity WHERE backend_type = 'client backend') AS free_connections`;

/**
 * How to open another connection like `client`: the pg.Client's own connection parameters, or
 * undefined when it has none (another ClientBase): then the read stays on one connection.
 */
function siblingConfig(client: ClientBase): pg.ClientConfig | undefined {
  const params = (client as { connectionParameters?: Record<string, unknown> }).connectionParameters;
  if (!params || typeof params.database !== 'string') return undefined;
  return {
    user: params.user as string | undefined,
    database: params.database,
    port: params.port as number | undefined,
    host: params.host as string | undefined,
    // Not enumerable on pg's ConnectionParameters (kept out of stack traces): read it directly.
    password: params.password as pg.ClientConfig['password'],
    ssl: params.ssl as pg.ClientConfig['ssl'],
    application_name: params.application_name as string | undefined,
    options: params.options as string | undefined,
  };
}

/**
 * A client for one reader of a sequence (the kinds, in registry order): its queries start at once,
 * but their results are handed over only after `turn` (every reader before it finished), so the
 * readers assemble the catalog in the same order as when they ran one after another.
 */
export function turnClient(query: Query, turn: Promise<unknown>): ClientBase {
  const ordered: Query = (text, values) => {
    const result = query(text, values);
    // Handled here so a query that fails before its turn is no unhandled rejection; the reader
    // still gets the failure.
    result.catch(() => undefined);
    return turn.then(() => result);
  };
  return { query: ordered } as unknown as ClientBase;
}

/**
 * A client whose first query of each given text is the result already asked for (`prefetched`):
 * readers whose queries do not depend on the catalog read before them get them started early.
 */
export function prefetchClient(query: Query, prefetched: Map<string, Promise<QueryResult>>): ClientBase {
  const take: Query = (text, values) => {
    const early = prefetched.get(text);
    if (!early) return query(text, values);
    prefetched.delete(text);
    return early;
  };
  return { query: take } as unknown as ClientBase;
}
