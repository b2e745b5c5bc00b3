/**
 * Vite's import.meta.glob, as the i18n test uses it to read the gadget's sources
 * (this test project has no Node types).
 */
interface ImportMeta {
	glob<T>( pattern: string | string[], options: { query: '?raw'; import: 'default'; eager: true } ): Record<string, T>;
}
