/**
 * The routing hints in a bot run: the volunteers' page read in the first request,
 * the hints on the agenda and on Routing.json for the requests awaiting the
 * committee only, its problems on the list of what needs attention, a change to it
 * compiling again, and nobody ever pinged for a hint.
 */
import { describe, expect, test } from 'vitest';
import { dataPage, fixture, makeWiki, mentionCounts, PAGES, PREFIX, requestText, runBot } from './helpers';

const KUMASI = PREFIX + 'Kumasi photo archive';
const LAGOS = PREFIX + 'Lagos newspaper archive';
const AGENDA = PAGES.agendaPrefix + '2026-12-10.json';

type Hint = { group?: { code: string }; people?: { user: string; why: { code: string; params: string[] }[] }[]; none?: { code: string }[] };

function routing( wiki: ReturnType<typeof makeWiki> ): { requests: Record<string, Hint>; volunteers: string; schema: number } {
	return dataPage( wiki, PAGES.routing ) as unknown as { requests: Record<string, Hint>; volunteers: string; schema: number };
}

describe( 'routing hints in a run', () => {
	test( 'are on Routing.json and the agenda for the requests awaiting the committee, with the reasons, and ping nobody', async () => {
		const wiki = makeWiki();
		wiki.save( PAGES.volunteers, fixture( 'volunteers.wiki' ), 'Lucía Gómez' );
		// Kofi Mensah asks, in Swedish from Sweden, for a mass upload and copyright help.
		wiki.save( KUMASI, requestText( { language: 'sv' } ), 'Kofi Mensah' );
		wiki.save( LAGOS, requestText( { title: 'Lagos newspaper archive', requester: 'Ngozi Eze', country: 'NG', support: [ 'data-upload' ],
			status: 'approved', language: 'en' } ), 'Ngozi Eze' );
		const before = mentionCounts( wiki );
		await runBot( wiki );
		const data = routing( wiki );
		expect( data.schema ).toBe( 1 );
		expect( data.volunteers ).toBe( PAGES.volunteers );
		// Approved: not awaiting the committee.
		expect( Object.keys( data.requests ) ).toStrictEqual( [ KUMASI ] );
		const hint = data.requests[ KUMASI ];
		expect( hint.group ).toMatchObject( { code: 'implementation' } );
		// The requester himself is on the volunteers' page: not suggested.
		expect( hint.people!.map( ( person ) => person.user ) ).toStrictEqual( [ 'Björn Lindqvist', 'Lucía Gómez', 'Amara Okafor' ] );
		expect( hint.people!.map( ( person ) => person.why.map( ( reason ) => reason.code ) ) ).toStrictEqual( [
			[ 'support', 'group', 'language', 'continent' ], [ 'support' ], [ 'support', 'language' ] ] );
		expect( hint.people![ 0 ].why ).toStrictEqual( [
			{ code: 'support', params: [ 'mass-upload' ] }, { code: 'group', params: [ 'implementation' ] },
			{ code: 'language', params: [ 'sv', 'en' ] }, { code: 'continent', params: [ 'europe' ] },
		] );
		// On the agenda too; the approved request is there for its status to be confirmed, without hints.
		const agenda = dataPage( wiki, AGENDA ).requests!;
		expect( agenda.map( ( entry ) => [ entry.page, entry.decide ] ) ).toStrictEqual( [ [ KUMASI, 'initial-feedback' ], [ LAGOS, 'confirm-status' ] ] );
		expect( agenda[ 0 ].routing ).toStrictEqual( hint );
		expect( agenda[ 1 ] ).not.toHaveProperty( 'routing' );
		// Only the filing notice's mentions: the hints mention nobody.
		const pinged = mentionCounts( wiki );
		for ( const name of [ 'Björn Lindqvist', 'Lucía Gómez', 'Pedro Alves', 'Nadia Rahman' ] ) {
			expect( pinged[ name ] || 0, name ).toBe( before[ name ] || 0 );
		}
		expect( wiki.text( KUMASI ) ).not.toContain( 'Lucía' );
	} );

	test( 'list the volunteers\' page\'s problems with what needs attention', async () => {
		const wiki = makeWiki();
		wiki.save( PAGES.volunteers, fixture( 'volunteers.wiki' ), 'Lucía Gómez' );
		wiki.save( KUMASI, requestText( {} ), 'Kofi Mensah' );
		const report = await runBot( wiki );
		const attention = ( dataPage( wiki, PAGES.export ).attention as { page: string; code: string; text: string }[] )
			.filter( ( entry ) => entry.page === PAGES.volunteers );
		expect( attention.map( ( entry ) => entry.code ) ).toStrictEqual( Array( 7 ).fill( 'volunteers' ) );
		expect( attention[ 0 ].text ).toBe( 'A {{Helpdesk volunteer}} line names no user.' );
		expect( report.needsAttention.filter( ( entry ) => entry.page === PAGES.volunteers ) ).toHaveLength( 7 );
	} );

	test( 'without a volunteers\' page: a "no match" hint, and no problem', async () => {
		const wiki = makeWiki();
		wiki.save( KUMASI, requestText( {} ), 'Kofi Mensah' );
		const report = await runBot( wiki );
		expect( routing( wiki ).requests[ KUMASI ] ).toMatchObject( { group: { code: 'implementation' }, none: [ { code: 'no-volunteers' } ] } );
		expect( report.needsAttention.filter( ( entry ) => entry.page === PAGES.volunteers ) ).toStrictEqual( [] );
	} );

	test( 'a change to the volunteers\' page alone compiles again, read in the run\'s first request', async () => {
		const wiki = makeWiki();
		wiki.save( KUMASI, requestText( {} ), 'Kofi Mensah' );
		await runBot( wiki );
		wiki.tick( 15 );
		const idle = await runBot( wiki );
		expect( idle.fullScan ).toBe( false );
		expect( idle.apiRequests ).toBe( 1 );
		wiki.tick( 15 );
		wiki.save( PAGES.volunteers, '{{Helpdesk volunteer|user=Nadia Rahman|areas=copyright|languages=bn, en}}', 'Nadia Rahman' );
		wiki.tick( 15 );
		const changed = await runBot( wiki );
		expect( changed.fullScan ).toBe( true );
		expect( routing( wiki ).requests[ KUMASI ].people!.map( ( person ) => person.user ) ).toStrictEqual( [ 'Nadia Rahman' ] );
		wiki.tick( 15 );
		expect( ( await runBot( wiki ) ).apiRequests ).toBe( 1 );
	} );

	test( 'leave out committee members while away, and suggest them again the day they are back', async () => {
		const wiki = makeWiki();
		// Chen Wei, of the committee, is away until 2026-03-31 (the committee fixture).
		wiki.save( PAGES.volunteers, '{{Helpdesk volunteer|user=Chen Wei|areas=technical}}', 'Chen Wei' );
		wiki.save( KUMASI, requestText( { support: [ 'technical' ] } ), 'Kofi Mensah' );
		await runBot( wiki );
		expect( routing( wiki ).requests[ KUMASI ] ).toMatchObject( { none: [ { code: 'none-available' } ] } );
		wiki.setClock( '2026-04-01T00:30:00Z' );
		await runBot( wiki );
		expect( routing( wiki ).requests[ KUMASI ].people!.map( ( person ) => person.user ) ).toStrictEqual( [ 'Chen Wei' ] );
	} );

	test( 'drop a volunteer the day after their until date, with no page edited', async () => {
		const wiki = makeWiki();
		wiki.save( PAGES.volunteers, [
			'{{Helpdesk volunteer|user=Nadia Rahman|areas=copyright|until=2026-03-05}}',
			'{{Helpdesk volunteer|user=Ngozi Eze|areas=copyright}}',
		].join( '\n' ), 'Nadia Rahman' );
		wiki.save( KUMASI, requestText( {} ), 'Kofi Mensah' );
		await runBot( wiki );
		expect( routing( wiki ).requests[ KUMASI ].people!.map( ( person ) => person.user ) ).toStrictEqual( [ 'Nadia Rahman', 'Ngozi Eze' ] );
		wiki.setClock( '2026-03-05T23:00:00Z' );
		expect( ( await runBot( wiki ) ).fullScan ).toBe( false );
		wiki.setClock( '2026-03-06T00:30:00Z' );
		expect( ( await runBot( wiki ) ).fullScan ).toBe( true );
		expect( routing( wiki ).requests[ KUMASI ].people!.map( ( person ) => person.user ) ).toStrictEqual( [ 'Ngozi Eze' ] );
	} );
} );
