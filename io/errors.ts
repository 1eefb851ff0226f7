// A mistake in the user's input: the command prints it without a stack trace
// and exits with code 2 (CONTRACT.md). It lives here, below both cli/ and
// workers/, because reading the user's files (io/) can find such mistakes for
// either; cli/errors.ts re-exports it for the commands.
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}
