import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyRequest, HelpdeskRequest, LIMITS, RequestFormFields, SupportKind, TargetProject } from '../../../shared/request';
import { Status } from '../../../shared/status';
import { sampleFields } from '../../../scripts/lib/sample-request';
import {
	FieldProblem, FieldProblemCode, FORM_FIELDS, isTimestamp, normaliseFields, validateFields, validateRequest,
} from '../../../shared/validation';
import { anyRequest, anyText } from './request-arbitraries';

/** Time allowed for property tests on a busy machine; not a measure of speed. */
const SLOW = 60000;

function formFields( fields: Partial<RequestFormFields> ): RequestFormFields {
	return sampleFields( fields );
}

const anyFormFields: fc.Arbitrary<RequestFormFields> = anyRequest.map( ( request ) => {
	const fields = {} as Record<string, unknown>;
	FORM_FIELDS.forEach( ( field ) => {
		fields[ field ] = request[ field ];
	} );
	return fields as unknown as RequestFormFields;
} );

const someText = fc.oneof( { arbitrary: anyText, weight: 4 }, { arbitrary: fc.string( { minLength: 100, maxLength: 400 } ), weight: 1 } );

/** Form fields as a script or a stale draft could hand them over: any text anywhere. */
const messyFormFields: fc.Arbitrary<RequestFormFields> = fc.record( {
	title: someText,
	affiliate: someText,
	individual: fc.boolean(),
	country: anyText,
	partners: fc.oneof( fc.array( someText, { maxLength: 5 } ), fc.array( fc.string( { maxLength: 3 } ), { minLength: 45, maxLength: 60 } ) ),
	support: fc.array( fc.oneof( fc.constantFrom( 'mass-upload', ' copyright ', 'other' ), anyText ), { maxLength: 5 } ),
	stage: anyText,
	contentType: anyText,
	volume: anyText,
	projects: fc.array( fc.oneof( fc.constantFrom( 'commons', 'wikidata' ), anyText ), { maxLength: 5 } ),
	languages: fc.array( anyText, { maxLength: 5 } ),
	timeline: anyText,
	description: anyText,
	links: fc.array( fc.oneof( fc.webUrl(), anyText ), { maxLength: 5 } ),
}, { noNullPrototype: true } ) as fc.Arbitrary<RequestFormFields>;

function hasLoneSurrogate( text: string ): boolean {
	return Array.from( text ).some( ( ch ) => ch.length === 1 && ch >= '\ud800' && ch <= '\udfff' );
}

function allText( fields: RequestFormFields ): string[] {
	const texts: string[] = [];
	FORM_FIELDS.forEach( ( field ) => {
		const value = fields[ field ];
		if ( typeof value === 'string' ) {
			texts.push( value );
		} else if ( Array.isArray( value ) ) {
			texts.push( ...value );
		}
	} );
	return texts;
}

describe( 'normalising fields', () => {
	it( 'trims one-line fields, keeps the inside of the description and its paragraphs', () => {
		const normalised = normaliseFields( formFields( {
			title: '  Cafe\u0301 archive \r\n photos ',
			affiliate: '\tWikimedia Sverige ',
			country: ' se ',
			description: '\r\n  First line\r\n   indented line\r\rlast  \n',
			timeline: ' soon ',
		} ) );
		expect( normalised.title ).toBe( 'Café archive   photos' );
		expect( normalised.affiliate ).toBe( 'Wikimedia Sverige' );
		expect( normalised.country ).toBe( 'SE' );
		expect( normalised.description ).toBe( 'First line\n   indented line\n\nlast' );
		expect( normalised.timeline ).toBe( 'soon' );
	} );

	it( 'drops empty entries and repeated choices, and lower-cases link schemes', () => {
		const normalised = normaliseFields( formFields( {
			partners: [ ' Museum ', '', '   ', 'Archive' ],
			support: [ 'copyright', ' copyright', 'other', 'copyright' ] as SupportKind[],
			projects: [ 'commons', '', 'commons' ] as TargetProject[],
			links: [ ' Https://example.org/A ', '', 'HTTP://x.org' ],
		} ) );
		expect( normalised.partners ).toStrictEqual( [ 'Museum', 'Archive' ] );
		expect( normalised.support ).toStrictEqual( [ 'copyright', 'other' ] );
		expect( normalised.projects ).toStrictEqual( [ 'commons' ] );
		expect( normalised.links ).toStrictEqual( [ 'https://example.org/A', 'http://x.org' ] );
	} );

	it( 'keeps the affiliate typed next to "individual"', () => {
		expect( normaliseFields( formFields( { individual: true, affiliate: 'WMSE' } ) ) ).toMatchObject( { individual: true, affiliate: 'WMSE' } );
	} );

	it( 'replaces lone surrogates with U+FFFD', () => {
		expect( normaliseFields( formFields( { title: 'a\ud800b\udc00', partners: [ '\udbff' ] } ) ) ).toMatchObject( {
			title: 'a\ufffdb\ufffd',
			partners: [ '\ufffd' ],
		} );
		expect( normaliseFields( formFields( { title: '😀' } ) ).title ).toBe( '😀' );
	} );

	it( 'drops control characters the wiki cannot show, keeping tabs and line breaks', () => {
		expect( normaliseFields( formFields( { title: 'a\u0001b\u007f', description: 'x\ty\n\u001bz' } ) ) ).toMatchObject( {
			title: 'ab',
			description: 'x\ty\nz',
		} );
	} );

	it( 'leaves well-formed NFC text without carriage returns or surrounding space, and is stable', () => {
		fc.assert( fc.property( messyFormFields, ( fields ) => {
			const normalised = normaliseFields( fields );
			for ( const text of allText( normalised ) ) {
				expect( text.normalize( 'NFC' ) ).toBe( text );
				expect( hasLoneSurrogate( text ) ).toBe( false );
				expect( text.indexOf( '\r' ) ).toBe( -1 );
				// eslint-disable-next-line no-control-regex -- what no saved text may hold
				expect( text ).not.toMatch( /[\x00-\x08\x0b-\x1f\x7f]/ );
				expect( text ).toBe( text.trim() );
			}
			for ( const list of [ normalised.partners, normalised.support, normalised.projects, normalised.languages, normalised.links ] ) {
				expect( ( list as string[] ).indexOf( '' ) ).toBe( -1 );
			}
			expect( new Set( normalised.support ).size ).toBe( normalised.support.length );
			expect( normaliseFields( normalised ) ).toStrictEqual( normalised );
		} ), { numRuns: 1000 } );
	}, SLOW );
} );

describe( 'validating fields', () => {
	it( 'accepts a complete form', () => {
		expect( validateFields( formFields( {} ) ) ).toStrictEqual( [] );
		expect( validateFields( formFields( { affiliate: '', individual: true, stage: '', partners: [], projects: [], links: [] } ) ) ).toStrictEqual( [] );
	} );

	it( 'names every missing required field, in the order of the form', () => {
		const empty = normaliseFields( formFields( {
			title: ' ', affiliate: '', country: '', support: [], description: '\n\n', partners: [], links: [],
		} ) );
		expect( validateFields( empty ) ).toStrictEqual( [
			{ field: 'title', code: 'required' },
			{ field: 'affiliate', code: 'affiliate-or-individual' },
			{ field: 'country', code: 'required' },
			{ field: 'support', code: 'required' },
			{ field: 'description', code: 'required' },
		] );
	} );

	it( 'counts lengths in characters, up to the limits', () => {
		expect( validateFields( formFields( { title: 'x'.repeat( LIMITS.title ) } ) ) ).toStrictEqual( [] );
		expect( validateFields( formFields( { title: '😀'.repeat( LIMITS.title ) } ) ) ).toStrictEqual( [] );
		expect( validateFields( formFields( { title: 'x'.repeat( LIMITS.title + 1 ) } ) ) ).toStrictEqual( [
			{ field: 'title', code: 'too-long', limit: LIMITS.title },
		] );
		expect( validateFields( formFields( {
			affiliate: 'a'.repeat( 256 ), contentType: 'c'.repeat( 256 ), volume: 'v'.repeat( 255 ), timeline: 't'.repeat( 256 ),
			description: 'd'.repeat( LIMITS.description + 1 ),
		} ) ) ).toStrictEqual( [
			{ field: 'affiliate', code: 'too-long', limit: 255 },
			{ field: 'contentType', code: 'too-long', limit: 255 },
			{ field: 'timeline', code: 'too-long', limit: 255 },
			{ field: 'description', code: 'too-long', limit: LIMITS.description },
		] );
	} );

	it( 'bounds lists and their entries, naming the entry', () => {
		const many = Array.from( { length: LIMITS.listEntries + 1 }, ( _, index ) => 'Museum ' + index );
		expect( validateFields( formFields( { partners: many.slice( 1 ) } ) ) ).toStrictEqual( [] );
		expect( validateFields( formFields( { partners: many, languages: [ 'Swedish', 'l'.repeat( 256 ) ] } ) ) ).toStrictEqual( [
			{ field: 'partners', code: 'too-many', limit: LIMITS.listEntries },
			{ field: 'languages', code: 'too-long', limit: 255, entry: 1 },
		] );
	} );

	it( 'accepts only known countries, in upper case', () => {
		expect( validateFields( formFields( { country: 'XX' } ) ) ).toStrictEqual( [ { field: 'country', code: 'unknown-country' } ] );
		expect( validateFields( formFields( { country: 'se' } ) ) ).toStrictEqual( [ { field: 'country', code: 'unknown-country' } ] );
		expect( validateFields( normaliseFields( formFields( { country: 'se' } ) ) ) ).toStrictEqual( [] );
		expect( validateFields( formFields( { country: 'XK' } ) ) ).toStrictEqual( [] );
	} );

	it( 'accepts http and https links only', () => {
		const good = [ 'https://example.org', 'http://example.org/a_b?c=d&e=f#g', 'https://例え.テスト/パス', 'https://[2001:db8::1]/x', 'https://user@example.org:8080/' ];
		const bad = [
			'www.example.org', 'ftp://example.org', 'https://', 'https:///path', 'https://exa mple.org',
			'//example.org', '[[Commons:GLAM]]', 'https://./', 'mailto:a@example.org',
			// eslint-disable-next-line no-script-url
			'javascript:alert(1)',
		];
		expect( validateFields( formFields( { links: good } ) ) ).toStrictEqual( [] );
		expect( validateFields( formFields( { links: bad } ) ) ).toStrictEqual( bad.map( ( _, entry ): FieldProblem => ( { field: 'links', code: 'invalid-link', entry: entry } ) ) );
	} );

	it( 'accepts only the listed choices', () => {
		expect( validateFields( formFields( {
			support: [ 'copyright', 'lawyers' ] as SupportKind[],
			stage: 'halfway' as RequestFormFields[ 'stage' ],
			projects: [ 'meta', 'commons' ] as TargetProject[],
		} ) ) ).toStrictEqual( [
			{ field: 'support', code: 'unknown-choice', entry: 1 },
			{ field: 'stage', code: 'unknown-choice' },
			{ field: 'projects', code: 'unknown-choice', entry: 0 },
		] );
	} );

	it( 'can give every problem code, and only those', () => {
		const codes: Record<FieldProblemCode, true> = {
			required: true, 'too-long': true, 'too-many': true, 'affiliate-or-individual': true,
			'unknown-country': true, 'invalid-link': true, 'unknown-choice': true,
		};
		const seen = new Set<string>();
		fc.assert( fc.property( messyFormFields, ( fields ) => {
			const problems = validateFields( fields );
			for ( const problem of problems ) {
				expect( Object.prototype.hasOwnProperty.call( codes, problem.code ) ).toBe( true );
				seen.add( problem.code );
			}
			// Deterministic order: the form's.
			const order = problems.map( ( problem ) => FORM_FIELDS.indexOf( problem.field ) );
			expect( order ).toStrictEqual( [ ...order ].sort( ( a, b ) => a - b ) );
			expect( validateFields( fields ) ).toStrictEqual( problems );
		} ), { numRuns: 1000 } );
		expect( [ ...seen ].sort(), 'codes seen' ).toStrictEqual( Object.keys( codes ).sort() );
	} );

	it( 'finds nothing more after normalising a form it accepted', () => {
		fc.assert( fc.property( anyFormFields, ( fields ) => {
			// NFC can lengthen text that is not in NFC; the gadget validates normalised fields.
			fc.pre( allText( fields ).every( ( text ) => text.normalize( 'NFC' ) === text ) );
			if ( validateFields( fields ).length === 0 ) {
				expect( validateFields( normaliseFields( fields ) ) ).toStrictEqual( [] );
			}
		} ), { numRuns: 1000 } );
	}, SLOW );
} );

describe( 'validating whole requests', () => {
	function wholeRequest( fields: Partial<HelpdeskRequest> ): HelpdeskRequest {
		return Object.assign( emptyRequest( 'Requester One', '2026-06-02T09:15:00Z', 'en' ), formFields( {} ), fields );
	}

	it( 'accepts a complete request', () => {
		expect( validateRequest( wholeRequest( {} ) ) ).toStrictEqual( [] );
		expect( validateRequest( wholeRequest( { status: 'working-group', workingGroup: 'content-use', statusSince: '' } ) ) ).toStrictEqual( [] );
	} );

	it( 'checks what the form does not ask, after the form fields', () => {
		expect( validateRequest( wholeRequest( {
			title: '',
			requester: ' ',
			filed: '2026-02-30T10:00:00Z',
			language: 'EN',
			status: 'pending' as Status,
			statusSince: 'yesterday',
			workingGroup: 'marketing' as HelpdeskRequest[ 'workingGroup' ],
		} ) ) ).toStrictEqual( [
			{ field: 'title', code: 'required' },
			{ field: 'requester', code: 'required' },
			{ field: 'filed', code: 'invalid-timestamp' },
			{ field: 'language', code: 'unknown-choice' },
			{ field: 'status', code: 'unknown-choice' },
			{ field: 'statusSince', code: 'invalid-timestamp' },
			{ field: 'workingGroup', code: 'unknown-choice' },
		] );
		expect( validateRequest( wholeRequest( { filed: '', language: '' } ) ) ).toStrictEqual( [
			{ field: 'filed', code: 'required' },
			{ field: 'language', code: 'required' },
		] );
	} );

	it( 'reads timestamps as real moments in UTC, to the second', () => {
		expect( isTimestamp( '2026-11-21T09:30:00Z' ) ).toBe( true );
		expect( isTimestamp( '2028-02-29T23:59:59Z' ) ).toBe( true );
		for ( const text of [ '2026-02-29T00:00:00Z', '2026-13-01T00:00:00Z', '2026-11-21T24:00:00Z', '2026-11-21T09:60:00Z',
			'2026-11-21T09:30:00.000Z', '2026-11-21T09:30:00+01:00', '2026-11-21 09:30:00Z', '2026-11-21', '' ] ) {
			expect( isTimestamp( text ), text ).toBe( false );
		}
	} );
} );
