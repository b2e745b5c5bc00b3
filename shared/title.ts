/**
 * Page names of requests. Each request is a subpage of REQUESTS_PREFIX named after
 * its title, made safe so that MediaWiki accepts it unchanged: what we compute is
 * exactly the page that gets created, and the existence check asks about the very
 * page the gadget will save. See MediaWikiTitleCodec::splitTitleString for the rules
 * followed here.
 */
import { NAMED_REFERENCES } from './escape';
import { REQUESTS_PREFIX } from './pages';

/** The name of a request whose title leaves nothing usable. */
export const FALLBACK_SUBPAGE_NAME = 'Request';

/** Longest subpage name, in characters (code points). */
export const MAX_SUBPAGE_CHARACTERS = 100;

/** MediaWiki's limit on a title (without namespace), in UTF-8 bytes. */
const MAX_TITLE_BYTES = 255;

/** subpageName() leaves room for this suffix of candidateTitles(). */
const ROOM_FOR_SUFFIX = ' (99)';

/** Whitespace MediaWiki folds into one `_` in titles, plus the ASCII line breaks. */
const TITLE_SPACE = /[\t\n\v\f\r \u0085\u00a0\u1680\u180e\u2000-\u200a\u2028\u2029\u202f\u205f\u3000_]/;

/**
 * Characters outside $wgLegalTitleChars (`# < > [ ] | { }` and controls), the bidi
 * marks MediaWiki strips, and what MediaWiki's UTF-8 clean-up turns into U+FFFD,
 * which titles refuse.
 */
// eslint-disable-next-line no-control-regex
const TITLE_DROPPED = /[#<>[\]|{}\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\ufffd\ufffe\uffff]/;

/** Character references MediaWiki would decode (numeric), or refuse (named). */
const REFERENCE = /&(#[0-9]+|#[xX][0-9A-Fa-f]+|[A-Za-z0-9\u0080-\uffff]+);/g;

/** UTF-8 length of one code point. */
function utf8Length( codePoint: number ): number {
	if ( codePoint < 0x80 ) {
		return 1;
	}
	if ( codePoint < 0x800 ) {
		return 2;
	}
	return codePoint < 0x10000 ? 3 : 4;
}

/** UTF-8 length of a text. */
export function utf8Bytes( text: string ): number {
	let bytes = 0;
	for ( const ch of text ) {
		bytes += utf8Length( ch.codePointAt( 0 ) as number );
	}
	return bytes;
}

/** Decode references once, as Title::newFromText does, so their meaning is kept. */
function decodeReferences( text: string ): string {
	return text.replace( REFERENCE, ( whole: string, body: string ) => {
		if ( body.charAt( 0 ) === '#' ) {
			const code = /^#[xX]/.test( body ) ? parseInt( body.slice( 2 ), 16 ) : parseInt( body.slice( 1 ), 10 );
			return code > 0 && code <= 0x10ffff ? String.fromCodePoint( code ) : whole;
		}
		return Object.prototype.hasOwnProperty.call( NAMED_REFERENCES, body ) ? NAMED_REFERENCES[ body ] : whole;
	} );
}

/** Drop what titles refuse and fold what titles fold, one code point at a time. */
function legalCharacters( text: string ): string {
	let out = '';
	for ( const ch of text ) {
		const lone = ch.length === 1 && ch >= '\ud800' && ch <= '\udfff';
		if ( TITLE_SPACE.test( ch ) ) {
			out += ' ';
		} else if ( ch === '/' ) {
			// A slash would make a deeper subpage.
			out += '-';
		} else if ( !lone && !TITLE_DROPPED.test( ch ) ) {
			out += ch;
		}
	}
	return out;
}

/** The longest start of `text` within both bounds, never splitting a character. */
function fit( text: string, maxBytes: number ): string {
	let out = '';
	let bytes = 0;
	let characters = 0;
	for ( const ch of text ) {
		bytes += utf8Length( ch.codePointAt( 0 ) as number );
		characters++;
		if ( bytes > maxBytes || characters > MAX_SUBPAGE_CHARACTERS ) {
			break;
		}
		out += ch;
	}
	return out;
}

/**
 * One round of cleaning. Each step can expose what an earlier step removed (`~~#~`
 * becomes `~~~`, `%%41` becomes `%41`), so rounds repeat until nothing changes.
 */
function cleanOnce( text: string, maxBytes: number ): string {
	const cleaned = legalCharacters( text.normalize( 'NFC' ) )
		// Percent-encoding in titles is refused.
		.replace( /%(?=[0-9A-Fa-f]{2})/g, '' )
		// `~~~` would be a signature.
		.replace( /~{3,}/g, '' )
		// What still looks like a character reference is refused or decoded by MediaWiki.
		.replace( /&(?=#[0-9]+;|#[xX][0-9A-Fa-f]+;|[A-Za-z0-9\u0080-\uffff]+;)/g, '& ' )
		.replace( / {2,}/g, ' ' )
		// A leading colon means the main namespace to MediaWiki.
		.replace( /^[: ]+/, '' )
		.replace( / +$/, '' );
	return fit( cleaned, maxBytes ).replace( / +$/, '' );
}

function nameWithin( requestTitle: string, maxBytes: number ): string {
	let name = decodeReferences( requestTitle.normalize( 'NFC' ) );
	// Each round removes or defuses something, so this ends; the bound is a safeguard.
	for ( let round = 0; round < 50; round++ ) {
		const next = cleanOnce( name, maxBytes );
		if ( next === name ) {
			break;
		}
		name = next;
	}
	// `.` and `..` are refused as relative paths.
	return name === '' || name === '.' || name === '..' ? FALLBACK_SUBPAGE_NAME : name;
}

function maxNameBytes( prefix: string, ending: string ): number {
	return MAX_TITLE_BYTES - utf8Bytes( prefix ) - utf8Bytes( ending );
}

/**
 * The subpage name for a request title: what was typed, minus what MediaWiki refuses
 * in titles, at most MAX_SUBPAGE_CHARACTERS characters and short enough that
 * REQUESTS_PREFIX + name + " (99)" stays within MediaWiki's 255 bytes. Never empty.
 *
 * @param requestTitle The request's title as typed
 */
export function subpageName( requestTitle: string ): string {
	return nameWithin( requestTitle, maxNameBytes( REQUESTS_PREFIX, ROOM_FOR_SUFFIX ) );
}

function numberSuffix( number: number ): string {
	return number === 1 ? '' : ' (' + number + ')';
}

function candidate( base: string, number: number, prefix: string ): string {
	const room = maxNameBytes( prefix, numberSuffix( number ) );
	// Only numbers past 99 need more room than subpageName() left.
	const name = utf8Bytes( base ) <= room ? base : nameWithin( base, room );
	return prefix + name + numberSuffix( number );
}

/**
 * Full titles a request could be saved under, in order of preference:
 * `prefix + name`, `prefix + name + " (2)"`, … so that one API call can tell which
 * are free.
 *
 * @param requestTitle The request's title as typed
 * @param count How many candidates
 * @param prefix Where requests live
 * @param first Number of the first candidate (1 is the bare name), to ask for the
 *  next batch when all of one are taken
 */
export function candidateTitles( requestTitle: string, count: number, prefix = REQUESTS_PREFIX, first = 1 ): string[] {
	const base = nameWithin( requestTitle, maxNameBytes( prefix, ROOM_FOR_SUFFIX ) );
	const titles: string[] = [];
	for ( let number = Math.max( 1, first ); titles.length < count; number++ ) {
		titles.push( candidate( base, number, prefix ) );
	}
	return titles;
}

/** More than this many requests with one title means `isTaken` is broken. */
const MAX_CANDIDATES = 100000;

/**
 * The first candidate title (see candidateTitles) that is not taken.
 *
 * @param requestTitle The request's title as typed
 * @param isTaken Whether a full title already exists
 * @param prefix Where requests live
 * @throws {RangeError} When MAX_CANDIDATES titles in a row are taken
 */
export function firstFreeTitle( requestTitle: string, isTaken: ( fullTitle: string ) => boolean, prefix = REQUESTS_PREFIX ): string {
	const base = nameWithin( requestTitle, maxNameBytes( prefix, ROOM_FOR_SUFFIX ) );
	for ( let number = 1; number <= MAX_CANDIDATES; number++ ) {
		const title = candidate( base, number, prefix );
		if ( !isTaken( title ) ) {
			return title;
		}
	}
	throw new RangeError( 'No free title among ' + MAX_CANDIDATES + ' candidates for "' + base + '"' );
}
