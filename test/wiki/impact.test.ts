/**
 * Outcomes with impact on a real MediaWiki, which stands in for both Wikimedia
 * Commons (files uploaded to it, in a category with a subcategory, used on pages)
 * and Wikidata (items are its pages titled `Q…`). The bot measures a done request's
 * outcomes, writes Impact.json, measures again only after a day or when the
 * outcomes change, and when the "Wikidata API" cannot be reached it goes on with
 * the rest of the run and reports the problem. The request page shows the figures.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { Mwn } from 'mwn';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { IMPACT_PAGE } from '../../bot/config';
import { main } from '../../bot/main';
import type { ImpactData } from '../../bot/plan/impact';
import type { RunReport } from '../../bot/run';
import { renderRequestPage } from '../../shared/codec';
import { REQUESTS_PREFIX, SHUTOFF_PAGE } from '../../shared/pages';
import type { LocalWiki } from '../../scripts/local-wiki/index';
import { installHelpdesk } from '../../scripts/lib/install-helpdesk';
import { solidPng } from '../../scripts/lib/solid-png';
import { sampleRequest } from '../../scripts/lib/sample-request';
import { sharedTestWiki } from './setup/shared-wiki';
import { freePort, TEST_USER_AGENT } from './setup/test-wiki';
import { parsePage } from './support/rendering';

const RUN = Date.now().toString( 36 );
const CATEGORY = 'Impact test ' + RUN;
const SUBCATEGORY = CATEGORY + ' details';
const FILES = [ 1, 2, 3 ].map( ( n ) => 'Impact test ' + RUN + ' ' + n + '.png' );
const ITEM_NUMBER = 900000000 + ( Date.now() % 90000000 );
const ITEMS = [ 'Q' + ITEM_NUMBER, 'Q' + ( ITEM_NUMBER + 1 ) ];
const MISSING_ITEM = 'Q' + ( ITEM_NUMBER + 2 );
const REQUEST = REQUESTS_PREFIX + 'Impact of the test uploads ' + RUN;

describe( 'outcomes with impact on a real wiki', () => {
	let wiki: LocalWiki;
	let admin: Mwn;
	let staff: Mwn;
	let folder = '';
	let unreachable = '';

	function environment( wikidataApiUrl: string ): NodeJS.ProcessEnv {
		return {
			HELPDESK_API_URL: wiki.apiUrl,
			HELPDESK_BOT_USERNAME: wiki.credentials.bot.botUsername,
			HELPDESK_BOT_PASSWORD: wiki.credentials.bot.botPassword,
			HELPDESK_BOT_CONTACT: 'helpdesk@example.org',
			HELPDESK_EDIT_SPACING_MS: '0',
			HELPDESK_RETRY_PAUSE_MS: '100',
			HELPDESK_COMMONS_API_URL: wiki.apiUrl,
			HELPDESK_WIKIDATA_API_URL: wikidataApiUrl,
		};
	}

	/** One run of the bot's command line in this process; its exit code and report. */
	async function runBot( wikidataApiUrl = wiki.apiUrl ): Promise<{ code: number; report: RunReport }> {
		let stdout = '';
		const spies = [
			vi.spyOn( process.stdout, 'write' ).mockImplementation( ( ( chunk: string | Uint8Array ): boolean => {
				stdout += typeof chunk === 'string' ? chunk : Buffer.from( chunk ).toString( 'utf8' );
				return true;
			} ) as typeof process.stdout.write ),
			vi.spyOn( process.stderr, 'write' ).mockImplementation( ( () => true ) as typeof process.stderr.write ),
			vi.spyOn( console, 'log' ).mockImplementation( () => undefined ),
			vi.spyOn( console, 'info' ).mockImplementation( () => undefined ),
			vi.spyOn( console, 'warn' ).mockImplementation( () => undefined ),
			vi.spyOn( console, 'error' ).mockImplementation( () => undefined ),
		];
		try {
			const code = await main( [ '--once', '--json' ], environment( wikidataApiUrl ) );
			return { code: code, report: JSON.parse( stdout ) as RunReport };
		} finally {
			spies.forEach( ( spy ) => spy.mockRestore() );
		}
	}

	async function impact(): Promise<ImpactData> {
		const page = await admin.read( IMPACT_PAGE );
		return JSON.parse( page.revisions?.[ 0 ].content as string ) as ImpactData;
	}

	async function save( title: string, text: string, as: Mwn = admin ): Promise<void> {
		await as.request( { action: 'edit', title: title, text: text, summary: 'impact test', token: as.csrfToken } );
	}

	beforeAll( async () => {
		wiki = sharedTestWiki();
		await installHelpdesk( wiki );
		const login = ( username: string, password: string ): Promise<Mwn> => Mwn.init( {
			apiUrl: wiki.apiUrl, username: username, password: password, userAgent: TEST_USER_AGENT, silent: true,
			suppressAPIWarnings: true, defaultParams: { formatversion: 2 },
		} );
		admin = await login( wiki.credentials.admin.botUsername, wiki.credentials.admin.botPassword );
		const person = wiki.credentials.users.find( ( user ) => user.role === 'staff' ) || wiki.credentials.users[ 0 ];
		staff = await login( person.username, person.password );
		unreachable = 'http://127.0.0.1:' + await freePort() + '/api.php';
		await save( SHUTOFF_PAGE, 'run' );
		// Earlier test files may have left requests: let the bot settle them first.
		await runBot();

		folder = await mkdtemp( join( tmpdir(), 'helpdesk-impact-' ) );
		const colours: [ number, number, number ][] = [ [ 200, 30, 30 ], [ 30, 200, 30 ], [ 30, 30, ( Date.now() % 200 ) + 20 ] ];
		for ( const [ index, file ] of FILES.entries() ) {
			const path = join( folder, index + '.png' );
			await writeFile( path, solidPng( ...colours[ index ] ) );
			const category = index === 0 ? CATEGORY : SUBCATEGORY;
			await staff.upload( path, file, 'A test upload.\n[[Category:' + category + ']]', { ignorewarnings: true } );
		}
		await save( 'Category:' + CATEGORY, 'Files of the impact test.', staff );
		await save( 'Category:' + SUBCATEGORY, 'Details.\n[[Category:' + CATEGORY + ']]', staff );
		// File 1 on two pages, file 2 on one of them too: three pages use the files.
		await save( 'Impact test ' + RUN + ' article', '[[File:' + FILES[ 0 ] + ']] [[File:' + FILES[ 1 ] + ']]', staff );
		await save( 'Impact test ' + RUN + ' other article', '[[File:' + FILES[ 0 ] + ']]', staff );
		await save( 'Impact test ' + RUN + ' third article', '[[File:' + FILES[ 1 ] + ']]', staff );
		for ( const item of ITEMS ) {
			await save( item, 'A stand-in for a Wikidata item.', staff );
		}
		const request = sampleRequest( {
			title: 'Impact of the test uploads ' + RUN, status: 'done', statusSince: '2026-04-01T10:00:00Z', filed: '2026-03-02T09:30:00Z',
			outcomeCategory: CATEGORY, outcomeItems: ITEMS.concat( [ MISSING_ITEM ] ), outcomeQuery: 'https://query.wikidata.org/#SELECT%20%3Fitem',
			outcomePages: [ 'https://sv.wikipedia.org/wiki/Impact', 'w:fr:Impact' ],
		} );
		await save( REQUEST, renderRequestPage( request ) );
	} );

	afterAll( async () => {
		// Later test files share the wiki: no outcomes left for their runs to count.
		if ( admin ) {
			const page = await admin.read( REQUEST );
			const text = page.revisions?.[ 0 ].content;
			if ( text ) {
				await save( REQUEST, text.replace( /\n\| outcome_[a-z]+ =[^|]*(?=\n[|}])/g, '' ) );
			}
		}
		if ( folder ) {
			await rm( folder, { recursive: true, force: true } );
		}
	} );

	it( 'counts the files of the category and its subcategory, the pages using them on this wiki and the items that exist', async () => {
		const { code, report } = await runBot();
		expect( code, JSON.stringify( report.needsAttention ) ).toBe( 0 );
		// categoryinfo, the members of the category and of its subcategory, paraminfo, fileusage, the items.
		expect( report.impact ).toStrictEqual( { measured: 1, apiRequests: 6 } );
		const data = await impact();
		const entry = data.requests.find( ( found ) => found.page === REQUEST );
		expect( entry ).toMatchObject( {
			status: 'done', year: '2026', category: CATEGORY, files: 3, filesCut: false, subcategories: 1,
			// The local wiki has no GlobalUsage: usage on the files' own wiki, said so.
			usage: 'same-wiki', usagePages: 3, usageWikis: 1,
			itemsListed: 3, items: 2, itemsMissing: [ MISSING_ITEM ], query: 'https://query.wikidata.org/#SELECT%20%3Fitem', pages: 2,
		} );
		expect( entry?.problems.map( ( problem ) => problem.code ) ).toStrictEqual( [ 'impact-missing-items' ] );
		const year = data.years.find( ( total ) => total.year === '2026' );
		expect( year?.files ).toBeGreaterThanOrEqual( 3 );
		expect( year?.items ).toBeGreaterThanOrEqual( 2 );
	} );

	it( 'does not measure again within a day while the outcomes stay the same', async () => {
		const before = ( await impact() ).requests.find( ( found ) => found.page === REQUEST );
		const { code } = await runBot();
		expect( code ).toBe( 0 );
		const after = ( await impact() ).requests.find( ( found ) => found.page === REQUEST );
		expect( after?.checked ).toBe( before?.checked );
	} );

	it( 'shows the figures in the request page\'s outcomes box', async () => {
		const parsed = await parsePage( staff, { page: REQUEST, uselang: 'en' } );
		const document = new JSDOM( parsed.text ).window.document;
		expect( document.querySelector( '.scribunto-error' ) ).toBeNull();
		const box = document.querySelector( '.helpdesk-request-outcomes' );
		expect( box ).not.toBeNull();
		const text = ( box?.textContent || '' ).replace( /\s+/g, ' ' );
		expect( text ).toContain( CATEGORY );
		expect( text ).toContain( '3 files' );
		expect( text ).toContain( '3 pages on the same wiki' );
		expect( text ).toContain( '2 of 3 items exist' );
		const links = Array.from( box?.querySelectorAll( 'a.external' ) || [], ( link ) => link.getAttribute( 'href' ) );
		expect( links ).toContain( 'https://query.wikidata.org/#SELECT%20%3Fitem' );
		expect( links ).toContain( 'https://sv.wikipedia.org/wiki/Impact' );
	} );

	it( 'goes on with the rest of the run when the Wikidata API cannot be reached, and reports it', async () => {
		// Changed outcomes are measured at once; the items' API is a port nobody listens on.
		const page = await admin.read( REQUEST );
		const text = ( page.revisions?.[ 0 ].content as string ).replace( '* ' + MISSING_ITEM + '\n', '' );
		await save( REQUEST, text );
		const { code, report } = await runBot( unreachable );
		expect( code ).toBe( 0 );
		expect( report.stopped ).toBeNull();
		const attention = report.needsAttention.filter( ( item ) => item.page === REQUEST && item.code === 'impact-wikidata-failed' );
		expect( attention ).toHaveLength( 1 );
		expect( attention[ 0 ].reason ).toContain( 'Wikidata API' );
		const entry = ( await impact() ).requests.find( ( found ) => found.page === REQUEST );
		// The files were measured; the items keep nothing (their outcomes changed) and say why.
		expect( entry ).toMatchObject( { files: 3, usagePages: 3, items: null, itemsListed: 2 } );
		expect( entry?.problems.map( ( problem ) => problem.code ) ).toStrictEqual( [ 'impact-wikidata-failed' ] );
		// The rest of the run: the table and the statistics were compiled as ever.
		expect( report.edits.every( ( edit ) => edit.result !== 'failed' ) ).toBe( true );
	} );
} );
