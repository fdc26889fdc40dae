import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import type { Response } from 'express';
import { DOMAIN_ERROR_STATUS, DomainError } from '../errors/domain-error.js';

interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  [extra: string]: unknown;
}

/** Gives every error the one JSON shape `{statusCode, error, message}`; unknown errors are logged and become a plain 500. */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(exception);
    if (body.statusCode >= 500) this.logger.error(exception);
    if (response.headersSent) return;
    response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): ErrorBody {
    if (exception instanceof DomainError) {
      const statusCode = DOMAIN_ERROR_STATUS[exception.code];
      return {
        statusCode,
        error: STATUS_CODES[statusCode] ?? 'Error',
        message: exception.message,
        code: exception.code,
        ...exception.details,
      };
    }
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      const res = exception.getResponse();
      let message = exception.message;
      let extra: Record<string, unknown> = {};
      if (typeof res === 'object' && res !== null) {
        const { message: m, statusCode: _s, error: _e, ...rest } = res as Record<string, unknown>;
        if (Array.isArray(m)) message = m.join('; ');
        else if (typeof m === 'string') message = m;
        extra = rest;
      } else if (typeof res === 'string') {
        message = res;
      }
      return {
        statusCode,
        error: STATUS_CODES[statusCode] ?? 'Error',
        message,
        ...extra,
      };
    }
    if (isBodyParserError(exception)) {
      const statusCode = exception.status;
      const message =
        exception.type === 'entity.too.large'
          ? 'request body is too large'
          : 'request body is not valid ' + (exception.type === 'entity.parse.failed' ? 'JSON' : 'input');
      return {
        statusCode,
        error: STATUS_CODES[statusCode] ?? 'Error',
        message,
      };
    }
    const statusCode = HttpStatus.INTERNAL_SERVER_ERROR;
    return {
      statusCode,
      error: 'Internal Server Error',
      message: 'Something went wrong on our side; it has been logged.',
    };
  }
}

function isBodyParserError(e: unknown): e is { status: number; type: string } {
  return (
    typeof e === 'object' &&
    e !== null &&
    typeof (e as { status?: unknown }).status === 'number' &&
    typeof (e as { type?: unknown }).type === 'string' &&
    (e as { status: number }).status >= 400 &&
    (e as { status: number }).status < 500
  );
}
