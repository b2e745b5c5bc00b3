/**
 * The impact planner: which requests have outcomes to measure, at most daily or
 * when their outcomes change; what Impact.json holds and what is read back from it
 * (whatever someone saved there); the totals per year for the annual report.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	CHECK_EVERY_MS, ImpactCandidate, impactCandidate, ImpactEntry, ImpactFigures, impactText, isDue, measuredEntry, nextCheck,
	planImpact, readImpact, RETRY_AFTER_MS, yearTotals,
} from '../../../bot/plan/impact';
import type { PageSnapshot, RequestRecord } from '../../../bot/plan/types';
import { renderRequestPage } from '../../../shared/codec';
import type { HelpdeskRequest } from '../../../shared/request';
import { sampleRequest } from '../../../scripts/lib/sample-request';
import { anyText, HOSTILE_FRAGMENTS } from '../shared/request-arbitraries';
import { PREFIX } from './helpers';

const NOW = '2026-11-30T12:00:00Z';
const PAGE = PREFIX + 'Medical illustrations';

function candidateOf( changes: Partial<HelpdeskRequest>, recordChanges: Partial<RequestRecord> = {} ): ImpactCandidate | null {
	const request = sampleRequest( Object.assign( { status: 'done', statusSince: '2026-05-04T10:00:00Z' }, changes ) );
	const record = Object.assign( {
		page: PAGE, problem: '', status: request.status, statusSince: request.statusSince, filed: request.filed,
	}, recordChanges ) as RequestRecord;
	const page: PageSnapshot = { title: PAGE, pageid: 7, revid: 70, timestamp: NOW, user: 'Requester One', text: renderRequestPage( request ) };
	return impactCandidate( record, page );
}

const OUTCOMES: Partial<HelpdeskRequest> = {
	outcomeCategory: 'Category:Media from Servier_Medical Art',
	outcomeItems: [ 'Q42', 'Q1', 'Q42' ],
	outcomeQuery: 'https://query.wikidata.org/#SELECT',
	outcomePages: [ 'w:sv:Servier', 'https://fr.wikipedia.org/wiki/Servier' ],
};

const FIGURES: ImpactFigures = {
	files: 12, filesCut: false, subcategories: 2, usage: 'global', usagePages: 30, usageWikis: 4, items: 2, itemsMissing: [], problems: [],
};

function entry( changes: Partial<ImpactEntry> = {} ): ImpactEntry {
	return Object.assign( measuredEntry( candidateOf( OUTCOMES ) as ImpactCandidate, FIGURES, undefined, NOW ), changes );
}

const hoursLater = ( hours: number ): string => new Date( Date.parse( NOW ) + hours * 3600000 ).toISOString().replace( /\.\d{3}Z$/, 'Z' );

describe( 'requests with outcomes to measure', () => {
	it( 'takes requests in support or done with any outcome, their values checked', () => {
		const candidate = candidateOf( OUTCOMES ) as ImpactCandidate;
		expect( candidate ).toMatchObject( {
			page: PAGE, status: 'done', year: '2026', category: 'Media from Servier Medical Art', items: [ 'Q42', 'Q1' ],
			query: 'https://query.wikidata.org/#SELECT', pages: 2, problems: [],
		} );
		expect( candidateOf( OUTCOMES, { status: 'support-under-way' } ) ).not.toBeNull();
		expect( candidateOf( { outcomePages: [ 'w:sv:X' ] } ) ).not.toBeNull();
	} );

	it( 'leaves out requests not yet in support, unreadable, or without outcomes', () => {
		expect( candidateOf( OUTCOMES, { status: 'approved' } ) ).toBeNull();
		expect( candidateOf( OUTCOMES, { status: 'declined' } ) ).toBeNull();
		expect( candidateOf( OUTCOMES, { problem: 'The page has no template.' } ) ).toBeNull();
		expect( candidateOf( {} ) ).toBeNull();
	} );

	it( 'names the values it cannot use and measures none of them', () => {
		const candidate = candidateOf( {
			outcomeCategory: '[[Category:X]]', outcomeItems: [ 'Q1', 'P31', '{{x}}' ], outcomeQuery: 'ftp&#58;//x', outcomePages: [ 'words only' ],
		} ) as ImpactCandidate;
		expect( candidate.category ).toBe( '' );
		expect( candidate.items ).toStrictEqual( [ 'Q1' ] );
		expect( candidate.query ).toBe( '' );
		expect( candidate.pages ).toBe( 0 );
		expect( candidate.problems.map( ( found ) => found.code ) ).toStrictEqual( [
			'impact-invalid-category', 'impact-invalid-items', 'impact-invalid-query', 'impact-invalid-pages',
		] );
		expect( candidate.problems[ 1 ].params ).toStrictEqual( [ 'P31, {{x}}' ] );
	} );

	it( 'counts the year the request reached its status, else the year it was filed', () => {
		expect( candidateOf( OUTCOMES, { statusSince: '' } )?.year ).toBe( '2026' );
		expect( candidateOf( OUTCOMES, { statusSince: '2025-12-31T23:00:00Z' } )?.year ).toBe( '2025' );
		expect( candidateOf( OUTCOMES, { statusSince: '', filed: '' } )?.year ).toBe( 'undated' );
	} );
} );

describe( 'at most daily', () => {
	const candidate = candidateOf( OUTCOMES ) as ImpactCandidate;

	it( 'measures a request never measured, or whose outcomes changed, at once', () => {
		expect( isDue( candidate, undefined, NOW ) ).toBe( true );
		const changed = candidateOf( Object.assign( {}, OUTCOMES, { outcomeItems: [ 'Q42' ] } ) ) as ImpactCandidate;
		expect( changed.hash ).not.toBe( candidate.hash );
		expect( isDue( changed, entry(), hoursLater( 1 ) ) ).toBe( true );
	} );

	it( 'measures again only 24 hours after the last check; a failed check after an hour', () => {
		expect( isDue( candidate, entry(), hoursLater( 23.9 ) ) ).toBe( false );
		expect( isDue( candidate, entry(), hoursLater( 24 ) ) ).toBe( true );
		const failed = entry( { problems: [ { code: 'impact-wikidata-failed', params: [ 'ECONNREFUSED' ], text: '' } ] } );
		expect( isDue( candidate, failed, hoursLater( 0.5 ) ) ).toBe( false );
		expect( isDue( candidate, failed, hoursLater( 1 ) ) ).toBe( true );
		// Problems of what was typed are no failure: a day.
		const typed = entry( { problems: [ { code: 'impact-invalid-items', params: [ 'P31' ], text: '' } ] } );
		expect( isDue( candidate, typed, hoursLater( 2 ) ) ).toBe( false );
	} );

	it( 'does not trust a check dated in the future or not dated', () => {
		expect( isDue( candidate, entry( { checked: hoursLater( 5 ) } ), NOW ) ).toBe( true );
		expect( isDue( candidate, entry( { checked: 'yesterday' } ), NOW ) ).toBe( true );
	} );

	it( 'plans the due ones and keeps the others as measured, with their status of now', () => {
		const previous = { [ PAGE ]: entry() };
		const later = candidateOf( OUTCOMES, { status: 'support-under-way' } ) as ImpactCandidate;
		const plan = planImpact( [ later ], previous, hoursLater( 3 ) );
		expect( plan.due ).toStrictEqual( [] );
		expect( plan.kept ).toStrictEqual( [ Object.assign( entry(), { status: 'support-under-way' } ) ] );
		expect( planImpact( [ later ], previous, hoursLater( 25 ) ).due ).toStrictEqual( [ later ] );
	} );

	it( 'tells the run when the next check is due', () => {
		expect( nextCheck( [] ) ).toBe( '' );
		expect( nextCheck( [ entry(), entry( { checked: hoursLater( 2 ) } ) ] ) ).toBe( new Date( Date.parse( NOW ) + CHECK_EVERY_MS ).toISOString().replace( '.000', '' ) );
		const failed = entry( { checked: hoursLater( 2 ), problems: [ { code: 'impact-commons-failed', params: [ 'x' ], text: 'x' } ] } );
		expect( nextCheck( [ entry(), failed ] ) ).toBe( new Date( Date.parse( hoursLater( 2 ) ) + RETRY_AFTER_MS ).toISOString().replace( '.000', '' ) );
	} );
} );

describe( 'measured entries', () => {
	const candidate = candidateOf( OUTCOMES ) as ImpactCandidate;

	it( 'keep the last figures of the same outcomes when an API fails, with the problem', () => {
		const failure = { code: 'impact-wikidata-failed', params: [ 'ECONNREFUSED' ], text: 'The Wikidata API could not be read: ECONNREFUSED' };
		const figures = Object.assign( {}, FIGURES, { items: null, problems: [ failure ] } );
		const next = measuredEntry( candidate, figures, entry( { items: 1, itemsMissing: [ 'Q1' ] } ), hoursLater( 25 ) );
		expect( next ).toMatchObject( { items: 1, itemsMissing: [ 'Q1' ], files: 12, checked: hoursLater( 25 ), problems: [ failure ] } );
		const other = candidateOf( Object.assign( {}, OUTCOMES, { outcomeItems: [ 'Q5' ] } ) ) as ImpactCandidate;
		expect( measuredEntry( other, figures, entry( { items: 1 } ), NOW ).items ).toBeNull();
	} );

	it( 'add up per year, newest first, unknown figures as nothing', () => {
		const entries = [
			entry(), entry( { page: 'B', files: 3, usagePages: null, items: null } ), entry( { page: 'C', year: '2025', files: 1, usagePages: 2, items: 0 } ),
		];
		expect( yearTotals( entries ) ).toStrictEqual( [
			{ year: '2026', requests: 2, files: 15, fileUsages: 30, items: 2 },
			{ year: '2025', requests: 1, files: 1, fileUsages: 2, items: 0 },
		] );
	} );
} );

describe( 'Impact.json', () => {
	it( 'is read back as written', () => {
		const entries = [ entry(), entry( { page: PREFIX + 'A', usage: 'same-wiki', filesCut: true, problems: [ { code: 'impact-files-cut', params: [ '5000' ], text: 'x' } ] } ) ];
		const read = readImpact( impactText( entries ) );
		expect( Object.keys( read ) ).toStrictEqual( [ PREFIX + 'A', PAGE ] );
		expect( read[ PAGE ] ).toStrictEqual( entries[ 0 ] );
		expect( read[ PREFIX + 'A' ] ).toStrictEqual( entries[ 1 ] );
		expect( JSON.parse( impactText( entries ) ).years ).toStrictEqual( yearTotals( entries ) );
	} );

	it( 'gives nothing for a missing, broken or foreign page', () => {
		for ( const text of [ null, '', '{', '[]', 'null', '{"schema":2,"requests":[]}', '{"schema":1,"requests":{}}' ] ) {
			expect( readImpact( text ) ).toStrictEqual( {} );
		}
	} );

	it( 'drops entries and values that are not as the bot writes them', () => {
		const good = JSON.parse( impactText( [ entry() ] ) ).requests[ 0 ];
		const bad = [
			Object.assign( {}, good, { page: 'X', hash: 'not a hash' } ),
			Object.assign( {}, good, { page: 'Y', checked: 'soon' } ),
			Object.assign( {}, good, { page: 'Z', status: 'finished' } ),
			Object.assign( {}, good, { page: 'W', usage: 'everywhere' } ),
			Object.assign( {}, good, { page: '' } ),
			'a string', 42, null, [],
		];
		const odd = Object.assign( {}, good, {
			page: 'V', files: -3, usagePages: 1.5, items: '2', itemsMissing: [ 'Q1', '[[x]]', 5 ], query: 'ftp://x',
			problems: [ { code: 'X Y', params: [], text: '' }, { code: 'impact-missing-items', params: [ 'Q1' ], text: 'Q1' }, 'x' ],
		} );
		const read = readImpact( JSON.stringify( { schema: 1, requests: bad.concat( [ odd, good, Object.assign( {}, good, { files: 1 } ) ] ) } ) );
		expect( Object.keys( read ).sort() ).toStrictEqual( [ PAGE, 'V' ] );
		expect( read[ PAGE ].files ).toBe( 12 );
		expect( read.V ).toMatchObject( {
			files: null, usagePages: null, items: null, itemsMissing: [ 'Q1' ], query: '',
			problems: [ { code: 'impact-missing-items', params: [ 'Q1' ], text: 'Q1' } ],
		} );
	} );

	it( 'never throws on hostile text, and keeps typed text as JSON strings only', () => {
		fc.assert( fc.property( anyText, fc.constantFrom( ...HOSTILE_FRAGMENTS ), ( text, fragment ) => {
			expect( () => readImpact( text ) ).not.toThrow();
			const hostile = entry( { page: fragment + text || 'x', problems: [ { code: 'impact-invalid-category', params: [ fragment + text ], text: fragment } ] } );
			const read = readImpact( impactText( [ hostile ] ) );
			const back = read[ hostile.page ];
			if ( hostile.page.length <= 512 && ( fragment + text ).length <= 400 ) {
				expect( back.problems[ 0 ].params[ 0 ].normalize( 'NFC' ) ).toBe( ( fragment + text ).normalize( 'NFC' ) );
			}
		} ), { numRuns: 300 } );
	} );
} );
