/**
 * JSON pages as MediaWiki stores them, and lists split over pages by size. The
 * bot sends JSON exactly as MediaWiki would re-format it, so that the bytes it
 * counts are the bytes the wiki checks against its page size limit, and the SHA-1
 * it computes is the one the wiki reports.
 */
import { storedJson } from '../../shared/stored-json';
import { byteLength } from './sha1';

export { byteLength, storedJson };

/** Bytes `value` takes as an element of a list nested `depth` deep, with its separator. */
export function elementBytes( value: unknown, depth: number ): number {
	const text = storedJson( value );
	return byteLength( text ) + ( text.split( '\n' ).length * depth ) + 2;
}

export interface Packed<T> {
	/** The entries, page by page; at least one page, perhaps empty. */
	parts: T[][];
	/** Entries bigger than a page on their own. */
	tooLarge: T[];
}

/**
 * Entries in order, as many to a page as fit in `room( part )` bytes, the rest
 * on the next. The same entries give the same pages, and an entry added at the
 * end changes only the last page.
 */
export function pack<T>( entries: T[], size: ( entry: T ) => number, room: ( part: number ) => number ): Packed<T> {
	const packed: Packed<T> = { parts: [ [] ], tooLarge: [] };
	let used = 0;
	for ( const entry of entries ) {
		const bytes = size( entry );
		const current = packed.parts.length;
		if ( bytes > room( current ) && bytes > room( current + 1 ) ) {
			packed.tooLarge.push( entry );
			continue;
		}
		if ( used + bytes > room( current ) ) {
			packed.parts.push( [] );
			used = 0;
		}
		packed.parts[ packed.parts.length - 1 ].push( entry );
		used += bytes;
	}
	while ( packed.parts.length > 1 && packed.parts[ packed.parts.length - 1 ].length === 0 ) {
		packed.parts.pop();
	}
	return packed;
}
