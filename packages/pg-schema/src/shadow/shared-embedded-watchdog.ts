/**
 * The shared embedded server's watchdog, run as `node -e WATCHDOG_SOURCE <state> <data> <idle ms>`
 * (a string, so it runs the same from dist and under the tests). Every 500 ms: leases whose pid is
 * dead are removed; once no lease has existed for the idle time it takes the lock, checks again,
 * stops the postmaster (SIGINT: fast shutdown, then SIGQUIT) and exits. It also exits when the
 * server is gone, and when another watchdog runs (watchdog.pid names a live one).
 */
export const WATCHDOG_SOURCE = String.raw`
const fs = require('fs');
const path = require('path');
const [state, data, idleArg] = process.argv.slice(1);
const idleMs = Number(idleArg);
const lockFile = path.join(state, 'lock');
const pidFile = path.join(state, 'watchdog.pid');
const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
const alive = (pid) => {
  try { process.kill(pid, 0); } catch (e) { if (e.code !== 'EPERM') return false; }
  try { return !/^\d+ \(.*\) Z/.test(fs.readFileSync('/proc/' + pid + '/stat', 'utf8')); } catch { return true; }
};
const read = (file) => { try { return fs.readFileSync(file, 'utf8'); } catch { return ''; } };
const other = Number(read(pidFile));
if (other > 0 && other !== process.pid && alive(other)) process.exit(0);
fs.writeFileSync(pidFile, String(process.pid), { mode: 0o600 });
const postmaster = () => Number(read(path.join(data, 'postmaster.pid')).split('\n')[0]) || 0;
const leases = () => {
  let names = [];
  try { names = fs.readdirSync(state).filter((n) => n.startsWith('lease-')); } catch { process.exit(0); }
  return names.filter((n) => {
    if (alive(Number(n.split('-')[1]))) return true;
    try { fs.unlinkSync(path.join(state, n)); } catch {}
    return false;
  });
};
let idleSince = Date.now();
setInterval(() => {
  const pm = postmaster();
  if (!pm || !alive(pm)) process.exit(0);
  if (leases().length > 0) { idleSince = Date.now(); return; }
  if (Date.now() - idleSince < idleMs) return;
  let fd;
  try { fd = fs.openSync(lockFile, 'wx', 0o600); fs.writeSync(fd, String(process.pid)); fs.closeSync(fd); }
  catch { const holder = Number(read(lockFile)); if (holder > 0 && !alive(holder)) { try { fs.unlinkSync(lockFile); } catch {} } return; }
  try {
    if (leases().length > 0) { idleSince = Date.now(); return; }
    for (const [sig, wait] of [['SIGINT', 15000], ['SIGQUIT', 5000], ['SIGKILL', 5000]]) {
      try { process.kill(pm, sig); } catch { break; }
      const deadline = Date.now() + wait;
      while (alive(pm) && Date.now() < deadline) sleep(20);
      if (!alive(pm)) break;
    }
  } finally {
    try { fs.unlinkSync(lockFile); } catch {}
  }
  try { fs.unlinkSync(pidFile); } catch {}
  process.exit(0);
}, 500);
`;
