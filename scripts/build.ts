/**
 * Builds the gadget into dist/: the loader, the form module (with the English
 * messages) and one translation module per other language of gadget/i18n/, as
 * ES2017 IIFEs (Meta-Wiki refuses newer syntax in gadgets), the form's CSS, and
 * the gadget definition, which must define exactly those translation modules.
 * Each file starts with a banner naming the commit it was built from;
 * the scripts are wrapped in `// <nowiki>` guards so saving them on the wiki does
 * not expand signatures or substitutions in them.
 *
 * It also builds the bot into one ES module, dist/bot.mjs, for Node 20: the bot's
 * code, shared/ and the message files, with the versions of the bot and mwn built
 * in. The runtime dependencies of package.json stay outside it, imported from
 * node_modules (`npm ci --omit=dev`): they are exactly the lock file's, `npm audit
 * --omit=dev` sees them, and mwn's CommonJS dependencies (axios, tough-cookie,
 * form-data) run as their authors ship them rather than through a bundler's
 * require shim. Production runs `node dist/bot.mjs --once`, without tsx.
 *
 *     npm run build [-- --out DIR]
 */
import { execFileSync } from 'node:child_process';
import { isBuiltin } from 'node:module';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { HELPDESK_PAGE } from '../shared/pages';

export const ROOT = resolve( dirname( fileURLToPath( import.meta.url ) ), '..' );

/** The outputs, by their file name in dist/ (the page is `MediaWiki:Gadget-<name>`). */
export const SCRIPTS = [
	{ name: 'Gadget-HelpdeskLoader.js', entry: 'gadget/loader.ts' },
	{ name: 'Gadget-HelpdeskForm.js', entry: 'gadget/form/index.ts' },
	{ name: 'Gadget-HelpdeskOwn.js', entry: 'gadget/own/index.ts' },
] as const;
/** Messages of the HelpdeskOwn module (`helpdesk-own-*`), which carries them for every language: the form module stays as it is. */
export const OWN_MESSAGES_DIR = 'gadget/i18n/own';
export const STYLES = [ { name: 'Gadget-HelpdeskForm.css', entry: 'gadget/form/form.css' } ] as const;
export const DEFINITION = { name: 'Gadgets-definition.txt', source: 'gadget/Gadgets-definition.txt' } as const;
export const MESSAGES_DIR = 'gadget/i18n';
/** The entry of every translation module; the build defines its language and messages. */
export const TRANSLATION_ENTRY = 'gadget/translation-module.ts';

/** The gadget of the translation module of `language` (its page is `MediaWiki:Gadget-<gadget>.js`). */
export function translationGadget( language: string ): string {
	return 'HelpdeskForm-i18n-' + language;
}

/** Its line in Gadgets-definition.txt. */
export function translationDefinitionLine( language: string ): string {
	return '* ' + translationGadget( language ) + '[ResourceLoader|hidden|targets=desktop,mobile]|' + translationGadget( language ) + '.js';
}

/**
 * The languages that get a translation module: every message file of gadget/i18n/
 * but English (bundled into the form) and `qqq` (documentation), sorted.
 */
export function translationLanguages( messagesDir = join( ROOT, MESSAGES_DIR ) ): string[] {
	return readdirSync( messagesDir )
		.filter( ( file ) => file.endsWith( '.json' ) )
		.map( ( file ) => file.slice( 0, -'.json'.length ) )
		.filter( ( language ) => language !== 'en' && language !== 'qqq' )
		.map( ( language ) => {
			// A module name, a page title and a `wgUserLanguage` all in one: lower case, as MediaWiki's codes are.
			const [ base, ...subtags ] = language.split( '-' );
			if ( !/^[a-z]{2,3}$/.test( base ) || !subtags.every( ( subtag ) => /^[a-z0-9]+$/.test( subtag ) ) ) {
				throw new Error( MESSAGES_DIR + '/' + language + '.json: not a MediaWiki language code' );
			}
			return language;
		} )
		.sort();
}

/**
 * Where the gadget definition and the message files disagree: a translation
 * without its line, or a translation module defined without its message file.
 * Empty when they agree.
 */
export function translationDefinitionProblems( definition: string, languages: readonly string[] ): string[] {
	const problems: string[] = [];
	const lines = definition.split( '\n' ).map( ( line ) => line.trim() );
	languages.forEach( ( language ) => {
		if ( !lines.includes( translationDefinitionLine( language ) ) ) {
			problems.push( MESSAGES_DIR + '/' + language + '.json has no line `' + translationDefinitionLine( language ) + '` in ' + DEFINITION.source );
		}
	} );
	lines.forEach( ( line ) => {
		const defined = /^\*\s*HelpdeskForm-i18n-([^\s[|]+)/.exec( line );
		if ( defined && !languages.includes( defined[ 1 ] ) ) {
			problems.push( DEFINITION.source + ' defines ' + translationGadget( defined[ 1 ] ) + ' but there is no ' + MESSAGES_DIR + '/' + defined[ 1 ] + '.json' );
		}
	} );
	return problems;
}

export const TARGET = 'es2017';

export interface BuildInfo {
	/** Short commit hash, `-dirty` when the work tree has changes, or `unknown`. */
	commit: string;
	repository: string;
	/** Build day, UTC (`SOURCE_DATE_EPOCH` makes it reproducible). */
	date: string;
}

function git( args: string[] ): string | null {
	try {
		return execFileSync( 'git', args, { cwd: ROOT, encoding: 'utf8', stdio: [ 'ignore', 'pipe', 'ignore' ] } ).trim();
	} catch ( error ) {
		// No git, or not a repository (an unpacked release): the commit is unknown.
		if ( error instanceof Error ) {
			return null;
		}
		throw error;
	}
}

export function buildInfo(): BuildInfo {
	const hash = git( [ 'rev-parse', '--short', 'HEAD' ] );
	const dirty = hash !== null && ( git( [ 'status', '--porcelain' ] ) || '' ) !== '';
	const pkg = JSON.parse( readFileSync( join( ROOT, 'package.json' ), 'utf8' ) ) as { repository?: string | { url?: string } };
	const repository = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository && pkg.repository.url;
	const epoch = Number( process.env.SOURCE_DATE_EPOCH );
	const date = Number.isFinite( epoch ) && epoch > 0 ? new Date( epoch * 1000 ) : new Date();
	return {
		commit: hash ? hash + ( dirty ? '-dirty' : '' ) : 'unknown',
		repository: repository ? repository.replace( /^git\+/, '' ) : 'this repository',
		date: date.toISOString().slice( 0, 10 ),
	};
}

export function bannerText( info: BuildInfo ): string {
	return 'Built from commit ' + info.commit + ' of ' + info.repository + ' on ' + info.date +
		' — do not edit here; edit the source and redeploy';
}

/**
 * `</nowiki>` inside the code would end the guard early. In JavaScript it can only
 * stand in a string, template or regular expression, where `<\/` means the same.
 */
export function guardNowiki( code: string ): string {
	return code.replace( /<\/(nowiki)/gi, '<\\/$1' );
}

/**
 * esbuild writes `'\x01'` as the raw character, which MediaWiki replaces with U+FFFD
 * on save. In minified code it can only stand in a literal, where the escape means the same.
 */
export function escapeControls( code: string ): string {
	// eslint-disable-next-line no-control-regex -- these are the characters to find
	return code.replace( /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/g, ( ch ) => '\\x' + ( '0' + ch.charCodeAt( 0 ).toString( 16 ) ).slice( -2 ) );
}

export function wrapScript( code: string, info: BuildInfo ): string {
	return '// ' + bannerText( info ) + '\n// <nowiki>\n' + guardNowiki( escapeControls( code ) ).trimEnd() + '\n// </nowiki>\n';
}

export function wrapStyle( css: string, info: BuildInfo ): string {
	return '/* ' + bannerText( info ) + ' */\n' + css.trimEnd() + '\n';
}

/** A message file without its `@metadata` (authors are credited in the source). */
function messagesOf( path: string ): Record<string, unknown> {
	const messages = JSON.parse( readFileSync( path, 'utf8' ) ) as Record<string, unknown>;
	delete messages[ '@metadata' ];
	return messages;
}

/** The HelpdeskOwn module's messages, by language (English and every translation). */
function ownMessages( languages: readonly string[] ): Record<string, Record<string, unknown>> {
	const all: Record<string, Record<string, unknown>> = {};
	[ 'en' ].concat( languages ).forEach( ( language ) => {
		all[ language ] = messagesOf( join( ROOT, OWN_MESSAGES_DIR, language + '.json' ) );
	} );
	return all;
}

/** Message files go into the bundles as messagesOf() reads them. */
const messageFiles: esbuild.Plugin = {
	name: 'message-files',
	setup( pluginBuild ) {
		pluginBuild.onLoad( { filter: /[\\/]gadget[\\/]i18n[\\/][^\\/]+\.json$/ }, ( args ) => ( {
			contents: JSON.stringify( messagesOf( args.path ) ),
			loader: 'json',
		} ) );
	},
};

export interface BundledScript {
	name: string;
	code: string;
	/** Source files that went into it (relative to the project) and their bytes in the output. */
	inputs: Record<string, number>;
}

async function bundle( name: string, entry: string, minify: boolean, define: Record<string, string> ): Promise<BundledScript> {
	const result = await esbuild.build( {
		absWorkingDir: ROOT,
		entryPoints: [ entry ],
		bundle: true,
		format: 'iife',
		target: TARGET,
		platform: 'browser',
		minify: minify,
		write: false,
		outdir: 'dist',
		metafile: true,
		charset: 'utf8',
		legalComments: 'none',
		tsconfig: 'gadget/tsconfig.json',
		define: define,
		plugins: [ messageFiles ],
		logLevel: 'silent',
	} );
	const output = Object.values( result.metafile.outputs )[ 0 ];
	const inputs: Record<string, number> = {};
	// Leave out esbuild's `<define:NAME>` pseudo-files: the constants, not sources.
	Object.keys( output.inputs ).filter( ( input ) => input.indexOf( '<define:' ) !== 0 ).forEach( ( input ) => {
		inputs[ input ] = output.inputs[ input ].bytesInOutput;
	} );
	return { name: name, code: result.outputFiles[ 0 ].text, inputs: inputs };
}

/**
 * Bundle the gadget's scripts in memory: the loader, the form module, then the
 * translation modules in the order of `languages`.
 */
export async function bundleScripts( minify: boolean, info: BuildInfo, languages = translationLanguages() ): Promise<BundledScript[]> {
	const define = {
		HELPDESK_BUILD: JSON.stringify( info.commit ),
		HELPDESK_PAGE: JSON.stringify( HELPDESK_PAGE ),
		HELPDESK_TRANSLATIONS: JSON.stringify( languages ),
		HELPDESK_OWN_MESSAGES: JSON.stringify( ownMessages( languages ) ),
	};
	const bundles: BundledScript[] = [];
	for ( const script of SCRIPTS ) {
		bundles.push( await bundle( script.name, script.entry, minify, define ) );
	}
	for ( const language of languages ) {
		bundles.push( await bundle( 'Gadget-' + translationGadget( language ) + '.js', TRANSLATION_ENTRY, minify, Object.assign( {
			HELPDESK_TRANSLATION_LANGUAGE: JSON.stringify( language ),
			HELPDESK_TRANSLATION_MESSAGES: JSON.stringify( messagesOf( join( ROOT, MESSAGES_DIR, language + '.json' ) ) ),
		}, define ) ) );
	}
	return bundles;
}

export async function bundleStyles( minify: boolean ): Promise<{ name: string; code: string }[]> {
	const styles = [];
	for ( const style of STYLES ) {
		const result = await esbuild.transform( readFileSync( join( ROOT, style.entry ), 'utf8' ), {
			loader: 'css',
			minify: minify,
			charset: 'utf8',
			logLevel: 'silent',
		} );
		styles.push( { name: style.name, code: result.code } );
	}
	return styles;
}

export interface BuildResult {
	outDir: string;
	info: BuildInfo;
	files: { name: string; bytes: number }[];
	/** For each script, the source files bundled into it. */
	inputs: Record<string, string[]>;
}

/**
 * Build everything into `outDir`. Gadget pages left there by an earlier build
 * (a translation since removed) are deleted, so that they are not deployed.
 */
export async function build( outDir = join( ROOT, 'dist' ) ): Promise<BuildResult> {
	const info = buildInfo();
	const languages = translationLanguages();
	const problems = translationDefinitionProblems( readFileSync( join( ROOT, DEFINITION.source ), 'utf8' ), languages );
	if ( problems.length ) {
		throw new Error( 'The gadget definition and the translations disagree:\n  ' + problems.join( '\n  ' ) );
	}
	const scripts = await bundleScripts( true, info, languages );
	const styles = await bundleStyles( true );
	mkdirSync( outDir, { recursive: true } );
	const built = scripts.map( ( script ) => script.name ).concat( styles.map( ( style ) => style.name ) );
	readdirSync( outDir )
		.filter( ( file ) => /^Gadget-[\w-]+\.(js|css)$/.test( file ) && !built.includes( file ) )
		.forEach( ( file ) => unlinkSync( join( outDir, file ) ) );
	const files: { name: string; bytes: number }[] = [];
	const inputs: Record<string, string[]> = {};
	const write = ( name: string, text: string ): void => {
		writeFileSync( join( outDir, name ), text );
		files.push( { name: name, bytes: Buffer.byteLength( text ) } );
	};
	for ( const script of scripts ) {
		write( script.name, wrapScript( script.code, info ) );
		inputs[ script.name ] = Object.keys( script.inputs );
	}
	for ( const style of styles ) {
		write( style.name, wrapStyle( style.code, info ) );
	}
	copyFileSync( join( ROOT, DEFINITION.source ), join( outDir, DEFINITION.name ) );
	files.push( { name: DEFINITION.name, bytes: readFileSync( join( outDir, DEFINITION.name ) ).length } );
	return { outDir: outDir, info: info, files: files, inputs: inputs };
}

/** The bot's bundle, in the output folder. */
export const BOT = { name: 'bot.mjs', entry: 'bot/main.ts' } as const;
export const BOT_TARGET = 'node20';

interface PackageJson {
	version: string;
	dependencies?: Record<string, string>;
}

function packageJson( path: string ): PackageJson {
	return JSON.parse( readFileSync( path, 'utf8' ) ) as PackageJson;
}

/** The packages the bundle may import: the `dependencies` of package.json (`npm ci --omit=dev` installs them). */
export function runtimeDependencies(): string[] {
	return Object.keys( packageJson( join( ROOT, 'package.json' ) ).dependencies || {} ).sort();
}

/**
 * Build the bot into `outDir`/bot.mjs. Every import of a package is left to
 * node_modules; the build fails if the bot imports a package that is not a
 * runtime dependency (a development one would be missing in production).
 */
export async function buildBot( outDir = join( ROOT, 'dist' ), info = buildInfo() ): Promise<{ name: string; bytes: number; imports: string[] }> {
	const result = await esbuild.build( {
		absWorkingDir: ROOT,
		entryPoints: [ BOT.entry ],
		outfile: join( outDir, BOT.name ),
		bundle: true,
		format: 'esm',
		platform: 'node',
		target: BOT_TARGET,
		packages: 'external',
		// Folds `typeof HELPDESK_BOT_VERSION` away; names and layout stay readable in stack traces.
		minifySyntax: true,
		metafile: true,
		charset: 'utf8',
		legalComments: 'none',
		tsconfig: 'tsconfig.json',
		define: {
			HELPDESK_BOT_VERSION: JSON.stringify( packageJson( join( ROOT, 'package.json' ) ).version ),
			HELPDESK_MWN_VERSION: JSON.stringify( packageJson( join( ROOT, 'node_modules', 'mwn', 'package.json' ) ).version ),
		},
		banner: { js: '#!/usr/bin/env node\n// ' + bannerText( info ) },
		logLevel: 'silent',
	} );
	const output = result.metafile.outputs[ relative( ROOT, join( outDir, BOT.name ) ).split( '\\' ).join( '/' ) ];
	const imports = output.imports.filter( ( entry ) => entry.external ).map( ( entry ) => entry.path );
	const allowed = runtimeDependencies();
	const foreign = imports.filter( ( path ) => !isBuiltin( path ) && !allowed.includes( packageName( path ) ) );
	if ( foreign.length ) {
		throw new Error( 'The bot imports packages that are not runtime dependencies in package.json: ' + foreign.join( ', ' ) );
	}
	return { name: BOT.name, bytes: output.bytes, imports: imports };
}

/** `mwn` of `mwn/build/log.js`, `@scope/name` of `@scope/name/sub`. */
export function packageName( specifier: string ): string {
	const parts = specifier.split( '/' );
	return specifier.startsWith( '@' ) ? parts.slice( 0, 2 ).join( '/' ) : parts[ 0 ];
}

async function main(): Promise<void> {
	const at = process.argv.indexOf( '--out' );
	const outDir = at !== -1 && process.argv[ at + 1 ] ? resolve( process.argv[ at + 1 ] ) : join( ROOT, 'dist' );
	const result = await build( outDir );
	console.log( bannerText( result.info ) );
	const bot = await buildBot( outDir, result.info );
	result.files.concat( [ bot ] ).forEach( ( file ) => {
		console.log( '  ' + relative( process.cwd(), join( outDir, file.name ) ) + '  ' + file.bytes + ' bytes' );
	} );
}

if ( process.argv[ 1 ] && import.meta.url === pathToFileURL( process.argv[ 1 ] ).href ) {
	main().catch( ( error: unknown ) => {
		console.error( error instanceof Error ? error.message : error );
		process.exitCode = 1;
	} );
}
