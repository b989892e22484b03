// Applies the auth migrations and exits: the Kubernetes migration Job / initContainer runs this.
import { migrateDatabase } from './database';

migrateDatabase().then(
  (result) =>
    console.log(`auth: ${result.mode}, ${result.applied.length} applied, ${result.skipped} already applied`),
  (error: Error) => {
    console.error(`auth: ${error.message}`);
    process.exitCode = 1;
  },
);
