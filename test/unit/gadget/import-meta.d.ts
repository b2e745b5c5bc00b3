/**
 * Vite's import.meta.glob, as the gadget's tests use it to read the gadget's
 * sources and message files (this test project has no Node types).
 */
interface ImportMeta {
	glob<T>( pattern: string | string[], options: { query?: '?raw'; import: 'default'; eager: true } ): Record<string, T>;
}
