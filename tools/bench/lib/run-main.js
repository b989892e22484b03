'use strict';
/** Runs a bench script's async main: exit 0 when it resolves, its stack on stderr and 1 when not. */
function runMain(main) {
  main().then(
    () => process.exit(0),
    (error) => {
      process.stderr.write(`${error && error.stack ? error.stack : error}\n`);
      process.exit(1);
    },
  );
}

module.exports = { runMain };
