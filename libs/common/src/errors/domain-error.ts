/**
 * Codes for errors that come from business rules rather than from HTTP.
 * One filter maps them to statuses, so services never think in HTTP.
 */
export type DomainErrorCode =
  | 'not_found'
  | 'invalid_input'
  | 'conflict'
  | 'invalid_transition'
  | 'forbidden'
  | 'unauthenticated'
  | 'rate_limited'
  | 'gone'
  | 'unprocessable'
  | 'unavailable';

export const DOMAIN_ERROR_STATUS: Record<DomainErrorCode, number> = {
  invalid_input: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  invalid_transition: 409,
  gone: 410,
  unprocessable: 422,
  rate_limited: 429,
  unavailable: 503,
};

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    /** Extra machine-readable facts for the client, e.g. the list of missing documents. */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }

  static notFound(what: string, id?: string): DomainError {
    return new DomainError('not_found', id ? `${what} ${id} was not found` : `${what} was not found`);
  }
}
