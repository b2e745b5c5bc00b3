/**
 * Routing hints: for a request awaiting the Expert Committee, the working group
 * whose areas (the settings' `areas`) cover its kinds of support, and one to three
 * people of the volunteers' page whose areas, languages and regions match it, each
 * with the reasons as codes and parameters (the views translate them) and in
 * English. Hints are only shown, never sent: nobody is pinged. Deterministic: the
 * same request, page and settings give the same hints, ties broken by name.
 *
 * How people are scored (only people with at least one matching area are suggested):
 *
 * | Reason | Points |
 * | --- | --- |
 * | `support`: each kind of support of the request they help with | 3 |
 * | `group`: they help the working group suggested for the request | 2 |
 * | `language`: they speak the request's language or a language of its content | 2 |
 * | `country`: they know the request's country | 2 |
 * | `continent`: they know its continent (when not the country itself) | 1 |
 *
 * Left out: the requester themself, people whose `until` has passed, and committee
 * members who are away (`away_until`).
 */
import { continentOf, countryName } from '../../shared/countries';
import type { SupportKind } from '../../shared/request';
import { ProcessSettings, workingGroupName } from '../../shared/settings';
import { Status, WAITING_ON } from '../../shared/status';
import { LANGUAGE_CODE_PATTERN } from '../../shared/validation';
import type { Committee, RequestRecord } from './types';
import { isAvailable, Volunteer, Volunteers } from './volunteers';
import { normaliseUserName } from './wikitext';

/** At most this many people are suggested for a request. */
export const MAX_SUGGESTED = 3;

/** What a hint is made from: a request as the bot read it. */
export interface RoutingRequest {
	page: string;
	/** Why the page is not a request; '' when it is. */
	problem: string;
	status: Status;
	requester: string;
	support: readonly SupportKind[];
	/** The language of the request. */
	language: string;
	/** The languages of the content, as typed (codes or names). */
	languages: readonly string[];
	country: string;
}

export type ReasonCode = 'support' | 'group' | 'language' | 'country' | 'continent';

/** Why someone is suggested: a code, and codes as its parameters (kinds of support, a group, languages, a country, a continent). */
export interface RoutingReason {
	code: ReasonCode;
	params: string[];
}

export interface PersonHint {
	user: string;
	score: number;
	why: RoutingReason[];
	/** The reasons in English: the views' fallback. */
	text: string;
}

export interface GroupHint {
	code: string;
	/** The kinds of support of the request in the group's areas. */
	why: RoutingReason[];
	text: string;
}

export type NoMatchCode = 'no-volunteers' | 'none-available' | 'no-area' | 'no-group';

/** Why a hint suggests nobody (or no group). */
export interface NoMatch {
	code: NoMatchCode;
	params: string[];
	text: string;
}

export interface RoutingHint {
	page: string;
	group: GroupHint | null;
	people: PersonHint[];
	/** Why no group, or nobody, is suggested. */
	none: NoMatch[];
}

const POINTS: Readonly<Record<ReasonCode, number>> = { support: 3, group: 2, language: 2, country: 2, continent: 1 };

/** What a hint is made from, of a request as the bot read it. */
export function routingRequest( record: RequestRecord ): RoutingRequest {
	return {
		page: record.page, problem: record.problem, status: record.status, requester: record.requester, support: record.support,
		language: record.language, languages: record.summary.languages, country: record.country,
	};
}

/** Whether the request waits on the committee, so that the hints help it decide. */
export function awaitsCommittee( request: RoutingRequest ): boolean {
	return request.problem === '' && WAITING_ON[ request.status ] === 'committee';
}

/** `mass-upload` → `mass upload`, `north-america` → `North America`, for English text. */
function words( code: string ): string {
	return code.replace( /-/g, ' ' );
}

function continentWords( code: string ): string {
	return words( code ).replace( /\b[a-z]/g, ( letter ) => letter.toUpperCase() );
}

/** Whether two language codes are the same language (`de` and `de-at` are). */
function sameLanguage( a: string, b: string ): boolean {
	return a === b || a.indexOf( b + '-' ) === 0 || b.indexOf( a + '-' ) === 0;
}

/** The name of language `code` in `language`, lower case, or '' when the runtime does not know it. */
function languageName( code: string, language: string ): string {
	try {
		const name = new Intl.DisplayNames( [ language ], { type: 'language', fallback: 'none' } ).of( code );
		return name ? name.toLocaleLowerCase( language ) : '';
	} catch {
		return '';
	}
}

/**
 * Whether the request is in language `code` of a volunteer: its own language, or a
 * language of its content typed as a code (`sv`) or as a name in English, in the
 * request's language or in the language itself (`Swedish`, `svenska`).
 */
function speaks( request: RoutingRequest, code: string ): boolean {
	if ( request.language !== '' && sameLanguage( request.language.toLowerCase(), code ) ) {
		return true;
	}
	return request.languages.some( ( typed ) => {
		const entry = typed.trim().toLowerCase();
		if ( LANGUAGE_CODE_PATTERN.test( entry ) ) {
			return sameLanguage( entry, code );
		}
		return [ 'en', request.language || 'en', code ].some( ( language ) => {
			const name = languageName( code, language );
			return name !== '' && name === typed.trim().toLocaleLowerCase( language );
		} );
	} );
}

/**
 * The working group whose areas hold the most of the request's kinds of support;
 * on a tie, the one holding the kind the request names first, then the first in
 * the settings.
 */
function suggestedGroup( request: RoutingRequest, settings: ProcessSettings ): GroupHint | null {
	let best: GroupHint | null = null;
	let most = 0;
	let first = Infinity;
	for ( const group of settings.workingGroups ) {
		const kinds = request.support.filter( ( kind ) => ( group.areas || [] ).includes( kind ) );
		const firstKind = kinds.length ? request.support.indexOf( kinds[ 0 ] ) : Infinity;
		if ( kinds.length > most || ( kinds.length === most && kinds.length > 0 && firstKind < first ) ) {
			most = kinds.length;
			first = firstKind;
			best = {
				code: group.code,
				why: [ { code: 'support', params: kinds.slice() } ],
				text: workingGroupName( settings, group.code, 'en' ) + ': helps with ' + kinds.map( words ).join( ', ' ) + '.',
			};
		}
	}
	return best;
}

/** A reason in English. */
export function reasonText( reason: RoutingReason, settings: ProcessSettings ): string {
	switch ( reason.code ) {
		case 'support':
			return 'helps with ' + reason.params.map( words ).join( ', ' );
		case 'group':
			return 'helps the working group ' + reason.params.map( ( code ) => workingGroupName( settings, code, 'en' ) ).join( ', ' );
		case 'language':
			return 'speaks ' + reason.params.join( ', ' );
		case 'country':
			return 'knows ' + reason.params.map( countryName ).join( ', ' );
		case 'continent':
			return 'knows ' + reason.params.map( continentWords ).join( ', ' );
	}
}

/** Why `person` suits the request, or null when no area of theirs matches it. */
function match( request: RoutingRequest, person: Volunteer, group: GroupHint | null, settings: ProcessSettings ): PersonHint | null {
	const why: RoutingReason[] = [];
	let score = 0;
	const add = ( code: ReasonCode, params: string[], points: number ): void => {
		if ( params.length ) {
			why.push( { code: code, params: params } );
			score += points;
		}
	};
	const kinds = request.support.filter( ( kind ) => person.support.includes( kind ) );
	add( 'support', kinds.slice(), POINTS.support * kinds.length );
	add( 'group', group && person.groups.includes( group.code ) ? [ group.code ] : [], POINTS.group );
	if ( why.length === 0 ) {
		return null;
	}
	add( 'language', person.languages.filter( ( code ) => speaks( request, code ) ), POINTS.language );
	add( 'country', person.countries.includes( request.country ) ? [ request.country ] : [], POINTS.country );
	const continent = continentOf( request.country );
	if ( !person.countries.includes( request.country ) && continent && person.continents.includes( continent ) ) {
		add( 'continent', [ continent ], POINTS.continent );
	}
	const text = why.map( ( reason ) => reasonText( reason, settings ) ).join( '; ' );
	return { user: person.name, score: score, why: why, text: text.charAt( 0 ).toUpperCase() + text.slice( 1 ) + '.' };
}

/** The names of committee members away on `now`'s day (`away_until` is their last day away). */
function awayMembers( committee: Committee, now: string ): string[] {
	const today = now.slice( 0, 10 );
	return committee.members.filter( ( member ) => member.awayUntil !== '' && member.awayUntil >= today ).map( ( member ) => member.name );
}

/** The hints for one request (awaiting the committee or not: the caller chooses). */
export function routingHint(
	request: RoutingRequest, volunteers: Volunteers, committee: Committee, settings: ProcessSettings, now: string,
): RoutingHint {
	const group = suggestedGroup( request, settings );
	const kinds = request.support.slice();
	const none: NoMatch[] = [];
	if ( !group ) {
		none.push( { code: 'no-group', params: kinds, text: kinds.length ?
			'No working group lists ' + kinds.map( words ).join( ', ' ) + ' among its areas (Settings.json).' :
			'The request names no kind of support.' } );
	}
	const away = awayMembers( committee, now );
	const requester = normaliseUserName( request.requester );
	const available = volunteers.people.filter( ( person ) => person.name !== requester && isAvailable( person, now ) &&
		!away.includes( person.name ) );
	const people = available.map( ( person ) => match( request, person, group, settings ) )
		.filter( ( hint ): hint is PersonHint => hint !== null )
		.sort( ( a, b ) => b.score - a.score || ( a.user < b.user ? -1 : a.user > b.user ? 1 : 0 ) )
		.slice( 0, MAX_SUGGESTED );
	if ( volunteers.people.length === 0 ) {
		none.push( { code: 'no-volunteers', params: [], text: 'Nobody is listed on the volunteers\' page yet.' } );
	} else if ( available.length === 0 ) {
		const listed = String( volunteers.people.length );
		none.push( { code: 'none-available', params: [ listed ], text: 'None of the ' + listed + ' people on the volunteers\' page is ' +
			'available for this request (the requester themself, past their "until" date, or away from the committee).' } );
	} else if ( people.length === 0 ) {
		none.push( { code: 'no-area', params: kinds, text: 'Nobody available on the volunteers\' page helps with ' +
			( kinds.length ? kinds.map( words ).join( ', ' ) : 'what the request asks' ) + ( group ? ' or with the working group\'s area' : '' ) + '.' } );
	}
	return { page: request.page, group: group, people: people, none: none };
}

/** The hints for every request awaiting the committee, in the order given. */
export function routingHints(
	requests: readonly RoutingRequest[], volunteers: Volunteers, committee: Committee, settings: ProcessSettings, now: string,
): RoutingHint[] {
	return requests.filter( awaitsCommittee ).map( ( request ) => routingHint( request, volunteers, committee, settings, now ) );
}

/** A hint as the data pages hold it: without its page (the key or the entry names it), empty parts left out. */
export function hintData( hint: RoutingHint ): Record<string, unknown> {
	const data: Record<string, unknown> = {};
	if ( hint.group ) {
		data.group = hint.group;
	}
	if ( hint.people.length ) {
		data.people = hint.people;
	}
	if ( hint.none.length ) {
		data.none = hint.none;
	}
	return data;
}
