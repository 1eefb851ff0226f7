// The errors of the border (exit 2 for the user's input, 1 for a failed run the
// user can act on, `internal error` for bugs): declared in io/errors.ts, below
// cli/ and workers/, which both meet the user's mistakes.
export { isUserInputError, RunFailedError, USER_INPUT_ERRORS, UserError, UserInputError, writeFailure, writeFailureReason } from '../io/errors.ts';
