/**
 * A real MediaWiki in a folder of its own: Debian's MediaWiki 1.39 on SQLite,
 * installed once, then reused.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, rm, rmdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import {
	ADMIN, BOT, BOT_APP, BOT_GRANTS, CREDENTIALS_FILE, DEPLOY_APP, DEPLOY_GRANTS,
	LocalWikiCredentials, newCredentials, readCredentials, wikiUrls, writeCredentials,
} from './accounts';
import { LocalWikiError } from './errors';
import { runMaintenance, runPhp } from './maintenance';
import { OPCACHE_BLACKLIST, SERVER_FILE, stopWiki, wikiStatus } from './server';
import { EXTENSIONS, EXTRA_SETTINGS_FILE, SKINS, setExtraSettings, updateSettingsBlock } from './settings';
import { ensureSystemPackages, MEDIAWIKI_DIR } from './system';

export interface LocalWiki {
	/** The folder holding all of the wiki's state. */
	dir: string;
	port: number;
	/** `http://127.0.0.1:PORT` */
	server: string;
	apiUrl: string;
	indexUrl: string;
	credentials: LocalWikiCredentials;
}

export interface LocalWikiOptions {
	dir: string;
	port: number;
	siteName?: string;
}

export const DEFAULT_SITE_NAME = 'Helpdesk local wiki';

const DB_NAME = 'helpdesk';
const PASSWORD_FILE = '.admin-password';

/** Everything this module puts in a wiki's folder; resetWiki deletes nothing else. */
const OWN_ENTRIES = [
	'LocalSettings.php', 'LocalSettings.php.draft', EXTRA_SETTINGS_FILE, EXTRA_SETTINGS_FILE + '.draft',
	CREDENTIALS_FILE, CREDENTIALS_FILE + '.draft', SERVER_FILE, PASSWORD_FILE, OPCACHE_BLACKLIST,
	'data', 'cache', 'images', 'logs',
];

async function entries( dir: string ): Promise<string[]> {
	try {
		return await readdir( dir );
	} catch {
		return [];
	}
}

/** Refuse to delete a folder holding anything a local wiki does not. */
async function assertOwnFolder( dir: string ): Promise<void> {
	const strangers = ( await entries( dir ) ).filter( ( entry ) => !OWN_ENTRIES.includes( entry ) );
	if ( strangers.length > 0 ) {
		throw new LocalWikiError( 'not-a-local-wiki', `${ dir } holds more than a local wiki (${ strangers.slice( 0, 3 ).join( ', ' ) }); not deleting it.` );
	}
}

function isInstalled( dir: string ): boolean {
	return existsSync( join( dir, CREDENTIALS_FILE ) ) && existsSync( join( dir, 'LocalSettings.php' ) );
}

function localWiki( dir: string, port: number, credentials: LocalWikiCredentials ): LocalWiki {
	return { dir: dir, port: port, ...wikiUrls( port ), credentials: credentials };
}

/**
 * The wiki in OPTIONS.dir, installed with its accounts if it is not yet. An
 * existing wiki is reused with its passwords; if its server is running, on its port.
 */
export async function createLocalWiki( options: LocalWikiOptions ): Promise<LocalWiki> {
	const dir = resolve( options.dir );
	await ensureSystemPackages();
	if ( isInstalled( dir ) ) {
		return reuse( dir, options.port );
	}
	// A folder left by an interrupted install: start again.
	await assertOwnFolder( dir );
	await stopWiki( { dir: dir } );
	for ( const entry of await entries( dir ) ) {
		await rm( join( dir, entry ), { recursive: true, force: true } );
	}
	await mkdir( dir, { recursive: true } );
	const credentials = newCredentials( options.port );
	await install( dir, credentials, options.siteName || DEFAULT_SITE_NAME );
	await createAccounts( dir, credentials );
	await writeCredentials( dir, credentials );
	return localWiki( dir, options.port, credentials );
}

async function reuse( dir: string, requestedPort: number ): Promise<LocalWiki> {
	const status = await wikiStatus( dir );
	const port = status.running && status.port !== undefined ? status.port : requestedPort;
	const credentials = await readCredentials( dir );
	if ( await updateSettingsBlock( dir ) ) {
		// New settings may load an extension that needs its tables.
		await runMaintenance( { dir: dir }, 'update.php', [ '--quick' ] );
	}
	const urls = wikiUrls( port );
	if ( credentials.apiUrl !== urls.apiUrl ) {
		Object.assign( credentials, urls );
		await writeCredentials( dir, credentials );
	}
	return localWiki( dir, port, credentials );
}

async function install( dir: string, credentials: LocalWikiCredentials, siteName: string ): Promise<void> {
	// A file, so that the password shows in no process list.
	const passwordFile = join( dir, PASSWORD_FILE );
	await writeFile( passwordFile, credentials.admin.password, { mode: 0o600 } );
	const env = { ...process.env };
	delete env.MW_CONFIG_FILE;
	try {
		await runPhp( [
			MEDIAWIKI_DIR + '/maintenance/install.php',
			'--dbtype', 'sqlite', '--dbpath', join( dir, 'data' ), '--dbname', DB_NAME,
			'--server', credentials.server, '--scriptpath', '', '--confpath', dir,
			'--passfile', passwordFile,
			'--skins', SKINS.join( ',' ), '--extensions', EXTENSIONS.join( ',' ),
			siteName, ADMIN,
		], { env: env, name: 'install.php' } );
	} finally {
		await rm( passwordFile, { force: true } );
	}
	await updateSettingsBlock( dir );
	for ( const folder of [ 'cache', 'images', 'logs' ] ) {
		await mkdir( join( dir, folder ), { recursive: true } );
	}
	await setExtraSettings( { dir: dir }, '' );
}

async function createAccounts( dir: string, credentials: LocalWikiCredentials ): Promise<void> {
	const wiki = { dir: dir };
	// One after another: measured, running them in parallel is no faster (each
	// script's time goes into starting MediaWiki, on two cores).
	// install.php made Admin a sysop, bureaucrat and interface administrator.
	await runMaintenance( wiki, 'createBotPassword.php', [
		'--appid', DEPLOY_APP, '--grants', DEPLOY_GRANTS.join( ',' ), ADMIN, credentials.admin.botPassword,
	] );
	await runMaintenance( wiki, 'createAndPromote.php', [ '--bot', BOT, credentials.bot.password ] );
	await runMaintenance( wiki, 'createBotPassword.php', [
		'--appid', BOT_APP, '--grants', BOT_GRANTS.join( ',' ), BOT, credentials.bot.botPassword,
	] );
	for ( const user of credentials.users ) {
		await runMaintenance( wiki, 'createAndPromote.php', [ user.username, user.password ] );
	}
}

/** Stop the wiki and delete its folder; false if there was none. */
export async function resetWiki( dir: string ): Promise<boolean> {
	const folder = resolve( dir );
	if ( !existsSync( folder ) ) {
		return false;
	}
	await assertOwnFolder( folder );
	await stopWiki( { dir: folder } );
	for ( const entry of await entries( folder ) ) {
		await rm( join( folder, entry ), { recursive: true, force: true } );
	}
	await rmdir( folder );
	return true;
}
