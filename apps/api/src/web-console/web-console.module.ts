import { AppConfig } from '@app/common';
import { type DynamicModule, Logger, type MiddlewareConsumer, Module, type NestModule, RequestMethod } from '@nestjs/common';
import { WebConsoleMiddleware } from './web-console.middleware.js';
import { hasBuiltConsole, resolveWebConsoleRoot, WEB_CONSOLE_ROOT } from './web-console-root.js';

export interface WebConsoleOptions {
  /**
   * Folder of the built console (`npm run build:web`). Default: the WEB_CONSOLE_DIR setting
   * (`dist/web`); relative to the working directory.
   */
  dir?: string;
}

/**
 * Serves the web console at `/` with single-page-app fallback. Without a build the api still
 * starts, with a warning, and `/` answers 404.
 */
@Module({})
export class WebConsoleModule implements NestModule {
  static forRoot(options: WebConsoleOptions = {}): DynamicModule {
    return {
      module: WebConsoleModule,
      providers: [
        {
          provide: WEB_CONSOLE_ROOT,
          inject: [AppConfig],
          useFactory: (config: AppConfig): string | null => {
            const root = resolveWebConsoleRoot(options.dir ?? config.WEB_CONSOLE_DIR);
            if (hasBuiltConsole(root)) return root;
            new Logger('WebConsole').warn(`No web console at ${root} (index.html missing): run \`npm run build:web\`. The api runs without it.`);
            return null;
          },
        },
      ],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(WebConsoleMiddleware).forRoutes({ path: '{*path}', method: RequestMethod.ALL });
  }
}
