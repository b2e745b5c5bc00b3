/**
 * The impact of outcomes in a whole run of the bot (in-memory wiki, stand-ins for
 * Commons and Wikidata): Impact.json is written once the request is done, the next
 * run a day later comes back for it even when no page changed, a run in between
 * asks nothing, and an API that fails is a problem of the request, never of the run.
 */
import type { ApiParams } from 'mwn';
import { describe, expect, it } from 'vitest';
import { configFromEnv, LocalWikiCredentials } from '../../../bot/config';
import type { ImpactSources } from '../../../bot/impact';
import type { ImpactData } from '../../../bot/plan/impact';
import { readState } from '../../../bot/plan/state';
import { failingClient, fakeClient, files, Site } from './fake-impact';
import { makeWiki, PAGES, PREFIX, requestText, runBot } from './helpers';

const IMPACT = 'Content Partnerships Hub/Helpdesk/Impact.json';
const PAGE = PREFIX + 'Kumasi photo archive';

const COMMONS: Site = {
	categories: { 'Category:Kumasi archive': files( 'Kumasi', 4 ).concat( [ 'Category:Kumasi details' ] ), 'Category:Kumasi details': files( 'Detail', 2 ) },
	usage: { 'File:Kumasi 1.png': [ { wiki: 'en.wikipedia.org', title: 'Kumasi' } ] },
	pages: [],
	globalUsage: true,
};
const WIKIDATA: Site = { categories: {}, usage: {}, pages: [ 'Q42' ], globalUsage: false };

function sources( asked: ApiParams[], wikidataFails = false ): ImpactSources {
	return { commons: fakeClient( COMMONS, asked ), wikidata: wikidataFails ? failingClient( asked ) : fakeClient( WIKIDATA, asked ), requests: () => asked.length };
}

function impactOf( wiki: ReturnType<typeof makeWiki> ): ImpactData {
	return JSON.parse( wiki.text( IMPACT ) ) as ImpactData;
}

describe( 'impact in a run', () => {
	it( 'counts a done request\'s outcomes, comes back a day later, and asks nothing in between', async () => {
		const wiki = makeWiki();
		wiki.save( PAGE, requestText( {
			status: 'done', statusSince: '2026-02-20T10:00:00Z', outcomeCategory: 'Kumasi archive', outcomeItems: [ 'Q42', 'Q43' ],
		} ), 'Kofi Mensah' );
		wiki.setClock( '2026-03-01T09:00:00Z' );
		const asked: ApiParams[] = [];
		const first = await runBot( wiki, { impact: sources( asked ) } );
		expect( first.ok ).toBe( true );
		expect( first.impact.measured ).toBe( 1 );
		const entry = impactOf( wiki ).requests[ 0 ];
		expect( entry ).toMatchObject( {
			page: PAGE, year: '2026', files: 6, subcategories: 1, usage: 'global', usagePages: 1, usageWikis: 1, items: 1, itemsMissing: [ 'Q43' ],
			checked: '2026-03-01T09:00:00Z',
		} );
		expect( impactOf( wiki ).years ).toStrictEqual( [ { year: '2026', requests: 1, files: 6, fileUsages: 1, items: 1 } ] );
		expect( first.needsAttention ).toContainEqual( expect.objectContaining( { page: PAGE, code: 'impact-missing-items', params: [ 'Q43' ] } ) );
		const state = readState( PAGES, [ { title: PAGES.state, pageid: 1, revid: 1, timestamp: '', user: '', text: wiki.text( PAGES.state ) } ], '' );
		expect( state?.recheck ).toBe( '2026-03-02T09:00:00Z' );

		// An hour later nothing changed and nothing is due: one request, nothing asked of Commons or Wikidata.
		const before = asked.length;
		wiki.setClock( '2026-03-01T10:00:00Z' );
		const quiet = await runBot( wiki, { impact: sources( asked ) } );
		expect( quiet.fullScan ).toBe( false );
		expect( asked.length ).toBe( before );

		// A day later the run comes back for it, though no page changed.
		wiki.setClock( '2026-03-02T09:00:00Z' );
		const later = await runBot( wiki, { impact: sources( asked ) } );
		expect( later.fullScan ).toBe( true );
		expect( later.impact.measured ).toBe( 1 );
		expect( impactOf( wiki ).requests[ 0 ].checked ).toBe( '2026-03-02T09:00:00Z' );
	} );

	it( 'counts changed outcomes at once, and leaves requests not in support alone', async () => {
		const wiki = makeWiki();
		wiki.save( PAGE, requestText( { status: 'done', outcomeCategory: 'Kumasi archive' } ), 'Kofi Mensah' );
		wiki.save( PREFIX + 'Not yet', requestText( { title: 'Not yet', status: 'submitted', outcomeCategory: 'Kumasi archive' } ), 'Kofi Mensah' );
		const asked: ApiParams[] = [];
		await runBot( wiki, { impact: sources( asked ) } );
		expect( impactOf( wiki ).requests.map( ( entry ) => entry.page ) ).toStrictEqual( [ PAGE ] );
		wiki.setClock( '2026-03-01T10:00:00Z' );
		wiki.save( PAGE, wiki.text( PAGE ).replace( '| outcome_category = Kumasi archive', '| outcome_category = Kumasi details' ), 'Kofi Mensah' );
		wiki.setClock( '2026-03-01T10:00:00Z' );
		const changed = await runBot( wiki, { impact: sources( asked ) } );
		expect( changed.impact.measured ).toBe( 1 );
		expect( impactOf( wiki ).requests[ 0 ] ).toMatchObject( { category: 'Kumasi details', files: 2, subcategories: 0, checked: '2026-03-01T10:00:00Z' } );
	} );

	it( 'goes on with the run when Wikidata fails, reports it, and tries again an hour later', async () => {
		const wiki = makeWiki();
		wiki.save( PAGE, requestText( { status: 'support-under-way', outcomeCategory: 'Kumasi archive', outcomeItems: [ 'Q42' ] } ), 'Kofi Mensah' );
		wiki.setClock( '2026-03-01T09:00:00Z' );
		const asked: ApiParams[] = [];
		const report = await runBot( wiki, { impact: sources( asked, true ) } );
		expect( report.ok ).toBe( true );
		expect( report.stopped ).toBeNull();
		expect( report.needsAttention ).toContainEqual( expect.objectContaining( {
			page: PAGE, code: 'impact-wikidata-failed', reason: 'The Wikidata API could not be read: ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:9',
		} ) );
		expect( impactOf( wiki ).requests[ 0 ] ).toMatchObject( { files: 6, items: null } );
		// The rest of the run: the table of requests was compiled as ever.
		expect( wiki.text( PAGES.export ) ).toContain( 'Kumasi' );
		const state = readState( PAGES, [ { title: PAGES.state, pageid: 1, revid: 1, timestamp: '', user: '', text: wiki.text( PAGES.state ) } ], '' );
		expect( state?.recheck ).toBe( '2026-03-01T10:00:00Z' );
		wiki.setClock( '2026-03-01T10:00:00Z' );
		await runBot( wiki, { impact: sources( asked ) } );
		expect( impactOf( wiki ).requests[ 0 ] ).toMatchObject( { files: 6, items: 1, problems: [] } );
	} );

	it( 'reads no impact page while no request has outcomes', async () => {
		const wiki = makeWiki();
		wiki.save( PAGE, requestText( { status: 'done' } ), 'Kofi Mensah' );
		const report = await runBot( wiki, { impact: sources( [] ) } );
		expect( report.impact.measured ).toBe( 0 );
		expect( wiki.requests.some( ( params ) => String( params.titles || '' ).includes( 'Impact.json' ) ) ).toBe( false );
		expect( wiki.text( IMPACT ) ).toBe( '' );
	} );
} );

describe( 'the impact settings', () => {
	const versions = { bot: '0.1.0', mwn: '3.0.3' };
	const local = (): LocalWikiCredentials => ( { apiUrl: 'http://127.0.0.1:8089/api.php', bot: { username: 'Helpdesk bot', botUsername: 'helpdesk', botPassword: 'p'.repeat( 32 ) } } );

	it( 'are Commons and Wikidata by default, any api.php when set, and nothing else', () => {
		expect( configFromEnv( {}, versions, local ).plan.impact ).toMatchObject( {
			commonsApiUrl: 'https://commons.wikimedia.org/w/api.php', wikidataApiUrl: 'https://www.wikidata.org/w/api.php', retryPauseMs: 5000,
		} );
		const set = configFromEnv( { HELPDESK_COMMONS_API_URL: 'http://127.0.0.1:8089/api.php', HELPDESK_WIKIDATA_API_URL: 'http://127.0.0.1:9/api.php' }, versions, local );
		expect( set.plan.impact ).toMatchObject( { commonsApiUrl: 'http://127.0.0.1:8089/api.php', wikidataApiUrl: 'http://127.0.0.1:9/api.php' } );
		expect( set.plan.impact?.userAgent ).toBe( set.wiki.userAgent );
		expect( () => configFromEnv( { HELPDESK_WIKIDATA_API_URL: 'wikidata.org' }, versions, local ) ).toThrow( /HELPDESK_WIKIDATA_API_URL/ );
		expect( () => configFromEnv( { HELPDESK_IMPACT_PAGE: PREFIX + 'Impact.json' }, versions, local ) ).toThrow( /HELPDESK_IMPACT_PAGE/ );
	} );
} );
