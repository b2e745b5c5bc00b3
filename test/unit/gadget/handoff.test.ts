// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import {
	clearEditorHandoff, editorHandoffFor, handOverToEditor, rememberFiled, SessionStore, takeFiled, textForEditor,
} from '../../../gadget/filing/handoff';
import { EDITOR_KEY, FILED_KEY } from '../../../gadget/session-keys';

/** mw.storage.session's contract over the browser's sessionStorage. */
const session: SessionStore = {
	get: ( key ) => window.sessionStorage.getItem( key ),
	set: ( key, value ) => {
		window.sessionStorage.setItem( key, value );
		return true;
	},
	remove: ( key ) => {
		window.sessionStorage.removeItem( key );
		return true;
	},
};

const title = 'Content Partnerships Hub/Helpdesk/Requests/Scans';
const at = new Date( '2026-11-21T10:00:00Z' );
const minutes = ( n: number ): Date => new Date( at.getTime() + n * 60 * 1000 );

describe( 'the confirmation after filing', () => {
	beforeEach( () => {
		window.sessionStorage.clear();
	} );

	it( 'shows once, on the new page, whichever way its name is written', () => {
		rememberFiled( session, title, at );
		expect( window.sessionStorage.getItem( FILED_KEY ) ).not.toBeNull();
		expect( takeFiled( session, 'Content_Partnerships_Hub/Helpdesk/Requests/Scans', minutes( 1 ) ) ).toBe( true );
		expect( takeFiled( session, title, minutes( 1 ) ) ).toBe( false );
		expect( window.sessionStorage.getItem( FILED_KEY ) ).toBeNull();
	} );

	it( 'waits on other pages of the helpdesk', () => {
		rememberFiled( session, title, at );
		expect( takeFiled( session, 'Content_Partnerships_Hub/Helpdesk', minutes( 1 ) ) ).toBe( false );
		expect( takeFiled( session, title, minutes( 1 ) ) ).toBe( true );
	} );

	it( 'goes stale after an hour', () => {
		rememberFiled( session, title, at );
		expect( takeFiled( session, title, minutes( 61 ) ) ).toBe( false );
		expect( window.sessionStorage.getItem( FILED_KEY ) ).toBeNull();
	} );
} );

describe( 'the handover to the ordinary editor', () => {
	const handoff = { title: title, text: '{{Helpdesk request\n| title = Scans\n}}\n\n== Discussion ==\n', summary: 'New request: Scans', requester: 'Alice' };

	beforeEach( () => {
		window.sessionStorage.clear();
	} );

	it( 'gives the text to the editor of that page only', () => {
		expect( handOverToEditor( session, handoff, at ) ).toBe( true );
		expect( editorHandoffFor( session, 'Content_Partnerships_Hub/Helpdesk/Requests/Scans', minutes( 2 ) ) ).toEqual( handoff );
		expect( editorHandoffFor( session, 'Content_Partnerships_Hub/Helpdesk/Requests/Other', minutes( 2 ) ) ).toBeNull();
		clearEditorHandoff( session );
		expect( editorHandoffFor( session, title, minutes( 2 ) ) ).toBeNull();
	} );

	it( 'fills only an empty textbox', () => {
		expect( textForEditor( handoff, '' ) ).toBe( handoff.text );
		expect( textForEditor( handoff, ' \n' ) ).toBe( handoff.text );
		expect( textForEditor( handoff, 'Something the user typed' ) ).toBeNull();
	} );

	it( 'forgets a stale handover', () => {
		handOverToEditor( session, handoff, at );
		expect( editorHandoffFor( session, title, minutes( 90 ) ) ).toBeNull();
		expect( window.sessionStorage.getItem( EDITOR_KEY ) ).toBeNull();
	} );

	it( 'ignores what is not a handover', () => {
		window.sessionStorage.setItem( EDITOR_KEY, '{"title":"' + title + '"}' );
		expect( editorHandoffFor( session, title, at ) ).toBeNull();
		window.sessionStorage.setItem( EDITOR_KEY, 'not json' );
		expect( editorHandoffFor( session, title, at ) ).toBeNull();
	} );
} );
