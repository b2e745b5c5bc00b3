/**
 * The local wiki's accounts and their passwords, generated once and kept in
 * DIR/credentials.json for the bot, the deploy script and the tests.
 */
import { randomInt } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export type UserRole = 'committee' | 'requester' | 'staff';

export interface LocalWikiUser {
	username: string;
	password: string;
	role: UserRole;
}

export interface LocalWikiCredentials {
	apiUrl: string;
	indexUrl: string;
	server: string;
	/** Sysop, bureaucrat and interface-admin; the bot password (`Admin@deploy`) is for deploying the gadget. */
	admin: { username: string; password: string; botUsername: string; botPassword: string };
	/** In the bot group; the bot logs in with the bot password `HelpdeskBot@helpdesk`. */
	bot: { username: string; password: string; botUsername: string; botPassword: string };
	users: LocalWikiUser[];
}

export const CREDENTIALS_FILE = 'credentials.json';

export const ADMIN = 'Admin';
export const BOT = 'HelpdeskBot';

/** Bot passwords: the app id and the least grants each use needs. */
export const BOT_APP = 'helpdesk';
export const BOT_GRANTS = [ 'basic', 'highvolume', 'editpage', 'createeditmovepage' ];
export const DEPLOY_APP = 'deploy';
export const DEPLOY_GRANTS = [ 'basic', 'highvolume', 'editpage', 'createeditmovepage', 'editinterface', 'editsiteconfig', 'protect' ];

/** Fictional people: members of the Expert Committee, people who send requests, and the helpdesk staff. */
export const PEOPLE: readonly { username: string; role: UserRole }[] = [
	{ username: 'Amara Okafor', role: 'committee' },
	{ username: 'Lucía Fernández', role: 'committee' },
	{ username: 'Kenji Watanabe', role: 'committee' },
	{ username: 'Requester One', role: 'requester' },
	{ username: 'Requester Two', role: 'requester' },
	{ username: 'Nadia Rahman', role: 'staff' },
];

function randomText( alphabet: string, length: number ): string {
	let text = '';
	for ( let i = 0; i < length; i++ ) {
		text += alphabet[ randomInt( alphabet.length ) ];
	}
	return text;
}

/** A password for an account (long enough for the sysop and bot password policies). */
export function newPassword(): string {
	return randomText( 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789', 20 );
}

/**
 * A bot password. MediaWiki only logs in with ≥ 32 characters of [0-9a-w]
 * (createBotPassword.php accepts others, but login then fails).
 */
export function newBotPassword(): string {
	return randomText( '0123456789abcdefghijklmnopqrstuvw', 32 );
}

export function wikiUrls( port: number ): Pick<LocalWikiCredentials, 'server' | 'apiUrl' | 'indexUrl'> {
	const server = `http://127.0.0.1:${ port }`;
	return { server: server, apiUrl: server + '/api.php', indexUrl: server + '/index.php' };
}

export function newCredentials( port: number ): LocalWikiCredentials {
	return {
		...wikiUrls( port ),
		admin: { username: ADMIN, password: newPassword(), botUsername: ADMIN + '@' + DEPLOY_APP, botPassword: newBotPassword() },
		bot: { username: BOT, password: newPassword(), botUsername: BOT + '@' + BOT_APP, botPassword: newBotPassword() },
		users: PEOPLE.map( ( person ) => ( { username: person.username, password: newPassword(), role: person.role } ) ),
	};
}

export async function readCredentials( dir: string ): Promise<LocalWikiCredentials> {
	return JSON.parse( await readFile( join( dir, CREDENTIALS_FILE ), 'utf8' ) ) as LocalWikiCredentials;
}

/** Written last when installing: its presence means the wiki is complete. */
export async function writeCredentials( dir: string, credentials: LocalWikiCredentials ): Promise<void> {
	const file = join( dir, CREDENTIALS_FILE );
	await writeFile( file + '.draft', JSON.stringify( credentials, null, '\t' ) + '\n', { mode: 0o600 } );
	await rename( file + '.draft', file );
}
