import { describe, expect, it } from 'vitest';
import {
	emptyFields, fieldKey, fieldMessageText, fieldProblems, fieldsFrom, filingTime, isBlank, linesToList, listToLines,
	messagesByField, problemMessage, requestFromFields, requiredFields, sameFields,
} from '../../../gadget/filing/fields';
import { LIMITS, RequestFormFields } from '../../../shared/request';
import { FORM_FIELDS } from '../../../shared/validation';

function filled( overrides: Partial<RequestFormFields> = {} ): RequestFormFields {
	return Object.assign( emptyFields(), {
		title: 'Upload of medical illustrations',
		individual: true,
		country: 'SE',
		support: [ 'mass-upload' ],
		description: 'About 3,000 images from a publisher.',
	}, overrides );
}

/** Fills `$1`, `$2`… as mw.message does, from a table of English texts. */
function fakeText( texts: Record<string, string> ) {
	return ( key: string, ...params: ( string | number )[] ): string => ( texts[ key ] || key ).replace( /\$(\d+)/g, ( _m, n: string ) => String( params[ Number( n ) - 1 ] ) );
}

describe( 'form fields', () => {
	it( 'start empty, and an empty form is blank', () => {
		const fields = emptyFields();
		expect( Object.keys( fields ).sort() ).toEqual( FORM_FIELDS.slice().sort() );
		expect( isBlank( fields ) ).toBe( true );
		expect( isBlank( Object.assign( emptyFields(), { title: '   ', partners: [ '', ' ' ] } ) ) ).toBe( true );
	} );

	it( 'are not blank once anything is typed or chosen', () => {
		expect( isBlank( Object.assign( emptyFields(), { individual: true } ) ) ).toBe( false );
		expect( isBlank( Object.assign( emptyFields(), { links: [ 'https://example.org' ] } ) ) ).toBe( false );
		expect( isBlank( Object.assign( emptyFields(), { description: 'x' } ) ) ).toBe( false );
	} );

	it( 'compare field by field', () => {
		expect( sameFields( filled(), filled() ) ).toBe( true );
		expect( sameFields( filled(), filled( { partners: [ 'Museum' ] } ) ) ).toBe( false );
	} );

	it( 'read back from storage keep what has the right type and drop the rest', () => {
		const stored = {
			title: 'T',
			individual: 'yes',
			country: 42,
			partners: [ 'A', 'B' ],
			languages: 'Swedish',
			support: [ 'copyright', 'juggling' ],
			projects: [ 'commons' ],
			stage: 'agreement',
			description: 'D',
			unknownField: 'x',
		};
		const fields = fieldsFrom( stored ) as RequestFormFields;
		expect( fields.title ).toBe( 'T' );
		expect( fields.individual ).toBe( false );
		expect( fields.country ).toBe( '' );
		expect( fields.partners ).toEqual( [ 'A', 'B' ] );
		expect( fields.languages ).toEqual( [] );
		expect( fields.support ).toEqual( [ 'copyright' ] );
		expect( fields.projects ).toEqual( [ 'commons' ] );
		expect( fields.stage ).toBe( 'agreement' );
		expect( fields ).not.toHaveProperty( 'unknownField' );
		expect( fieldsFrom( fieldsFrom( { stage: 'someday' } ) ) ).toEqual( emptyFields() );
		expect( fieldsFrom( null ) ).toBeNull();
		expect( fieldsFrom( [ 'title' ] ) ).toBeNull();
		expect( fieldsFrom( 'title' ) ).toBeNull();
	} );

	it( 'turn one-per-line text into list entries and back', () => {
		expect( linesToList( '' ) ).toEqual( [] );
		expect( linesToList( 'A\r\nB\n\nC' ) ).toEqual( [ 'A', 'B', '', 'C' ] );
		expect( listToLines( [ 'A', 'B' ] ) ).toBe( 'A\nB' );
		expect( linesToList( listToLines( [ 'A', '', 'B' ] ) ) ).toEqual( [ 'A', '', 'B' ] );
	} );

	it( 'make the request filed now by the account, in the interface language', () => {
		const now = new Date( Date.UTC( 2026, 10, 21, 9, 30, 5, 123 ) );
		const request = requestFromFields( filled( {
			title: '  Upload  ',
			partners: [ ' Museum of X ', '', 'Archive Y' ],
			links: [ 'Https://example.org/a' ],
			country: 'se',
		} ), { requester: 'Example User', language: 'sv' }, now );
		expect( request.requester ).toBe( 'Example User' );
		expect( request.language ).toBe( 'sv' );
		expect( request.filed ).toBe( '2026-11-21T09:30:05Z' );
		expect( request.statusSince ).toBe( request.filed );
		expect( request.status ).toBe( 'submitted' );
		expect( request.title ).toBe( 'Upload' );
		expect( request.partners ).toEqual( [ 'Museum of X', 'Archive Y' ] );
		expect( request.links ).toEqual( [ 'https://example.org/a' ] );
		expect( request.country ).toBe( 'SE' );
		expect( filingTime( now ) ).toBe( '2026-11-21T09:30:05Z' );
	} );

	it( 'mark as required exactly what validation requires', () => {
		expect( requiredFields().sort() ).toEqual( [ 'affiliate', 'country', 'description', 'support', 'title' ] );
	} );

	it( 'have no problems when complete', () => {
		expect( fieldProblems( filled() ) ).toEqual( [] );
	} );

	it( 'report problems on the line as typed, blank lines included', () => {
		const problems = fieldProblems( filled( { links: [ 'https://example.org', '', 'not a link', '  ' ] } ) );
		expect( problems ).toEqual( [ { field: 'links', code: 'invalid-link', entry: 2 } ] );
		const byField = messagesByField( problems );
		expect( byField.get( 'links' ) ).toEqual( [ { key: 'helpdesk-problem-invalid-link', params: [], line: 3 } ] );
	} );

	it( 'map each problem to helpdesk-problem-<code> with the bound as $1', () => {
		const problems = fieldProblems( filled( {
			title: 'x'.repeat( LIMITS.title + 1 ),
			individual: false,
			country: 'Narnia',
			support: [],
			description: '',
		} ) );
		const byField = messagesByField( problems );
		expect( byField.get( 'title' ) ).toEqual( [ { key: 'helpdesk-problem-too-long', params: [ LIMITS.title ] } ] );
		expect( byField.get( 'affiliate' ) ).toEqual( [ { key: 'helpdesk-problem-affiliate-or-individual', params: [] } ] );
		expect( byField.get( 'country' ) ).toEqual( [ { key: 'helpdesk-problem-unknown-country', params: [] } ] );
		expect( byField.get( 'support' ) ).toEqual( [ { key: 'helpdesk-problem-required', params: [] } ] );
		expect( byField.get( 'description' ) ).toEqual( [ { key: 'helpdesk-problem-required', params: [] } ] );
		expect( [ ...byField.keys() ] ).toEqual( [ 'title', 'affiliate', 'country', 'support', 'description' ] );
		expect( problemMessage( { field: 'partners', code: 'too-many', limit: 50 } ) ).toEqual( { key: 'helpdesk-problem-too-many', params: [ 50 ] } );
	} );

	it( 'name the line of a list problem in the text', () => {
		const text = fakeText( {
			'helpdesk-problem-too-long': 'Use at most $1 characters.',
			'helpdesk-problem-entry': 'Line $1: $2',
		} );
		expect( fieldMessageText( { key: 'helpdesk-problem-too-long', params: [ 255 ], line: 4 }, text ) ).toBe( 'Line 4: Use at most 255 characters.' );
		expect( fieldMessageText( { key: 'helpdesk-problem-too-long', params: [ 120 ] }, text ) ).toBe( 'Use at most 120 characters.' );
	} );

	it( 'name message keys in lower case with hyphens', () => {
		expect( fieldKey( 'contentType' ) ).toBe( 'content-type' );
		expect( fieldKey( 'title' ) ).toBe( 'title' );
	} );
} );
