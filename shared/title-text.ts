/**
 * How MediaWiki reads the text of a title (MediaWikiTitleCodec in MediaWiki 1.39):
 * its whitespace, the characters it refuses, character references. Internal to
 * `shared/`; `wikitext.ts` has what callers use.
 */

/** What MediaWiki's title codec folds into one `_`: its whitespace and `_` itself. */
const TITLE_SPACE = /[ _\u00a0\u1680\u180e\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/g;
/** Bidi marks the title codec removes. */
const BIDI_MARKS = /[\u200e\u200f\u202a-\u202e]+/g;
/** Outside $wgLegalTitleChars (`#` is the fragment), and U+FFFD. */
// eslint-disable-next-line no-control-regex
const TITLE_FORBIDDEN = /[#<>[\]|{}\u0000-\u001f\u007f\ufffd]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?:^|[^\ud800-\udbff])[\udc00-\udfff]/;

/**
 * The text trimmed as the preprocessor trims a name or an argument: spaces, tabs and
 * line breaks (not U+00A0, not U+FEFF). PHP's trim() also drops NUL and VT, which
 * a wiki never stores (they become U+FFFD).
 */
export function trimBlank( text: string ): string {
	return trimWhere( text, ( code ) => code === 32 || code === 9 || code === 10 || code === 13 );
}

/** The text without the characters `space` accepts at its ends (linear, unlike `/\s+$/`). */
export function trimWhere( text: string, space: ( code: number ) => boolean ): string {
	let start = 0;
	let end = text.length;
	while ( start < end && space( text.charCodeAt( start ) ) ) {
		start++;
	}
	while ( end > start && space( text.charCodeAt( end - 1 ) ) ) {
		end--;
	}
	return start === 0 && end === text.length ? text : text.slice( start, end );
}

/** Whether a UTF-16 code unit is whitespace MediaWiki's titles fold (`_` aside). */
export function isTitleSpace( code: number ): boolean {
	return code === 32 || code === 0xa0 || code === 0x1680 || code === 0x180e || ( code >= 0x2000 && code <= 0x200a ) ||
		code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000;
}

/** Bidi marks removed, title whitespace and `_` folded into one space, trimmed. */
export function titleText( text: string ): string {
	return text.replace( BIDI_MARKS, '' ).replace( TITLE_SPACE, ' ' ).replace( /^ | $/g, '' );
}

/**
 * Whether a wiki would store U+FFFD for part of the text (MediaWiki's UTF-8 clean-up
 * of what it is sent): control characters but tab and line breaks, lone surrogates,
 * U+FFFE, U+FFFF, and U+FFFD itself.
 */
export function replacedWhenStored( text: string ): boolean {
	// eslint-disable-next-line no-control-regex
	return /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffd-\uffff]/.test( text ) || LONE_SURROGATE.test( text );
}

/** The first code point upper-cased, as MediaWiki does with titles. */
export function upperFirst( text: string ): string {
	const first = text.codePointAt( 0 );
	if ( first === undefined ) {
		return text;
	}
	const ch = String.fromCodePoint( first );
	return ch.toUpperCase() + text.slice( ch.length );
}

/** UTF-8 length of a text (a lone surrogate counts as the 3 bytes of U+FFFD). */
export function utf8Length( text: string ): number {
	let bytes = 0;
	for ( const ch of text ) {
		const code = ch.codePointAt( 0 ) as number;
		bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
	}
	return bytes;
}

/** A character for a message: quoted, or as U+XXXX when it is invisible. */
export function shownCharacter( ch: string ): string {
	// eslint-disable-next-line no-control-regex
	return /^(?:[\u0000-\u0020\u007f-\u00a0\u2000-\u200f\u2028-\u202f\u3000\ud800-\udfff\ue000-\uf8ff\ufeff\ufffd])$/.test( ch ) ?
		'U+' + ( '000' + ( ch.codePointAt( 0 ) as number ).toString( 16 ).toUpperCase() ).slice( -4 ) :
		'"' + ch + '"';
}

/**
 * Why MediaWiki would refuse a page title, in English, or '' when it would not.
 * `title` is one without fragment, as `titleText()` gives it.
 */
export function titleProblem( title: string ): string {
	const text = title.charAt( 0 ) === ':' ? titleText( title.slice( 1 ) ) : title;
	if ( text === '' ) {
		return 'empty';
	}
	const forbidden = TITLE_FORBIDDEN.exec( text );
	if ( forbidden ) {
		return 'contains ' + shownCharacter( forbidden[ 0 ] ) + ', which titles may not';
	}
	if ( LONE_SURROGATE.test( text ) ) {
		return 'contains a lone surrogate, which is not a character';
	}
	if ( /%[0-9A-Fa-f]{2}/.test( text ) ) {
		return 'contains a percent-encoded character';
	}
	if ( text.includes( '~~~' ) ) {
		return 'contains "~~~"';
	}
	if ( text === '.' || text === '..' || /^\.\.?\/|\/\.\.?\/|\/\.\.?$/.test( text ) ) {
		return 'is a relative path';
	}
	if ( utf8Length( text ) > 255 ) {
		return 'longer than 255 bytes';
	}
	return '';
}

// Character references --------------------------------------------------------

/** The named character references the codec and the title rules decode. */
export const NAMED_REFERENCES: Readonly<Record<string, string>> = {
	amp: '&',
	lt: '<',
	gt: '>',
	quot: '"',
	apos: '\'',
	nbsp: '\u00a0',
};

const REFERENCE = /&(?:#([0-9]+)|#[xX]([0-9A-Fa-f]+)|([A-Za-z][A-Za-z0-9]*));/g;

/**
 * Character references to characters: `&#NN;`, `&#xHH;` and the named ones of
 * `NAMED_REFERENCES`. Invalid ones (past U+10FFFF, surrogates, unknown names) stay
 * as typed.
 */
export function decodeReferences( text: string ): string {
	if ( !text.includes( '&' ) ) {
		return text;
	}
	return text.replace( REFERENCE, ( whole: string, decimal?: string, hex?: string, named?: string ) => {
		if ( named !== undefined ) {
			return Object.prototype.hasOwnProperty.call( NAMED_REFERENCES, named ) ? NAMED_REFERENCES[ named ] : whole;
		}
		const code = decimal !== undefined ? parseInt( decimal, 10 ) : parseInt( hex as string, 16 );
		return code > 0x10ffff || ( code >= 0xd800 && code <= 0xdfff ) ? whole : String.fromCodePoint( code );
	} );
}
