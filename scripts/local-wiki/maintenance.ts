/**
 * MediaWiki's maintenance scripts, run against one local wiki.
 */
import { spawn } from 'node:child_process';
import { isAbsolute, join } from 'node:path';
import { LocalWikiError } from './errors';
import { MEDIAWIKI_DIR, PHP } from './system';

/** The environment that points MediaWiki (web and command line) at the wiki in DIR. */
export function wikiEnvironment( dir: string ): NodeJS.ProcessEnv {
	return { ...process.env, MW_CONFIG_FILE: join( dir, 'LocalSettings.php' ) };
}

/** Run PHP with ARGS; resolves to its standard output, rejects with the end of its output. */
export function runPhp(
	args: string[],
	options: { env?: NodeJS.ProcessEnv; stdin?: string; name: string },
): Promise<string> {
	return new Promise( ( resolve, reject ) => {
		const child = spawn( PHP, args, { env: options.env || process.env, stdio: [ 'pipe', 'pipe', 'pipe' ] } );
		let stdout = '';
		let stderr = '';
		child.stdout.setEncoding( 'utf8' ).on( 'data', ( chunk: string ) => {
			stdout += chunk;
		} );
		child.stderr.setEncoding( 'utf8' ).on( 'data', ( chunk: string ) => {
			stderr += chunk;
		} );
		child.on( 'error', reject );
		child.on( 'close', ( code ) => {
			if ( code === 0 ) {
				resolve( stdout );
				return;
			}
			// The arguments may hold passwords: name only the script.
			const output = ( stderr + '\n' + stdout ).trim().split( '\n' ).slice( -15 ).join( '\n' );
			reject( new LocalWikiError( 'maintenance-failed', `${ options.name } failed (exit code ${ code }):\n${ output }` ) );
		} );
		child.stdin.end( options.stdin || '' );
	} );
}

/**
 * Run a maintenance script (`edit.php`, `runJobs`, or a path relative to the
 * MediaWiki directory such as `extensions/AbuseFilter/maintenance/….php`).
 */
export function runMaintenance(
	wiki: { dir: string },
	script: string,
	args: string[],
	stdin?: string,
): Promise<string> {
	const name = /\.php$/.test( script ) ? script : script + '.php';
	const path = isAbsolute( name ) ? name :
		!name.includes( '/' ) ? join( MEDIAWIKI_DIR, 'maintenance', name ) : join( MEDIAWIKI_DIR, name );
	return runPhp( [ path, ...args ], { env: wikiEnvironment( wiki.dir ), stdin: stdin, name: script } );
}

/**
 * Save a page as Admin (an interface administrator, so MediaWiki: pages work too),
 * without the API: for setting a wiki up, not for what tests check.
 */
export async function editPageAsAdmin(
	wiki: { dir: string; credentials: { admin: { username: string } } },
	title: string,
	text: string,
	summary: string,
): Promise<void> {
	await runMaintenance( wiki, 'edit.php', [ '--user', wiki.credentials.admin.username, '--summary', summary, title ], text );
}
