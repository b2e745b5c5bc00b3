/**
 * The volunteers' page: who offers to give support, in which areas, languages and
 * regions, and until when. Lines that cannot be read are problems for people, never
 * a crash; what people typed stays data.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isAvailable, parseVolunteers } from '../../../bot/plan/volunteers';
import { DEFAULT_SETTINGS, readSettings } from '../../../shared/settings';

const TEMPLATE = 'Helpdesk volunteer';
const FIXTURE = readFileSync( new URL( '../../fixtures/bot/volunteers.wiki', import.meta.url ), 'utf8' );
const PAGE_FILE = new URL( '../../../shared/pages/Content_Partnerships_Hub--Helpdesk--Volunteers.wikitext', import.meta.url );
const TEMPLATE_FILE = new URL( '../../../shared/pages/Template-Helpdesk_volunteer.wikitext', import.meta.url );

describe( 'parseVolunteers', () => {
	const volunteers = parseVolunteers( FIXTURE, TEMPLATE, DEFAULT_SETTINGS );

	it( 'reads one person a line: areas as kinds of support and working groups, languages, regions, until', () => {
		expect( volunteers.people.map( ( person ) => person.name ) ).toStrictEqual( [
			'Amara Okafor', 'Björn Lindqvist', 'Chen Wei', 'Kofi Mensah', 'Lucía Gómez', 'Marta Kowalska', 'Nadia Rahman', 'Pedro Alves', 'Quiet Reader',
		] );
		expect( volunteers.people[ 0 ] ).toStrictEqual( {
			name: 'Amara Okafor', support: [ 'copyright', 'finding-people' ], groups: [ 'communication' ], languages: [ 'en', 'yo' ],
			continents: [ 'africa' ], countries: [ 'NG' ], until: '',
		} );
		// Typed by hand: spaces around the parameters, words for codes, semicolons, a lower-case country code.
		expect( volunteers.people[ 4 ] ).toStrictEqual( {
			name: 'Lucía Gómez', support: [ 'mass-upload', 'copyright' ], groups: [], languages: [ 'es', 'pt' ],
			continents: [ 'south-america' ], countries: [ 'MX' ], until: '2027-06-30',
		} );
		// Languages separated by spaces; a working group by its name.
		expect( volunteers.people[ 2 ].languages ).toStrictEqual( [ 'zh', 'en' ] );
		expect( volunteers.people[ 6 ].groups ).toStrictEqual( [ 'content-use' ] );
	} );

	it( 'lists every line it cannot read, and keeps what it can of it', () => {
		expect( volunteers.problems ).toStrictEqual( [
			'A {{Helpdesk volunteer}} line names no user.',
			'Björn Lindqvist is listed twice on the volunteers\' page; the first line counts.',
			'Pedro Alves: areas=gardening not understood (kinds of support: mass-upload, data-upload, copyright, training-material, ' +
				'content-examples, finding-people, technical, other; working groups: communication, project-planning, implementation, evaluation, ' +
				'content-use, supporting-material); left out.',
			'Pedro Alves: languages=Portuguese not understood (language codes, such as en, sv or pt-br); left out.',
			'Pedro Alves: regions=Atlantis not understood (continents: africa, antarctica, asia, europe, north-america, oceania, south-america; ' +
				'country codes, such as SE or KE); left out.',
			'Pedro Alves: until=2027-02-30 is not a date (YYYY-MM-DD); taken as available.',
			'Quiet Reader names no area the bot understands: never suggested.',
		] );
		expect( volunteers.people[ 7 ] ).toStrictEqual( {
			name: 'Pedro Alves', support: [ 'copyright' ], groups: [], languages: [ 'pt-br' ], continents: [], countries: [ 'BR' ], until: '',
		} );
	} );

	it( 'takes the working groups of the settings in force', () => {
		const settings = readSettings( JSON.stringify( Object.assign( JSON.parse( JSON.stringify( DEFAULT_SETTINGS ) ), {
			version: 1,
			workingGroups: [ { code: 'legal', names: { en: 'Legal questions', de: 'Rechtsfragen' }, contacts: [], areas: [ 'copyright' ] } ],
		} ) ) ).settings!;
		const read = parseVolunteers( '{{Helpdesk volunteer|user=Jurist|areas=Rechtsfragen, implementation}}', TEMPLATE, settings );
		expect( read.people[ 0 ].groups ).toStrictEqual( [ 'legal' ] );
		expect( read.problems ).toStrictEqual( [ 'Jurist: areas=implementation not understood (kinds of support: mass-upload, data-upload, ' +
			'copyright, training-material, content-examples, finding-people, technical, other; working groups: legal); left out.' ] );
	} );

	it( 'is no volunteers, and no problem, when the page does not exist or lists nobody', () => {
		expect( parseVolunteers( null, TEMPLATE, DEFAULT_SETTINGS ) ).toStrictEqual( { people: [], problems: [] } );
		expect( parseVolunteers( readFileSync( PAGE_FILE, 'utf8' ), TEMPLATE, DEFAULT_SETTINGS ) ).toStrictEqual( { people: [], problems: [] } );
	} );

	it( 'keeps hostile values as data: no name that is no user name, problems shortened to one line', () => {
		const hostile = [
			'{{Helpdesk volunteer|user=<script>alert(1)</script>|areas=copyright}}',
			'{{Helpdesk volunteer|user=127.0.0.1|areas=copyright}}',
			'{{Helpdesk volunteer|user=Mallory|areas=copyright, [[Category:Injected]]|languages=en, \'\'\'x\'\'\'|regions=' + 'x'.repeat( 500 ) + '}}',
			'{{Helpdesk volunteer|user=Trudy|areas=&#123;&#123;subst:Ping&#125;&#125;, ~~~~|until=~~~~~}}',
		].join( '\n' );
		const read = parseVolunteers( hostile, TEMPLATE, DEFAULT_SETTINGS );
		expect( read.people.map( ( person ) => person.name ) ).toStrictEqual( [ 'Mallory', 'Trudy' ] );
		expect( read.people[ 0 ] ).toMatchObject( { support: [ 'copyright' ], languages: [ 'en' ], continents: [], countries: [] } );
		expect( read.people[ 1 ] ).toMatchObject( { support: [], groups: [], until: '' } );
		expect( read.problems ).toHaveLength( 8 );
		// References are read as the page shows them: what they spell is an entry like any other.
		expect( read.problems[ 5 ] ).toMatch( /^Trudy: areas=\{\{subst:Ping\}\}, ~~~~ not understood / );
		expect( read.problems[ 0 ] ).toMatch( /^A \{\{Helpdesk volunteer\}\} line names "<script>alert\(1\)<\/script>", which is not a user name/ );
		expect( read.problems[ 1 ] ).toMatch( /"127\.0\.0\.1", which is not a user name \(an IP address\)/ );
		for ( const problem of read.problems ) {
			expect( problem.length ).toBeLessThan( 400 );
			expect( problem ).not.toMatch( /\n/ );
		}
	} );

	it( 'counts a person available through their until day, not after', () => {
		const person = parseVolunteers( '{{Helpdesk volunteer|user=Kofi Mensah|areas=copyright|until=2026-12-01}}', TEMPLATE, DEFAULT_SETTINGS ).people[ 0 ];
		expect( isAvailable( person, '2026-12-01T23:59:59Z' ) ).toBe( true );
		expect( isAvailable( person, '2026-12-02T00:00:00Z' ) ).toBe( false );
		expect( isAvailable( Object.assign( {}, person, { until: '' } ), '2099-01-01T00:00:00Z' ) ).toBe( true );
	} );
} );

describe( 'the on-wiki pages', () => {
	const template = readFileSync( TEMPLATE_FILE, 'utf8' );

	it( 'document every parameter in TemplateData, in the order of the examples', () => {
		const data = JSON.parse( template.split( '<templatedata>' )[ 1 ].split( '</templatedata>' )[ 0 ] );
		expect( data.paramOrder ).toStrictEqual( [ 'user', 'areas', 'languages', 'regions', 'until' ] );
		expect( Object.keys( data.params ) ).toStrictEqual( data.paramOrder );
		expect( data.params.user.required ).toBe( true );
	} );

	it( 'show what people typed as text: only through nowiki, a checked user name or a checked date', () => {
		let shown = template.split( '<noinclude>' )[ 0 ];
		for ( const name of [ 'areas', 'languages', 'regions', 'until', 'user' ] ) {
			for ( const safe of [ '{{#tag:nowiki|{{{' + name + '}}}}}', '{{PAGENAME:User:{{{' + name + '}}}}}', '{{#time:Ymd|{{{' + name + '}}}}}',
				'{{#time:j F Y|{{{' + name + '}}}}}' ] ) {
				shown = shown.split( safe ).join( '' );
			}
		}
		// What is left only tests whether a value is there.
		expect( shown.match( /\{\{\{[a-z]+\}\}\}/g ) ).toBeNull();
		expect( shown ).toContain( '{{#if:{{{until|}}}|' );
	} );

	it( 'explain the format with examples the bot never reads as people', () => {
		const page = readFileSync( PAGE_FILE, 'utf8' );
		for ( const name of [ 'user', 'areas', 'languages', 'regions', 'until' ] ) {
			expect( page ).toContain( '; <code>' + name + '</code>' );
		}
		expect( page ).toContain( '&#123;&#123;Helpdesk volunteer' );
		const examples = parseVolunteers( template.split( '<pre>' )[ 1 ].split( '</pre>' )[ 0 ], TEMPLATE, DEFAULT_SETTINGS );
		expect( examples.problems ).toStrictEqual( [] );
		expect( examples.people ).toHaveLength( 2 );
	} );
} );
