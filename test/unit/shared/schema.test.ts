/**
 * request.schema.json says what shared/ says: the same fields, choices, limits and
 * patterns, so the e-mail import and anyone reading the export agree with the form.
 */
import { readdirSync, readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRequestPage } from '../../../shared/codec';
import { COUNTRIES } from '../../../shared/countries';
import importSchema from '../../../shared/import.schema.json';
import requestSchema from '../../../shared/request.schema.json';
import { emptyRequest, HelpdeskRequest, LIMITS, OUTCOME_FIELDS, PARTNERSHIP_STAGES, SUPPORT_KINDS, TARGET_PROJECTS } from '../../../shared/request';
import { STATUSES, WORKING_GROUPS } from '../../../shared/status';
import {
	CATEGORY_NAME_PATTERN, INTERWIKI_PAGE_PATTERN, ITEM_ID_PATTERN, LANGUAGE_CODE_PATTERN, LINK_PATTERN, TIMESTAMP_PATTERN, validateRequest,
} from '../../../shared/validation';
import { anyRequest, validRequest } from './request-arbitraries';
import { sampleRequest } from '../../../scripts/lib/sample-request';

/** Time allowed for property tests on a busy machine; not a measure of speed. */
const SLOW = 60000;

const ajv = new Ajv2020( { allErrors: true, strictTypes: true } );
ajv.addSchema( requestSchema );
const isRequest = ajv.compile( { $ref: 'request.schema.json' } );
const isImportFile = ajv.compile( importSchema );

const fields = requestSchema.$defs.requestFields.properties;

describe( 'the request schema', () => {
	it( 'has exactly the fields of HelpdeskRequest, all required but the outcomes, with descriptions', () => {
		const names = Object.keys( emptyRequest( 'R', '2026-01-01T00:00:00Z', 'en' ) ).sort();
		expect( Object.keys( fields ).sort() ).toStrictEqual( names.concat( OUTCOME_FIELDS ).sort() );
		expect( [ ...requestSchema.required ].sort() ).toStrictEqual( names );
		for ( const [ name, field ] of Object.entries( fields ) ) {
			expect( typeof field.description, name ).toBe( 'string' );
		}
	} );

	it( 'offers the same choices as the TypeScript constants', () => {
		expect( fields.support.items.enum ).toStrictEqual( [ ...SUPPORT_KINDS ] );
		expect( fields.projects.items.enum ).toStrictEqual( [ ...TARGET_PROJECTS ] );
		expect( fields.stage.enum ).toStrictEqual( [ '', ...PARTNERSHIP_STAGES ] );
		expect( fields.status.enum ).toStrictEqual( [ ...STATUSES ] );
		expect( fields.workingGroup.enum ).toStrictEqual( [ '', ...WORKING_GROUPS ] );
	} );

	it( 'has the limits and patterns of shared/validation.ts', () => {
		const defs = requestSchema.$defs;
		expect( fields.title.maxLength ).toBe( LIMITS.title );
		expect( fields.description.maxLength ).toBe( LIMITS.description );
		expect( defs.shortText.maxLength ).toBe( LIMITS.shortText );
		expect( defs.textList.maxItems ).toBe( LIMITS.listEntries );
		expect( fields.links.maxItems ).toBe( LIMITS.listEntries );
		expect( fields.links.items.maxLength ).toBe( LIMITS.shortText );
		expect( fields.links.items.pattern ).toBe( LINK_PATTERN.source );
		expect( defs.timestamp.pattern ).toBe( TIMESTAMP_PATTERN.source );
		expect( fields.language.pattern ).toBe( LANGUAGE_CODE_PATTERN.source );
		expect( fields.outcomeCategory.anyOf[ 1 ].pattern ).toBe( CATEGORY_NAME_PATTERN.source );
		expect( fields.outcomeItems.items.pattern ).toBe( ITEM_ID_PATTERN.source );
		expect( fields.outcomeItems.maxItems ).toBe( LIMITS.listEntries );
		expect( fields.outcomeQuery.anyOf[ 1 ].pattern ).toBe( LINK_PATTERN.source );
		expect( fields.outcomeQuery.maxLength ).toBe( LIMITS.queryLink );
		expect( fields.outcomePages.items.anyOf.map( ( choice ) => choice.pattern ) )
			.toStrictEqual( [ LINK_PATTERN.source, INTERWIKI_PAGE_PATTERN.source ] );
	} );

	it( 'accepts every request read from the page fixtures that validateRequest accepts, and only those', () => {
		const directory = new URL( '../../fixtures/pages/', import.meta.url );
		let accepted = 0;
		for ( const name of readdirSync( directory ) ) {
			const outcome = parseRequestPage( readFileSync( new URL( name, directory ), 'utf8' ) );
			if ( outcome.ok ) {
				const valid = validateRequest( outcome.request ).length === 0;
				expect( isRequest( outcome.request ), name + ': ' + JSON.stringify( isRequest.errors ) ).toBe( valid );
				accepted += valid ? 1 : 0;
			}
		}
		// The form's own page and the hand-edited copy of it, at least.
		expect( accepted ).toBeGreaterThanOrEqual( 2 );
	} );

	it( 'accepts valid requests', () => {
		fc.assert( fc.property( validRequest, ( request ) => {
			expect( validateRequest( request ) ).toStrictEqual( [] );
			expect( isRequest( request ), JSON.stringify( isRequest.errors ) ).toBe( true );
		} ), { numRuns: 1000 } );
	}, SLOW );

	it( 'agrees with validateRequest on arbitrary requests', () => {
		const codes = COUNTRIES.map( ( country ) => country.code );
		fc.assert( fc.property( fc.oneof( anyRequest, validRequest ), ( request ) => {
			// The schema checks the shape of these only; validateRequest knows more.
			fc.pre( !/^[A-Z]{2}$/.test( request.country ) || codes.includes( request.country ) );
			fc.pre( !TIMESTAMP_PATTERN.test( request.filed ) || !isNaN( Date.parse( request.filed ) ) );
			expect( isRequest( request ) ).toBe( validateRequest( request ).length === 0 );
		} ), { numRuns: 1000 } );
	}, SLOW );

	it( 'refuses unknown fields and wrong types', () => {
		const request: HelpdeskRequest = sampleRequest( { individual: true, affiliate: '' } );
		expect( isRequest( request ) ).toBe( true );
		expect( isRequest( Object.assign( {}, request, { priority: 'high' } ) ) ).toBe( false );
		expect( isRequest( Object.assign( {}, request, { individual: 'yes' } ) ) ).toBe( false );
		expect( isRequest( Object.assign( {}, request, { support: [ 'other', 'other' ] } ) ) ).toBe( false );
		expect( isRequest( Object.assign( {}, request, { individual: false } ) ) ).toBe( false );
		expect( isRequest( Object.assign( {}, request, { individual: false, affiliate: 'WMSE' } ) ) ).toBe( true );
	} );
} );

describe( 'the import schema', () => {
	const minimal = {
		title: 'Copyright question',
		requester: 'Requester One',
		filed: '2025-03-01T08:00:00Z',
		language: 'en',
		individual: true,
		country: 'KE',
		support: [ 'copyright' ],
		description: 'Which licence?',
	};

	it( 'accepts requests without status, status time, working group, language or optional fields', () => {
		expect( isImportFile( [] ) ).toBe( true );
		const withoutLanguage: Record<string, unknown> = Object.assign( {}, minimal );
		delete withoutLanguage.language;
		expect( isImportFile( [ withoutLanguage ] ) ).toBe( true );
		expect( isImportFile( [ minimal ] ), JSON.stringify( isImportFile.errors ) ).toBe( true );
		expect( isImportFile( [ Object.assign( {}, minimal, { status: 'done', statusSince: '2025-06-01T00:00:00Z', workingGroup: '' } ) ] ) ).toBe( true );
	} );

	it( 'still requires what every request has, and refuses unknown fields', () => {
		for ( const name of Object.keys( minimal ) ) {
			// An individual can instead name an affiliate; the language defaults to English.
			if ( name === 'individual' || name === 'language' ) {
				continue;
			}
			const partial: Record<string, unknown> = Object.assign( {}, minimal );
			delete partial[ name ];
			expect( isImportFile( [ partial ] ), name ).toBe( false );
		}
		expect( isImportFile( [ Object.assign( {}, minimal, { individual: false } ) ] ) ).toBe( false );
		expect( isImportFile( [ Object.assign( {}, minimal, { mailbox: 'x' } ) ] ) ).toBe( false );
		expect( isImportFile( minimal ) ).toBe( false );
	} );

	it( 'accepts the demo requests of the local wiki', () => {
		const demo = JSON.parse( readFileSync( new URL( '../../../scripts/demo-requests.json', import.meta.url ), 'utf8' ) );
		expect( isImportFile( demo ), JSON.stringify( isImportFile.errors ) ).toBe( true );
	} );
} );
