/**
 * Whatever a requester types, the page keeps it literally and keeps its structure:
 * reading a rendered page gives back the request, and the rendered wikitext holds
 * no markup beyond the template call, its parameters, the list lines of list
 * fields and the discussion heading.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isWritten, PARAMS, parseRequestPage, renderRequestPage, REQUEST_TEMPLATE } from '../../../shared/codec';
import { escapeText, unescapeText } from '../../../shared/escape';
import { HelpdeskRequest } from '../../../shared/request';
import { anyRequest, anyText, hostileText, nonBlankText } from './request-arbitraries';

const RUNS = { numRuns: 1000 };
/** Time allowed for 1000 runs on a busy machine; not a measure of speed. */
const SLOW = 60000;

/** Characters that start a list, definition, indent, table row, pre or rule at a line start. */
const LINE_START_MARKUP = /^[*#:;!|{}= \t+-]/;

/** MediaWiki's spaces between ISBN/RFC/PMID and the number (Parser::SPACE_NOT_NL). */
const MAGIC_SPACE = '(?:[\\t\\p{Zs}]|&nbsp;|&#0*160;|&#[xX]0*[aA]0;)';
const MAGIC_LINK = new RegExp(
	'\\b(?:RFC|PMID)' + MAGIC_SPACE + '+[0-9]+\\b|\\bISBN' + MAGIC_SPACE + '+(?:97[89](?:-|' + MAGIC_SPACE + ')?)?(?:[0-9](?:-|' + MAGIC_SPACE + ')?){9}[0-9Xx]\\b',
	'u',
);

/** $wgUrlProtocols that make free links; all of them need a colon. */
const FREE_LINK = /\b(?:bitcoin|ftps?|geo|git|gopher|https?|ircs?|magnet|mailto|matrix|mms|news|nntp|redis|sftp|sips?|sms|ssh|svn|tel|telnet|urn|worldwind|xmpp):/i;

function count( text: string, part: string ): number {
	return text.split( part ).length - 1;
}

/**
 * Everything in `page` that MediaWiki would treat as markup beyond the template call,
 * one line per parameter (plus continuation lines of multi-line text, plus one
 * `* ` line per list entry) and the discussion heading. Empty when all is well.
 */
function unintendedMarkup( page: string, request: HelpdeskRequest, heading: string ): string[] {
	const found: string[] = [];
	const lines = page.split( '\n' );
	let at = 0;
	const next = (): string => lines[ at++ ] === undefined ? '' : lines[ at - 1 ];
	if ( next() !== '{{' + REQUEST_TEMPLATE ) {
		found.push( 'first line is not the template call' );
	}
	const params = PARAMS.filter( ( param ) => isWritten( param, request ) );
	for ( const [ index, param ] of params.entries() ) {
		const line = next();
		const head = '| ' + param.name + ' =';
		if ( line.indexOf( head ) !== 0 ) {
			found.push( 'expected parameter line ' + head + ', found ' + JSON.stringify( line ) );
			return found;
		}
		const value = line.slice( head.length ).replace( /^ /, '' );
		if ( LINE_START_MARKUP.test( value ) ) {
			found.push( param.name + ': value starts with markup: ' + JSON.stringify( value ) );
		}
		const field = request[ param.field ];
		if ( param.kind === 'list' || param.kind === 'ids' ) {
			for ( let entry = 0; entry < ( field as string[] ).length; entry++ ) {
				const item = next();
				if ( !/^\* (?![*#:;])/.test( item ) ) {
					found.push( param.name + ': list line is not a plain "* " entry: ' + JSON.stringify( item ) );
				}
			}
		}
		// Multi-line text continues up to the next parameter; pipes are counted below.
		const following = params[ index + 1 ];
		const nextHead = following ? '| ' + following.name + ' =' : '}}';
		while ( at < lines.length && lines[ at ].indexOf( nextHead ) !== 0 ) {
			const continuation = next();
			if ( param.kind !== 'text' || LINE_START_MARKUP.test( continuation ) ) {
				found.push( param.name + ': unexpected line ' + JSON.stringify( continuation ) );
			}
		}
	}
	const rest = lines.slice( at );
	if ( rest.join( '\n' ) !== '}}\n\n== ' + heading + ' ==\n' ) {
		found.push( 'unexpected end of page: ' + JSON.stringify( rest.join( '\n' ) ) );
	}
	if ( count( page, '{' ) !== 2 || count( page, '}' ) !== 2 ) {
		found.push( 'braces beyond the one template call' );
	}
	if ( count( page, '|' ) !== params.length ) {
		found.push( 'pipes beyond the parameter separators' );
	}
	if ( count( page, '=' ) !== params.length + 4 ) {
		found.push( 'equals signs beyond the parameters and the heading' );
	}
	for ( const [ markup, what ] of [
		[ '[', 'link bracket' ], [ ']', 'link bracket' ], [ '<', 'tag or comment' ], [ '>', 'tag end' ],
		[ '~~~', 'signature' ], [ '__', 'behaviour switch' ], [ '\'\'', 'bold or italic' ], [ '-{', 'language conversion' ],
		[ '\r', 'carriage return' ],
	] ) {
		if ( page.includes( markup ) ) {
			found.push( what + ' ' + JSON.stringify( markup ) );
		}
	}
	// Colons appear only in timestamps written plainly; elsewhere they could start a free link.
	const withoutTimestamps = page.replace( /^\| (?:filed|status_since) = \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/gm, '' );
	if ( withoutTimestamps.includes( ':' ) || FREE_LINK.test( page ) ) {
		found.push( 'colon outside a timestamp (free link or interwiki risk)' );
	}
	if ( MAGIC_LINK.test( page ) ) {
		found.push( 'magic link ' + JSON.stringify( MAGIC_LINK.exec( page ) ) );
	}
	const references = page.match( /&[^;]*;?/g ) || [];
	for ( const reference of references ) {
		if ( !/^&(?:amp|lt|gt|#[0-9]+);$/.test( reference ) ) {
			found.push( 'ampersand that is not one of the escapes: ' + JSON.stringify( reference.slice( 0, 12 ) ) );
		}
	}
	// eslint-disable-next-line no-control-regex
	if ( /[\u0000-\u0008\u000b-\u001f\u007f]/.test( page ) ) {
		found.push( 'control character' );
	}
	const headings = lines.filter( ( line ) => /^=[^]*=[ \t]*$/.test( line ) );
	if ( headings.length !== 1 ) {
		found.push( headings.length + ' heading lines' );
	}
	return found;
}

/** The request with its text as the wiki keeps text: well-formed, in NFC. */
function asTheWikiKeepsIt( request: HelpdeskRequest ): HelpdeskRequest {
	const text = ( value: string ): string => Array.from( value )
		.map( ( ch ) => ch.length === 1 && ch >= '\ud800' && ch <= '\udfff' ? '\ufffd' : ch ).join( '' ).normalize( 'NFC' );
	const copy: Record<string, unknown> = Object.assign( {}, request ) as unknown as Record<string, unknown>;
	for ( const [ key, value ] of Object.entries( copy ) ) {
		if ( typeof value === 'string' ) {
			copy[ key ] = text( value );
		} else if ( Array.isArray( value ) ) {
			copy[ key ] = ( value as string[] ).map( text );
		}
	}
	return copy as unknown as HelpdeskRequest;
}

describe( 'request pages, rendered and read back', () => {
	it( 'reads back exactly the request that was rendered', () => {
		fc.assert( fc.property( anyRequest, ( request ) => {
			const parsed = parseRequestPage( renderRequestPage( request ) );
			expect( parsed.ok ).toBe( true );
			if ( parsed.ok ) {
				expect( parsed.request ).toStrictEqual( request );
				expect( parsed.unknownParameters ).toStrictEqual( [] );
				expect( parsed.warnings ).toStrictEqual( [] );
				expect( parsed.discussion ).toBe( '\n\n== Discussion ==\n' );
			}
		} ), RUNS );
	}, SLOW );

	it( 'adds no markup beyond the template call, its parameters, list lines and the heading', () => {
		fc.assert( fc.property( anyRequest, ( request ) => {
			const page = renderRequestPage( request );
			expect( unintendedMarkup( page, request, 'Discussion' ) ).toStrictEqual( [] );
			// The wiki stores pages in NFC, which turns U+037E into `;`.
			expect( unintendedMarkup( page.normalize( 'NFC' ), request, 'Discussion' ) ).toStrictEqual( [] );
		} ), RUNS );
	}, SLOW );

	it( 'reads back a well-formed NFC request from the page as the wiki stores it', () => {
		fc.assert( fc.property( anyRequest.map( asTheWikiKeepsIt ), ( request ) => {
			const parsed = parseRequestPage( renderRequestPage( request ).normalize( 'NFC' ) );
			expect( parsed.ok && parsed.request ).toStrictEqual( request );
		} ), RUNS );
	}, SLOW );

	it( 'keeps a localised discussion heading literal and one line', () => {
		fc.assert( fc.property( anyRequest, nonBlankText, ( request, heading ) => {
			const page = renderRequestPage( request, { discussionHeading: heading } );
			const escaped = escapeText( heading, false );
			expect( unintendedMarkup( page, request, escaped ) ).toStrictEqual( [] );
			expect( unintendedMarkup( page.normalize( 'NFC' ), request, escaped.normalize( 'NFC' ) ) ).toStrictEqual( [] );
			const parsed = parseRequestPage( page );
			expect( parsed.ok && parsed.request ).toStrictEqual( request );
			expect( unescapeText( escaped ) ).toBe( heading );
		} ), RUNS );
	}, SLOW );
} );

describe( 'escaping', () => {
	it( 'is reversed exactly by unescaping, with and without line breaks', () => {
		fc.assert( fc.property( anyText, fc.boolean(), ( text, keepNewlines ) => {
			expect( unescapeText( escapeText( text, keepNewlines ) ) ).toBe( text );
		} ), RUNS );
	}, SLOW );

	it( 'leaves nothing for MediaWiki to trim from a template argument', () => {
		fc.assert( fc.property( hostileText, ( text ) => {
			const escaped = escapeText( text );
			expect( escaped ).toBe( escaped.trim() );
			// PHP's trim() set, for the wiki's own reading of the argument.
			// eslint-disable-next-line no-control-regex
			expect( /^[ \t\n\r\0\x0B]|[ \t\n\r\0\x0B]$/.test( escaped ) ).toBe( false );
		} ), RUNS );
	}, SLOW );
} );
