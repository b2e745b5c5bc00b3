/**
 * The people who offer to give support, as the volunteers' page lists them: one
 * `{{Helpdesk volunteer|user=…|areas=…|languages=…|regions=…|until=…}}` per person.
 * Anyone may add themselves, so every value is checked: a line that cannot be read
 * is a problem for people to look at, never a reason to stop, and whatever it says
 * is kept as data, never as markup.
 */
import { CONTINENTS, Continent, isCountryCode } from '../../shared/countries';
import { SUPPORT_KINDS, SupportKind } from '../../shared/request';
import { ProcessSettings, workingGroupByName } from '../../shared/settings';
import { LANGUAGE_CODE_PATTERN } from '../../shared/validation';
import { decodeReferences, parseTimestamp, shortened } from '../../shared/wikitext';
import { personOfLine } from './committee';
import { findTemplates, paramValue } from './wikitext';

export interface Volunteer {
	/** User name, normalised. */
	name: string;
	/** Kinds of support (`SUPPORT_KINDS`) they help with. */
	support: SupportKind[];
	/** Working groups (codes of the settings) whose area they help with. */
	groups: string[];
	/** Language codes, lower case. */
	languages: string[];
	/** Continents they know well. */
	continents: Continent[];
	/** Countries (ISO 3166-1 alpha-2, upper case) they know well. */
	countries: string[];
	/** Available through this day (YYYY-MM-DD), or '' for no end. */
	until: string;
}

export interface Volunteers {
	people: Volunteer[];
	/** What could not be read on the page, in English, for the list of what needs attention. */
	problems: string[];
}

/** A real calendar day, YYYY-MM-DD. */
function isDay( text: string ): boolean {
	return /^\d{4}-\d\d-\d\d$/.test( text ) && parseTimestamp( text ) !== null;
}

/** The entries of a list typed by hand, as the page shows it: commas, semicolons or line breaks between them. */
function entries( value: string ): string[] {
	return decodeReferences( value ).split( /[,;\n]+/ ).map( ( entry ) => entry.trim() ).filter( ( entry ) => entry !== '' );
}

/** A code as people type it: `Mass upload`, `mass_upload`, `North America` → `mass-upload`, `north-america`. */
function codeOf( typed: string ): string {
	return typed.toLowerCase().replace( /[\s_]+/g, '-' );
}

function pushOnce<T>( list: T[], value: T ): void {
	if ( !list.includes( value ) ) {
		list.push( value );
	}
}

/**
 * Everyone on the volunteers' page (`text`, null when the page does not exist: no
 * volunteers, and no problem). Areas are kinds of support or working groups of
 * the settings (by code or by name); regions are continents (`europe`,
 * `north-america`) or country codes (`SE`). A person listed twice, or without a
 * user name, is left out; an entry that is not understood is left out of their
 * line; both are problems.
 */
export function parseVolunteers( text: string | null, templateName: string, settings: ProcessSettings ): Volunteers {
	const volunteers: Volunteers = { people: [], problems: [] };
	if ( text === null ) {
		return volunteers;
	}
	for ( const call of findTemplates( text, templateName ) ) {
		const listed = volunteers.people.map( ( volunteer ) => volunteer.name );
		const found = personOfLine( call, templateName, listed, ' is listed twice on the volunteers\' page; the first line counts.' );
		if ( 'problem' in found ) {
			volunteers.problems.push( found.problem );
			continue;
		}
		const name = found.name;
		const person: Volunteer = { name: name, support: [], groups: [], languages: [], continents: [], countries: [], until: '' };
		const unread: Record<string, string[]> = { areas: [], languages: [], regions: [] };
		for ( const entry of entries( paramValue( call, 'areas' ) ) ) {
			const kind = SUPPORT_KINDS.find( ( candidate ) => candidate === codeOf( entry ) );
			const group = kind ? null : workingGroupByName( settings, entry );
			if ( kind ) {
				pushOnce( person.support, kind );
			} else if ( group ) {
				pushOnce( person.groups, group.code );
			} else {
				unread.areas.push( entry );
			}
		}
		for ( const entry of entries( paramValue( call, 'languages' ).replace( /\s+/g, ',' ) ) ) {
			const code = entry.toLowerCase();
			if ( LANGUAGE_CODE_PATTERN.test( code ) ) {
				pushOnce( person.languages, code );
			} else {
				unread.languages.push( entry );
			}
		}
		for ( const entry of entries( paramValue( call, 'regions' ) ) ) {
			const continent = CONTINENTS.find( ( candidate ) => candidate === codeOf( entry ) );
			if ( continent ) {
				pushOnce( person.continents, continent );
			} else if ( isCountryCode( entry.toUpperCase() ) ) {
				pushOnce( person.countries, entry.toUpperCase() );
			} else {
				unread.regions.push( entry );
			}
		}
		const expected: Record<string, string> = {
			areas: 'kinds of support: ' + SUPPORT_KINDS.join( ', ' ) + '; working groups: ' +
				settings.workingGroups.map( ( candidate ) => candidate.code ).join( ', ' ),
			languages: 'language codes, such as en, sv or pt-br',
			regions: 'continents: ' + CONTINENTS.join( ', ' ) + '; country codes, such as SE or KE',
		};
		for ( const parameter of Object.keys( unread ).filter( ( key ) => unread[ key ].length ) ) {
			volunteers.problems.push( name + ': ' + parameter + '=' + shortened( unread[ parameter ].join( ', ' ), 60 ) +
				' not understood (' + expected[ parameter ] + '); left out.' );
		}
		const until = paramValue( call, 'until' );
		if ( until !== '' && !isDay( until ) ) {
			volunteers.problems.push( name + ': until=' + shortened( until, 40 ) + ' is not a date (YYYY-MM-DD); taken as available.' );
		}
		person.until = isDay( until ) ? until : '';
		if ( person.support.length === 0 && person.groups.length === 0 ) {
			volunteers.problems.push( name + ' names no area the bot understands: never suggested.' );
		}
		volunteers.people.push( person );
	}
	return volunteers;
}

/** Whether `person` is still available on `now`'s day: `until` is the last day. */
export function isAvailable( person: Volunteer, now: string ): boolean {
	return person.until === '' || person.until >= now.slice( 0, 10 );
}
