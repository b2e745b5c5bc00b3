/**
 * Builds the gadget into dist/: the loader and the form module as ES2017 IIFEs
 * (Meta-Wiki refuses newer syntax in gadgets), the form's CSS, and the gadget
 * definition. Each file starts with a banner naming the commit it was built from;
 * the scripts are wrapped in `// <nowiki>` guards so saving them on the wiki does
 * not expand signatures or substitutions in them.
 *
 *     npm run build [-- --out DIR]
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { HELPDESK_PAGE } from '../shared/pages';

export const ROOT = resolve( dirname( fileURLToPath( import.meta.url ) ), '..' );

/** The outputs, by their file name in dist/ (the page is `MediaWiki:Gadget-<name>`). */
export const SCRIPTS = [
	{ name: 'Gadget-HelpdeskLoader.js', entry: 'gadget/loader.ts' },
	{ name: 'Gadget-HelpdeskForm.js', entry: 'gadget/form/index.ts' },
] as const;
export const STYLES = [ { name: 'Gadget-HelpdeskForm.css', entry: 'gadget/form/form.css' } ] as const;
export const DEFINITION = { name: 'Gadgets-definition.txt', source: 'gadget/Gadgets-definition.txt' } as const;

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

/**
 * Message files go into the form module without their `@metadata` (authors are
 * credited in the source). `englishOnly` leaves the translations out, to measure.
 */
function messageFiles( englishOnly: boolean ): esbuild.Plugin {
	return {
		name: 'message-files',
		setup( pluginBuild ) {
			pluginBuild.onLoad( { filter: /[\\/]gadget[\\/]i18n[\\/][^\\/]+\.json$/ }, ( args ) => {
				const messages = JSON.parse( readFileSync( args.path, 'utf8' ) ) as Record<string, unknown>;
				delete messages[ '@metadata' ];
				const english = /[\\/]en\.json$/.test( args.path );
				return { contents: englishOnly && !english ? '{}' : JSON.stringify( messages ), loader: 'json' };
			} );
		},
	};
}

export interface BundledScript {
	name: string;
	code: string;
	/** Source files that went into it (relative to the project) and their bytes in the output. */
	inputs: Record<string, number>;
}

/** Bundle the gadget's scripts in memory. */
export async function bundleScripts( minify: boolean, info: BuildInfo, englishOnly = false ): Promise<BundledScript[]> {
	const bundles: BundledScript[] = [];
	for ( const script of SCRIPTS ) {
		const result = await esbuild.build( {
			absWorkingDir: ROOT,
			entryPoints: [ script.entry ],
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
			define: { HELPDESK_BUILD: JSON.stringify( info.commit ), HELPDESK_PAGE: JSON.stringify( HELPDESK_PAGE ) },
			plugins: [ messageFiles( englishOnly ) ],
			logLevel: 'silent',
		} );
		const output = Object.values( result.metafile.outputs )[ 0 ];
		const inputs: Record<string, number> = {};
		Object.keys( output.inputs ).forEach( ( input ) => {
			inputs[ input ] = output.inputs[ input ].bytesInOutput;
		} );
		bundles.push( { name: script.name, code: result.outputFiles[ 0 ].text, inputs: inputs } );
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

/** Build everything into `outDir`. */
export async function build( outDir = join( ROOT, 'dist' ) ): Promise<BuildResult> {
	const info = buildInfo();
	mkdirSync( outDir, { recursive: true } );
	const files: { name: string; bytes: number }[] = [];
	const inputs: Record<string, string[]> = {};
	const write = ( name: string, text: string ): void => {
		writeFileSync( join( outDir, name ), text );
		files.push( { name: name, bytes: Buffer.byteLength( text ) } );
	};
	for ( const script of await bundleScripts( true, info ) ) {
		write( script.name, wrapScript( script.code, info ) );
		inputs[ script.name ] = Object.keys( script.inputs );
	}
	for ( const style of await bundleStyles( true ) ) {
		write( style.name, wrapStyle( style.code, info ) );
	}
	copyFileSync( join( ROOT, DEFINITION.source ), join( outDir, DEFINITION.name ) );
	files.push( { name: DEFINITION.name, bytes: readFileSync( join( outDir, DEFINITION.name ) ).length } );
	return { outDir: outDir, info: info, files: files, inputs: inputs };
}

async function main(): Promise<void> {
	const at = process.argv.indexOf( '--out' );
	const outDir = at !== -1 && process.argv[ at + 1 ] ? resolve( process.argv[ at + 1 ] ) : join( ROOT, 'dist' );
	const result = await build( outDir );
	console.log( bannerText( result.info ) );
	result.files.forEach( ( file ) => {
		console.log( '  ' + relative( process.cwd(), join( outDir, file.name ) ) + '  ' + file.bytes + ' bytes' );
	} );
}

if ( process.argv[ 1 ] && import.meta.url === pathToFileURL( process.argv[ 1 ] ).href ) {
	main().catch( ( error: unknown ) => {
		console.error( error instanceof Error ? error.message : error );
		process.exitCode = 1;
	} );
}
