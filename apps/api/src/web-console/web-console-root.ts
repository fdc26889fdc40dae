import { existsSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';

/** Injection token: the folder of the built console, or null when there is none (the api then runs without it). */
export const WEB_CONSOLE_ROOT = Symbol('WEB_CONSOLE_ROOT');

/** The console folder, relative paths taken from the working directory (the repository root under `npm start`, /app in the image). */
export function resolveWebConsoleRoot(dir: string, cwd: string = process.cwd()): string {
  return isAbsolute(dir) ? dir : resolve(cwd, dir);
}

export function hasBuiltConsole(root: string): boolean {
  return existsSync(join(root, 'index.html'));
}
