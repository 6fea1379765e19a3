/**
 * Lets Node import the site's modules outside Astro. They import their message files the Vite
 * way (import zh from './zh.json'); Node wants the import attribute that Vite does without.
 * Call before importing them, with import(): a static import is loaded before any code runs.
 */
import { registerHooks } from 'node:module';

export function allowSiteImports(): void {
  registerHooks({
    load(url, context, nextLoad) {
      if (url.startsWith('file:') && url.endsWith('.json')) return nextLoad(url, { ...context, importAttributes: { ...context.importAttributes, type: 'json' } });
      return nextLoad(url, context);
    },
  });
}
