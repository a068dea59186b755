/**
 * A request the API refuses, with the status and the sentence the client
 * gets as `{ "error": ... }`. Routes throw it; the app's error handler
 * turns it into the response.
 */
export class ApiFailure extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 413 | 500 | 503,
    message: string,
  ) {
    super(message);
  }
}

export const badRequest = (message: string) => new ApiFailure(400, message);
export const notFound = (message: string) => new ApiFailure(404, message);
