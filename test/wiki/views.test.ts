/**
 * Module:Helpdesk views on a real MediaWiki (Scribunto, luastandalone): the view
 * pages as deployed render the JSON data pages of the bot's contract, in the reader's
 * language, with hostile data shown as text; a table of 2,500 open requests stays
 * within the parser's limits; in Vector 2022 and Minerva the table fits the screen.
 */
import { JSDOM } from 'jsdom';
import { Mwn } from 'mwn';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalWiki } from '../../scripts/local-wiki/index';
import { launchBrowser, newSession } from '../../scripts/lib/browser/chromium';
import { wikiPageUrl } from '../../scripts/lib/browser/navigation';
import { installHelpdesk } from '../../scripts/lib/install-helpdesk';
import { viewsMessages, wikiJson } from '../../scripts/onwiki-pages';
import { AGENDA_MAX_BYTES } from '../../bot/plan/pages';
import {
	agendaPage, archivePage, caseRequests, emptyAgendaPage, HELPDESK, HOSTILE, HOSTILE_NAME, manyRequests, openPart2,
	requestsPage, SCRIPT_URL, settingsPage, statisticsPage, ViewRequest,
} from '../fixtures/views-data';
import { sharedTestWiki } from './setup/shared-wiki';
import { adminSession, TEST_USER_AGENT } from './setup/test-wiki';
import { parsePage } from './support/rendering';
import { viewportScreenshot } from './support/screenshots';

const SETTINGS = HELPDESK + '/Settings.json';
const TABLE = HELPDESK + '/Requests';
const STATISTICS = HELPDESK + '/Statistics';
const AGENDA = HELPDESK + '/Agenda';
const ARCHIVE_2025 = HELPDESK + '/Archive/2025';

function isoDate( offsetDays: number ): string {
	return new Date( Date.now() + offsetDays * 86400000 ).toISOString().slice( 0, 10 );
}

const NEXT_MEETING = isoDate( 10 );
const PAST_MEETING = isoDate( -18 );

function textOf( element: Element | null ): string {
	return element ? ( element.textContent as string ).replace( /\s+/g, ' ' ).trim() : '';
}

describe( 'Module:Helpdesk views on the wiki', () => {
	let wiki: LocalWiki;
	let admin: Mwn;
	let reader: Mwn;
	let settingsBefore: string | null = null;

	async function saveJson( title: string, data: unknown ): Promise<void> {
		await admin.save( title, wikiJson( data ), 'Helpdesk views test data', { contentmodel: 'json' } );
	}

	async function render( title: string, lang = 'en' ): Promise<{ document: Document; parsed: Awaited<ReturnType<typeof parsePage>> }> {
		const parsed = await parsePage( reader, { page: title, uselang: lang } );
		return { document: new JSDOM( parsed.text ).window.document, parsed: parsed };
	}

	beforeAll( async () => {
		wiki = sharedTestWiki();
		await installHelpdesk( wiki );
		admin = await adminSession( wiki );
		reader = new Mwn( { apiUrl: wiki.apiUrl, userAgent: TEST_USER_AGENT, silent: true } );
		const settings = await admin.read( SETTINGS );
		settingsBefore = settings.missing ? null : settings.revisions?.[ 0 ].content ?? null;
		await saveJson( SETTINGS, settingsPage( [ PAST_MEETING, NEXT_MEETING ] ) );
		await saveJson( HELPDESK + '/Requests.json', requestsPage( caseRequests() ) );
		await saveJson( HELPDESK + '/Export/2025.json', archivePage() );
		await saveJson( HELPDESK + '/Export/Open/2.json', openPart2() );
		await saveJson( HELPDESK + '/Export/Statistics.json', statisticsPage() );
		await saveJson( HELPDESK + '/Agenda/' + NEXT_MEETING + '.json', agendaPage( NEXT_MEETING ) );
		await saveJson( HELPDESK + '/Agenda/' + PAST_MEETING + '.json', emptyAgendaPage( PAST_MEETING ) );
		await admin.save( ARCHIVE_2025, '{{#invoke:Helpdesk views|archive|year=2025}}', 'Helpdesk views test' );
		await admin.save( HELPDESK + '/Archive/Open/2', '{{#invoke:Helpdesk views|table|part=2}}', 'Helpdesk views test' );
		await admin.save( AGENDA + '/' + PAST_MEETING, '{{#invoke:Helpdesk views|agenda|meeting=' + PAST_MEETING + '}}', 'Helpdesk views test' );
		// The views were rendered before their data existed.
		await admin.request( { action: 'purge', titles: [ TABLE, STATISTICS, AGENDA ].join( '|' ), forcelinkupdate: 1 } );
	} );

	afterAll( async () => {
		if ( admin && settingsBefore !== null ) {
			await admin.save( SETTINGS, settingsBefore, 'Helpdesk views test: settings back', { contentmodel: 'json' } );
		}
	} );

	it( 'deploys the module, its messages and the language pages', async () => {
		const pages = await reader.read( [ 'Module:Helpdesk views', 'Module:Helpdesk views/i18n.json', 'MediaWiki:Helpdesk-views-lang', 'MediaWiki:Helpdesk-views-lang/sv', SETTINGS ],
			{ rvprop: 'content|contentmodel' } ) as { title: string; revisions?: { contentmodel: string; content: string }[] }[];
		const model = Object.fromEntries( pages.map( ( page ) => [ page.title, page.revisions?.[ 0 ].contentmodel ] ) );
		expect( model ).toEqual( {
			'Module:Helpdesk views': 'Scribunto', 'Module:Helpdesk views/i18n.json': 'json',
			'MediaWiki:Helpdesk-views-lang': 'wikitext', 'MediaWiki:Helpdesk-views-lang/sv': 'wikitext', [ SETTINGS ]: 'json',
		} );
		// Stored exactly as deployed, so that the next deploy leaves it alone.
		const stored = pages.find( ( page ) => page.title === 'Module:Helpdesk views/i18n.json' )?.revisions?.[ 0 ].content;
		expect( stored ).toBe( wikiJson( await viewsMessages() ) );
	} );

	it( 'shows the open requests with their fields, hostile text literally and inert', async () => {
		const { document, parsed } = await render( TABLE );
		expect( document.querySelector( '.scribunto-error' ) ).toBeNull();
		const table = document.querySelector( 'table.helpdesk-requests.wikitable.sortable' ) as HTMLTableElement;
		expect( table.getAttribute( 'style' ) ).toContain( 'width:100%' );
		expect( Array.from( table.querySelectorAll( 'th' ), textOf ) ).toEqual( [ 'Request', 'Status', 'Committee' ] );
		const rows = Array.from( table.querySelectorAll( 'tr.helpdesk-request' ) );
		expect( rows ).toHaveLength( 6 );
		expect( textOf( rows[ 0 ].querySelector( 'td a' ) ) ).toBe( 'Upload of 3,000 medical illustrations' );
		expect( textOf( rows[ 0 ].querySelector( 'td small' ) ) ).toBe( 'Requester One · Wikimedia Sverige · Sweden · Mass upload of media files, Copyright and licensing' );
		expect( textOf( rows[ 0 ] ) ).toContain( 'Feedback: 2 of 8' );
		const hostile = rows[ 1 ];
		expect( textOf( hostile.querySelector( 'td a' ) ) ).toBe( HOSTILE + ' ~~~~ [[Category:X]] __NOTOC__' );
		expect( textOf( hostile ) ).toContain( HOSTILE_NAME );
		expect( textOf( hostile.querySelector( '.helpdesk-flags' ) ) ).toBe( '⚑ Overdue · Sign-off not counted' );
		// Sorted by stage, then by days in the stage up to today (the data pages carry no date).
		const days = Math.floor( ( Date.parse( new Date().toISOString().slice( 0, 10 ) ) - Date.parse( '2026-02-01' ) ) / 86400000 );
		expect( hostile.querySelectorAll( 'td' )[ 1 ].getAttribute( 'data-sort-value' ) ).toBe( '04' + String( 999999 - days ).padStart( 6, '0' ) );
		expect( textOf( rows[ 2 ] ) ).toContain( 'Unknown status: “waiting for the museum [[x]]”' );
		expect( textOf( rows[ 3 ] ) ).toContain( 'not confirmed: Awaiting final go' );
		expect( textOf( rows[ 5 ] ) ).toContain( 'Could not be read: No {{Helpdesk request}} template on the page.' );
		expect( document.querySelector( 'script' ) ).toBeNull();
		expect( parsed.categories ).toEqual( [] );
		expect( parsed.templates.map( ( template ) => template.title ) ).not.toContain( 'Template:X' );
		const links = parsed.links.map( ( link ) => link.title );
		expect( links ).toContain( 'User:Requester One' );
		expect( links.filter( ( link ) => link.includes( 'Evil' ) ) ).toEqual( [] );
		expect( parsed.properties ).not.toHaveProperty( 'notoc' );
		// The attention list and the links to the archive and to open part 2.
		expect( Array.from( document.querySelectorAll( '.helpdesk-attention li' ), textOf ) ).toEqual( [
			'Unproven (Egypt): The status “approved” is not confirmed by the page history.',
			'Hostile (Kenya): Hostile text: ' + HOSTILE,
		] );
		expect( Array.from( document.querySelectorAll( '.helpdesk-more a' ), ( a ) => [ textOf( a ), a.getAttribute( 'title' ) ] ) ).toEqual( [
			[ 'Open requests, part 2 (1 request)', HELPDESK + '/Archive/Open/2' ],
			[ 'Closed in 2025 (2 requests)', ARCHIVE_2025 ],
		] );
	} );

	it( 'shows the views in Swedish with ?uselang=sv and right to left in Arabic', async () => {
		const sv = ( await render( TABLE, 'sv' ) ).document;
		expect( sv.querySelector( '.helpdesk-views' )?.getAttribute( 'lang' ) ).toBe( 'sv' );
		// The page's introduction too, with its link to the data.
		expect( textOf( sv.querySelector( '.helpdesk-views-intro p' ) ) ).toContain( 'De öppna förfrågningarna till Helpdesken' );
		expect( sv.querySelector( '.helpdesk-views-intro a' )?.getAttribute( 'title' ) ).toBe( 'Content Partnerships Hub/Helpdesk/Requests.json' );
		expect( textOf( ( await render( TABLE ) ).document.querySelector( '.helpdesk-views-intro p' ) ) ).toContain( 'The open requests to the Helpdesk' );
		expect( Array.from( sv.querySelectorAll( 'table.helpdesk-requests th' ), textOf ) ).toEqual( [ 'Förfrågan', 'Status', 'Kommittén' ] );
		expect( textOf( sv.querySelector( 'tr.helpdesk-request' ) ) ).toContain( 'Första återkoppling' );
		expect( textOf( sv.querySelector( 'tr.helpdesk-request' ) ) ).toContain( 'Massuppladdning av mediefiler' );
		// Countries as the reader names them.
		expect( textOf( sv.querySelector( 'tr.helpdesk-request td small' ) ) ).toContain( 'Sverige' );
		const ar = ( await render( TABLE, 'ar' ) ).document;
		const root = ar.querySelector( '.helpdesk-views' ) as Element;
		expect( [ root.getAttribute( 'lang' ), root.getAttribute( 'dir' ) ] ).toEqual( [ 'ar', 'rtl' ] );
		expect( textOf( ar.querySelector( 'table.helpdesk-requests th' ) ) ).toBe( 'الطلب' );
		// A language without translations of its own falls back to English.
		const ja = ( await render( TABLE, 'ja' ) ).document;
		expect( ja.querySelector( '.helpdesk-views' )?.getAttribute( 'lang' ) ).toBe( 'en' );
	} );

	it( 'draws the statistics with bars, their numbers and the sentence per year', async () => {
		const { document } = await render( STATISTICS );
		expect( document.querySelector( '.scribunto-error' ) ).toBeNull();
		const bars = Array.from( document.querySelectorAll( '.helpdesk-bars-status .helpdesk-bar-row' ), ( row ) => [
			textOf( row.querySelector( '.helpdesk-bar-label' ) ), textOf( row.querySelector( '.helpdesk-bar-number' ) ),
			( row.querySelector( '.helpdesk-bar' ) as HTMLElement ).style.width,
		] );
		expect( bars ).toEqual( [
			[ 'Submitted', '3', '5.2%' ], [ 'Initial feedback', '10', '17.2%' ], [ 'Approved', '40', '69%' ],
			[ 'Declined', '7', '12.1%' ], [ 'Done', '58', '100%' ], [ 'Unknown', '2', '3.4%' ],
		] );
		expect( Array.from( document.querySelectorAll( '.helpdesk-bars-continent .helpdesk-bar-label' ), textOf ) )
			.toEqual( [ 'Africa', 'Asia', 'Europe', 'South America', 'Unknown' ] );
		expect( textOf( document.querySelector( '.helpdesk-response-firstFeedback' ) ) ).toContain( 'median 6.5 days, over 80 requests' );
		expect( Array.from( document.querySelectorAll( '.helpdesk-year-sentence' ), textOf ) ).toEqual( [
			'In 2025: 80 requests from 20 countries on 5 continents.', 'In 2026: 40 requests from 12 countries on 4 continents.',
		] );
		const sv = ( await render( STATISTICS, 'sv' ) ).document;
		expect( textOf( sv.querySelectorAll( '.helpdesk-year-sentence' )[ 1 ] ) ).toBe( 'År 2026: 40 förfrågningar från 12 länder på 4 kontinenter.' );
	} );

	it( 'shows the next meeting\'s agenda: requests oldest first with summaries and sign-offs, decided, overdue, past agendas', async () => {
		const { document, parsed } = await render( AGENDA );
		expect( document.querySelector( '.scribunto-error' ) ).toBeNull();
		expect( textOf( document.querySelector( '.helpdesk-agenda-heading' ) ) ).toMatch( /^Agenda for the meeting of \d{1,2} \w+ \d{4}$/ );
		const blocks = Array.from( document.querySelectorAll( '.helpdesk-agenda-request' ) );
		expect( blocks.map( ( block ) => textOf( block.querySelector( '.helpdesk-agenda-title' ) ) ) ).toEqual( [
			HOSTILE + ' ~~~~ [[Category:X]] __NOTOC__', 'Museu de imagens', 'Papyri', 'Upload of 3,000 medical illustrations',
		] );
		expect( textOf( blocks[ 0 ].querySelector( '.helpdesk-agenda-excerpt' ) ) ).toBe( 'Summary: {{subst:x}} ~~~~ [[Category:X]] <b>bold</b> * list' );
		expect( textOf( blocks[ 0 ].querySelector( '.helpdesk-signoff' ) ) ).toBe( HOSTILE_NAME + ' – final go: yes – not counted: added by someone else – 1 March 2026' );
		expect( textOf( blocks[ 0 ].querySelector( '.helpdesk-agenda-recommendation' ) ) ).toBe( 'Recommendation of the working group Communication: Go ahead {{x}} Helper, 20 February 2026' );
		expect( textOf( blocks[ 0 ].querySelector( '.helpdesk-agenda-decide' ) ) ).toBe( 'To decide: Give the final go: approve or decline.' );
		expect( blocks[ 0 ].querySelector( 'b' )?.textContent ).not.toBe( 'bold' );
		expect( textOf( blocks[ 3 ].querySelector( '.helpdesk-agenda-feedback' ) ) ).toContain( 'Member One – feedback – counted – 11 March 2026' );
		expect( parsed.externallinks ).toContain( 'https://example.org/ok?x=1&y=2' );
		expect( parsed.externallinks.filter( ( link ) => !link.startsWith( 'https://' ) ) ).toEqual( [] );
		expect( parsed.externallinks.some( ( link ) => link.includes( SCRIPT_URL ) ) ).toBe( false );
		expect( textOf( document.querySelector( '.helpdesk-agenda-decided' ) ) ).toBe( 'Decided one – Approved 20 November 2026' );
		expect( textOf( document.querySelector( '.helpdesk-agenda-overdue' ) ) ).toContain( 'waiting on the Expert Committee since 1 February 2026 (reminder after 14 days)' );
		expect( Array.from( document.querySelectorAll( '.helpdesk-agenda-past a' ), ( a ) => a.getAttribute( 'title' ) ) ).toEqual( [ AGENDA + '/' + PAST_MEETING ] );
		expect( parsed.categories ).toEqual( [] );
		const sv = ( await render( AGENDA, 'sv' ) ).document;
		expect( textOf( sv.querySelector( '.helpdesk-agenda-heading' ) ) ).toMatch( /^Dagordning för mötet \d{1,2} [a-zå]+ \d{4}$/ );
	} );

	it( 'says so on an agenda with nothing on it, and shows the archive of a year', async () => {
		const agenda = ( await render( AGENDA + '/' + PAST_MEETING ) ).document;
		expect( textOf( agenda.querySelector( '.helpdesk-agenda-empty' ) ) ).toBe( 'No request awaits the committee at this meeting.' );
		const archive = ( await render( ARCHIVE_2025 ) ).document;
		expect( Array.from( archive.querySelectorAll( 'table.helpdesk-requests th' ), textOf ) )
			.toEqual( [ 'Request', 'Requester', 'Country', 'Kinds of support', 'Status', 'Filed', 'Closed' ] );
		expect( Array.from( archive.querySelectorAll( 'tr.helpdesk-request' ), ( row ) => textOf( row.querySelector( 'td' ) ) ) )
			.toEqual( [ 'Old ' + HOSTILE, 'Old one' ] );
		expect( Array.from( archive.querySelectorAll( 'tr.helpdesk-request' )[ 1 ].querySelectorAll( 'td' ), textOf ).slice( 2 ) )
			.toEqual( [ 'Sweden', 'Mass upload of media files, Copyright and licensing', 'Done', '5 January 2025', '2 November 2025' ] );
		const part2 = ( await render( HELPDESK + '/Archive/Open/2' ) ).document;
		expect( textOf( part2.querySelector( 'tr.helpdesk-request' ) ) ).toContain( 'Part two request' );
	} );

	it( 'gives a short message, no script error, when a data page is missing or broken', async () => {
		const missing = await parsePage( reader, { title: 'Views test', text: '{{#invoke:Helpdesk views|table|data=No such page.json}}', contentmodel: 'wikitext' } );
		expect( missing.text ).toContain( 'does not exist yet' );
		expect( missing.text ).not.toContain( 'scribunto-error' );
		await saveJson( 'Helpdesk views test/Broken.json', { schema: 3, requests: 'none' } );
		const broken = await parsePage( reader, { title: 'Views test', text: '{{#invoke:Helpdesk views|statistics|statistics=Helpdesk views test/Broken.json}}{{#invoke:Helpdesk views|table|data=Helpdesk views test/Broken.json}}', contentmodel: 'wikitext' } );
		expect( broken.text.match( /is not in the format this view reads/g ) ).toHaveLength( 2 );
		expect( broken.text ).not.toContain( 'scribunto-error' );
	} );

	it( 'shows the impact of outcomes under the requests counted and per year on the statistics', async () => {
		const impact = 'Helpdesk views test/Impact.json';
		await saveJson( impact, {
			schema: 1,
			requests: [ { page: HELPDESK + '/Requests/Upload of 3,000 medical illustrations (Sweden)', year: '2026', status: 'support-under-way',
				files: 1234, usage: 'global', usagePages: 56, usageWikis: 7, items: 3, problems: [] } ],
			years: [ { year: '2026', requests: 1, files: 1234, fileUsages: 56, items: 3 }, { year: HOSTILE, requests: 1, files: 0, fileUsages: 0, items: 0 } ],
		} );
		const parsed = await parsePage( reader, { title: 'Views test', uselang: 'en', contentmodel: 'wikitext',
			text: '{{#invoke:Helpdesk views|table|impact=' + impact + '}}{{#invoke:Helpdesk views|statistics|impact=' + impact + '}}' } );
		const document = new JSDOM( parsed.text ).window.document;
		expect( document.querySelector( '.scribunto-error' ) ).toBeNull();
		expect( Array.from( document.querySelectorAll( '.helpdesk-impact' ), textOf ) ).toEqual( [ 'Impact: 1,234 files · used on 56 pages · 3 Wikidata items' ] );
		const rows = Array.from( document.querySelectorAll( 'table.helpdesk-impact-years tr' ), ( row ) => Array.from( row.children, textOf ) );
		expect( rows ).toEqual( [
			[ 'Year', 'Requests with outcomes', 'Files', 'Pages using them', 'Wikidata items' ], [ '2026', '1', '1,234', '56', '3' ], [ HOSTILE, '1', '0', '0', '0' ],
		] );
		expect( document.querySelector( 'script' ) ).toBeNull();
	} );

	it( 'renders 2,500 open requests within the parser\'s limits', async () => {
		const requests = manyRequests( 2500 );
		const base = 'Helpdesk views test/Big/';
		// All on one page, if the wiki takes a page that large.
		const whole = wikiJson( requestsPage( requests, { attention: [], pages: [] } ) );
		let oneResult = 'saved';
		try {
			await admin.save( base + 'Whole.json', whole, 'Helpdesk views test', { contentmodel: 'json' } );
		} catch ( error ) {
			oneResult = 'refused: ' + ( error as Error ).message;
		}
		console.log( `Requests.json with 2,500 open requests: ${ whole.length } bytes, ${ oneResult }` );
		// As the bot splits them: parts that each stay well under the wiki's page size.
		const parts: ViewRequest[][] = [ [] ];
		let size = 0;
		for ( const request of requests ) {
			const bytes = Buffer.byteLength( wikiJson( request ) ) + 4;
			if ( size + bytes > 1500000 ) {
				parts.push( [] );
				size = 0;
			}
			parts[ parts.length - 1 ].push( request );
			size += bytes;
		}
		const titles = parts.map( ( _, i ) => ( i === 0 ? base + 'Requests.json' : base + 'Export/Open/' + ( i + 1 ) + '.json' ) );
		for ( let i = parts.length - 1; i >= 0; i-- ) {
			const data = i === 0 ?
				requestsPage( parts[ 0 ], { attention: [], pages: titles.slice( 1 ).map( ( title, j ) => ( { title: title, closedIn: null, part: j + 2, requests: parts[ j + 1 ].length } ) ) } ) :
				{ schema: 3, about: 'More open requests', index: titles[ 0 ], closedIn: null, part: i + 1, requests: parts[ i ] };
			await saveJson( titles[ i ], data );
		}
		const views = [ { title: 'whole', text: '{{#invoke:Helpdesk views|table|data=' + base + 'Whole.json}}', skip: oneResult !== 'saved' } ]
			.concat( parts.map( ( part, i ) => ( {
				title: 'part ' + ( i + 1 ) + ' (' + part.length + ' requests)',
				text: '{{#invoke:Helpdesk views|table|data=' + titles[ 0 ] + '|part=' + ( i + 1 ) + '}}', skip: false,
			} ) ) );
		// All 2,500 rows in one page's output, as one view would show them if one data page could hold them.
		views.push( {
			title: 'all 2,500 in one parse', skip: false,
			text: parts.map( ( _, i ) => '{{#invoke:Helpdesk views|table|data=' + titles[ 0 ] + '|part=' + ( i + 1 ) + '}}' ).join( '\n' ),
		} );
		const expectedRows = ( index: number ): number => ( index === 0 || index === views.length - 1 ? 2500 : parts[ index - 1 ].length );
		for ( const view of views.filter( ( candidate ) => !candidate.skip ) ) {
			const began = performance.now();
			const response = await reader.request( {
				action: 'parse', title: 'Helpdesk views test/Big', text: view.text, contentmodel: 'wikitext',
				prop: 'text|limitreportdata', formatversion: 2,
			} );
			const took = Math.round( performance.now() - began );
			const parse = response.parse as { text: string; limitreportdata: { name: string; 0: number | string; 1?: number | string }[] };
			const limit = ( name: string ): [ number, number ] => {
				const entry = parse.limitreportdata.find( ( item ) => item.name === name );
				return entry ? [ parseFloat( String( entry[ 0 ] ) ), parseFloat( String( entry[ 1 ] ) ) ] : [ NaN, NaN ];
			};
			const postExpand = limit( 'limitreport-postexpandincludesize' );
			const luaTime = limit( 'scribunto-limitreport-timeusage' );
			const luaMemory = limit( 'scribunto-limitreport-memusage' );
			console.log( `Table view, ${ view.title }: parse ${ took } ms; post-expand include size ${ postExpand[ 0 ] } of ${ postExpand[ 1 ] } bytes; ` +
				`Lua time ${ luaTime[ 0 ] } of ${ luaTime[ 1 ] } s; Lua memory ${ Number.isNaN( luaMemory[ 0 ] ) ? 'not reported' : luaMemory[ 0 ] + ' of ' + luaMemory[ 1 ] + ' bytes' }; HTML ${ parse.text.length } bytes` );
			expect( parse.text ).not.toContain( 'scribunto-error' );
			// The limit report is in a comment of the HTML; errors would be in the text.
			expect( parse.text.replace( /<!--[\s\S]*?-->/g, '' ) ).not.toMatch( /post-expand include size|Lua time|Lua memory|not in the format|does not exist yet/i );
			expect( postExpand[ 0 ] ).toBeLessThan( postExpand[ 1 ] );
			expect( luaTime[ 0 ] ).toBeLessThan( luaTime[ 1 ] );
			const rows = parse.text.match( /<tr class="helpdesk-request"/g ) || [];
			expect( rows.length ).toBe( expectedRows( views.indexOf( view ) ) );
		}
	}, 600000 );

	it( 'renders the largest agenda the bot writes within the parser\'s limits, and says what it leaves off', async () => {
		// As many requests awaiting the committee as the bot puts on one agenda (AGENDA_MAX_BYTES), the rest counted.
		const all = manyRequests( 1200 ).map( ( request, i ) => Object.assign( request, { decide: i % 2 ? 'final-go' : 'initial-feedback' } ) );
		const requests: ViewRequest[] = [];
		let bytes = 0;
		for ( const request of all ) {
			bytes += Buffer.byteLength( wikiJson( request ) ) + 4;
			if ( bytes > AGENDA_MAX_BYTES ) {
				break;
			}
			requests.push( request );
		}
		const data = Object.assign( emptyAgendaPage( '2027-01-14' ), { requests: requests, notShown: all.length - requests.length } );
		const title = 'Helpdesk views test/Big agenda/2027-01-14.json';
		await saveJson( title, data );
		const response = await reader.request( {
			action: 'parse', title: 'Helpdesk views test/Big agenda', contentmodel: 'wikitext', prop: 'text|limitreportdata', formatversion: 2,
			text: '{{#invoke:Helpdesk views|agenda|meeting=2027-01-14|agendas=Helpdesk views test/Big agenda/}}',
		} );
		const parse = response.parse as { text: string; limitreportdata: { name: string; 0: number | string; 1?: number | string }[] };
		const errors = parse.text.match( /<strong class="error">[\s\S]*?<\/strong>/g ) || [];
		expect( errors ).toEqual( [] );
		expect( parse.text ).not.toContain( 'scribunto-error' );
		expect( ( parse.text.match( /class="helpdesk-agenda-request"/g ) || [] ).length ).toBe( requests.length );
		expect( parse.text ).toContain( ( all.length - requests.length ) + ' more requests await the committee' );
		const postExpand = parse.limitreportdata.find( ( item ) => item.name === 'limitreport-postexpandincludesize' );
		console.log( `Agenda of ${ requests.length } requests: post-expand include size ${ postExpand && postExpand[ 0 ] } bytes, HTML ${ parse.text.length } bytes` );
	}, 600000 );

	describe( 'in a browser', () => {
		let browser: Browser;
		beforeAll( async () => {
			browser = await launchBrowser();
		} );
		afterAll( async () => {
			await browser?.close();
		} );

		it.each( [ 'vector-2022', 'minerva' ] as const )( 'fits the table, the agenda and the statistics into the screen in %s', async ( skin ) => {
			const mobile = skin === 'minerva';
			const context = await newSession( browser, { mobile: mobile } );
			try {
				const page = await context.newPage();
				if ( !mobile ) {
					await page.setViewportSize( { width: 1280, height: 800 } );
				}
				await page.goto( wikiPageUrl( wiki, TABLE, { skin: skin } ) );
				await page.waitForSelector( 'table.helpdesk-requests' );
				const layout = await page.evaluate( () => {
					const table = document.querySelector( 'table.helpdesk-requests' ) as HTMLElement;
					const headings = Array.from( table.querySelectorAll( 'th' ) ).map( ( th ) => {
						const box = th.getBoundingClientRect();
						return { text: ( th.textContent as string ).trim(), left: box.left, right: box.right, width: box.width };
					} );
					return {
						innerWidth: window.innerWidth,
						scrollWidth: ( document.scrollingElement as Element ).scrollWidth,
						tableRight: table.getBoundingClientRect().right,
						headings: headings,
					};
				} );
				expect( layout.scrollWidth ).toBeLessThanOrEqual( layout.innerWidth );
				expect( layout.tableRight ).toBeLessThanOrEqual( layout.innerWidth );
				for ( const name of [ 'Status', 'Committee' ] ) {
					const heading = layout.headings.find( ( th ) => th.text.startsWith( name ) );
					expect( heading, name ).toBeDefined();
					expect( heading?.width ).toBeGreaterThan( 0 );
					expect( heading?.left ).toBeGreaterThanOrEqual( 0 );
					expect( heading?.right ).toBeLessThanOrEqual( layout.innerWidth );
				}
				await viewportScreenshot( page, 'views-table-' + skin );
				await page.goto( wikiPageUrl( wiki, AGENDA, { skin: skin } ) );
				await page.waitForSelector( '.helpdesk-agenda-heading' );
				const agenda = await page.evaluate( () => ( {
					innerWidth: window.innerWidth,
					scrollWidth: ( document.scrollingElement as Element ).scrollWidth,
				} ) );
				expect( agenda.scrollWidth ).toBeLessThanOrEqual( agenda.innerWidth );
				await viewportScreenshot( page, 'views-agenda-' + skin );
				// The statistics too, on a narrower window: a table wider than the screen scrolls on its own, not the page.
				if ( !mobile ) {
					await page.setViewportSize( { width: 900, height: 800 } );
				}
				await page.goto( wikiPageUrl( wiki, STATISTICS, { skin: skin } ) );
				await page.waitForSelector( 'table.helpdesk-years' );
				const statistics = await page.evaluate( () => ( {
					innerWidth: window.innerWidth,
					scrollWidth: ( document.scrollingElement as Element ).scrollWidth,
				} ) );
				expect( statistics.scrollWidth ).toBeLessThanOrEqual( statistics.innerWidth );
			} finally {
				await context.close();
			}
		} );
	} );
} );
