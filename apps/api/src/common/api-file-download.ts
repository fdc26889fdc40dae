import { applyDecorators } from '@nestjs/common';
import { ApiOkResponse, ApiProduces } from '@nestjs/swagger';

/** Documents a route that answers a file (any type, as a download) instead of JSON. */
export function ApiFileDownload(): MethodDecorator {
  return applyDecorators(
    ApiProduces('application/octet-stream'),
    ApiOkResponse({ description: 'the file, with its own Content-Type, as an attachment', schema: { type: 'string', format: 'binary' } }),
  );
}
