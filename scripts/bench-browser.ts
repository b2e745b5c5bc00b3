/**
 * How fast the request form is for a requester, in a real browser (Debian's
 * Chromium) against a real MediaWiki: a throwaway wiki in a temporary folder on a
 * free port above 20000, with the Helpdesk deployed on it, stopped and deleted
 * at the end. Prints figures; asserts nothing.
 *
 *     npm run bench:browser
 *     npm run bench:browser -- --runs 20
 *
 * Measured in the page, from the click's own event to the moment it is about:
 * - opening the form, from the click on "Request support" until the form can be
 *   used (dialog ready, first field shown): cold (a new browser profile: nothing
 *   cached), warm (the page loaded again: the module in the browser's caches) and
 *   again on the same page (the module already running);
 * - filing, from the click on "File request" until the new request page has
 *   loaded (DOMContentLoaded) and until it shows the confirmation.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { REQUESTS_PREFIX } from '../shared/pages';
import { createLocalWiki, LocalWiki, LocalWikiError, startWiki, stopWiki } from './local-wiki/index';
import { launchBrowser } from './lib/browser/chromium';
import { fillRequest, showPreview, waitForForm } from './lib/browser/request-form';
import { goToLandingPage, REQUEST_BUTTON } from './lib/browser/navigation';
import { loggedInSession } from './lib/browser/session';
import { installHelpdesk } from './lib/install-helpdesk';
import { sampleFields } from './lib/sample-request';

const REQUESTER = 'Requester One';

// The wiki -------------------------------------------------------------------

/** A port above 20000 that nobody listens on now. */
async function freePortAbove20000(): Promise<number> {
	for ( let attempt = 0; attempt < 50; attempt++ ) {
		const port = 20001 + Math.floor( Math.random() * 40000 );
		const free = await new Promise<boolean>( ( resolve ) => {
			const server = createServer();
			server.once( 'error', () => resolve( false ) );
			server.listen( port, '127.0.0.1', () => server.close( () => resolve( true ) ) );
		} );
		if ( free ) {
			return port;
		}
	}
	throw new Error( 'No free port above 20000 found' );
}

async function startBenchmarkWiki( dir: string ): Promise<LocalWiki> {
	for ( let attempt = 1; ; attempt++ ) {
		const wiki = await createLocalWiki( { dir: dir, port: await freePortAbove20000(), siteName: 'Helpdesk benchmark wiki' } );
		try {
			await startWiki( wiki );
			return wiki;
		} catch ( error ) {
			// Someone took the port between the check and PHP's start: try another.
			if ( !( error instanceof LocalWikiError && error.code === 'port-in-use' ) || attempt === 3 ) {
				throw error;
			}
		}
	}
}

// Measuring ------------------------------------------------------------------

/**
 * In the page, before a click: remember when the click's event happens, in the
 * tab's sessionStorage so that the next page can read it. (Strings, not
 * functions: the code runs in the browser as written.)
 */
const REMEMBER_CLICK = `document.addEventListener( 'click', function () {
	sessionStorage.setItem( 'helpdesk-bench-click', String( performance.timeOrigin + performance.now() ) );
}, { capture: true, once: true } );`;

/** Milliseconds from the click to the form being usable; polled on every frame. */
const FORM_USABLE_SINCE_CLICK = `( function () {
	var input = document.querySelector( '.helpdesk-form.oo-ui-window-ready #helpdesk-input-title' );
	var clicked = Number( sessionStorage.getItem( 'helpdesk-bench-click' ) );
	return input && input.offsetParent !== null && clicked ? performance.timeOrigin + performance.now() - clicked : false;
}() )`;

/** On every page: note when the first notification appears (the filing's confirmation). */
const WATCH_CONFIRMATION = `new MutationObserver( function () {
	if ( !window.helpdeskConfirmedAt && document.querySelector( '.mw-notification' ) ) {
		window.helpdeskConfirmedAt = performance.timeOrigin + performance.now();
	}
} ).observe( document, { childList: true, subtree: true } );`;

const FILING_TIMES = `( function () {
	var clicked = Number( sessionStorage.getItem( 'helpdesk-bench-click' ) );
	var navigation = performance.getEntriesByType( 'navigation' )[ 0 ];
	return window.helpdeskConfirmedAt && navigation && navigation.domContentLoadedEventEnd ? {
		loaded: performance.timeOrigin + navigation.domContentLoadedEventEnd - clicked,
		confirmed: window.helpdeskConfirmedAt - clicked
	} : false;
}() )`;

/** Click "Request support" and wait until the form is usable; milliseconds. */
async function timeOpening( page: Page ): Promise<number> {
	await page.evaluate( REMEMBER_CLICK );
	await page.click( REQUEST_BUTTON );
	const elapsed = await page.waitForFunction( FORM_USABLE_SINCE_CLICK, undefined, { polling: 'raf' } );
	return Number( await elapsed.jsonValue() );
}

/** Until the browser has put the form module into MediaWiki's module store, or a few seconds. */
async function waitForModuleStore( page: Page ): Promise<void> {
	try {
		await page.waitForFunction( `Object.keys( localStorage ).some( function ( key ) {
			return key.indexOf( 'MediaWikiModuleStore' ) === 0 && localStorage.getItem( key ).indexOf( 'ext.gadget.HelpdeskForm@' ) !== -1;
		} )`, undefined, { timeout: 5000, polling: 200 } );
	} catch {
		// Store disabled or full: the HTTP cache still holds the module.
	}
}

interface OpeningTimes {
	cold: number;
	warm: number;
	again: number;
}

async function measureOpening( browser: Browser, wiki: LocalWiki ): Promise<OpeningTimes> {
	const { context, page } = await loggedInSession( browser, wiki, REQUESTER );
	try {
		await goToLandingPage( page, wiki );
		const cold = await timeOpening( page );
		await waitForModuleStore( page );
		await goToLandingPage( page, wiki );
		const warm = await timeOpening( page );
		await page.keyboard.press( 'Escape' );
		await page.waitForSelector( '.helpdesk-form', { state: 'hidden' } );
		const again = await timeOpening( page );
		return { cold: cold, warm: warm, again: again };
	} finally {
		await context.close();
	}
}

interface FilingTimes {
	loaded: number;
	confirmed: number;
}

async function measureFiling( browser: Browser, wiki: LocalWiki, run: number ): Promise<FilingTimes> {
	const { context, page } = await loggedInSession( browser, wiki, REQUESTER );
	try {
		await context.addInitScript( WATCH_CONFIRMATION );
		await goToLandingPage( page, wiki );
		await page.click( REQUEST_BUTTON );
		await waitForForm( page );
		const fields = sampleFields( { title: `Benchmark request ${ Date.now().toString( 36 ) } ${ run }` } );
		await fillRequest( page, fields );
		await showPreview( page );
		await page.evaluate( REMEMBER_CLICK );
		await page.click( '.helpdesk-form .helpdesk-action-save' );
		await page.waitForURL( ( url ) => decodeURIComponent( url.toString() ).replace( /_/g, ' ' ).includes( REQUESTS_PREFIX + fields.title ) );
		const times = await page.waitForFunction( FILING_TIMES, undefined, { polling: 'raf' } );
		return await times.jsonValue() as FilingTimes;
	} finally {
		await context.close();
	}
}

// Figures --------------------------------------------------------------------

/** The value below which `fraction` of the sorted values lie (nearest rank). */
function percentile( sorted: readonly number[], fraction: number ): number {
	return sorted[ Math.min( sorted.length - 1, Math.max( 0, Math.ceil( fraction * sorted.length ) - 1 ) ) ];
}

function figureLine( label: string, values: readonly number[] ): string {
	const sorted = values.slice().sort( ( a, b ) => a - b );
	const ms = ( value: number ): string => String( Math.round( value ) ).padStart( 6 ) + ' ms';
	return `${ label.padEnd( 46 ) } median ${ ms( percentile( sorted, 0.5 ) ) }   p90 ${ ms( percentile( sorted, 0.9 ) ) }   ` +
		`min ${ ms( sorted[ 0 ] ) }   max ${ ms( sorted[ sorted.length - 1 ] ) }`;
}

async function main(): Promise<void> {
	const { values } = parseArgs( { options: { runs: { type: 'string', default: '10' } } } );
	const runs = Math.max( 1, Number( values.runs ) || 10 );
	const dir = await mkdtemp( join( tmpdir(), 'helpdesk-bench-browser-' ) );
	let browser: Browser | null = null;
	try {
		const setUp = performance.now();
		const wiki = await startBenchmarkWiki( dir );
		[ browser ] = await Promise.all( [ launchBrowser(), installHelpdesk( wiki ) ] );
		console.log( `Wiki at ${ wiki.server } with the Helpdesk deployed in ${ Math.round( performance.now() - setUp ) } ms; ` +
			`Chromium ${ browser.version() }; ${ cpus().length } cores; ${ runs } runs each.` );

		// Once unmeasured: the wiki's first requests fill its own caches (localisation, compiled styles).
		await measureOpening( browser, wiki );
		await measureFiling( browser, wiki, 0 );

		const openings: OpeningTimes[] = [];
		for ( let run = 1; run <= runs; run++ ) {
			openings.push( await measureOpening( browser, wiki ) );
		}
		const filings: FilingTimes[] = [];
		for ( let run = 1; run <= runs; run++ ) {
			filings.push( await measureFiling( browser, wiki, run ) );
		}

		console.log( '\nOpening the form (click on "Request support" → form usable):' );
		console.log( figureLine( '  cold (new browser profile, nothing cached)', openings.map( ( times ) => times.cold ) ) );
		console.log( figureLine( '  warm (page loaded again, module cached)', openings.map( ( times ) => times.warm ) ) );
		console.log( figureLine( '  again on the same page', openings.map( ( times ) => times.again ) ) );
		console.log( '\nFiling (click on "File request" → on the new request page):' );
		console.log( figureLine( '  new page loaded (DOMContentLoaded)', filings.map( ( times ) => times.loaded ) ) );
		console.log( figureLine( '  confirmation shown', filings.map( ( times ) => times.confirmed ) ) );
	} finally {
		if ( browser ) {
			await browser.close();
		}
		await stopWiki( { dir: dir } );
		await rm( dir, { recursive: true, force: true } );
	}
}

main().catch( ( error: unknown ) => {
	console.error( error instanceof Error ? error.stack || error.message : error );
	process.exitCode = 1;
} );
