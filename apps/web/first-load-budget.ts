import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

/**
 * Fails the build when what the browser must download before the sign-in page or the shell can
 * show (the entry chunk, its static imports and their CSS) exceeds `limitKb` gzip-compressed.
 * Screens are lazy chunks and do not count.
 */
export function firstLoadBudget(limitKb: number): Plugin {
  return {
    name: 'first-load-budget',
    apply: 'build',
    generateBundle(_options, bundle) {
      const entry = Object.values(bundle).find((file) => file.type === 'chunk' && file.isEntry);
      if (!entry || entry.type !== 'chunk') return;
      const files = new Set<string>();
      const visit = (name: string) => {
        const file = bundle[name];
        if (!file || files.has(name)) return;
        files.add(name);
        if (file.type === 'chunk') {
          file.imports.forEach(visit);
          file.viteMetadata?.importedCss.forEach((css) => files.add(css));
        }
      };
      visit(entry.fileName);
      let bytes = 0;
      for (const name of files) {
        const file = bundle[name];
        if (!file) continue;
        bytes += gzipSync(file.type === 'chunk' ? file.code : file.source).length;
      }
      const kb = bytes / 1024;
      const summary = `first load (sign-in + shell): ${kb.toFixed(1)} KB gzip in ${files.size} files (budget ${limitKb} KB)`;
      if (kb > limitKb) this.error(`${summary}: too large; move code behind React.lazy or drop a dependency.`);
      this.info(summary);
    },
  };
}
