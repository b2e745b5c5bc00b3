/**
 * Module:Helpdesk views run by the system's Lua 5.1 (as Scribunto's luastandalone),
 * with Scribunto's own mw.text and mw.html and stubs of what needs MediaWiki: the
 * parts that need no wiki (escaping of hostile data, defaults of omitted fields,
 * formatting, sorting, bar widths, broken data pages).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REQUEST_I18N_PAGE, requestMessages, VIEWS_I18N_PAGE, viewsMessages } from '../../../scripts/onwiki-pages';
import {
	agendaPage, archivePage, caseRequests, emptyAgendaPage, HELPDESK, HOSTILE, manyRequests, openPart2, requestsPage,
	SCRIPT_URL, settingsPage, statisticsPage, viewRequest,
} from '../../fixtures/views-data';
import { HAS_LUA, runLua, toLua } from '../lua/to-lua';

const ROOT = resolve( __dirname, '../../..' );

let dir: string;
let messages: Record<string, Record<string, string>>;

/** Run `body` (Lua; its `return` value is printed) with the data pages `pages`. */
function lua( pages: Record<string, unknown>, body: string, lang = 'en' ): string {
	return runLua( dir, {
		MODULE: resolve( ROOT, 'shared/pages/Module-Helpdesk_views.lua' ),
		REQUEST_MODULE: resolve( ROOT, 'shared/pages/Module-Helpdesk_request.lua' ),
		LANG: lang,
		PAGES: { [ VIEWS_I18N_PAGE ]: messages, ...pages },
	}, [
		'dofile( ' + toLua( resolve( __dirname, 'harness.lua' ) ) + ' )',
		'local out = ( function () ' + body + ' end )()',
		'io.write( tostring( out ) )',
	] );
}

const DATA = HELPDESK + '/Requests.json';
const standard = (): Record<string, unknown> => ( {
	[ DATA ]: requestsPage( caseRequests() ),
	[ HELPDESK + '/Export/2025.json' ]: archivePage(),
	[ HELPDESK + '/Export/Open/2.json' ]: openPart2(),
	[ HELPDESK + '/Export/Statistics.json' ]: statisticsPage(),
	[ HELPDESK + '/Settings.json' ]: settingsPage( [ '2026-11-12', '2026-12-10', '2027-01-14' ] ),
	[ HELPDESK + '/Agenda/2026-12-10.json' ]: agendaPage(),
	[ HELPDESK + '/Agenda/2026-11-12.json' ]: emptyAgendaPage( '2026-11-12' ),
} );

/** Markup that hostile data must never produce in the module's output. */
function expectInert( out: string ): void {
	expect( out ).not.toContain( '{{x}}' );
	expect( out ).not.toContain( '<script' );
	expect( out ).not.toContain( '[[Category:' );
	expect( out ).not.toContain( '{{subst:' );
	expect( out ).not.toContain( '__NOTOC__' );
	expect( out ).not.toMatch( /\[javascript:/i );
	expect( out ).not.toContain( '<b>bold' );
}

describe.skipIf( !HAS_LUA )( 'Module:Helpdesk views in Lua 5.1', () => {
	beforeAll( async () => {
		dir = mkdtempSync( join( tmpdir(), 'helpdesk-views-lua-' ) );
		messages = await viewsMessages();
	} );
	afterAll( () => {
		rmSync( dir, { recursive: true, force: true } );
	} );

	it( 'converts ISO dates to days and counts days between them', () => {
		expect( lua( {}, 'return views.isoDays( "1970-01-01" ) .. " " .. views.isoDays( "2000-03-01T00:00:00Z" ) .. " " .. views.daysBetween( "2026-02-27T23:00:00Z", "2026-03-02T01:00:00Z" ) .. " " .. tostring( views.daysBetween( "x", "2026-01-01" ) )' ) )
			.toBe( '0 11017 3 nil' );
	} );

	it( 'gives bars their share of the largest value, at least 1 % when not zero', () => {
		expect( lua( {}, 'return table.concat( views.barWidths( { 10, 5, 0, 0.01 } ), " " )' ) ).toBe( '100 50 0 1' );
		expect( lua( {}, 'return table.concat( views.barWidths( { 0, 0 } ), " " )' ) ).toBe( '0 0' );
	} );

	it( 'sorts oldest first, requests without the date last', () => {
		expect( lua( {}, 'local s = views.sortBy( { { page = "c" }, { page = "b", since = "2026-02-01" }, { page = "a", since = "2026-01-01" } }, "since" ) return s[1].page .. s[2].page .. s[3].page' ) )
			.toBe( 'abc' );
	} );

	it( 'picks the next meeting on or after today and the past ones, newest first', () => {
		expect( lua( {}, 'local n, past = views.meetings( { "2027-01-14", "bad", "2026-11-12", "2026-12-10" }, "2026-12-10" ) return n .. " " .. table.concat( past, "," )' ) )
			.toBe( '2026-12-10 2026-11-12' );
		expect( lua( {}, 'local n = views.meetings( { "2026-01-01" }, "2026-12-10" ) return tostring( n )' ) ).toBe( 'nil' );
	} );

	it( 'escapes typed text and never links what is not a page or an http(s) URL', () => {
		const out = lua( {}, 'return views.text( ' + toLua( HOSTILE ) + ' ) .. "\\n" .. views.pageLink( "A]]{{x}}" ) .. "\\n" .. views.pageLink( "Category:X", "shown" ) .. "\\n" .. views.externalLink( "javascript:alert(1)" ) .. "\\n" .. views.externalLink( "https://x.org/a]b{{x}}\'\'" )' );
		const [ text, badLink, colonLink, js, url ] = out.split( '\n' );
		expect( text ).toBe( '&#93;&#93;&#123;&#123;x&#125;&#125;&#60;script&#62;alert(1)&#60;/script&#62;' );
		expect( badLink ).toBe( 'A&#93;&#93;&#123;&#123;x&#125;&#125;' );
		expect( colonLink ).toBe( '[[:Category:X|shown]]' );
		expect( js ).toBe( SCRIPT_URL );
		expect( url ).toBe( '[https://x.org/a%5Db%7B%7Bx%7D%7D%27%27 https&#58;//x.org/a&#93;b&#123;&#123;x&#125;&#125;&#39;&#39;]' );
	} );

	it( 'renders the table: rows, status, tally, flags, attention and the links to the other pages', () => {
		const out = lua( standard(), 'return views.table( frame( { today = "2026-03-20" } ) )' );
		expect( out ).toContain( 'class="wikitable sortable helpdesk-requests" style="width:100%' );
		expect( out.match( /<tr class="helpdesk-request/g ) ).toHaveLength( 6 );
		expect( out ).toContain( '[[:Content Partnerships Hub/Helpdesk/Requests/Upload of 3,000 medical illustrations (Sweden)|<bdi>Upload of 3,000 medical illustrations</bdi>]]' );
		expect( out ).toContain( '[[User:Requester One|<bdi>Requester One</bdi>]] · <bdi>Wikimedia Sverige</bdi> · Sweden · Mass upload of media files, Copyright and licensing' );
		expect( out ).toContain( '>Initial feedback</span>' );
		expect( out ).toContain( '10 days in this stage' );
		expect( out ).toContain( 'Feedback: 2 of 8' );
		expect( out ).toContain( 'Final go: 1 yes, 0 no' );
		expect( out ).toContain( 'Unknown status: “<bdi>waiting for the museum &#91;&#91;x&#93;&#93;</bdi>”' );
		expect( out ).toContain( 'not confirmed: Awaiting final go' );
		expect( out ).toContain( 'Could not be read: No &#123;&#123;Helpdesk request&#125;&#125; template on the page.' );
		expect( out ).toContain( '⚑ <span class="helpdesk-flag helpdesk-flag-overdue">Overdue</span> · <span class="helpdesk-flag helpdesk-flag-sign-off-not-counted">Sign-off not counted</span>' );
		expect( out ).toContain( '[[:Content Partnerships Hub/Helpdesk/Requests/Broken page|<bdi>Broken page</bdi>]]' );
		expect( out ).toContain( '== Requests needing attention ==' );
		expect( out ).toContain( 'The status “<bdi>approved</bdi>” is not confirmed by the page history.' );
		expect( out ).toContain( 'Hostile text: &#93;&#93;' );
		expect( out ).toContain( '[[:Content Partnerships Hub/Helpdesk/Archive/2025|Closed in 2025 (2 requests)]]' );
		expect( out ).toContain( '[[:Content Partnerships Hub/Helpdesk/Archive/Open/2|Open requests, part 2 (1 request)]]' );
		expect( out ).toContain( 'lang="en" dir="ltr"' );
		expectInert( out );
		// The hostile requester is not valid: no user link made of their name.
		expect( out ).not.toContain( '[[User:Evil' );
	} );

	it( 'shows a request with only its page and status, with defaults for every field', () => {
		const out = lua( { [ DATA ]: requestsPage( [ { page: 'P', status: 'submitted' } ], { attention: undefined, pages: undefined, compiled: undefined } ) },
			'return views.table( frame() )' );
		expect( out ).toContain( '[[:P|<bdi>P</bdi>]]' );
		expect( out ).toContain( 'Feedback: 0 of 0' );
		expect( out ).toContain( 'No request needs attention.' );
		expect( out ).not.toContain( 'More requests' );
	} );

	it( 'translates into Swedish with PLURAL and Swedish numbers, and English text for attention it cannot translate', () => {
		const out = lua( standard(), 'return views.table( frame( { today = "2026-03-20" } ) )', 'sv' );
		expect( out ).toContain( 'lang="sv" dir="ltr"' );
		expect( out ).toContain( '<th style="width:50%">Förfrågan</th><th style="min-width:5em;overflow-wrap:normal">Status</th><th style="overflow-wrap:normal">Kommittén</th></tr>' );
		expect( out ).toContain( '10 dagar i detta steg' );
		expect( out ).toContain( 'Avslutade 2025 (2 förfrågningar)' );
		expect( out ).toContain( 'Öppna förfrågningar, del 2 (1 förfrågan)' );
		expect( out ).toContain( 'Statusen ”<bdi>approved</bdi>” bekräftas inte av sidhistoriken.' );
		expect( out ).toContain( 'Hostile text: &#93;&#93;' );
	} );

	it( 'marks Arabic as right to left and falls back to English for a language without messages', () => {
		expect( lua( standard(), 'return views.attention( frame() )', 'ar' ) ).toContain( 'lang="ar" dir="rtl"' );
		const out = lua( standard(), 'return views.attention( frame() )', 'xx' );
		expect( out ).toContain( 'lang="xx"' );
		expect( out ).toContain( 'is not confirmed by the page history' );
	} );

	it( 'says so in a short message when a data page is missing or not of the schema', () => {
		expect( lua( {}, 'return views.table( frame() )' ) ).toContain( 'The data page [[:Content Partnerships Hub/Helpdesk/Requests.json|Content Partnerships Hub/Helpdesk/Requests.json]] does not exist yet' );
		expect( lua( { [ DATA ]: { schema: 2, requests: [] } }, 'return views.table( frame() )' ) ).toContain( 'is not in the format this view reads' );
		expect( lua( { [ DATA ]: { schema: 3, requests: 'x' } }, 'return views.table( frame() )' ) ).toContain( 'is not in the format this view reads' );
		expect( lua( { [ DATA ]: { schema: 3, requests: [ 'x', 5, { page: 'P', status: 'done' } ], attention: [ 'y' ], pages: [ 7 ] } }, 'return views.table( frame() )' ) ).toContain( '1 open request' );
		expect( lua( {}, 'return views.statistics( frame() )' ) ).toContain( 'Export/Statistics.json' );
		expect( lua( {}, 'return views.agenda( frame( { meeting = "2026-12-10" } ) )' ) ).toContain( 'The agenda for (en date 2026-12-10) has not been compiled yet.' );
		expect( lua( {}, 'return views.agenda( frame() )' ) ).toContain( 'No coming meeting is set' );
		expect( lua( {}, 'return views.archive( frame( { year = "2024" } ) )' ) ).toContain( 'Export/2024.json' );
	} );

	it( 'takes the titles of the data pages from arguments', () => {
		const out = lua( { 'Test/Data.json': requestsPage( [ viewRequest() ] ) }, 'return views.table( frame( { data = "Test/Data.json", archives = "Test/Archive/" } ) )' );
		expect( out ).toContain( '1 open request' );
		expect( out ).toContain( '[[:Test/Archive/2025|' );
	} );

	it( 'renders open part 2 and the archive of a year', () => {
		expect( lua( standard(), 'return views.table( frame( { part = "2" } ) )' ) ).toContain( 'Part two request' );
		const archive = lua( standard(), 'return views.archive( frame( { year = "2025" } ) )' );
		expect( archive ).toContain( 'Requests closed in 2025' );
		expect( archive ).toContain( '<th>Request</th><th>Requester</th><th>Country</th><th>Kinds of support</th><th>Status</th><th>Filed</th><th>Closed</th>' );
		expect( archive.indexOf( 'Old &#93;&#93;' ) ).toBeLessThan( archive.indexOf( 'Old one' ) );
		expect( archive ).toContain( '(en date 2025-11-02)' );
		expectInert( archive );
	} );

	it( 'draws the statistics as bars with their numbers, response times and the sentence per year', () => {
		const out = lua( standard(), 'return views.statistics( frame() )' );
		expect( out ).toContain( '120 requests in all, 2 of them unreadable.' );
		expect( out ).toMatch( /Done<\/div><div[^>]*><div class="helpdesk-bar" data-value="58" style="width:100%;/ );
		expect( out ).toMatch( /Approved<\/div><div[^>]*><div class="helpdesk-bar" data-value="40" style="width:69%;/ );
		expect( out ).toContain( 'South America' );
		expect( out ).toContain( 'Mass upload of media files' );
		expect( out ).toContain( 'median 6.5 days, over 80 requests' );
		expect( out ).toContain( 'In 2026: 40 requests from 12 countries on 4 continents.' );
		expect( out ).toContain( '<td>2026</td><td>40</td><td>12</td><td>4</td><td>10</td><td>3</td><td>1</td><td>5</td><td>–</td>' );
		expect( lua( standard(), 'return views.statistics( frame() )', 'sv' ) ).toContain( 'År 2026: 40 förfrågningar från 12 länder på 4 kontinenter.' );
	} );

	it( 'shows the requesters\' verdicts per year: asked, answered, average and each rating; none yet is no error', () => {
		const withVerdicts = ( verdicts: unknown ): Record<string, unknown> => Object.assign( standard(), {
			[ HELPDESK + '/Export/Statistics.json' ]: Object.assign( statisticsPage(), { verdicts: verdicts } ),
		} );
		const out = lua( withVerdicts( [
			{ year: '2025', asked: 10, answered: 4, average: 4.5, ratings: [ 0, 0, 0, 2, 2 ] },
			{ year: '2026', asked: 3, answered: 0, average: null, ratings: [ 0, 0, 0, 0, 0 ] },
			{ year: HOSTILE, asked: 'x', ratings: 'y' },
		] ), 'return views.statistics( frame() )' );
		expect( out ).toContain( '== The requesters\' verdicts ==' );
		expect( out ).toContain( '<th>Year</th><th>Asked</th><th>Answered</th><th>Average rating</th><th>1 of 5</th><th>2 of 5</th>' );
		expect( out ).toContain( '<td>2025</td><td>10</td><td>4</td><td>4.5</td><td>0</td><td>0</td><td>0</td><td>2</td><td>2</td>' );
		expect( out ).toContain( '<td>2026</td><td>3</td><td>0</td><td>–</td><td>0</td>' );
		expectInert( out );
		const swedish = lua( withVerdicts( [ { year: '2025', asked: 1, answered: 1, average: 3, ratings: [ 0, 0, 1, 0, 0 ] } ] ), 'return views.statistics( frame() )', 'sv' );
		expect( swedish ).toContain( '== Förfrågarnas omdömen ==' );
		expect( swedish ).toContain( '<th>3 av 5</th>' );
		// Statistics from before the verdicts: the section says there is no data yet.
		expect( lua( standard(), 'return views.statistics( frame() )' ) ).toMatch( /== The requesters' verdicts ==\n<p>[^<]*<\/p>\n<p>No data yet\.<\/p>/ );
	} );

	it( 'renders the next agenda: blocks oldest first, sign-offs, recommendation, decision, decided, overdue, past agendas', () => {
		const out = lua( standard(), 'return views.agenda( frame( { today = "2026-11-30" } ) )' );
		expect( out ).toContain( 'Agenda for the meeting of (en date 2026-12-10)' );
		const blocks = out.split( 'class="helpdesk-agenda-request"' ).slice( 1 );
		expect( blocks ).toHaveLength( 4 );
		expect( blocks[ 0 ] ).toContain( 'Hostile (Kenya)' );
		expect( blocks[ 3 ] ).toContain( 'Upload of 3,000 medical illustrations' );
		expect( out ).toContain( '<bdi>Evil ~~~~ &#91;&#91;Category:X&#93;&#93;</bdi> – final go: yes – <span class="helpdesk-signoff-not-counted">not counted: added by someone else</span> – (en date 2026-03-01)' );
		expect( out ).toContain( 'Recommendation of the working group Communication:</b> <bdi>Go ahead &#123;&#123;x&#125;&#125;</bdi>' );
		expect( out ).toContain( 'To decide:</b> Give the final go: approve or decline.' );
		expect( out ).toContain( 'To decide:</b> The status is not a Helpdesk status: decide what it should be.' );
		expect( out ).toContain( 'Stage:</b> Agreement in place' );
		expect( out ).toContain( '[https://example.org/ok?x=1&y=2 https&#58;//example.org/ok?x&#61;1&#38;y&#61;2]' );
		expect( out ).toContain( '== Decided since the last meeting ==' );
		expect( out ).toContain( 'waiting on the Expert Committee since (en date 2026-02-01) (reminder after 14 days)' );
		expect( out ).toContain( '== Past agendas ==' );
		expect( out ).toContain( '[[:Content Partnerships Hub/Helpdesk/Agenda/2026-11-12|(en date 2026-11-12)]]' );
		expectInert( out );
		const sv = lua( standard(), 'return views.agenda( frame( { today = "2026-11-30" } ) )', 'sv' );
		expect( sv ).toContain( 'Rekommendation från arbetsgruppen Kommunikation' );
	} );

	it( 'shows the routing hints of a request on the agenda in the reader\'s language, with the request page\'s messages', async () => {
		const requestI18n = await requestMessages();
		const agenda = agendaPage() as { requests: Record<string, unknown>[] };
		agenda.requests[ 0 ].routing = {
			group: { code: 'communication', why: [ { code: 'support', params: [ 'finding-people' ] } ], text: 'Communication: helps with finding people.' },
			people: [ { user: 'Lucía Gómez', score: 7, text: 'Helps with copyright; speaks pt; knows Brazil.', why: [
				{ code: 'support', params: [ 'copyright' ] }, { code: 'language', params: [ 'pt' ] }, { code: 'country', params: [ 'BR' ] } ] },
			{ user: HOSTILE, score: 3, text: HOSTILE, why: [ { code: 'support', params: [ HOSTILE ] } ] } ],
		};
		agenda.requests[ 1 ].routing = { none: [ { code: 'no-volunteers', params: [], text: 'Nobody is listed on the volunteers\' page yet.' } ] };
		const pages = Object.assign( standard(), { [ HELPDESK + '/Agenda/2026-12-10.json' ]: agenda, [ REQUEST_I18N_PAGE ]: requestI18n } );
		const out = lua( pages, 'return views.agenda( frame( { today = "2026-11-30" } ) )' );
		const blocks = out.split( 'class="helpdesk-agenda-request"' ).slice( 1 );
		const hinted = blocks.filter( ( block ) => block.includes( 'Lucía' ) )[ 0 ];
		expect( hinted ).toContain( '>Who could help</div>' );
		expect( hinted ).toContain( 'Working group: <bdi>Communication</bdi> (helps with Finding the right people).' );
		expect( hinted ).toContain( '[[User:Lucía Gómez|Lucía Gómez]]: helps with Copyright and licensing; speaks Portuguese; knows <bdi>BR</bdi></li>' );
		expect( hinted.indexOf( 'helpdesk-request-routing' ) ).toBeLessThan( hinted.indexOf( 'helpdesk-agenda-decide' ) );
		expect( blocks.filter( ( block ) => block.includes( 'data-code="no-volunteers"' ) ) ).toHaveLength( 1 );
		expect( blocks.filter( ( block ) => block.includes( 'helpdesk-request-routing' ) ) ).toHaveLength( 2 );
		expectInert( out );
		const sv = lua( pages, 'return views.agenda( frame( { today = "2026-11-30" } ) )', 'sv' );
		expect( sv ).toContain( '>' + requestI18n.sv[ 'helpdesk-request-routing-heading' ] + '</div>' );
		expect( sv ).toContain( 'Arbetsgrupp: <bdi>Kommunikation</bdi> (' );
		expect( sv ).toContain( 'talar portugisiska' );
	} );

	it( 'says so when the agenda has nothing on it', () => {
		const out = lua( standard(), 'return views.agenda( frame( { meeting = "2026-11-12" } ) )' );
		expect( out ).toContain( 'No request awaits the committee at this meeting.' );
		expect( out ).not.toContain( 'Past agendas' );
	} );

	it( 'looks up each country once, however many requests', () => {
		const out = lua( { [ DATA ]: requestsPage( manyRequests( 400 ) ) }, 'views.table( frame() ) return EXPANDED .. " " .. LOADS' );
		// The data, the messages and the impact of outcomes, each once.
		expect( out ).toBe( '8 3' );
	} );
	describe( 'the impact of outcomes (Impact.json)', () => {
		const IMPACT = HELPDESK + '/Impact.json';
		const MEDICAL = HELPDESK + '/Requests/Upload of 3,000 medical illustrations (Sweden)';
		const impactPage = (): Record<string, unknown> => ( {
			schema: 1,
			requests: [
				{ page: MEDICAL, year: '2026', status: 'support-under-way', files: 1234, usage: 'global', usagePages: 56, usageWikis: 7, items: 3, problems: [] },
				{ page: HELPDESK + '/Requests/Old one (Sweden)', year: '2025', status: 'done', files: 2, usage: 'same-wiki', usagePages: 1, items: null,
					problems: [ { code: 'impact-wikidata-failed', params: [ 'x' ], text: 'x' } ] },
				{ page: HELPDESK + '/Requests/Hostile (Kenya)', year: HOSTILE, files: HOSTILE, usage: HOSTILE, usagePages: 'many', items: { a: 1 } },
				'not an entry', { page: 42 },
			],
			years: [
				{ year: '2026', requests: 1, files: 1234, fileUsages: 56, items: 3 },
				{ year: HOSTILE, requests: 'x', files: 2, fileUsages: null, items: 0 },
				'x',
			],
		} );

		it( 'adds a line of figures under the requests counted, in the table and the archives', () => {
			const pages = Object.assign( standard(), { [ IMPACT ]: impactPage() } );
			const out = lua( pages, 'return views.table( frame() )' );
			expect( out ).toContain( '<span class="helpdesk-impact">Impact: 1,234 files · used on 56 pages · 3 Wikidata items</span>' );
			expect( out.match( /helpdesk-impact"/g ) ).toHaveLength( 1 );
			expectInert( out );
			const archive = lua( pages, 'return views.archive( frame( { year = "2025" } ) )' );
			expect( archive ).toContain( 'Impact: 2 files · used on 1 page of the same wiki · <span class="helpdesk-impact-problem">not all counted</span>' );
			// (The stub's Swedish thousands separator is not the wiki's: the numbers after it are checked.)
			expect( lua( pages, 'return views.table( frame() )', 'sv' ) ).toContain( '234 filer · används på 56 sidor · 3 Wikidata-objekt</span>' );
		} );

		it( 'shows the totals per year on the statistics, hostile data as text', () => {
			const out = lua( Object.assign( standard(), { [ IMPACT ]: impactPage() } ), 'return views.statistics( frame() )' );
			expect( out ).toContain( '== Impact of the outcomes ==' );
			expect( out ).toContain( '<tr><th>Year</th><th>Requests with outcomes</th><th>Files</th><th>Pages using them</th><th>Wikidata items</th></tr>' );
			expect( out ).toContain( '<tr><td>2026</td><td>1</td><td>1,234</td><td>56</td><td>3</td></tr>' );
			expect( out ).toContain( '</td><td>–</td><td>2</td><td>–</td><td>0</td></tr>' );
			expectInert( out );
		} );

		it( 'says when nothing was counted, and changes nothing else without the page', () => {
			expect( lua( standard(), 'return views.statistics( frame() )' ) ).toContain( 'No outcomes have been counted yet.' );
			expect( lua( Object.assign( standard(), { [ IMPACT ]: { schema: 2, requests: [], years: [ { year: '2026', files: 1 } ] } } ), 'return views.statistics( frame() )' ) )
				.toContain( 'No outcomes have been counted yet.' );
			expect( lua( standard(), 'return views.table( frame() )' ) ).not.toContain( 'helpdesk-impact' );
		} );
	} );
} );
