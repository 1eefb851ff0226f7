// A mistake in the user's input: printed without a stack trace, exit code 2 (CONTRACT.md).
// Declared in io/errors.ts, below cli/ and workers/, which both read the user's files.
export { UserError } from '../io/errors.ts';
