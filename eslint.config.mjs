/**
 * ESLint's flat configuration. eslint-config-wikimedia publishes its
 * configurations in the eslintrc format only, so FlatCompat reads them.
 */
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import { FlatCompat } from '@eslint/eslintrc';

const compat = new FlatCompat( {
	baseDirectory: fileURLToPath( new URL( '.', import.meta.url ) ),
	recommendedConfig: js.configs.recommended
} );

/** Rules TypeScript's compiler makes unneeded, or that this code does not follow. */
const TYPESCRIPT_RULES = {
	'n/no-missing-import': 'off',
	'n/no-unpublished-import': 'off',
	'n/no-unsupported-features/node-builtins': 'off',
	'es-x/no-regexp-lookbehind-assertions': 'off',
	'security/detect-non-literal-regexp': 'off',
	'jsdoc/require-param': 'off',
	'jsdoc/require-returns': 'off',
	'jsdoc/require-param-type': 'off',
	'jsdoc/require-returns-type': 'off',
	'max-len': 'off',
	'no-use-before-define': 'off',
	'es-x/no-string-prototype-replaceall': 'off',
	'security/detect-non-literal-fs-filename': 'off',
	'jsdoc/require-jsdoc': 'off'
};

export default [
	{
		ignores: [ 'node_modules/', 'dist/', '.wiki/', 'test-artifacts/', 'package.json', 'package-lock.json' ]
	},
	...compat.config( {
		extends: [ 'wikimedia/server' ],
		overrides: [
			{
				files: [ '**/*.ts' ],
				extends: [ 'wikimedia/server', 'wikimedia/language/es2022', 'wikimedia/typescript' ],
				parserOptions: { sourceType: 'module' },
				rules: TYPESCRIPT_RULES
			},
			{
				// Code that runs in the browser: client rules, ES2017, and no lookbehind
				// in regular expressions.
				files: [ 'gadget/**/*.ts', 'shared/**/*.ts' ],
				extends: [ 'wikimedia/client', 'wikimedia/language/es2017', 'wikimedia/typescript' ],
				env: { browser: true },
				rules: { ...TYPESCRIPT_RULES, 'es-x/no-regexp-lookbehind-assertions': 'error' }
			}
		]
	} ),
	{
		// Wikimedia's limit is 100 at tab width 4. This code's descriptive names and
		// one-line signatures would need some 400 lines rewrapped for it; 140 catches
		// the lines that are too long to read.
		files: [ 'bot/**/*.ts', 'shared/**/*.ts', 'gadget/**/*.ts', 'scripts/**/*.ts' ],
		rules: {
			'max-len': [ 'error', {
				code: 140,
				tabWidth: 4,
				ignorePattern: '^\\s*// eslint-.+',
				ignoreUrls: true,
				ignoreComments: false,
				ignoreRegExpLiterals: true,
				ignoreStrings: true,
				ignoreTemplateLiterals: true
			} ]
		}
	}
];
