/**
 * readSettings() and settings.schema.json agree: a page is valid for the one
 * exactly when it is for the other, plus the three rules JSON Schema cannot say
 * (working-group codes all different, meetings in increasing order, real user
 * names). Settings are generated valid, then broken a little.
 */
import Ajv2020 from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readSettings, settingsText } from '../../../shared/settings';
import settingsSchema from '../../../shared/settings.schema.json';
import { SUPPORT_KINDS } from '../../../shared/request';
import { STATUSES } from '../../../shared/status';
import { normaliseUserName, parseTimestamp, userNameProblem } from '../../../shared/wikitext';

/** Time allowed for property tests on a busy machine; not a measure of speed. */
const SLOW = 60000;
const RUNS = { numRuns: 1000 };

const ajv = new Ajv2020( { allErrors: true, strictTypes: true } );
const isSettings = ajv.compile( settingsSchema );

type Json = null | boolean | number | string | Json[] | { [ key: string ]: Json };
type JsonObject = { [ key: string ]: Json };

function isObject( value: Json ): value is JsonObject {
	return typeof value === 'object' && value !== null && !Array.isArray( value );
}

/** Valid for the schema and for the rules it cannot say, as the schema's description lists them. */
function valid( page: Json ): boolean {
	if ( !isSettings( page ) ) {
		return false;
	}
	// The schema has checked the shape.
	const settings = page as unknown as {
		workingGroups: { code: string; contacts: string[] }[]; meetings: string[]; helpdesk: string[];
	};
	const codes = settings.workingGroups.map( ( group ) => group.code );
	const names = settings.helpdesk.concat( ...settings.workingGroups.map( ( group ) => group.contacts ) );
	return new Set( codes ).size === codes.length &&
		settings.meetings.every( ( meeting, index ) => index === 0 || settings.meetings[ index - 1 ] < meeting ) &&
		names.every( ( name ) => userNameProblem( normaliseUserName( name ) ) === '' );
}

const DAY_MS = 86400000;
const date = fc.integer( { min: 0, max: 80000 } ).map( ( day ) => new Date( Date.UTC( 1900, 0, 1 ) + day * DAY_MS ).toISOString().slice( 0, 10 ) );

/** Dates that exist and dates that almost do. */
const dateLike = fc.oneof(
	date,
	fc.tuple( fc.constantFrom( 1900, 1996, 2000, 2027, 2028, 2100, 2400 ), fc.integer( { min: 0, max: 13 } ), fc.integer( { min: 0, max: 32 } ) )
		.map( ( [ year, month, day ] ) => year + '-' + String( month ).padStart( 2, '0' ) + '-' + String( day ).padStart( 2, '0' ) ),
	fc.constantFrom( '2027-1-14', '2027-01-14 ', ' 2027-01-14', '2027-01-14T00:00:00Z', '2027/01/14', '27-01-14', '2027-01-14Z' ),
);

const userName = fc.oneof(
	fc.constantFrom( 'Alice', 'user_name', 'User:Bob', ' Padded  name ', 'Åsa', 'Benutzer:Zed', 'användare:örjan', 'alice' ),
	fc.constantFrom( 'a@b', '127.0.0.1', '', ' ', 'User:', 'A|B', 'x'.repeat( 256 ), 'a/b', 'Name\u200e', '~~~', 'a%41', '::1' ),
	fc.string( { maxLength: 12 } ),
	fc.string( { unit: 'binary', maxLength: 6 } ),
);

const validUserName = fc.oneof(
	fc.constantFrom( 'Alice', 'user_name', 'User:Bob', ' Padded  name ', 'Åsa', 'Benutzer:Zed', 'användare:örjan', 'alice' ),
	fc.string( { minLength: 1, maxLength: 12 } ).filter( ( name ) => userNameProblem( normaliseUserName( name ) ) === '' ),
);

const nameText = fc.oneof(
	fc.constantFrom( 'Communication', 'Kommunikation', 'x'.repeat( 80 ), '𝒜'.repeat( 80 ), 'é'.repeat( 80 ) ),
	fc.string( { minLength: 1, maxLength: 80 } ).filter( ( text ) => /\S/.test( text ) ),
	fc.string( { unit: 'binary', minLength: 1, maxLength: 80 } ).filter( ( text ) => /\S/.test( text ) ),
);
const language = fc.constantFrom( 'sv', 'de', 'fr', 'ast', 'zh-hant', 'en-gb', 'be-tarask' );

const workingGroup = fc.record( {
	code: fc.oneof( fc.constantFrom( 'communication', 'evaluation', 'a', 'x'.repeat( 40 ), '0-', '-' ), fc.stringMatching( /^[a-z0-9-]{1,40}$/ ) ),
	names: fc.tuple( nameText, fc.dictionary( language, nameText, { maxKeys: 3 } ) ).map( ( [ en, others ] ) => ( { en: en, ...others } ) ),
	contacts: fc.array( validUserName, { maxLength: 3 } ),
	areas: fc.uniqueArray( fc.constantFrom( ...SUPPORT_KINDS ), { maxLength: SUPPORT_KINDS.length } ),
}, { requiredKeys: [ 'code', 'names', 'contacts' ] } );

const days = fc.integer( { min: 0, max: 365 } );

const validPage = fc.record( {
	version: fc.constant( 1 ),
	comment: fc.string(),
	$comment: fc.string(),
	workingGroups: fc.uniqueArray( workingGroup, { selector: ( entry ) => entry.code, maxLength: 8 } ),
	reminders: fc.record( {
		parties: fc.record( { committee: days, 'working-group': days, helpdesk: days, requester: days } ),
		statuses: fc.dictionary( fc.constantFrom( ...STATUSES ), days, { maxKeys: 4 } ),
	} ),
	quorum: fc.record( { initialFeedback: fc.integer( { min: 1, max: 50 } ), finalGo: fc.integer( { min: 1, max: 50 } ) } ),
	meetings: fc.oneof(
		fc.uniqueArray( date, { maxLength: 10 } ).map( ( dates ) => dates.sort() ),
		fc.uniqueArray( date, { minLength: 118, maxLength: 120 } ).map( ( dates ) => dates.sort() ),
	),
	helpdesk: fc.oneof( fc.array( validUserName, { maxLength: 4 } ), fc.array( fc.constant( 'Staff' ), { minLength: 48, maxLength: 50 } ) ),
}, { requiredKeys: [ 'version', 'workingGroups', 'reminders', 'quorum', 'meetings', 'helpdesk' ] } );

/** Values that are nearly right somewhere, or wrong everywhere. */
const edgeValue: fc.Arbitrary<Json> = fc.oneof(
	fc.constantFrom<Json>( -1, 0, 1, 1.5, 2.0000001, 50, 51, 365, 366, 1e21, null, true, false, '', ' ', 'a', 'A', '1', 'x'.repeat( 41 ),
		'x'.repeat( 80 ), 'x'.repeat( 81 ), 'Communication', 'support-under-way', [], {}, { en: 'x' }, [ 'Alice' ], [ '2027-01-14' ],
		'mass-upload', 'technical', [ 'copyright' ], [ 'copyright', 'copyright' ] ),
	fc.integer( { min: -3, max: 400 } ),
	dateLike,
	userName,
	nameText,
);

const extraKey = fc.constantFrom( '__proto__', 'constructor', 'extra', 'comment', '$comment', 'EN', 'en', 'sv', 'x_y', 'nobody', 'committee',
	'done', 'finished', 'code', 'names', 'contacts', 'areas', 'version', 'statuses', 'finalGo' );

type Mutation = { kind: 'replace'; pick: number; value: Json } | { kind: 'delete'; pick: number } |
	{ kind: 'add'; pick: number; key: string; value: Json } | { kind: 'repeat'; pick: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
	fc.record( { kind: fc.constant( 'replace' as const ), pick: fc.nat(), value: edgeValue } ),
	fc.record( { kind: fc.constant( 'delete' as const ), pick: fc.nat() } ),
	// A list entry again, next to itself: a meeting twice, a working group's code twice.
	fc.record( { kind: fc.constant( 'repeat' as const ), pick: fc.nat() } ),
	fc.record( { kind: fc.constant( 'add' as const ), pick: fc.nat(), key: extraKey, value: edgeValue } ),
);

/** Every place in `value` holding a value: its container and key. */
function places( value: Json, found: [ Json[] | JsonObject, string | number ][] = [] ): [ Json[] | JsonObject, string | number ][] {
	if ( Array.isArray( value ) ) {
		value.forEach( ( entry, index ) => {
			found.push( [ value, index ] );
			places( entry, found );
		} );
	} else if ( isObject( value ) ) {
		for ( const key of Object.keys( value ) ) {
			found.push( [ value, key ] );
			places( value[ key ], found );
		}
	}
	return found;
}

function setOwn( object: JsonObject, key: string, value: Json ): void {
	Object.defineProperty( object, key, { value: value, enumerable: true, writable: true, configurable: true } );
}

function mutate( page: JsonObject, mutations: Mutation[] ): JsonObject {
	const copy = JSON.parse( JSON.stringify( page ) ) as JsonObject;
	for ( const change of mutations ) {
		const all = places( copy );
		if ( change.kind === 'add' ) {
			const containers: ( Json[] | JsonObject )[] = [ copy, ...all.map( ( [ parent, at ] ) => ( parent as JsonObject )[ at ] )
				.filter( ( value ): value is Json[] | JsonObject => typeof value === 'object' && value !== null ) ];
			const target = containers[ change.pick % containers.length ];
			if ( Array.isArray( target ) ) {
				target.push( change.value );
			} else {
				setOwn( target, change.key, change.value );
			}
			continue;
		}
		if ( all.length === 0 ) {
			continue;
		}
		const [ container, key ] = all[ change.pick % all.length ];
		if ( change.kind === 'repeat' ) {
			if ( Array.isArray( container ) ) {
				container.splice( key as number, 0, JSON.parse( JSON.stringify( container[ key as number ] ) ) );
			}
		} else if ( change.kind === 'replace' ) {
			if ( Array.isArray( container ) ) {
				container[ key as number ] = change.value;
			} else {
				setOwn( container, key as string, change.value );
			}
		} else if ( Array.isArray( container ) ) {
			container.splice( key as number, 1 );
		} else {
			delete container[ key as string ];
		}
	}
	return copy;
}

/** Agrees on `page`; whether it is valid. */
function agrees( page: Json ): boolean {
	const text = JSON.stringify( page );
	// What the page holds, as both read it.
	const parsed = JSON.parse( text ) as Json;
	const outcome = readSettings( text );
	const expected = valid( parsed );
	expect( outcome.problems.length === 0, text.slice( 0, 2000 ) + '\n' + JSON.stringify( outcome.problems ) + '\n' +
		JSON.stringify( isSettings.errors ) ).toBe( expected );
	expect( outcome.settings === null ).toBe( !expected );
	for ( const problem of outcome.problems ) {
		expect( problem.path === '' || problem.path.charAt( 0 ) === '/' ).toBe( true );
		expect( problem.message ).toMatch( /^\S.*\.$/s );
	}
	return expected;
}

describe( 'readSettings and settings.schema.json', () => {
	it( 'accept valid settings, and give them back unchanged through settingsText', () => {
		let accepted = 0;
		fc.assert( fc.property( validPage, ( page ) => {
			accepted += agrees( page ) ? 1 : 0;
			const outcome = readSettings( JSON.stringify( page ) );
			if ( outcome.settings ) {
				const settings = outcome.settings;
				expect( settings.meetings ).toStrictEqual( page.meetings );
				expect( settings.workingGroups.map( ( entry ) => entry.code ) ).toStrictEqual( page.workingGroups.map( ( entry ) => entry.code ) );
				expect( settings.quorum ).toStrictEqual( { ...page.quorum } );
				expect( settings.helpdesk ).toStrictEqual( Array.from( new Set( ( page.helpdesk as string[] ).map( ( name ) => normaliseUserName( name ) ) ) ) );
				expect( readSettings( settingsText( settings ) ) ).toStrictEqual( outcome );
			}
		} ), RUNS );
		expect( accepted ).toBe( RUNS.numRuns );
	}, SLOW );

	it( 'refuse the same slightly broken settings', () => {
		const seen = { valid: 0, invalid: 0 };
		fc.assert( fc.property( validPage, fc.array( mutation, { minLength: 1, maxLength: 3 } ), ( page, mutations ) => {
			seen[ agrees( mutate( page as unknown as JsonObject, mutations ) ) ? 'valid' : 'invalid' ]++;
		} ), { numRuns: 3000 } );
		// Most changes break the page, some do not (a new comment, a deleted meeting).
		expect( seen.invalid ).toBeGreaterThan( 1500 );
		expect( seen.valid ).toBeGreaterThan( 20 );
	}, SLOW );

	it( 'refuse the same arbitrary JSON', () => {
		fc.assert( fc.property( fc.jsonValue( { maxDepth: 4 } ), ( value ) => {
			agrees( value as Json );
		} ), RUNS );
	}, SLOW );

	it( 'never throws on any text', () => {
		fc.assert( fc.property( fc.oneof( fc.string(), fc.json(), fc.string( { unit: 'binary' } ) ), ( text ) => {
			const outcome = readSettings( text );
			expect( outcome.settings === null ).toBe( outcome.problems.length > 0 );
		} ), RUNS );
	}, SLOW );

	it( 'agree on which dates exist, for every date of four centuries and nearly-dates', () => {
		const pattern = new RegExp( settingsSchema.properties.meetings.items.pattern, 'u' );
		let checked = 0;
		for ( let year = 1896; year <= 2404; year++ ) {
			for ( let month = 0; month <= 13; month++ ) {
				for ( let day = 0; day <= 32; day++ ) {
					const text = String( year ) + '-' + String( month ).padStart( 2, '0' ) + '-' + String( day ).padStart( 2, '0' );
					if ( pattern.test( text ) !== ( parseTimestamp( text ) !== null ) ) {
						expect.fail( text );
					}
					checked++;
				}
			}
		}
		expect( checked ).toBe( 509 * 14 * 33 );
		for ( const text of [ '0000-02-29', '0100-02-29', '0400-02-29', '9999-12-31' ] ) {
			expect( pattern.test( text ), text ).toBe( parseTimestamp( text ) !== null );
		}
	}, SLOW );
} );
