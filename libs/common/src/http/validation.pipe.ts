import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';

/** Flattens nested validation errors into "field.path constraint" strings so the 400 names the field. */
function describe(errors: ValidationError[], parent = ''): string[] {
  return errors.flatMap((error) => {
    const path = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((text) =>
      text.startsWith(error.property) ? `${path}${text.slice(error.property.length)}` : `${path}: ${text}`,
    );
    return [...own, ...describe(error.children ?? [], path)];
  });
}

/** Whitelists, forbids unknown fields and transforms, for every DTO at the HTTP edge. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    exceptionFactory: (errors) => {
      const messages = describe(errors);
      return new BadRequestException({
        message: messages.join('; '),
        fields: errors.map((e) => e.property),
      });
    },
  });
}
