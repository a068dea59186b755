/**
 * A database failure the user can act on (./errors.ts says which). Apart from
 * the code that raises it, so that the command line can recognise one without
 * loading any database driver.
 */
export class StoreError extends Error {}
