// The inventory service: brings its database to the latest migration, then answers /healthz.
import { createServer } from 'node:http';
import { migrateDatabase } from './database';

async function main(): Promise<void> {
  const result = await migrateDatabase();
  console.log(
    `inventory: database ${result.mode} (${result.applied.length} applied, ${result.skipped} already) in ${result.durationMs} ms`,
  );
  if (process.argv.includes('--once')) return;
  const port = Number(process.env.PORT ?? 8000);
  createServer((request, response) => {
    const healthy = request.url === '/healthz';
    response.writeHead(healthy ? 200 : 404, { 'content-type': 'application/json' });
    response.end(JSON.stringify(healthy ? { service: 'inventory', status: 'ok' } : { error: 'not found' }));
  }).listen(port, () => console.log(`inventory: listening on :${port}`));
}

main().catch((error: Error) => {
  console.error(`inventory: ${error.message}`);
  process.exitCode = 1;
});
