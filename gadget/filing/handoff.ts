/**
 * What the form passes to the next page through sessionStorage (this tab only):
 * that a request was filed, so its new page confirms it; or the wikitext of a
 * request that goes on in the ordinary editor, which then gets it filled in.
 */
import { EDITOR_KEY, FILED_KEY } from '../session-keys';
import { parseJson } from './draft';

/** The part of `mw.storage.session` used here. */
export interface SessionStore {
	get( key: string ): string | null | false;
	set( key: string, value: string ): boolean;
	remove( key: string ): boolean;
}

/** A handover older than this is stale (the user went elsewhere). */
const HANDOFF_MINUTES = 60;

function samePage( a: string, b: string ): boolean {
	return a.replace( /_/g, ' ' ) === b.replace( /_/g, ' ' );
}

function readJson( store: SessionStore, key: string ): Record<string, unknown> | null {
	const text = store.get( key );
	if ( typeof text !== 'string' ) {
		return null;
	}
	const value = parseJson( text );
	return value && typeof value === 'object' ? value as Record<string, unknown> : null;
}

function fresh( entry: Record<string, unknown>, now: Date ): boolean {
	const at = typeof entry.savedAt === 'string' ? Date.parse( entry.savedAt ) : NaN;
	return !isNaN( at ) && now.getTime() - at <= HANDOFF_MINUTES * 60 * 1000 && now.getTime() >= at - 60 * 1000;
}

/** Remember that `title` was just filed, for the confirmation on its page. */
export function rememberFiled( store: SessionStore, title: string, now: Date ): boolean {
	return store.set( FILED_KEY, JSON.stringify( { title: title, savedAt: now.toISOString() } ) );
}

/**
 * Whether `pageName` is the request just filed. The flag is used up either way
 * when it belongs to this page or has gone stale.
 */
export function takeFiled( store: SessionStore, pageName: string, now: Date ): boolean {
	const entry = readJson( store, FILED_KEY );
	if ( !entry ) {
		return false;
	}
	const here = typeof entry.title === 'string' && samePage( entry.title, pageName );
	const isFresh = fresh( entry, now );
	if ( here || !isFresh ) {
		store.remove( FILED_KEY );
	}
	return here && isFresh;
}

export interface EditorHandoff {
	/** The page to create. */
	title: string;
	/** Its whole wikitext, exactly as the form would have saved it. */
	text: string;
	/** The edit summary, in the user's language. */
	summary: string;
	/** Whose draft it is (removed once the page exists). */
	requester: string | null;
}

export function handOverToEditor( store: SessionStore, handoff: EditorHandoff, now: Date ): boolean {
	const entry = {
		title: handoff.title, text: handoff.text, summary: handoff.summary, requester: handoff.requester, savedAt: now.toISOString(),
	};
	return store.set( EDITOR_KEY, JSON.stringify( entry ) );
}

/** The handover for `pageName`, if there is a fresh one. */
export function editorHandoffFor( store: SessionStore, pageName: string, now: Date ): EditorHandoff | null {
	const entry = readJson( store, EDITOR_KEY );
	if ( !entry || typeof entry.title !== 'string' || typeof entry.text !== 'string' ) {
		return null;
	}
	if ( !fresh( entry, now ) ) {
		store.remove( EDITOR_KEY );
		return null;
	}
	if ( !samePage( entry.title, pageName ) ) {
		return null;
	}
	return {
		title: entry.title,
		text: entry.text,
		summary: typeof entry.summary === 'string' ? entry.summary : '',
		requester: typeof entry.requester === 'string' ? entry.requester : null,
	};
}

export function clearEditorHandoff( store: SessionStore ): void {
	store.remove( EDITOR_KEY );
}

/**
 * What the ordinary editor's textbox should get: the handed-over text when the
 * box is empty (a new page), nothing when the user has typed there already.
 */
export function textForEditor( handoff: EditorHandoff, currentText: string ): string | null {
	return currentText.trim() === '' ? handoff.text : null;
}
