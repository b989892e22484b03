'use strict';
/**
 * A throw-away Nx workspace beside the repo (see shared notes "Testing"): the repo's nx.json and
 * tsconfig.base.json, node_modules linked to the repo's, and N services copied from services/*
 * (the 14 real ones, then renamed copies of them: `auth-2`, `tenant-2`, ...).
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { repoRoot } = require('./options.js');

const SERVICE_FILES = ['migrate.config.json', 'package.json', 'tsconfig.json', 'models', 'migrations', 'src'];

function realServices() {
  const dir = path.join(repoRoot, 'services');
  return fs
    .readdirSync(dir)
    .filter((name) => fs.existsSync(path.join(dir, name, 'migrate.config.json')))
    .sort();
}

function copyService(source, target, name) {
  fs.mkdirSync(target, { recursive: true });
  for (const entry of SERVICE_FILES) {
    const from = path.join(source, entry);
    if (fs.existsSync(from)) fs.cpSync(from, path.join(target, entry), { recursive: true });
  }
  const pkgFile = path.join(target, 'package.json');
  const pkg = JSON.parse(fs.readFileSync(pkgFile, 'utf8'));
  pkg.name = `@bench/${name}-service`;
  pkg.nx = { ...(pkg.nx ?? {}), name };
  fs.writeFileSync(pkgFile, `${JSON.stringify(pkg, null, 2)}\n`);
  const configFile = path.join(target, 'migrate.config.json');
  const config = JSON.parse(fs.readFileSync(configFile, 'utf8'));
  config.service = name;
  config.databaseUrlEnv = `${name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_DATABASE_URL`;
  fs.writeFileSync(configFile, `${JSON.stringify(config, null, 2)}\n`);
}

function createNxWorkspace(serviceCount) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), `bench-nx-${serviceCount}-`));
  fs.copyFileSync(path.join(repoRoot, 'nx.json'), path.join(root, 'nx.json'));
  fs.copyFileSync(path.join(repoRoot, 'tsconfig.base.json'), path.join(root, 'tsconfig.base.json'));
  fs.writeFileSync(
    path.join(root, 'package.json'),
    `${JSON.stringify({ name: 'bench-nx-workspace', private: true, workspaces: ['services/*'] }, null, 2)}\n`,
  );
  fs.symlinkSync(path.join(repoRoot, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  const sources = realServices();
  const names = [];
  for (let i = 0; i < serviceCount; i++) {
    const base = sources[i % sources.length];
    const round = Math.floor(i / sources.length);
    const name = round === 0 ? base : `${base}-${round + 1}`;
    copyService(path.join(repoRoot, 'services', base), path.join(root, 'services', name), name);
    names.push(name);
  }
  return { root, names, sources };
}

module.exports = { createNxWorkspace };
