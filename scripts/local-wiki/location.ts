/**
 * Where the developer's local wiki lives: one folder and one port, the same for
 * every command (`npm start`, `npm run wiki`, the bot, deploy, import).
 * `HELPDESK_WIKI_DIR` (default: `.wiki/` in the project) and `HELPDESK_WIKI_PORT`
 * (default 8089). Light on purpose: the bot imports it.
 */
import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CREDENTIALS_FILE } from './accounts';
import { LocalWikiError } from './errors';

export const DEFAULT_PORT = 8089;

/** The project's folder; read only when asked, so that a bundle need not know it. */
function projectDir(): string {
	return fileURLToPath( new URL( '../..', import.meta.url ) );
}

/**
 * The local wiki's folder: `HELPDESK_WIKI_DIR` (relative to the working folder, the
 * project's under npm) or `.wiki/` in PROJECT.
 */
export function localWikiDir( env: NodeJS.ProcessEnv, project?: string ): string {
	return env.HELPDESK_WIKI_DIR ? resolve( env.HELPDESK_WIKI_DIR ) : join( project || projectDir(), '.wiki' );
}

/** The local wiki's credentials file, which the bot, deploy and import read. */
export function localCredentialsFile( env: NodeJS.ProcessEnv, project?: string ): string {
	return join( localWikiDir( env, project ), CREDENTIALS_FILE );
}

/** VALUE as a TCP port; NAME says where it came from, for the message. */
export function parsePort( value: string, name: string ): number {
	const number = /^\d{1,5}$/.test( value.trim() ) ? Number( value.trim() ) : NaN;
	if ( !Number.isInteger( number ) || number < 1 || number > 65535 ) {
		throw new LocalWikiError( 'invalid-location', `${ name } is "${ value }": not a port (a whole number from 1 to 65535).` );
	}
	return number;
}

/** The port the local wiki is started on: `HELPDESK_WIKI_PORT` or 8089. */
export function localWikiPort( env: NodeJS.ProcessEnv = process.env ): number {
	return env.HELPDESK_WIKI_PORT ? parsePort( env.HELPDESK_WIKI_PORT, 'HELPDESK_WIKI_PORT' ) : DEFAULT_PORT;
}

/** Refuse a DIR that exists but is not a folder; NAME says where it came from, for the message. */
export function assertWikiFolder( dir: string, name = 'HELPDESK_WIKI_DIR' ): void {
	const stat = statSync( dir, { throwIfNoEntry: false } );
	if ( stat && !stat.isDirectory() ) {
		throw new LocalWikiError( 'invalid-location', `${ name } is "${ dir }", which is a file, not a folder.` );
	}
}
