/**
 * Routing hints: for each request awaiting the committee, the working group and
 * one to three people of the volunteers' page, each with the reasons. Realistic
 * requests, including those that match nobody; the requester, people past their
 * `until` date and committee members who are away are never suggested.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCommittee } from '../../../bot/plan/committee';
import { hintData, MAX_SUGGESTED, reasonText, RoutingRequest, routingHint, routingHints } from '../../../bot/plan/routing';
import { parseVolunteers, Volunteers } from '../../../bot/plan/volunteers';
import { DEFAULT_SETTINGS, ProcessSettings } from '../../../shared/settings';
import type { SupportKind } from '../../../shared/request';
import type { Status } from '../../../shared/status';
import { demoVolunteers } from '../../../scripts/start';
import demoRequests from '../../../scripts/demo-requests.json';

const NOW = '2026-12-01T08:00:00Z';
const VOLUNTEERS = parseVolunteers( readFileSync( new URL( '../../fixtures/bot/volunteers.wiki', import.meta.url ), 'utf8' ),
	'Helpdesk volunteer', DEFAULT_SETTINGS );
const COMMITTEE = parseCommittee( readFileSync( new URL( '../../fixtures/bot/committee.wiki', import.meta.url ), 'utf8' ), 'Helpdesk committee member' );
const PREFIX = 'Content Partnerships Hub/Helpdesk/Requests/';

function request( fields: Partial<RoutingRequest> ): RoutingRequest {
	return Object.assign( {
		page: PREFIX + 'Example', problem: '', status: 'submitted', requester: 'Sofia Berg', support: [], language: 'en', languages: [], country: 'SE',
	}, fields ) as RoutingRequest;
}

/** Who is suggested, best first. */
function people( hint: ReturnType<typeof routingHint> ): string[] {
	return hint.people.map( ( person ) => person.user );
}

function hintFor( fields: Partial<RoutingRequest>, volunteers: Volunteers = VOLUNTEERS, settings: ProcessSettings = DEFAULT_SETTINGS ): ReturnType<typeof routingHint> {
	return routingHint( request( fields ), volunteers, COMMITTEE, settings, NOW );
}

const NATIONALMUSEUM = { page: PREFIX + 'Nationalmuseum portraits', support: [ 'mass-upload' ], language: 'sv', languages: [ 'Swedish', 'English' ], country: 'SE' } as const;

describe( 'routingHint', () => {
	it( 'suggests the working group whose areas hold the kinds of support, and the best-matching people with their reasons', () => {
		const hint = hintFor( NATIONALMUSEUM );
		expect( hint.group ).toStrictEqual( {
			code: 'implementation', why: [ { code: 'support', params: [ 'mass-upload' ] } ], text: 'Implementation: helps with mass upload.',
		} );
		expect( hint.people ).toStrictEqual( [
			{ user: 'Björn Lindqvist', score: 3 + 2 + 2 + 1, text: 'Helps with mass upload; helps the working group Implementation; speaks sv, en; knows Europe.', why: [
				{ code: 'support', params: [ 'mass-upload' ] }, { code: 'group', params: [ 'implementation' ] },
				{ code: 'language', params: [ 'sv', 'en' ] }, { code: 'continent', params: [ 'europe' ] },
			] },
			// English is a language of the content, typed as a name.
			{ user: 'Kofi Mensah', score: 3 + 2, text: 'Helps with mass upload; speaks en.', why: [
				{ code: 'support', params: [ 'mass-upload' ] }, { code: 'language', params: [ 'en' ] },
			] },
			{ user: 'Lucía Gómez', score: 3, text: 'Helps with mass upload.', why: [ { code: 'support', params: [ 'mass-upload' ] } ] },
		] );
		expect( hint.none ).toStrictEqual( [] );
	} );

	it( 'ranks by points, each kind of support counting, and a known country above its continent', () => {
		const hint = hintFor( { support: [ 'copyright', 'finding-people' ], language: 'en', country: 'NG', requester: 'Chinedu Obi' } );
		// One kind each for communication and project-planning: the group of the kind the request names first.
		expect( hint.group && hint.group.code ).toBe( 'project-planning' );
		expect( hint.people[ 0 ] ).toStrictEqual( { user: 'Amara Okafor', score: 3 + 3 + 2 + 2, text: 'Helps with copyright, finding people; speaks en; knows Nigeria.',
			why: [ { code: 'support', params: [ 'copyright', 'finding-people' ] }, { code: 'language', params: [ 'en' ] }, { code: 'country', params: [ 'NG' ] } ] } );
		expect( hintFor( { support: [ 'finding-people', 'copyright' ], language: 'en', country: 'NG' } ).group ).toMatchObject( { code: 'communication' } );
		expect( people( hint ) ).toStrictEqual( [ 'Amara Okafor', 'Lucía Gómez', 'Pedro Alves' ] );
	} );

	it( 'breaks ties by name, whatever the order of the page', () => {
		const reversed: Volunteers = { people: VOLUNTEERS.people.slice().reverse(), problems: [] };
		for ( const fields of [ NATIONALMUSEUM, { support: [ 'copyright' ] as const, country: 'BR', language: 'pt' } ] ) {
			expect( hintFor( fields, reversed ) ).toStrictEqual( hintFor( fields ) );
		}
		expect( people( hintFor( { support: [ 'copyright' ], country: 'FI', language: 'fi' } ) ) ).toStrictEqual( [ 'Amara Okafor', 'Lucía Gómez', 'Pedro Alves' ] );
	} );

	it( 'matches the content\'s languages typed as codes, regional variants or names in the request\'s language', () => {
		const brazil = hintFor( { support: [ 'copyright' ], language: 'pt-br', languages: [], country: 'BR' } );
		expect( brazil.people.slice( 0, 2 ).map( ( person ) => [ person.user, person.why ] ) ).toStrictEqual( [
			[ 'Pedro Alves', [ { code: 'support', params: [ 'copyright' ] }, { code: 'language', params: [ 'pt-br' ] }, { code: 'country', params: [ 'BR' ] } ] ],
			[ 'Lucía Gómez', [ { code: 'support', params: [ 'copyright' ] }, { code: 'language', params: [ 'pt' ] }, { code: 'continent', params: [ 'south-america' ] } ] ],
		] );
		const spanish = hintFor( { support: [ 'mass-upload' ], language: 'es', languages: [ 'español' ], country: 'AR' } );
		expect( spanish.people[ 0 ].user ).toBe( 'Lucía Gómez' );
		expect( spanish.people[ 0 ].why ).toContainEqual( { code: 'language', params: [ 'es' ] } );
	} );

	it( 'never suggests the requester themself', () => {
		const hint = hintFor( Object.assign( {}, NATIONALMUSEUM, { requester: 'Björn_Lindqvist' } ) );
		expect( people( hint ) ).toStrictEqual( [ 'Kofi Mensah', 'Lucía Gómez' ] );
	} );

	it( 'never suggests people past their until date, but does on that day', () => {
		// Marta Kowalska helps with training material until 2026-10-31.
		expect( people( hintFor( { support: [ 'training-material' ], country: 'PL', language: 'pl' } ) ) ).toStrictEqual( [ 'Kofi Mensah' ] );
		const onTheDay = routingHint( request( { support: [ 'training-material' ], country: 'PL', language: 'pl' } ), VOLUNTEERS, COMMITTEE,
			DEFAULT_SETTINGS, '2026-10-31T23:00:00Z' );
		expect( people( onTheDay ) ).toStrictEqual( [ 'Marta Kowalska', 'Kofi Mensah' ] );
	} );

	it( 'never suggests committee members while they are away', () => {
		const away = parseCommittee( '{{Helpdesk committee member|user=Amara Okafor|away_until=2026-12-31}}', 'Helpdesk committee member' );
		const nigeria = request( { support: [ 'copyright' ], country: 'NG' } );
		expect( people( routingHint( nigeria, VOLUNTEERS, away, DEFAULT_SETTINGS, NOW ) ) ).toStrictEqual( [ 'Lucía Gómez', 'Pedro Alves' ] );
		expect( people( routingHint( nigeria, VOLUNTEERS, away, DEFAULT_SETTINGS, '2027-01-01T00:00:00Z' ) )[ 0 ] ).toBe( 'Amara Okafor' );
	} );

	it( 'suggests at most three people', () => {
		const many = parseVolunteers( [ 'Ada', 'Bea', 'Cem', 'Dov', 'Eve' ].map( ( name ) => '{{Helpdesk volunteer|user=' + name + '|areas=technical}}' ).join( '\n' ),
			'Helpdesk volunteer', DEFAULT_SETTINGS );
		expect( people( hintFor( { support: [ 'technical' ] }, many ) ) ).toStrictEqual( [ 'Ada', 'Bea', 'Cem' ] );
		expect( MAX_SUGGESTED ).toBe( 3 );
	} );

	it( 'says why it suggests nobody: nobody helps with it', () => {
		// Fiji, in Fijian, for "other": the project-planning group covers it, no volunteer does.
		const hint = hintFor( { support: [ 'other' ], language: 'fj', country: 'FJ' } );
		expect( hint.group && hint.group.code ).toBe( 'project-planning' );
		expect( hint.people ).toStrictEqual( [] );
		expect( hint.none ).toStrictEqual( [ { code: 'no-area', params: [ 'other' ],
			text: 'Nobody available on the volunteers\' page helps with other or with the working group\'s area.' } ] );
	} );

	it( 'says why it suggests no working group: no group lists the kind of support', () => {
		const settings = Object.assign( {}, DEFAULT_SETTINGS, {
			workingGroups: DEFAULT_SETTINGS.workingGroups.map( ( group ) => Object.assign( {}, group, { areas: [] } ) ),
		} );
		const hint = hintFor( NATIONALMUSEUM, VOLUNTEERS, settings );
		expect( hint.group ).toBeNull();
		expect( hint.none ).toStrictEqual( [ { code: 'no-group', params: [ 'mass-upload' ],
			text: 'No working group lists mass upload among its areas (Settings.json).' } ] );
		// Björn Lindqvist no longer gets the points of the group.
		expect( hint.people[ 0 ] ).toMatchObject( { user: 'Björn Lindqvist', score: 3 + 2 + 1 } );
		// Settings made without areas: none.
		expect( hintFor( NATIONALMUSEUM, VOLUNTEERS, Object.assign( {}, DEFAULT_SETTINGS, { workingGroups: [ { code: 'x', names: { en: 'X' }, contacts: [] } ] } ) ).group ).toBeNull();
	} );

	it( 'says when nobody is listed, or nobody listed is available', () => {
		expect( hintFor( NATIONALMUSEUM, { people: [], problems: [] } ).none ).toStrictEqual( [
			{ code: 'no-volunteers', params: [], text: 'Nobody is listed on the volunteers\' page yet.' },
		] );
		const onlyTheRequester = parseVolunteers( '{{Helpdesk volunteer|user=Sofia Berg|areas=mass-upload}}', 'Helpdesk volunteer', DEFAULT_SETTINGS );
		expect( hintFor( NATIONALMUSEUM, onlyTheRequester ).none ).toStrictEqual( [
			{ code: 'none-available', params: [ '1' ], text: 'None of the 1 people on the volunteers\' page is available for this request ' +
				'(the requester themself, past their "until" date, or away from the committee).' },
		] );
	} );

	it( 'names no kind of support when the request has none', () => {
		const hint = hintFor( { support: [] } );
		expect( hint ).toStrictEqual( { page: PREFIX + 'Example', group: null, people: [], none: [
			{ code: 'no-group', params: [], text: 'The request names no kind of support.' },
			{ code: 'no-area', params: [], text: 'Nobody available on the volunteers\' page helps with what the request asks.' },
		] } );
	} );

	it( 'holds only codes, user names and English of its own: hostile request values are never copied', () => {
		const hostile = '[[Category:Injected]] {{subst:Ping}} ~~~~ <script>';
		const hint = hintFor( { support: [ 'mass-upload' ], language: hostile, languages: [ hostile, 'sv' ], country: hostile, requester: hostile } );
		expect( people( hint ) ).toStrictEqual( [ 'Björn Lindqvist', 'Kofi Mensah', 'Lucía Gómez' ] );
		const text = JSON.stringify( hint );
		for ( const part of [ 'Injected', 'subst', '~', '<', '[[' ] ) {
			expect( text ).not.toContain( part );
		}
	} );
} );

describe( 'routingHints', () => {
	it( 'gives hints for the requests awaiting the committee only, in the order given', () => {
		const requests = [
			request( { page: PREFIX + 'A', status: 'submitted', support: [ 'mass-upload' ] } ),
			request( { page: PREFIX + 'B', status: 'approved', support: [ 'mass-upload' ] } ),
			request( { page: PREFIX + 'C', status: 'awaiting-final-go', support: [ 'copyright' ] } ),
			request( { page: PREFIX + 'D', status: 'working-group', support: [ 'copyright' ] } ),
			request( { page: PREFIX + 'E', status: 'initial-feedback', support: [ 'technical' ] } ),
			request( { page: PREFIX + 'F', problem: 'No {{Helpdesk request}} on the page.' } ),
		];
		expect( routingHints( requests, VOLUNTEERS, COMMITTEE, DEFAULT_SETTINGS, NOW ).map( ( hint ) => hint.page ) )
			.toStrictEqual( [ PREFIX + 'A', PREFIX + 'C', PREFIX + 'E' ] );
	} );
} );

describe( 'hintData and reasonText', () => {
	it( 'leave empty parts out of the data pages', () => {
		expect( hintData( hintFor( { support: [] } ) ) ).toStrictEqual( { none: [
			{ code: 'no-group', params: [], text: 'The request names no kind of support.' },
			{ code: 'no-area', params: [], text: 'Nobody available on the volunteers\' page helps with what the request asks.' },
		] } );
		expect( Object.keys( hintData( hintFor( NATIONALMUSEUM ) ) ) ).toStrictEqual( [ 'group', 'people' ] );
	} );

	it( 'say each reason in English', () => {
		expect( [
			{ code: 'support', params: [ 'data-upload', 'technical' ] }, { code: 'group', params: [ 'content-use' ] },
			{ code: 'language', params: [ 'ar', 'fr' ] }, { code: 'country', params: [ 'KE' ] }, { code: 'continent', params: [ 'south-america' ] },
		].map( ( reason ) => reasonText( reason as Parameters<typeof reasonText>[ 0 ], DEFAULT_SETTINGS ) ) ).toStrictEqual( [
			'helps with data upload, technical', 'helps the working group Use of the content', 'speaks ar, fr', 'knows Kenya', 'knows South America',
		] );
	} );
} );

describe( 'the demo of npm start', () => {
	it( 'has volunteers the bot reads without a problem, who give every demo request awaiting the committee someone to ask', () => {
		const volunteers = parseVolunteers( demoVolunteers( 'Amara Okafor', 'Requester Two' ).join( '\n' ), 'Helpdesk volunteer', DEFAULT_SETTINGS );
		expect( volunteers.problems ).toStrictEqual( [] );
		const requests = ( demoRequests as { title: string; status: string; requester: string; support: string[]; language?: string;
			languages?: string[]; country: string; }[] ).map( ( demo ) => request( {
			page: PREFIX + demo.title, status: demo.status as Status, requester: demo.requester, support: demo.support as SupportKind[],
			language: demo.language || 'en', languages: demo.languages || [], country: demo.country,
		} ) );
		const hints = routingHints( requests, volunteers, COMMITTEE, DEFAULT_SETTINGS, NOW );
		expect( hints.length ).toBeGreaterThanOrEqual( 3 );
		for ( const hint of hints ) {
			expect( hint.people.length, hint.page ).toBeGreaterThan( 0 );
			expect( hint.group, hint.page ).not.toBeNull();
			// Available only until mid-2026.
			expect( people( hint ) ).not.toContain( 'Tomás Ferreira' );
		}
		const swedish = hints.find( ( hint ) => hint.page === PREFIX + 'Hitta rätt personer för ett arkivsamarbete' )!;
		expect( swedish.people[ 0 ] ).toMatchObject( { user: 'Ingrid Holm' } );
		// The content's language typed as a name in the request's language: svenska.
		expect( swedish.people[ 0 ].why ).toContainEqual( { code: 'language', params: [ 'sv' ] } );
		// Its requester is on the volunteers' page too.
		expect( people( swedish ) ).not.toContain( 'Requester Two' );
	} );
} );
