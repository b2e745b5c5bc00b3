/**
 * The bot's command line: wiring only. `--once` does one run and exits (what a
 * Toolforge job calls); without it the bot runs on its cron schedule, never two runs
 * at once. `--dry-run` edits nothing and prints each planned edit as a diff;
 * `--json` prints the run's report as JSON. Nothing happens at import time.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { Mwn } from 'mwn';
import { updateLoggingConfig } from 'mwn/build/log.js';
import cron from 'node-cron';
import { BotConfig, ConfigError, configFromEnv, LocalWikiCredentials } from './config';
import { RunReport, runOnce } from './run';
import { errorCode, HelpdeskWiki, WikiSite } from './wiki';
import { localCredentialsFile } from '../scripts/local-wiki/location';

const ROOT = join( dirname( fileURLToPath( import.meta.url ) ), '..' );

/**
 * 0 done; 1 an edit was refused; 2 stopped (rate limit, read-only wiki, server trouble, login);
 * 3 stopped unfinished (time budget), the next run goes on.
 */
export const EXIT = { ok: 0, failed: 1, stopped: 2, unfinished: 3 } as const;

/** Set by the build of dist/bot.mjs (scripts/build.ts); undefined when the bot runs from source. */
declare const HELPDESK_BOT_VERSION: string | undefined;
declare const HELPDESK_MWN_VERSION: string | undefined;

function packageVersion( path: string ): string {
	return ( JSON.parse( readFileSync( path, 'utf8' ) ) as { version: string } ).version;
}

/** The bot's and mwn's versions, for the User-Agent: built in, or read from package.json and node_modules. */
function versions(): { bot: string; mwn: string } {
	return {
		bot: typeof HELPDESK_BOT_VERSION === 'string' ? HELPDESK_BOT_VERSION : packageVersion( join( ROOT, 'package.json' ) ),
		mwn: typeof HELPDESK_MWN_VERSION === 'string' ? HELPDESK_MWN_VERSION : packageVersion( join( ROOT, 'node_modules', 'mwn', 'package.json' ) ),
	};
}

/** The credentials of the local wiki in `HELPDESK_WIKI_DIR` (`.wiki/` by default), as `npm run wiki` wrote them. */
function localCredentials( env: NodeJS.ProcessEnv ): LocalWikiCredentials | null {
	const path = localCredentialsFile( env, ROOT );
	return existsSync( path ) ? JSON.parse( readFileSync( path, 'utf8' ) ) as LocalWikiCredentials : null;
}

/**
 * Standard output holds the run's report alone: everything mwn and its retries
 * print (warnings, response headers) goes to standard error.
 */
export function logToStandardError(): void {
	updateLoggingConfig( { stream: process.stderr } );
	console.log = ( ...args: unknown[] ) => console.error( ...args );
	console.info = console.log;
}

/**
 * Log in (bot password) or use the OAuth 2 token; count every HTTP request made.
 * An edit is never retried by mwn after a network failure or a server error: it
 * may have been saved, so the run reads the page again instead.
 */
export async function connect( config: BotConfig ): Promise<{ bot: Mwn; requests: () => number }> {
	const bot = new Mwn( {
		apiUrl: config.wiki.apiUrl,
		userAgent: config.wiki.userAgent,
		username: config.wiki.username,
		password: config.wiki.password,
		OAuth2AccessToken: config.wiki.oauth2Token,
		silent: true,
		suppressAPIWarnings: true,
		maxRetries: 3,
		retryPause: config.wiki.retryPauseMs,
		defaultParams: { format: 'json', formatversion: '2', maxlag: 5 },
	} );
	let requests = 0;
	bot.axiosInstance.interceptors.request.use( ( request ) => {
		requests++;
		return request;
	} );
	bot.axiosInstance.interceptors.response.use( undefined, ( error ) => {
		if ( error && error.config && error.config.helpdeskEdit ) {
			error.disableRetry = true;
		}
		return Promise.reject( error );
	} );
	if ( config.wiki.oauth2Token ) {
		bot.initOAuth();
		await bot.getTokensAndSiteInfo();
	} else {
		await bot.login();
	}
	return { bot: bot, requests: () => requests };
}

/** Namespaces and prefix of the Helpdesk's pages, as this wiki splits them. */
export function siteOf( bot: Mwn, config: BotConfig ): WikiSite {
	const pages = config.plan.pages;
	const probe = new bot.Title( pages.requestsPrefix + 'X' );
	const namespaces: number[] = [];
	[
		pages.requestsPrefix + 'X', pages.export, pages.exportPrefix + 'X', pages.statisticsData, pages.agendaPrefix + 'X',
		pages.archivePrefix + 'X', pages.state, pages.committee, pages.settings,
	].forEach( ( title ) => {
		const namespace = new bot.Title( title ).getNamespaceId();
		if ( !namespaces.includes( namespace ) ) {
			namespaces.push( namespace );
		}
	} );
	return {
		plan: config.plan,
		requestsNamespace: probe.getNamespaceId(),
		requestsPrefixText: probe.getMainText().slice( 0, -1 ),
		namespaces: namespaces,
	};
}

function printReport( report: RunReport, json: boolean ): void {
	if ( json ) {
		process.stdout.write( JSON.stringify( report, null, '\t' ) + '\n' );
		return;
	}
	for ( const edit of report.edits ) {
		if ( edit.diff ) {
			process.stdout.write( edit.diff + '\n' );
		}
	}
	const saved = report.edits.filter( ( edit ) => edit.result === 'saved' ).length;
	const lines = [
		report.stopped ? 'Stopped: ' + report.stopped.message : 'Run complete' + ( report.dryRun ? ' (dry run: nothing saved)' : '' ) + '.',
		report.requests + ' requests; ' + report.pagesRead + ' pages read' + ( report.fullScan ? ' (full scan)' : '' ) + '; ' +
			report.apiRequests + ' API requests; ' + ( report.dryRun ? report.edits.length + ' edits planned' : saved + ' edits' ) + '; ' +
			report.notices.length + ' notices; ' + ( report.durationMs / 1000 ).toFixed( 1 ) + ' s.',
	];
	report.needsAttention.forEach( ( item ) => lines.push( 'Needs attention: ' + item.page + ': ' + item.reason ) );
	process.stdout.write( lines.join( '\n' ) + '\n' );
}

/** An error for the log: its message and stack, never the object (mwn's carry the request's credentials). */
function describe( error: unknown ): string {
	return error instanceof Error ? error.stack || error.message : 'unknown error';
}

export function exitCode( report: RunReport ): number {
	if ( report.stopped && report.stopped.code === 'unfinished' ) {
		return EXIT.unfinished;
	}
	if ( report.stopped && report.stopped.code !== 'shutoff' ) {
		return EXIT.stopped;
	}
	return report.edits.some( ( edit ) => edit.result === 'failed' || edit.result === 'unsure' ) ? EXIT.failed : EXIT.ok;
}

export async function main( argv: string[], env: NodeJS.ProcessEnv ): Promise<number> {
	const { values } = parseArgs( {
		args: argv,
		options: {
			once: { type: 'boolean', default: false },
			'dry-run': { type: 'boolean', default: false },
			json: { type: 'boolean', default: false },
			full: { type: 'boolean', default: false },
			help: { type: 'boolean', default: false },
		},
	} );
	if ( values.help ) {
		process.stdout.write( 'Usage: node dist/bot.mjs [--once] [--dry-run] [--json] [--full] (from source: npm run bot -- …)\nConfiguration: see .env.example\n' );
		return EXIT.ok;
	}
	let config: BotConfig;
	let missingCredentials = '';
	try {
		config = configFromEnv( env, versions(), () => {
			const credentials = localCredentials( env );
			missingCredentials = credentials ? '' : localCredentialsFile( env, ROOT );
			return credentials;
		} );
	} catch ( error ) {
		if ( error instanceof ConfigError ) {
			const where = missingCredentials ? ' (' + missingCredentials + ' is missing; HELPDESK_WIKI_DIR names the local wiki\'s folder)' : '';
			process.stderr.write( 'Configuration: ' + error.message + where + '\n' );
			return EXIT.failed;
		}
		throw error;
	}
	logToStandardError();
	let connection: { bot: Mwn; requests: () => number };
	try {
		connection = await connect( config );
	} catch ( error ) {
		// Only the code and the API's explanation: mwn's errors carry the request, credentials included.
		process.stderr.write( 'Could not connect to ' + config.wiki.apiUrl + ': ' + errorCode( error ) + ': ' + describe( error ) + '\n' );
		return EXIT.stopped;
	}
	const { bot, requests } = connection;
	const quiet = values.json;
	const runOne = async (): Promise<RunReport> => {
		const wiki = new HelpdeskWiki( bot, siteOf( bot, config ), () => bot.csrfToken );
		const report = await runOnce( wiki, {
			plan: config.plan,
			editSpacingMs: config.wiki.editSpacingMs,
			budgetMs: config.wiki.runBudgetSeconds * 1000,
			dryRun: values[ 'dry-run' ],
			forceFullScan: values.full,
			now: () => new Date(),
			sleep: ( ms ) => new Promise( ( resolve ) => {
				setTimeout( resolve, ms );
			} ),
			requestCount: requests,
			log: quiet ? undefined : ( line ) => process.stderr.write( line + '\n' ),
		} );
		printReport( report, values.json );
		return report;
	};
	if ( values.once || values[ 'dry-run' ] ) {
		return exitCode( await runOne() );
	}
	process.stderr.write( 'Helpdesk bot: running on the schedule "' + config.wiki.schedule + '" against ' + config.wiki.apiUrl + '\n' );
	await runOne().catch( ( error ) => process.stderr.write( 'Run failed: ' + describe( error ) + '\n' ) );
	const task = cron.schedule( config.wiki.schedule, async () => {
		await runOne().catch( ( error ) => process.stderr.write( 'Run failed: ' + describe( error ) + '\n' ) );
	}, { noOverlap: true, name: 'helpdesk-bot' } );
	await new Promise<void>( ( resolve ) => {
		const stop = (): void => {
			Promise.resolve( task.stop() ).then( () => resolve() );
		};
		process.once( 'SIGINT', stop );
		process.once( 'SIGTERM', stop );
	} );
	return EXIT.ok;
}

if ( process.argv[ 1 ] && import.meta.url === pathToFileURL( process.argv[ 1 ] ).href ) {
	main( process.argv.slice( 2 ), process.env ).then( ( code ) => {
		process.exitCode = code;
	}, ( error ) => {
		process.stderr.write( 'Helpdesk bot failed: ' + describe( error ) + '\n' );
		process.exitCode = EXIT.failed;
	} );
}
