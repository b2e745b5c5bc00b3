/**
 * The draft: what the user has typed, kept in the browser's localStorage as they
 * type, per account, so that a closed tab, a crash or a failed save loses nothing.
 * It is offered back when the form opens again and removed only once the request
 * has been filed (or the user discards it).
 */
import type { RequestFormFields } from '../../shared/request';
import { fieldsFrom, isBlank } from './fields';

/** The part of `mw.storage` drafts use (the same shape as `mw.storage` itself). */
export interface DraftStorage {
	/** The stored text, null if there is none, false if storage is unavailable. */
	get( key: string ): string | null | false;
	/** `expiry`: seconds after which the browser may drop the entry. */
	set( key: string, value: string, expiry?: number ): boolean;
	remove( key: string ): boolean;
}

export const DRAFT_KEY_PREFIX = 'helpdesk-request-draft/';

/** Drafts older than this are dropped: whoever typed them has moved on. */
export const DRAFT_LIFETIME_DAYS = 60;

/**
 * A draft typed while logged out is offered to the account that logs in within
 * this time: the form sends anonymous users to log in and back.
 */
export const ANONYMOUS_DRAFT_HOURS = 24;

const DAY = 24 * 60 * 60 * 1000;
const HOUR = 60 * 60 * 1000;

export interface Draft {
	/** When it was last saved, ISO 8601. */
	savedAt: string;
	fields: RequestFormFields;
}

export type DraftSaveResult = 'saved' | 'blank' | 'unavailable';

/** JSON.parse, or undefined for text that is not JSON. */
export function parseJson( text: string ): unknown {
	try {
		return JSON.parse( text );
	} catch ( error ) {
		if ( error instanceof SyntaxError ) {
			return undefined;
		}
		throw error;
	}
}

export function draftKey( user: string | null ): string {
	return DRAFT_KEY_PREFIX + ( user ? encodeURIComponent( user ) : '' );
}

export class DraftStore {
	declare private readonly storage: DraftStorage;

	declare private readonly user: string | null;

	declare private readonly now: () => Date;

	/**
	 * @param storage `mw.storage`
	 * @param user `wgUserName` (null when logged out)
	 * @param now The clock
	 */
	public constructor( storage: DraftStorage, user: string | null, now: () => Date = () => new Date() ) {
		this.storage = storage;
		this.user = user;
		this.now = now;
	}

	private read( key: string, maxAge: number ): Draft | null {
		const text = this.storage.get( key );
		if ( typeof text !== 'string' ) {
			return null;
		}
		const parsed = parseJson( text );
		const stored = parsed && typeof parsed === 'object' ? parsed as Record<string, unknown> : {};
		const fields = fieldsFrom( stored.fields );
		const savedAt = typeof stored.savedAt === 'string' ? Date.parse( stored.savedAt ) : NaN;
		if ( !fields || isNaN( savedAt ) || isBlank( fields ) ) {
			return null;
		}
		if ( this.now().getTime() - savedAt > maxAge ) {
			this.storage.remove( key );
			return null;
		}
		return { savedAt: new Date( savedAt ).toISOString(), fields: fields };
	}

	/**
	 * The user's draft, or one typed logged out just before logging in. Expired
	 * drafts are removed on the way.
	 */
	public load(): Draft | null {
		const own = this.read( draftKey( this.user ), DRAFT_LIFETIME_DAYS * DAY );
		if ( own || !this.user ) {
			return own;
		}
		return this.read( draftKey( null ), ANONYMOUS_DRAFT_HOURS * HOUR );
	}

	/** Keep the fields. A blank form is not stored and leaves an earlier draft alone. */
	public save( fields: RequestFormFields ): DraftSaveResult {
		if ( isBlank( fields ) ) {
			return 'blank';
		}
		const draft: Draft = { savedAt: this.now().toISOString(), fields: fields };
		const saved = this.storage.set( draftKey( this.user ), JSON.stringify( draft ), DRAFT_LIFETIME_DAYS * DAY / 1000 );
		if ( saved && this.user ) {
			// The logged-out draft now lives on under the account.
			this.storage.remove( draftKey( null ) );
		}
		return saved ? 'saved' : 'unavailable';
	}

	/** After filing, or when the user discards the draft. */
	public remove(): void {
		this.storage.remove( draftKey( this.user ) );
		if ( this.user ) {
			this.storage.remove( draftKey( null ) );
		}
	}
}

/** setTimeout and clearTimeout, so tests can use fake timers and the form the window's. */
export interface Timers {
	setTimeout( callback: () => void, delay: number ): unknown;
	clearTimeout( handle: unknown ): void;
}

/**
 * Saves the draft a moment after the user stops typing, not on every key press;
 * `flush()` saves at once (closing the form, leaving the page, following a link).
 */
export class DraftAutosave {
	declare private readonly store: DraftStore;

	declare private readonly delay: number;

	declare private readonly timers: Timers;

	declare private readonly onSaved: ( result: DraftSaveResult ) => void;

	declare private pending: RequestFormFields | null;

	declare private handle: unknown;

	/**
	 * @param store Where drafts go
	 * @param onSaved Told how each save went (storage can be full or disabled)
	 * @param options
	 * @param options.delay Milliseconds without a change before saving
	 * @param options.timers The window's timers, or fake ones in tests
	 */
	public constructor(
		store: DraftStore, onSaved: ( result: DraftSaveResult ) => void, options: { delay?: number; timers?: Timers } = {},
	) {
		const timers = options.timers;
		this.store = store;
		this.onSaved = onSaved;
		this.delay = options.delay === undefined ? 1000 : options.delay;
		this.pending = null;
		this.handle = null;
		this.timers = timers || {
			setTimeout: ( callback, ms ) => window.setTimeout( callback, ms ),
			clearTimeout: ( handle ) => window.clearTimeout( handle as number ),
		};
	}

	/** The fields changed: save them after the delay, unless they change again. */
	public changed( fields: RequestFormFields ): void {
		this.pending = fields;
		if ( this.handle !== null ) {
			this.timers.clearTimeout( this.handle );
		}
		this.handle = this.timers.setTimeout( () => this.flush(), this.delay );
	}

	public hasPending(): boolean {
		return this.pending !== null;
	}

	public flush(): void {
		if ( this.handle !== null ) {
			this.timers.clearTimeout( this.handle );
			this.handle = null;
		}
		if ( this.pending ) {
			const fields = this.pending;
			this.pending = null;
			this.onSaved( this.store.save( fields ) );
		}
	}

	/** Forget what is pending (the request has been filed). */
	public cancel(): void {
		if ( this.handle !== null ) {
			this.timers.clearTimeout( this.handle );
			this.handle = null;
		}
		this.pending = null;
	}
}

/** When the draft was saved, as the user's language writes dates. */
export function draftTime( draft: Draft, languages: readonly string[] ): string {
	const date = new Date( draft.savedAt );
	const options: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false };
	for ( const language of languages ) {
		// MediaWiki's English writes dates day first, on a 24-hour clock, as British English does.
		const locale = language === 'en' ? 'en-GB' : language;
		try {
			if ( Intl.DateTimeFormat.supportedLocalesOf( [ locale ] ).length ) {
				return date.toLocaleString( locale, options );
			}
		} catch ( error ) {
			// Not a BCP 47 tag (`zh-classical`): try the next language.
			if ( !( error instanceof RangeError ) ) {
				throw error;
			}
		}
	}
	return date.toLocaleString( undefined, options );
}
