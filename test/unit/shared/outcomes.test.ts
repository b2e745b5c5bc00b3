/**
 * The outcomes of a request on its page: written only when filled, read as people
 * type them by hand, and checked before anyone uses them.
 */
import { describe, expect, it } from 'vitest';
import { parseRequestPage, renderRequestPage } from '../../../shared/codec';
import { HelpdeskRequest } from '../../../shared/request';
import { isOutcomePage, outcomeCategoryName, outcomeProblems, validateRequest } from '../../../shared/validation';
import { sampleRequest } from '../../../scripts/lib/sample-request';
import { HOSTILE_FRAGMENTS } from './request-arbitraries';

function read( page: string ): HelpdeskRequest {
	const parsed = parseRequestPage( page );
	if ( !parsed.ok ) {
		throw new Error( parsed.problem.message );
	}
	return parsed.request;
}

describe( 'outcomes on the request page', () => {
	it( 'are not written, and not read, while empty', () => {
		const request = sampleRequest();
		const page = renderRequestPage( request );
		expect( page ).not.toContain( 'outcome' );
		expect( read( page ) ).toStrictEqual( request );
		const blank = page.replace( '\n}}', '\n| outcome_category =\n| outcome_items = <!-- Q42 -->\n| outcome_query =\n| outcome_pages =\n}}' );
		expect( read( blank ) ).toStrictEqual( request );
	} );

	it( 'are written after the links, each list entry on its own line, and read back', () => {
		const request = sampleRequest( {
			outcomeCategory: 'Media from Servier Medical Art',
			outcomeItems: [ 'Q42', 'Q1' ],
			outcomeQuery: 'https://query.wikidata.org/#SELECT%20%3Fitem',
			outcomePages: [ 'https://sv.wikipedia.org/wiki/Servier', 'w:fr:Servier' ],
		} );
		const page = renderRequestPage( request );
		expect( page ).toContain( '\n| outcome_category = Media from Servier Medical Art\n| outcome_items =\n* Q42\n* Q1\n| outcome_query = https&#58;//query' );
		expect( page ).toContain( '| outcome_pages =\n* https&#58;//sv.wikipedia.org/wiki/Servier\n* w&#58;fr&#58;Servier\n}}' );
		expect( read( page ) ).toStrictEqual( request );
	} );

	it( 'reads item ids typed on one line, separated by commas, semicolons or spaces', () => {
		const page = renderRequestPage( sampleRequest() ).replace( '\n}}', '\n| Outcome items = Q42, Q1;Q7  Q9\n}}' );
		expect( read( page ).outcomeItems ).toStrictEqual( [ 'Q42', 'Q1', 'Q7', 'Q9' ] );
		const bulleted = renderRequestPage( sampleRequest() ).replace( '\n}}', '\n| outcome_items =\n* Q42, Q1\n* Q7\n}}' );
		expect( read( bulleted ).outcomeItems ).toStrictEqual( [ 'Q42', 'Q1', 'Q7' ] );
	} );

	it( 'keeps hostile text literal: no link, template or category on the page', () => {
		for ( const fragment of HOSTILE_FRAGMENTS.filter( ( text ) => text.trim() !== '' ) ) {
			const request = sampleRequest( { outcomeCategory: fragment, outcomePages: [ fragment ], outcomeQuery: fragment } );
			const page = renderRequestPage( request );
			expect( page.match( /\{\{|\[\[|\||<!--/g ) || [], fragment ).toHaveLength( 1 + 20 + 3 );
			expect( read( page ), fragment ).toStrictEqual( request );
		}
	} );
} );

describe( 'checking outcomes', () => {
	it( 'accepts a category name with or without Category:, item ids, a query link and pages', () => {
		const request = sampleRequest( {
			outcomeCategory: 'Category:Media from Servier Medical Art',
			outcomeItems: [ 'Q42' ],
			outcomeQuery: 'https://query.wikidata.org/#SELECT',
			outcomePages: [ 'https://sv.wikipedia.org/wiki/X', 'w:sv:X', '[[:fr:Servier]]', 'sv:Foo bar' ],
		} );
		expect( validateRequest( request ) ).toStrictEqual( [] );
		expect( outcomeCategoryName( 'Category:Media_from  Servier' ) ).toBe( 'Media from Servier' );
		expect( outcomeCategoryName( ' category : X ' ) ).toBe( 'X' );
	} );

	it( 'names every value that cannot be used, with its entry', () => {
		const request = sampleRequest( {
			outcomeCategory: '[[Category:X]]',
			outcomeItems: [ 'Q42', 'Q0', 'q7', 'P31', 'Q1|x', 'Q01' ],
			outcomeQuery: 'ftp://query.example/x',
			outcomePages: [ 'https://ok.example/', '{{Template}}', '[[w:sv:X|label]]', 'just words' ],
		} );
		expect( outcomeProblems( request ) ).toStrictEqual( [
			{ field: 'outcomeCategory', code: 'invalid-category' },
			{ field: 'outcomeItems', code: 'invalid-item', entry: 1 },
			{ field: 'outcomeItems', code: 'invalid-item', entry: 2 },
			{ field: 'outcomeItems', code: 'invalid-item', entry: 3 },
			{ field: 'outcomeItems', code: 'invalid-item', entry: 4 },
			{ field: 'outcomeItems', code: 'invalid-item', entry: 5 },
			{ field: 'outcomeQuery', code: 'invalid-link' },
			{ field: 'outcomePages', code: 'invalid-page', entry: 1 },
			{ field: 'outcomePages', code: 'invalid-page', entry: 2 },
			{ field: 'outcomePages', code: 'invalid-page', entry: 3 },
		] );
	} );

	it( 'refuses names that are no category and keeps the limits', () => {
		for ( const typed of [ 'Category:', ' _ ', 'A#B', 'A<b>', 'A{{x}}', 'A|B', 'A\nB', 'A\u0000' ] ) {
			expect( outcomeCategoryName( typed ), JSON.stringify( typed ) ).toBe( '' );
		}
		expect( outcomeProblems( sampleRequest( { outcomeCategory: 'x'.repeat( 256 ) } ) ) )
			.toStrictEqual( [ { field: 'outcomeCategory', code: 'too-long', limit: 255 } ] );
		expect( outcomeProblems( sampleRequest( { outcomeItems: Array.from( { length: 51 }, ( _, i ) => 'Q' + ( i + 1 ) ) } ) ) )
			.toStrictEqual( [ { field: 'outcomeItems', code: 'too-many', limit: 50 } ] );
		expect( outcomeProblems( sampleRequest( { outcomeQuery: 'https://query.wikidata.org/#' + 'x'.repeat( 4000 ) } ) ) )
			.toStrictEqual( [ { field: 'outcomeQuery', code: 'too-long', limit: 4000 } ] );
		expect( isOutcomePage( 'https://sv.wikipedia.org/wiki/A b' ) ).toBe( false );
		expect( isOutcomePage( 'sv:' ) ).toBe( false );
		expect( isOutcomePage( '[[w:]]' ) ).toBe( false );
	} );
} );
