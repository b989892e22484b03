// Applies the tenant migrations and exits: the Kubernetes migration Job / initContainer runs this.
import { migrateDatabase } from './database';

migrateDatabase().then(
  (result) =>
    console.log(
      `tenant: ${result.mode}, ${result.applied.length} applied, ${result.skipped} already applied`,
    ),
  (error: Error) => {
    console.error(`tenant: ${error.message}`);
    process.exitCode = 1;
  },
);
