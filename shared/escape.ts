/**
 * Keeping user text literal in wikitext. Every character that could make text
 * structural (a template, link, tag, comment, signature, table cell, heading, list,
 * behaviour switch, free link or magic link) becomes a character reference, so the
 * wiki shows exactly what was typed and the page keeps its structure. This is the
 * approach of MediaWiki core's `wfEscapeWikiText`, made total and reversible:
 * `unescapeText( escapeText( s ) ) === s` for every string.
 */
import { decodeReferences, stripComments } from './wikitext';

export { NAMED_REFERENCES } from './wikitext';

/** Characters replaced wherever they stand. */
const ALWAYS: Readonly<Record<string, string>> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'[': '&#91;',
	']': '&#93;',
	'{': '&#123;',
	'}': '&#125;',
	'|': '&#124;',
	'=': '&#61;',
	'~': '&#126;',
	'\'': '&#39;',
	_: '&#95;',
	':': '&#58;',
	'\r': '&#13;',
};

/**
 * Characters that are structural at the start of a line (`+` and `-` also right
 * after a table cell's `|`, where a template may put a value). U+037E becomes `;`
 * when the wiki normalises the page to NFC.
 */
const LINE_START = /^[*#;\u037e!+\- \t]/;

/**
 * @param text Any text
 * @param keepNewlines Keep line breaks as they are (paragraphs show on the page);
 *  otherwise they become references too (for one-line list entries).
 */
export function escapeText( text: string, keepNewlines = true ): string {
	let out = '';
	let atLineStart = true;
	for ( let i = 0; i < text.length; i++ ) {
		const ch = text.charAt( i );
		if ( ch === '\n' ) {
			out += keepNewlines ? '\n' : '&#10;';
			atLineStart = keepNewlines;
			continue;
		}
		if ( Object.prototype.hasOwnProperty.call( ALWAYS, ch ) ) {
			out += ALWAYS[ ch ];
		} else if ( ( atLineStart && LINE_START.test( ch ) ) || isControl( ch ) ) {
			out += reference( ch );
		} else {
			out += ch;
		}
		atLineStart = false;
	}
	return guardEnds( disarmMagicLinks( out ) );
}

function isControl( ch: string ): boolean {
	const code = ch.charCodeAt( 0 );
	return ( code < 0x20 && ch !== '\t' ) || code === 0x7f;
}

function reference( ch: string ): string {
	return '&#' + ch.charCodeAt( 0 ) + ';';
}

/**
 * `ISBN 123`, `RFC 123` and `PMID 123` link themselves on wikis that allow it, with
 * any Unicode space (or `&#160;`) before the number: break the word instead.
 */
function disarmMagicLinks( text: string ): string {
	return text.replace(
		/\b(?:ISBN|RFC|PMID)(?=[ \t\n\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000])/gi,
		( word: string ) => word.slice( 0, -1 ) + reference( word.slice( -1 ) ),
	);
}

/** MediaWiki trims template arguments: keep surrounding whitespace as references. */
function guardEnds( text: string ): string {
	// All of JavaScript's \s: more than the preprocessor trims, so any reader keeps it.
	// Scanned by hand: /\s+$/ is quadratic on a long run of spaces inside the text.
	const references = ( part: string ): string => part.split( '' ).map( reference ).join( '' );
	let start = 0;
	while ( start < text.length && /\s/.test( text.charAt( start ) ) ) {
		start++;
	}
	if ( start === text.length ) {
		return references( text );
	}
	let end = text.length;
	while ( /\s/.test( text.charAt( end - 1 ) ) ) {
		end--;
	}
	return references( text.slice( 0, start ) ) + text.slice( start, end ) + references( text.slice( end ) );
}

/**
 * The text a wikitext value stands for, read the way a person edits it by hand:
 * comments are dropped (as MediaWiki drops them), `<nowiki>` is unwrapped, and
 * character references become characters (`decodeReferences()`). Markup that is
 * not escaped (a link typed by hand) stays as it is.
 */
export function unescapeText( wikitext: string ): string {
	return decodeReferences( stripComments( wikitext )
		.replace( /<nowiki\s*>([\s\S]*?)<\/nowiki\s*>/gi, ( _m, inner: string ) => inner )
		.replace( /<nowiki\s*\/>/gi, '' ) );
}
