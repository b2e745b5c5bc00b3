// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
	ANONYMOUS_DRAFT_HOURS, DRAFT_LIFETIME_DAYS, DraftAutosave, DraftSaveResult, DraftStorage, DraftStore, draftKey, draftTime,
} from '../../../gadget/filing/draft';
import { emptyFields } from '../../../gadget/filing/fields';
import type { RequestFormFields } from '../../../shared/request';

/** mw.storage's contract over the browser's localStorage. */
function browserStorage(): DraftStorage & { expiries: Record<string, number | undefined> } {
	const expiries: Record<string, number | undefined> = {};
	return {
		expiries: expiries,
		get: ( key ) => window.localStorage.getItem( key ),
		set: ( key, value, expiry ) => {
			window.localStorage.setItem( key, value );
			expiries[ key ] = expiry;
			return true;
		},
		remove: ( key ) => {
			window.localStorage.removeItem( key );
			return true;
		},
	};
}

/** Storage that the browser refuses (disabled or full), as mw.storage reports it. */
const refusingStorage: DraftStorage = {
	get: () => false,
	set: () => false,
	remove: () => false,
};

function typed( overrides: Partial<RequestFormFields> = {} ): RequestFormFields {
	return Object.assign( emptyFields(), { title: 'Scans of a newspaper archive', partners: [ 'City archive' ] }, overrides );
}

const DAY = 24 * 60 * 60 * 1000;

describe( 'DraftStore', () => {
	let now: Date;
	const clock = (): Date => now;

	beforeEach( () => {
		window.localStorage.clear();
		now = new Date( '2026-11-21T10:00:00Z' );
	} );

	it( 'keeps the fields per account and gives them back', () => {
		const store = new DraftStore( browserStorage(), 'Alice', clock );
		expect( store.load() ).toBeNull();
		expect( store.save( typed() ) ).toBe( 'saved' );
		expect( window.localStorage.getItem( draftKey( 'Alice' ) ) ).not.toBeNull();
		expect( store.load() ).toEqual( { savedAt: '2026-11-21T10:00:00.000Z', fields: typed() } );
		expect( new DraftStore( browserStorage(), 'Bob', clock ).load() ).toBeNull();
	} );

	it( 'asks the browser to keep the draft for its lifetime', () => {
		const storage = browserStorage();
		new DraftStore( storage, 'Alice', clock ).save( typed() );
		expect( storage.expiries[ draftKey( 'Alice' ) ] ).toBe( DRAFT_LIFETIME_DAYS * 24 * 60 * 60 );
	} );

	it( 'does not store a blank form, and keeps the earlier draft then', () => {
		const store = new DraftStore( browserStorage(), 'Alice', clock );
		store.save( typed() );
		expect( store.save( emptyFields() ) ).toBe( 'blank' );
		expect( ( store.load() as { fields: RequestFormFields } ).fields ).toEqual( typed() );
	} );

	it( 'keeps user names apart, whatever characters they have', () => {
		expect( draftKey( 'A/B' ) ).not.toBe( draftKey( 'A' ) );
		expect( draftKey( 'Ölund' ) ).toBe( 'helpdesk-request-draft/%C3%96lund' );
		expect( draftKey( null ) ).toBe( 'helpdesk-request-draft/' );
	} );

	it( 'drops and removes a draft past its lifetime', () => {
		const store = new DraftStore( browserStorage(), 'Alice', clock );
		store.save( typed() );
		now = new Date( now.getTime() + ( DRAFT_LIFETIME_DAYS - 1 ) * DAY );
		expect( store.load() ).not.toBeNull();
		now = new Date( now.getTime() + 2 * DAY );
		expect( store.load() ).toBeNull();
		expect( window.localStorage.getItem( draftKey( 'Alice' ) ) ).toBeNull();
	} );

	it( 'ignores what is not a draft', () => {
		const store = new DraftStore( browserStorage(), 'Alice', clock );
		for ( const text of [ '{not json', '"text"', '{"fields":{"title":"T"}}', '{"savedAt":"yesterday","fields":{"title":"T"}}', '{"savedAt":"2026-11-21T09:00:00Z","fields":{}}' ] ) {
			window.localStorage.setItem( draftKey( 'Alice' ), text );
			expect( store.load() ).toBeNull();
		}
	} );

	it( 'offers a draft typed logged out to the account that logs in soon after, then moves it there', () => {
		new DraftStore( browserStorage(), null, clock ).save( typed( { title: 'Typed before logging in' } ) );
		now = new Date( now.getTime() + 10 * 60 * 1000 );
		const store = new DraftStore( browserStorage(), 'Alice', clock );
		const draft = store.load();
		expect( draft && draft.fields.title ).toBe( 'Typed before logging in' );
		store.save( typed( { title: 'Typed before logging in, and after' } ) );
		expect( window.localStorage.getItem( draftKey( null ) ) ).toBeNull();
		expect( ( store.load() as { fields: RequestFormFields } ).fields.title ).toBe( 'Typed before logging in, and after' );
	} );

	it( 'does not offer an old logged-out draft to an account', () => {
		new DraftStore( browserStorage(), null, clock ).save( typed() );
		now = new Date( now.getTime() + ( ANONYMOUS_DRAFT_HOURS + 1 ) * 60 * 60 * 1000 );
		expect( new DraftStore( browserStorage(), 'Alice', clock ).load() ).toBeNull();
	} );

	it( 'prefers the account\'s own draft to a logged-out one', () => {
		new DraftStore( browserStorage(), 'Alice', clock ).save( typed( { title: 'Own' } ) );
		new DraftStore( browserStorage(), null, clock ).save( typed( { title: 'Anonymous' } ) );
		expect( ( new DraftStore( browserStorage(), 'Alice', clock ).load() as { fields: RequestFormFields } ).fields.title ).toBe( 'Own' );
	} );

	it( 'removes the account\'s draft and a logged-out one', () => {
		new DraftStore( browserStorage(), null, clock ).save( typed() );
		const store = new DraftStore( browserStorage(), 'Alice', clock );
		store.save( typed() );
		store.remove();
		expect( window.localStorage.getItem( draftKey( 'Alice' ) ) ).toBeNull();
		expect( window.localStorage.getItem( draftKey( null ) ) ).toBeNull();
	} );

	it( 'says so when the browser refuses to store', () => {
		const store = new DraftStore( refusingStorage, 'Alice', clock );
		expect( store.save( typed() ) ).toBe( 'unavailable' );
		expect( store.load() ).toBeNull();
	} );
} );

describe( 'DraftAutosave', () => {
	beforeEach( () => {
		window.localStorage.clear();
		vi.useFakeTimers();
	} );
	afterEach( () => {
		vi.useRealTimers();
	} );

	it( 'saves once, a moment after the last change', () => {
		const store = new DraftStore( browserStorage(), 'Alice' );
		const save = vi.spyOn( store, 'save' );
		const results: DraftSaveResult[] = [];
		const autosave = new DraftAutosave( store, ( result ) => results.push( result ), { delay: 1000 } );
		autosave.changed( typed( { title: 'S' } ) );
		vi.advanceTimersByTime( 600 );
		autosave.changed( typed( { title: 'Sc' } ) );
		vi.advanceTimersByTime( 600 );
		autosave.changed( typed( { title: 'Sca' } ) );
		expect( save ).not.toHaveBeenCalled();
		expect( autosave.hasPending() ).toBe( true );
		vi.advanceTimersByTime( 1000 );
		expect( save ).toHaveBeenCalledTimes( 1 );
		expect( save ).toHaveBeenCalledWith( typed( { title: 'Sca' } ) );
		expect( results ).toEqual( [ 'saved' ] );
		expect( autosave.hasPending() ).toBe( false );
		expect( ( store.load() as { fields: RequestFormFields } ).fields.title ).toBe( 'Sca' );
	} );

	it( 'saves at once when flushed, and not again when the timer fires', () => {
		const store = new DraftStore( browserStorage(), 'Alice' );
		const save = vi.spyOn( store, 'save' );
		const autosave = new DraftAutosave( store, () => undefined );
		autosave.changed( typed() );
		autosave.flush();
		expect( save ).toHaveBeenCalledTimes( 1 );
		vi.advanceTimersByTime( 5000 );
		expect( save ).toHaveBeenCalledTimes( 1 );
		autosave.flush();
		expect( save ).toHaveBeenCalledTimes( 1 );
	} );

	it( 'forgets pending changes when cancelled (the request was filed)', () => {
		const store = new DraftStore( browserStorage(), 'Alice' );
		const autosave = new DraftAutosave( store, () => undefined );
		autosave.changed( typed() );
		autosave.cancel();
		vi.advanceTimersByTime( 5000 );
		autosave.flush();
		expect( store.load() ).toBeNull();
	} );

	it( 'reports storage that refuses', () => {
		const results: DraftSaveResult[] = [];
		const autosave = new DraftAutosave( new DraftStore( refusingStorage, 'Alice' ), ( result ) => results.push( result ) );
		autosave.changed( typed() );
		autosave.flush();
		expect( results ).toEqual( [ 'unavailable' ] );
	} );
} );

describe( 'draftTime', () => {
	const draft = { savedAt: '2026-11-21T10:05:00.000Z', fields: emptyFields() };

	it( 'writes the date the way the user\'s language does', () => {
		const swedish = draftTime( draft, [ 'sv', 'en' ] );
		const english = draftTime( draft, [ 'en' ] );
		expect( swedish ).toMatch( /november/ );
		expect( english ).toMatch( /November/ );
		expect( swedish ).not.toBe( english );
	} );

	it( 'writes English dates as MediaWiki does: day first, 24-hour clock', () => {
		const english = draftTime( { savedAt: '2026-11-21T15:05:00.000Z', fields: emptyFields() }, [ 'en' ] );
		expect( english ).toMatch( /^\d{1,2} November 2026/ );
		expect( english ).not.toMatch( /PM|AM/ );
	} );

	it( 'skips language codes that are not BCP 47 tags', () => {
		expect( draftTime( draft, [ 'zh-classical', 'de', 'en' ] ) ).toBe( draftTime( draft, [ 'de' ] ) );
	} );
} );
