/**
 * Who added something to a page — a sign-off, a verdict — found in the page
 * history: the author of the oldest revision in the unbroken run of revisions,
 * from the latest back, that holds it. Something removed and added again belongs
 * to who added it again. What a revision holds is named by keys (`keysOf`).
 */
import type { Revision } from './types';

/** The keys of what a revision's text holds. */
export type KeysOf = ( text: string ) => string[];

/**
 * For each of `keys`, the revision that added it, from `history` (newest first,
 * beginning with the revision the keys were read from); a key the history does
 * not reach back far enough for is left out.
 */
export function addedBy( keys: string[], history: Revision[], keysOf: KeysOf ): Record<string, Revision> {
	const runStart: Record<string, Revision> = {};
	const open = keys.slice();
	for ( const revision of history ) {
		if ( open.length === 0 ) {
			break;
		}
		const held = keysOf( revision.text );
		for ( let i = open.length - 1; i >= 0; i-- ) {
			if ( held.includes( open[ i ] ) ) {
				runStart[ open[ i ] ] = revision;
			} else {
				open.splice( i, 1 );
			}
		}
	}
	return runStart;
}

/**
 * Whether a history read newest first must go on to tell who added `keys`:
 * reading stops at a revision that holds none of them.
 */
export function historyNeedsMore( revisions: Revision[], keys: string[], keysOf: KeysOf ): boolean {
	const open = keys.slice();
	for ( const revision of revisions ) {
		const held = keysOf( revision.text );
		for ( let i = open.length - 1; i >= 0; i-- ) {
			if ( !held.includes( open[ i ] ) ) {
				open.splice( i, 1 );
			}
		}
		if ( open.length === 0 ) {
			return false;
		}
	}
	return true;
}
