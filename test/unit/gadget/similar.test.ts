// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderRequestPage } from '../../../shared/codec';
import { REQUESTS_PREFIX } from '../../../shared/pages';
import { emptyRequest, HelpdeskRequest } from '../../../shared/request';
import {
	filedRequest, FiledRequestsResponse, readFiledRequests, SimilarApi, similarRequests, SimilarRequest, SimilarRequestsWatcher, similarTitles,
} from '../../../gadget/filing/similar';
import { emptyFields } from '../../../gadget/filing/fields';

function request( title: string, changes: Partial<HelpdeskRequest> = {} ): HelpdeskRequest {
	return { ...emptyRequest( 'Someone', '2026-11-01T10:00:00Z', 'en' ), title: title, ...changes };
}

/** Pages as the API gives them, from requests rendered by the codec. */
function page( value: HelpdeskRequest ): { title: string; revisions: { slots: { main: { content: string } } }[] } {
	return { title: REQUESTS_PREFIX + value.title, revisions: [ { slots: { main: { content: renderRequestPage( value ) } } } ] };
}

const FILED = [
	request( 'Medical illustrations from Servier', { affiliate: 'Wikimedia Sverige', partners: [ 'SMART Servier' ] } ),
	request( 'Old town photographs', { affiliate: 'Wikimedia Uganda', partners: [ 'Kampala City Archive', 'Makerere | University' ] } ),
	request( 'Data on {{monuments}} = 1', { affiliate: 'Wikimedia Österreich', partners: [] } ),
];

/** A fake API serving `requests` in batches of two; counts the calls, can fail. */
function fakeApi( requests: HelpdeskRequest[] ): SimilarApi & { calls: number; failing: boolean } {
	const api = {
		calls: 0,
		failing: false,
		requestPages: ( from: Record<string, string> | null ): Promise<FiledRequestsResponse> => {
			api.calls++;
			if ( api.failing ) {
				return Promise.reject( new Error( 'http' ) );
			}
			const start = from ? Number( from.gapcontinue ) : 0;
			const response: FiledRequestsResponse = { query: { pages: requests.slice( start, start + 2 ).map( page ) } };
			if ( start + 2 < requests.length ) {
				response.continue = { gapcontinue: String( start + 2 ), continue: 'gapcontinue||' };
			}
			return Promise.resolve( response );
		},
	};
	return api;
}

describe( 'similar requests', () => {
	it( 'read affiliate and partners back from the codec\'s wikitext, hostile text included', () => {
		const value = request( 'T', { affiliate: 'A | B = {{C}}', partners: [ 'One', '* Two [[x]]' ] } );
		const filed = filedRequest( 'X', renderRequestPage( value ) );
		expect( filed.title ).toBe( 'X' );
		expect( filed.lines ).toEqual( expect.arrayContaining( [ 'a | b = {{c}}', 'one', '* two [[x]]' ] ) );
	} );

	it( 'read every request page in batches, following continuation', async () => {
		const api = fakeApi( FILED );
		const filed = await readFiledRequests( api );
		expect( filed.map( ( one ) => one.title ) ).toEqual( FILED.map( ( one ) => REQUESTS_PREFIX + one.title ) );
		expect( api.calls ).toBe( 2 );
	} );

	it( 'are those of the same affiliate or partner (case and accents aside) or with a similar title', async () => {
		const filed = await readFiledRequests( fakeApi( FILED ) );
		const find = ( changes: object ): string[] => similarRequests( { ...emptyFields(), ...changes }, filed ).map( ( one ) => one.name );
		expect( similarRequests( { ...emptyFields(), affiliate: 'wikimedia sverige' }, filed ) ).toEqual( [
			expect.objectContaining( { title: REQUESTS_PREFIX + FILED[ 0 ].title, name: FILED[ 0 ].title } ),
		] );
		expect( find( { affiliate: 'Wikimedia Osterreich' } ) ).toEqual( [ FILED[ 2 ].title ] );
		expect( find( { partners: [ 'Kampala city archive' ] } ) ).toEqual( [ FILED[ 1 ].title ] );
		expect( find( { affiliate: 'Makerere | University' } ) ).toEqual( [ FILED[ 1 ].title ] );
		expect( find( { title: 'Photographs of the old town' } ) ).toEqual( [ FILED[ 1 ].title ] );
		// The same affiliate or partner before a similar title.
		expect( find( { affiliate: 'Wikimedia Uganda', title: 'Medical illustrations' } ) ).toEqual( [ FILED[ 1 ].title, FILED[ 0 ].title ] );
		// Part of a name is not the name; the description is not a partner.
		expect( find( { affiliate: 'Wikimedia' } ) ).toEqual( [] );
		expect( find( { title: 'Something else entirely', affiliate: 'Wikimedia Norge' } ) ).toEqual( [] );
		expect( find( {} ) ).toEqual( [] );
	} );

	it( 'compare titles by their telling words', () => {
		expect( similarTitles( 'Upload of medical illustrations', 'Medical illustrations upload' ) ).toBe( true );
		expect( similarTitles( 'Help with the museum', 'Help with the archive' ) ).toBe( false );
		expect( similarTitles( '', 'Anything' ) ).toBe( false );
	} );
} );

describe( 'watching the form for similar requests', () => {
	beforeEach( () => {
		vi.useFakeTimers();
	} );
	afterEach( () => {
		vi.useRealTimers();
	} );

	it( 'waits until typing pauses, reads the requests once, and reports', async () => {
		const api = fakeApi( FILED );
		const reports: SimilarRequest[][] = [];
		const watcher = new SimilarRequestsWatcher( api, ( similar ) => reports.push( similar ) );
		watcher.changed( { ...emptyFields(), affiliate: 'Wikimedia' } );
		watcher.changed( { ...emptyFields(), affiliate: 'Wikimedia Sver' } );
		watcher.changed( { ...emptyFields(), affiliate: 'Wikimedia Sverige' } );
		expect( api.calls ).toBe( 0 );
		await vi.advanceTimersByTimeAsync( 400 );
		expect( reports.map( ( report ) => report.map( ( one ) => one.name ) ) ).toEqual( [ [ FILED[ 0 ].title ] ] );
		watcher.changed( { ...emptyFields(), affiliate: 'Wikimedia Uganda' } );
		await vi.advanceTimersByTimeAsync( 400 );
		expect( reports[ 1 ].map( ( one ) => one.name ) ).toEqual( [ FILED[ 1 ].title ] );
		expect( api.calls ).toBe( 2 );
	} );

	it( 'shows nothing when the wiki cannot be reached, and tries again later', async () => {
		const api = fakeApi( FILED );
		api.failing = true;
		const reports: SimilarRequest[][] = [];
		const watcher = new SimilarRequestsWatcher( api, ( similar ) => reports.push( similar ) );
		watcher.changed( { ...emptyFields(), affiliate: 'Wikimedia Sverige' } );
		await vi.advanceTimersByTimeAsync( 400 );
		expect( reports ).toEqual( [] );
		api.failing = false;
		watcher.changed( { ...emptyFields(), affiliate: 'Wikimedia Sverige' } );
		await vi.advanceTimersByTimeAsync( 400 );
		expect( reports.map( ( report ) => report.length ) ).toEqual( [ 1 ] );
	} );
} );
