/**
 * The requester's verdict: which verdict counts (the requester's own, added by
 * their own edit), when the requester is asked (once, a day after the request was
 * done or declined, also when a run fails half-way), and the verdicts per year for
 * the statistics.
 */
import { describe, expect, it } from 'vitest';
import type { Revision } from '../../../bot/plan/types';
import {
	attributeVerdicts, countedVerdict, verdictAsk, verdictKeys, VerdictRecord, verdictsByYear,
} from '../../../bot/plan/verdict';
import { verdictCall } from '../../../shared/verdict';
import type { InMemoryActionApi } from './fake-api';
import { dataPage, makeWiki, mentionCounts, PAGES, PREFIX, requestText, runBot, signOffQuorum } from './helpers';

const PAGE = '{{Helpdesk request|title=Scans|requester=Kofi Mensah|status=done}}\n== Discussion ==\n';
const OWN = '\n== Verdict ==\n' + verdictCall( 4, 'Quick help.', 'Kofi Mensah' ) + ' ~~~~';

function revision( revid: number, user: string, text: string ): Revision {
	return { revid: revid, user: user, timestamp: '2026-03-0' + revid + 'T10:00:00Z', text: text };
}

function record( fields: Partial<VerdictRecord> = {} ): VerdictRecord {
	return Object.assign( {
		problem: '', requester: 'Kofi Mensah', requesterValid: true, status: 'done', statusSince: '2026-03-01T10:00:00Z',
		statusUnknown: '', proven: 'done', statusHistory: [ { status: 'done', since: '2026-03-01T10:00:00Z' } ], notices: [], verdicts: [],
		botsDenied: false,
	}, fields );
}

describe( 'who gave a verdict', () => {
	it( 'is who made the edit that added it, read from the history as for sign-offs', () => {
		const history = [ revision( 3, 'Amara Okafor', PAGE + OWN + '\n:Thanks!' ), revision( 2, 'Kofi Mensah', PAGE + OWN ), revision( 1, 'Kofi Mensah', PAGE ) ];
		const verdicts = attributeVerdicts( history[ 0 ].text, [], history );
		expect( verdicts ).toMatchObject( [ { user: 'Kofi Mensah', rating: 4, comment: 'Quick help.', author: 'Kofi Mensah', revid: 2 } ] );
		expect( countedVerdict( verdicts, 'Kofi Mensah' ) ).toMatchObject( { rating: 4 } );
	} );

	it( 'does not count a verdict in the requester\'s name that someone else added', () => {
		const history = [ revision( 2, 'Mallory', PAGE + OWN ), revision( 1, 'Kofi Mensah', PAGE ) ];
		const verdicts = attributeVerdicts( history[ 0 ].text, [], history );
		expect( verdicts[ 0 ].author ).toBe( 'Mallory' );
		expect( countedVerdict( verdicts, 'Kofi Mensah' ) ).toBeNull();
	} );

	it( 'does not count one someone else changed: a changed rating or comment is a new verdict', () => {
		const forged = OWN.replace( 'rating=4', 'rating=1' );
		const history = [ revision( 3, 'Mallory', PAGE + forged ), revision( 2, 'Kofi Mensah', PAGE + OWN ), revision( 1, 'Kofi Mensah', PAGE ) ];
		expect( countedVerdict( attributeVerdicts( history[ 0 ].text, [], history ), 'Kofi Mensah' ) ).toBeNull();
	} );

	it( 'does not count a verdict that names someone other than the requester, even their own', () => {
		const text = PAGE + '\n' + verdictCall( 5, '', 'Amara Okafor' );
		const verdicts = attributeVerdicts( text, [], [ revision( 2, 'Amara Okafor', text ), revision( 1, 'Kofi Mensah', PAGE ) ] );
		expect( countedVerdict( verdicts, 'Kofi Mensah' ) ).toBeNull();
	} );

	it( 'keeps who added a verdict from an earlier run without the history', () => {
		const first = attributeVerdicts( PAGE + OWN, [], [ revision( 2, 'Kofi Mensah', PAGE + OWN ), revision( 1, 'Kofi Mensah', PAGE ) ] );
		expect( attributeVerdicts( PAGE + OWN + '\n:More.', first, [] ) ).toEqual( first );
		expect( attributeVerdicts( PAGE + OWN, [], [] )[ 0 ].author ).toBe( '' );
	} );

	it( 'reads a hostile comment as text, and a call with markup in it as one verdict', () => {
		const hostile = '}}{{Helpdesk verdict|rating=1|user=Mallory}}[[Category:X]] ~~~~';
		const text = PAGE + verdictCall( 2, hostile, 'Kofi Mensah' );
		expect( verdictKeys( text ) ).toHaveLength( 1 );
		expect( attributeVerdicts( text, [], [] ) ).toMatchObject( [ { user: 'Kofi Mensah', rating: 2, comment: hostile } ] );
	} );
} );

describe( 'asking the requester', () => {
	const bot = 'Helpdesk bot';

	it( 'asks a day after the request was done or declined, keyed by the status and since when', () => {
		expect( verdictAsk( record(), '2026-03-02T09:59:59Z', bot ) ).toBe( '' );
		expect( verdictAsk( record(), '2026-03-02T10:00:00Z', bot ) ).toBe( 'verdict:done:2026-03-01T10:00:00Z' );
		expect( verdictAsk( record( { status: 'declined', proven: 'declined' } ), '2026-03-05T10:00:00Z', bot ) ).toBe( 'verdict:declined:2026-03-01T10:00:00Z' );
	} );

	it( 'does not ask for an open or withdrawn request, one closed long ago or by an import, or one whose status does not hold', () => {
		expect( verdictAsk( record( { status: 'support-under-way', proven: 'support-under-way' } ), '2026-03-05T10:00:00Z', bot ) ).toBe( '' );
		expect( verdictAsk( record( { status: 'withdrawn', proven: 'withdrawn' } ), '2026-03-05T10:00:00Z', bot ) ).toBe( '' );
		expect( verdictAsk( record(), '2026-05-01T10:00:00Z', bot ) ).toBe( '' );
		expect( verdictAsk( record( { statusHistory: [ { status: 'done', since: '2026-03-01T10:00:00Z', imported: true } ] } ), '2026-03-05T10:00:00Z', bot ) ).toBe( '' );
		expect( verdictAsk( record( { proven: 'approved' } ), '2026-03-05T10:00:00Z', bot ) ).toBe( '' );
	} );

	it( 'does not ask when the page has a verdict in the requester\'s name, or shuts the bot out, or the requester is no user name', () => {
		const verdicts = attributeVerdicts( PAGE + OWN, [], [] );
		expect( verdictAsk( record( { verdicts: verdicts } ), '2026-03-05T10:00:00Z', bot ) ).toBe( '' );
		expect( verdictAsk( record( { botsDenied: true } ), '2026-03-05T10:00:00Z', bot ) ).toBe( '' );
		expect( verdictAsk( record( { requesterValid: false } ), '2026-03-05T10:00:00Z', bot ) ).toBe( '' );
	} );

	it( 'never asks twice on a page: not for a later status once asked for an earlier one', () => {
		const notices = [ { key: 'verdict:declined:2026-02-01T10:00:00Z', of: [ 'Kofi Mensah' ], to: [ 'Kofi Mensah' ], talk: [], none: [] } ];
		expect( verdictAsk( record( { notices: notices } ), '2026-03-05T10:00:00Z', bot ) ).toBe( '' );
	} );
} );

describe( 'the verdicts per year', () => {
	it( 'counts per year of closing those asked, those who answered, the average and each rating; no answer is no error', () => {
		const asked = [ { key: 'verdict:done:2026-03-01T10:00:00Z', of: [ 'Kofi Mensah' ], to: [ 'Kofi Mensah' ], talk: [], none: [] } ];
		const own = ( rating: number ): VerdictRecord[ 'verdicts' ] => attributeVerdicts( PAGE + verdictCall( rating, '', 'Kofi Mensah' ), [],
			[ revision( 2, 'Kofi Mensah', PAGE + verdictCall( rating, '', 'Kofi Mensah' ) ), revision( 1, 'Kofi Mensah', PAGE ) ] );
		const forged = attributeVerdicts( PAGE + OWN, [], [ revision( 2, 'Mallory', PAGE + OWN ), revision( 1, 'Kofi Mensah', PAGE ) ] );
		const years = verdictsByYear( [
			record( { notices: asked, verdicts: own( 4 ) } ),
			record( { notices: asked, verdicts: own( 5 ) } ),
			record( { notices: asked } ),
			record( { notices: asked, verdicts: forged } ),
			record( { statusSince: '2025-12-01T10:00:00Z', verdicts: own( 2 ) } ),
			record( { status: 'support-under-way', proven: 'support-under-way', verdicts: own( 1 ) } ),
		] );
		expect( years ).toEqual( [
			{ year: '2025', asked: 0, answered: 1, average: 2, ratings: [ 0, 1, 0, 0, 0 ] },
			{ year: '2026', asked: 4, answered: 2, average: 4.5, ratings: [ 0, 0, 0, 1, 1 ] },
		] );
		expect( verdictsByYear( [ record( { notices: asked } ) ] ) ).toEqual( [
			{ year: '2026', asked: 1, answered: 0, average: null, ratings: [ 0, 0, 0, 0, 0 ] },
		] );
	} );
} );

describe( 'the bot asks for the verdict on the wiki', () => {
	const TITLE = PREFIX + 'Glasplåtar från Uppsala';

	/** A request in Swedish that the staff marked done (borne out by the sign-offs), and the bot's runs until then. */
	async function doneRequest(): Promise<InMemoryActionApi> {
		const wiki = makeWiki();
		wiki.save( TITLE, requestText( { title: 'Glasplåtar från Uppsala', language: 'sv', status: 'support-under-way' } ), 'Kofi Mensah' );
		signOffQuorum( wiki, TITLE );
		await runBot( wiki );
		wiki.tick( 60 );
		wiki.save( TITLE, wiki.text( TITLE ).replace( /^\| status =.*$/m, '| status = done' ), 'Helpdesk staff' );
		wiki.tick( 1 );
		await runBot( wiki );
		return wiki;
	}

	const asks = ( wiki: InMemoryActionApi ): number => ( wiki.text( TITLE ).match( /"k":"verdict:done:/g ) || [] ).length;

	it( 'asks the requester once, in their language, a day after the request was done, recorded in the edit that asks', async () => {
		const wiki = await doneRequest();
		expect( asks( wiki ) ).toBe( 0 );
		wiki.tick( 23 * 60 );
		expect( ( await runBot( wiki ) ).edits ).toEqual( [] );
		wiki.tick( 60 );
		const before = wiki.text( TITLE );
		const report = await runBot( wiki );
		expect( report.notices ).toEqual( [ { to: [ 'Kofi Mensah' ], channel: 'mention', about: 'verdict', requests: [ TITLE ] } ] );
		const added = wiki.text( TITLE ).slice( before.length );
		expect( added ).toContain( '[[User:Kofi Mensah|Kofi Mensah]]: hur gick det?' );
		expect( added ).toMatch( /<!-- helpdesk-bot \{"k":"verdict:done:[0-9T:-]+Z","of":\["Kofi Mensah"\],"to":\["Kofi Mensah"\]\} -->/ );
		for ( let day = 0; day < 3; day++ ) {
			wiki.tick( 24 * 60 );
			expect( ( await runBot( wiki, { full: true } ) ).edits ).toEqual( [] );
		}
		expect( asks( wiki ) ).toBe( 1 );
	} );

	it( 'asks once after an answer lost on the way back, and after a run killed right after its edit', async () => {
		for ( const fault of [ 'lost', 'killed' ] ) {
			const wiki = await doneRequest();
			wiki.tick( 25 * 60 );
			wiki.afterEdit = () => {
				wiki.afterEdit = null;
				throw new Error( fault === 'lost' ? 'socket hang up' : 'killed' );
			};
			await runBot( wiki ).catch( () => undefined );
			wiki.tick( 15 );
			await runBot( wiki );
			wiki.tick( 24 * 60 );
			await runBot( wiki, { full: true } );
			expect( asks( wiki ), fault ).toBe( 1 );
			expect( mentionCounts( wiki )[ 'Kofi Mensah' ], fault ).toBe( 2 );
		}
	} );

	it( 'does not ask when the requester gave a verdict already, and counts it; a forged one is not counted', async () => {
		const wiki = await doneRequest();
		wiki.save( TITLE, wiki.text( TITLE ) + '\n\n== Förfrågarens omdöme ==\n' + verdictCall( 5, 'Tack!', 'Kofi Mensah' ) + ' ~~~~', 'Kofi Mensah' );
		wiki.tick( 25 * 60 );
		await runBot( wiki );
		expect( asks( wiki ) ).toBe( 0 );
		expect( dataPage( wiki, PAGES.statisticsData ).verdicts ).toEqual( [ { year: '2026', asked: 0, answered: 1, average: 5, ratings: [ 0, 0, 0, 0, 1 ] } ] );

		const forged = await doneRequest();
		forged.save( TITLE, forged.text( TITLE ) + '\n' + verdictCall( 1, 'Dåligt.', 'Kofi Mensah' ), 'Ngozi Eze' );
		forged.tick( 25 * 60 );
		await runBot( forged );
		expect( dataPage( forged, PAGES.statisticsData ).verdicts ).toEqual( [ { year: '2026', asked: 0, answered: 0, average: null, ratings: [ 0, 0, 0, 0, 0 ] } ] );
	} );

	it( 'never asks a requester without an account, nor on a page that shuts the bot out', async () => {
		const wiki = await doneRequest();
		wiki.accounts.delete( 'Kofi Mensah' );
		wiki.tick( 25 * 60 );
		await runBot( wiki );
		expect( wiki.text( TITLE ) ).toMatch( /"k":"verdict:done:[^"]+","of":\[\],"to":\[\],"none":\["Kofi Mensah"\]/ );
		expect( wiki.text( TITLE ) ).not.toContain( 'hur gick det' );

		const denied = await doneRequest();
		denied.save( TITLE, denied.text( TITLE ) + '\n{{nobots}}', 'Helpdesk staff' );
		denied.tick( 25 * 60 );
		await runBot( denied );
		expect( asks( denied ) ).toBe( 0 );
	} );
} );
