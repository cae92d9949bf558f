/** Raised when an index file cannot be fetched. It is never cached: the next call fetches again. */
export class IndexUnavailableError extends Error {
  constructor(path: string, cause: unknown) {
    super(`the index could not be loaded (${path}: ${cause instanceof Error ? cause.message : String(cause)})`);
    this.name = 'IndexUnavailableError';
  }
}
