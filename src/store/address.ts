/**
 * A store's location: a SQLite file's path, or a PostgreSQL server's address
 * (`postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE`). A password in an
 * address is never shown: messages, the store's `location` and the commands
 * recorded with each run carry the address without it.
 */

/** Whether a store location is a database server's address (`postgres://...`) rather than a file. */
export const isServerAddress = (location: string): boolean => /^postgres(ql)?:\/\//i.test(location);

/** The text with the password of any address in it replaced by `***` (an argument such as `--db=postgres://...` too). */
export function redactAddress(text: string): string {
  return text.replace(/(postgres(?:ql)?:\/\/[^:@/\s]*):[^@/\s]*@/gi, "$1:***@");
}
