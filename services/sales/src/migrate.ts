// Applies the sales migrations and exits: the Kubernetes migration Job / initContainer runs this.
import { migrateDatabase } from './database';

migrateDatabase().then(
  (result) =>
    console.log(`sales: ${result.mode}, ${result.applied.length} applied, ${result.skipped} already applied`),
  (error: Error) => {
    console.error(`sales: ${error.message}`);
    process.exitCode = 1;
  },
);
