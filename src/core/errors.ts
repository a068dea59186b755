/** Thrown for a document that cannot be coded at all; the caller reports it and goes on with the batch. */
export class DocumentError extends Error {}
