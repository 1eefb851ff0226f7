// One sweep at a time in an output directory: two sweeps appending to one
// journal would interleave their lines and each rewrite the other's result
// files. The lock is a file, DIR/.lock, created exclusively (O_EXCL) and holding
// the owner's host and process id. A lock left by a sweep that was killed
// (kill -9, a node that went down) on this host is taken over when that process
// no longer exists; one from another host (a shared cluster disk) cannot be
// checked from here, so the message names the file to remove.
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { UserError } from '../errors.ts';

export const LOCK = '.lock';

interface Owner {
  host: string;
  pid: number;
}

/** Takes DIR's lock or throws a UserError naming who holds it; returns the release. */
export function lockSweepDir(dir: string): () => void {
  const path = join(dir, LOCK);
  const me: Owner = { host: hostname(), pid: process.pid };
  for (let attempt = 0; attempt < 2; attempt++) {
    let fd: number;
    try {
      fd = openSync(path, 'wx');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const owner = readOwner(path);
      if (owner !== null && owner.host === me.host && !alive(owner.pid)) {
        rmSync(path, { force: true }); // left by a sweep that no longer runs: take it over
        continue;
      }
      const who = owner === null ? 'another sweep' : `process ${owner.pid} on ${owner.host}`;
      throw new UserError(`--out ${dir}: ${who} is running a sweep there (${path}); wait for it to finish, or remove ${path} if that sweep is gone`);
    }
    writeSync(fd, JSON.stringify(me));
    closeSync(fd);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      rmSync(path, { force: true });
    };
  }
  throw new UserError(`--out ${dir}: could not take ${path}; another sweep is starting there`);
}

function readOwner(path: string): Owner | null {
  try {
    const o = JSON.parse(readFileSync(path, 'utf8')) as Owner;
    return typeof o.host === 'string' && Number.isInteger(o.pid) ? o : null;
  } catch {
    return null; // being written this instant, or torn: treat as held
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'; // exists, but not ours to signal
  }
}
