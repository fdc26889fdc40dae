/** An error answer of the api (`{statusCode, error, message}`), or status 0 when the server could not be reached. */
export class ApiError extends Error {
  readonly status: number;
  readonly error: string;
  /** Extra fields of the error body, e.g. the domain error `code`. */
  readonly details: Record<string, unknown>;

  constructor(status: number, error: string, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.error = error;
    this.details = details;
  }

  get isNetwork(): boolean {
    return this.status === 0;
  }
}

/** Builds an ApiError from whatever the server sent; keeps the api's own message when there is one. */
export function toApiError(body: unknown, status: number, statusText = ''): ApiError {
  if (typeof body === 'object' && body !== null) {
    const { statusCode, error, message, ...rest } = body as Record<string, unknown>;
    const text = Array.isArray(message) ? message.join('; ') : typeof message === 'string' ? message : '';
    return new ApiError(
      typeof statusCode === 'number' ? statusCode : status,
      typeof error === 'string' ? error : statusText,
      text || statusText || `HTTP ${status}`,
      rest,
    );
  }
  const text = typeof body === 'string' && body.trim() && body.length < 300 && !body.trimStart().startsWith('<') ? body.trim() : '';
  return new ApiError(status, statusText, text || statusText || `HTTP ${status}`);
}

export function networkError(cause: unknown): ApiError {
  const error = new ApiError(0, 'Network Error', cause instanceof Error ? cause.message : 'the server could not be reached');
  return error;
}

/** Whether a failed query is worth retrying by itself: only when the server was unreachable or failed. */
export function isRetryable(error: unknown): boolean {
  return error instanceof ApiError ? error.status === 0 || error.status >= 500 : false;
}
