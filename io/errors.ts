// The errors met at the border (CONTRACT.md): a mistake in the user's input is
// printed without a stack trace, exit code 2; a run that failed for a reason the
// user can act on (the disk is full, a replay that does not reproduce its hash)
// is printed the same way, exit code 1. Anything else is a bug: `internal error`.
// They live here, below both cli/ and workers/, because reading the user's files
// (io/) and the page's worker host find such mistakes too; cli/errors.ts
// re-exports them for the commands.
//
// One family: `UserInputError` and its subclasses, plus the engine's own errors
// for a user's mistake (which cannot import this file: the engine does no I/O),
// recognized by name. Names survive a worker or comlink boundary, classes do not.

/** A mistake in the user's input: what is wrong, where (a path), and the fix. Exit 2. */
export class UserInputError extends Error {
  /** Each problem as `path: what was expected, got what; the fix` (the message joins them). */
  readonly problems: readonly string[];

  constructor(message: string, problems: readonly string[] = [message]) {
    super(message);
    this.name = 'UserInputError';
    this.problems = problems;
  }
}

/** A user's mistake in the options or files given to a command (the CLI's long-standing name). */
export class UserError extends UserInputError {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}

/** A run that could not finish for a reason the user can act on (not a bug, not their input). Exit 1. */
export class RunFailedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RunFailedError';
  }
}

/**
 * The names of the user-input family: this file's classes and the engine's
 * errors for a scenario, organization, shock, replay bundle or override the
 * user got wrong (engine/simulation.ts, organization.ts, shocks.ts, replay.ts,
 * scenario/overrides.ts).
 */
export const USER_INPUT_ERRORS: ReadonlySet<string> = new Set([
  'UserInputError',
  'UserError',
  'ScenarioError',
  'OrganizationError',
  'ShockError',
  'ReplayError',
  'OverrideError',
  'ModuleError',
  'ModuleFileError',
]);

/** True for an error of the user-input family (exit 2), by class or by name. */
export function isUserInputError(e: unknown): e is Error {
  return e instanceof UserInputError || (e instanceof Error && USER_INPUT_ERRORS.has(e.name));
}

/** Error codes of a write that found no room: the disk is full, the quota or the file size limit reached. */
const NO_ROOM: Readonly<Record<string, string>> = {
  ENOSPC: 'the disk is full (no space left on device)',
  EDQUOT: 'the disk quota is exceeded',
  EFBIG: 'the file is larger than this system allows (a file size limit, see `ulimit -f`)',
};

/** Why a write failed, in words, when it is a failure the user can fix (a full disk, a read-only disk…); else null. */
export function writeFailureReason(e: unknown): string | null {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  if (typeof code !== 'string') return null;
  if (Object.hasOwn(NO_ROOM, code)) return NO_ROOM[code]!;
  if (code === 'EROFS') return 'the file system is read-only';
  if (code === 'EIO') return 'the disk reported an input/output error';
  return null;
}

/**
 * A system error while writing `path` as a message a user can act on, or null
 * when it is not one of the write failures the user can fix (then it is a bug).
 */
export function writeFailure(e: unknown, path?: string): RunFailedError | null {
  const reason = writeFailureReason(e);
  if (reason === null) return null;
  const where = path !== undefined ? ` ${path}` : ' an output file';
  return new RunFailedError(`could not write${where}: ${reason}; nothing was left half-written — make room (or write elsewhere) and run again`);
}
