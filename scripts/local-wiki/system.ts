/**
 * Debian's MediaWiki and PHP: where they live and how to get them.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { LocalWikiError } from './errors';

/** Debian's MediaWiki 1.39 (package `mediawiki`); also the web server's document root. */
export const MEDIAWIKI_DIR = '/usr/share/mediawiki';
export const PHP = '/usr/bin/php';
export const LUA = '/usr/bin/lua5.1';

const INSTALL_SCRIPT = fileURLToPath( new URL( '../install-system-packages.sh', import.meta.url ) );

/** Files whose presence shows the packages the wiki needs are installed. */
const REQUIRED_FILES = [
	PHP,
	LUA,
	MEDIAWIKI_DIR + '/maintenance/install.php',
	MEDIAWIKI_DIR + '/extensions-core/Scribunto/extension.json',
];

export function systemPackagesPresent(): boolean {
	return REQUIRED_FILES.every( ( file ) => existsSync( file ) );
}

/**
 * Install missing Debian packages with the project's script: as root it installs
 * them; otherwise it prints the `sudo apt-get …` line and we stop.
 */
export async function ensureSystemPackages(): Promise<void> {
	if ( systemPackagesPresent() ) {
		return;
	}
	const exitCode = await new Promise<number | null>( ( resolve, reject ) => {
		const child = spawn( 'bash', [ INSTALL_SCRIPT ], { stdio: 'inherit' } );
		child.on( 'error', reject );
		child.on( 'close', resolve );
	} );
	if ( exitCode !== 0 || !systemPackagesPresent() ) {
		throw new LocalWikiError( 'packages-missing', 'MediaWiki, PHP or Lua is not installed; install the Debian packages named above, then try again.' );
	}
}
