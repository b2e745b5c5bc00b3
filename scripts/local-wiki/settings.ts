/**
 * The local wiki's settings: a block appended to the LocalSettings.php that
 * install.php wrote, and a file of extra settings that tests write and remove.
 */
import { execFile } from 'node:child_process';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { LocalWikiError } from './errors';
import { LUA, PHP } from './system';

const BLOCK_START = '# BEGIN Helpdesk local wiki settings';
const BLOCK_END = '# END Helpdesk local wiki settings';

export const EXTRA_SETTINGS_FILE = 'LocalSettings.local.php';

/** What Meta-Wiki has and the Helpdesk relies on; bundled with Debian's MediaWiki. */
export const EXTENSIONS = [
	'Gadgets', 'ParserFunctions', 'Scribunto', 'TemplateData', 'Cite',
	'ConfirmEdit', 'AbuseFilter', 'SpamBlacklist', 'TitleBlacklist',
] as const;
export const SKINS = [ 'Vector', 'MinervaNeue' ] as const;

/** A PHP single-quoted string literal. */
export function phpString( text: string ): string {
	return "'" + text.replace( /\\/g, '\\\\' ).replace( /'/g, "\\'" ) + "'";
}

/** Settings appended to LocalSettings.php; rewritten on every start so changes here apply. */
export function localSettingsBlock(): string {
	return `${ BLOCK_START }
# State stays in this folder: the defaults under /var/lib are Debian's and root's.
$wgCacheDirectory = __DIR__ . '/cache';
$wgUploadDirectory = __DIR__ . '/images';
$wgDebugLogGroups['exception'] = __DIR__ . '/logs/mediawiki-errors.log';
$wgDebugLogGroups['error'] = __DIR__ . '/logs/mediawiki-errors.log';
$wgShowExceptionDetails = true;

# Both 127.0.0.1 and localhost work, on whatever port the server listens on.
$wgServer = WebRequest::detectServer();
# An existing file, so that no page logs a 404 for the favicon.
$wgFavicon = "$wgResourceBasePath/resources/assets/change-your-logo-icon.svg";

$wgDefaultSkin = 'vector-2022';
$wgUseInstantCommons = false;
# Files can be uploaded (into this folder): the tests of outcomes' impact use this
# wiki as a stand-in for Wikimedia Commons. Files are shown unscaled (no image library).
$wgEnableUploads = true;
$wgEnableEmail = false;
$wgEnableUserEmail = false;
$wgRawHtml = false;
# Request pages are subpages of the Helpdesk page in the main namespace, as on Meta-Wiki.
$wgNamespacesWithSubpages[NS_MAIN] = true;

# Measured: CACHE_DB makes ResourceLoader no faster here (load.php answers in
# 10-60 ms either way) but adds SQLite writes on every request, and a cache
# that could show tests stale gadget definitions.
$wgMainCacheType = CACHE_NONE;
# MediaWiki 1.39 checks site and gadget scripts as ECMAScript 5, which would turn the
# gadget (ES2017, as Meta-Wiki accepts) into a parse error; the build checks ES2017.
$wgResourceLoaderValidateJS = false;

$wgScribuntoDefaultEngine = 'luastandalone';
$wgScribuntoEngineConf['luastandalone']['luaPath'] = ${ phpString( LUA ) };

# ConfirmEdit is loaded, but asks nothing unless a test turns a CAPTCHA on.
$wgCaptchaTriggers = [
	'edit' => false,
	'create' => false,
	'sendemail' => false,
	'addurl' => false,
	'createaccount' => false,
	'badlogin' => false,
	'badloginperuser' => false,
];
# No fetching of Meta-Wiki's spam blacklist; the local MediaWiki:Spam-blacklist still applies.
$wgBlacklistSettings['spam']['files'] = [];

$wgGroupPermissions['user']['edit'] = true;
$wgGroupPermissions['user']['createpage'] = true;
$wgGroupPermissions['bot']['edit'] = true;
$wgGroupPermissions['bot']['createpage'] = true;

# Tests edit in bursts from one address: keep every limit, but far out of reach.
foreach ( $wgRateLimits as $action => $buckets ) {
	foreach ( $buckets as $bucket => $limit ) {
		$wgRateLimits[$action][$bucket] = [ 10000, 60 ];
	}
}
$wgRateLimits['badcaptcha'] = [ 'ip' => [ 10000, 60 ], 'newbie' => [ 10000, 60 ], 'user' => [ 10000, 60 ] ];
$wgPasswordAttemptThrottle = [ [ 'count' => 1000, 'seconds' => 60 ] ];

# What an API request changed is visible to the very next request: deferred
# updates (links, categories) run before the response, and since api.php never
# runs queued jobs itself (index.php does, after responding), every write request
# runs them too, so a template's new category reaches the pages using it at once.
$wgForceDeferredUpdatesPreSend = true;
$wgJobRunRate = 1;
$wgHooks['APIAfterExecute'][] = static function ( ApiBase $module ) {
	if ( !$module->isWriteMode() ) {
		return;
	}
	DeferredUpdates::addUpdate( new TransactionRoundDefiningUpdate( static function () {
		MediaWiki\\MediaWikiServices::getInstance()->getJobRunner()->run( [ 'maxJobs' => 1000, 'maxTime' => 30 ] );
	}, 'Helpdesk local wiki' ) );
};

# Settings a test adds and removes (see setExtraSettings).
if ( is_readable( __DIR__ . '/${ EXTRA_SETTINGS_FILE }' ) ) {
	require __DIR__ . '/${ EXTRA_SETTINGS_FILE }';
}
${ BLOCK_END }
`;
}

/** The LocalSettings.php text with the block appended, or replaced if present. */
export function withSettingsBlock( localSettings: string ): string {
	const start = localSettings.indexOf( BLOCK_START );
	const end = localSettings.indexOf( BLOCK_END );
	const base = start !== -1 && end > start ?
		localSettings.slice( 0, start ) + localSettings.slice( end + BLOCK_END.length ).replace( /^\n/, '' ) :
		localSettings;
	return base.replace( /\n*$/, '\n\n' ) + localSettingsBlock();
}

export function hasSettingsBlock( localSettings: string ): boolean {
	return localSettings.includes( BLOCK_START );
}

/** Replace the block in DIR/LocalSettings.php; true if that changed the file. */
export async function updateSettingsBlock( dir: string ): Promise<boolean> {
	const file = join( dir, 'LocalSettings.php' );
	const current = await readFile( file, 'utf8' );
	const updated = withSettingsBlock( current );
	if ( updated === current ) {
		return false;
	}
	await writeAtomically( file, updated );
	return true;
}

/**
 * Replace the wiki's extra settings (PHP statements, without `<?php`); an empty
 * string removes them. They apply from the next request on, no restart needed.
 */
export async function setExtraSettings( wiki: { dir: string }, php: string ): Promise<void> {
	const file = join( wiki.dir, EXTRA_SETTINGS_FILE );
	const text = '<?php\n# Written by setExtraSettings(); replaced by the next call.\n' + php.trim() + '\n';
	const draft = file + '.draft';
	await writeFile( draft, text );
	try {
		// A syntax error here would break every request, so refuse it up front.
		await promisify( execFile )( PHP, [ '-l', draft ] );
	} catch ( error ) {
		const output = ( error as { stdout?: string } ).stdout || String( error );
		throw new LocalWikiError( 'invalid-settings', 'Extra settings are not valid PHP: ' + output.trim() );
	}
	await rename( draft, file );
}

/** A question for QuestyCaptcha whose answer tests know. */
export const TEST_CAPTCHA = {
	question: 'Which wiki hosts the Content Partnerships Hub Helpdesk? (one word)',
	answer: 'Meta',
} as const;

/**
 * Extra settings that turn QuestyCaptcha on for the given actions (by default for
 * edits that add external links, as Meta-Wiki does for new users).
 */
export function questyCaptchaSettings(
	triggers: readonly string[] = [ 'addurl' ],
	captcha: { question: string; answer: string } = TEST_CAPTCHA,
): string {
	return [
		"wfLoadExtension( 'ConfirmEdit/QuestyCaptcha' );",
		"$wgCaptchaClass = 'QuestyCaptcha';",
		`$wgCaptchaQuestions = [ ${ phpString( captcha.question ) } => ${ phpString( captcha.answer ) } ];`,
		...triggers.map( ( trigger ) => `$wgCaptchaTriggers[${ phpString( trigger ) }] = true;` ),
	].join( '\n' );
}

async function writeAtomically( file: string, text: string ): Promise<void> {
	const draft = file + '.draft';
	await writeFile( draft, text );
	await rename( draft, file );
}
