// Applies the alert-processor migrations and exits: the Kubernetes migration Job / initContainer runs this.
import { migrateDatabase } from './database';

migrateDatabase().then(
  (result) =>
    console.log(
      `alert-processor: ${result.mode}, ${result.applied.length} applied, ${result.skipped} already applied`,
    ),
  (error: Error) => {
    console.error(`alert-processor: ${error.message}`);
    process.exitCode = 1;
  },
);
