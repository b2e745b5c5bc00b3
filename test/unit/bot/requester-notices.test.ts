/**
 * What the requester is told of a new status, in their language: what changed, the
 * committee's reasons when members gave them on their sign-offs (as text, never
 * markup), and what happens next, with the next meeting while the request waits on
 * the committee.
 */
import { describe, expect, test } from 'vitest';
import type { InMemoryActionApi } from './fake-api';
import { addSignOff, makeWiki, PREFIX, requestText, runBot, saveSettings, SIGNING_MEMBERS } from './helpers';

const TITLE = PREFIX + 'Archives photographiques de Dakar';

function setStatus( wiki: InMemoryActionApi, status: string, user: string ): void {
	wiki.save( TITLE, wiki.text( TITLE ).replace( /^\| status =.*$/m, '| status = ' + status ), user );
}

/** What the bot added to the page in its last edit. */
function lastNotice( wiki: InMemoryActionApi, before: string ): string {
	return wiki.text( TITLE ).slice( before.length );
}

describe( 'the requester\'s notice of a new status', () => {
	test( 'a decline in French gives the members\' reasons as text and what the requester can do', async () => {
		const wiki = makeWiki();
		wiki.save( TITLE, requestText( { title: 'Archives photographiques de Dakar', language: 'fr', status: 'awaiting-final-go' } ), 'Kofi Mensah' );
		SIGNING_MEMBERS.slice( 0, 3 ).forEach( ( member ) => addSignOff( wiki, TITLE, 'feedback', member ) );
		await runBot( wiki );
		const reasons = [ 'Les droits des photographies ne sont pas clairs.', '[[Category:Refus]] {{Modèle}} ~~~~ <b>gras</b>' ];
		SIGNING_MEMBERS.forEach( ( member, index ) => {
			wiki.save( TITLE, wiki.text( TITLE ) + '\n{{Helpdesk sign-off|kind=final-go|decision=no|member=' + member +
				( index < reasons.length ? '|reason=' + reasons[ index ].replace( /[{}[\]|~<>]/g, ( c ) => '&#' + c.charCodeAt( 0 ) + ';' ) : '' ) + '}} ~~~~', member );
		} );
		wiki.tick( 1 );
		setStatus( wiki, 'declined', 'Amara Okafor' );
		const before = wiki.text( TITLE );
		wiki.tick( 1 );
		await runBot( wiki );
		const notice = lastNotice( wiki, before );
		expect( notice ).toContain( 'le statut de votre demande est maintenant : refusée.' );
		expect( notice ).toContain( 'Motifs du comité : “Les droits des photographies ne sont pas clairs.”' );
		expect( notice ).toContain( 'Vous pouvez poser vos questions sur la décision sur cette page' );
		// The reason a member typed is text: no category, template, signature or tag gained.
		expect( notice ).not.toMatch( /\[\[Category:|\{\{Modèle|~~~~|<b>/ );
		expect( notice ).toContain( '&#91;&#91;Category&#58;Refus&#93;&#93;' );
	} );

	test( 'a request in Arabic that moves to the final go hears when the committee meets next', async () => {
		const wiki = makeWiki();
		saveSettings( wiki, { meetings: [ '2026-03-12', '2026-04-09' ] } );
		wiki.save( TITLE, requestText( { title: 'Archives photographiques de Dakar', language: 'ar', status: 'initial-feedback' } ), 'Kofi Mensah' );
		SIGNING_MEMBERS.slice( 0, 3 ).forEach( ( member ) => addSignOff( wiki, TITLE, 'feedback', member ) );
		await runBot( wiki );
		wiki.tick( 1 );
		setStatus( wiki, 'awaiting-final-go', 'Amara Okafor' );
		const before = wiki.text( TITLE );
		wiki.tick( 1 );
		await runBot( wiki );
		const notice = lastNotice( wiki, before );
		expect( notice ).toContain( 'حالة طلبك الآن: بانتظار الموافقة النهائية من لجنة الخبراء.' );
		expect( notice ).toContain( 'الخطوة التالية: تقرّر لجنة الخبراء الموافقة النهائية في اجتماعها الشهري.' );
		expect( notice ).toMatch( /تجتمع اللجنة في المرة القادمة في [^.]*2026/ );
	} );

	test( 'every status has its next step in every language of the form', async () => {
		const { message, MESSAGE_LANGUAGES } = await import( '../../../bot/plan/messages' );
		const { STATUSES } = await import( '../../../shared/status' );
		expect( MESSAGE_LANGUAGES.slice().sort() ).toEqual( [ 'ar', 'de', 'en', 'es', 'fr', 'sv' ] );
		for ( const language of MESSAGE_LANGUAGES ) {
			for ( const status of STATUSES ) {
				const english = message( 'en', 'next-' + status );
				const text = message( language, 'next-' + status );
				expect( text ).not.toMatch( /helpdesk-bot-|⧼/ );
				expect( language === 'en' || text !== english, language + ' ' + status ).toBe( true );
				expect( message( language, 'status-' + status ) ).not.toBe( language === 'en' ? '' : message( 'en', 'status-' + status ) );
			}
		}
	} );
} );
