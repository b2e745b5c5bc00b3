/**
 * Pure wikitext primitives shared by the codec, the gadget and the bot, following
 * MediaWiki 1.39 where it matters: template and parameter keys, template calls,
 * comments, character references, redirects, user names, dates (`dates.ts`) and
 * quoting page text in messages. No DOM, no Node, no mwn. Built on
 * `preprocessor.ts` (where calls, comments and tags are) and `title-text.ts` (how
 * MediaWiki reads a title).
 */
import { Braces, Node, Part, preprocess, WIKITEXT_TAGS } from './preprocessor';
import {
	decodeReferences, isTitleSpace, replacedWhenStored, shownCharacter, titleProblem, titleText, trimBlank, trimWhere, upperFirst,
	utf8Length,
} from './title-text';

export { stripComments } from './preprocessor';
export { decodeReferences, NAMED_REFERENCES } from './title-text';
export { addDays, dateProblem, daysBetween, isoSeconds, parseTimestamp } from './dates';

// Keys -----------------------------------------------------------------------

/**
 * `Template:Foo bar`, `foo_bar` and `Foo bar` all name the template `Foo bar`:
 * trimmed as the preprocessor trims a name (spaces, tabs, line breaks), then read
 * as MediaWiki reads a title: character references decoded, bidi marks dropped,
 * its whitespace folded and trimmed (U+FEFF is no whitespace), without a
 * `#fragment`, without `Template:` or `Mall:`, first letter upper-cased. A name
 * starting with `#` (a parser function) keeps its `#`.
 */
export function templateKey( name: string ): string {
	let title = titleText( decodeReferences( trimBlank( name ) ) );
	const hash = title.indexOf( '#' );
	if ( hash > 0 ) {
		title = titleText( title.slice( 0, hash ) );
	}
	return upperFirst( title.replace( /^(?:template|mall) ?: ?/i, '' ) );
}

/** Title whitespace, `_` and `-`, one `_` in a parameter key. */
const KEY_FOLD = /[ _\u00a0\u1680\u180e\u2000-\u200a\u2028\u2029\u202f\u205f\u3000-]+/g;

/**
 * `Content type`, `content-type` and `CONTENT_TYPE` all name `content_type`: the
 * name trimmed of spaces, tabs, line breaks and MediaWiki's title whitespace (not
 * U+FEFF), lower-cased, runs of title whitespace, `_` and `-` made one `_`.
 */
export function paramKey( name: string | number ): string {
	const trimmed = trimWhere( String( name ), ( code ) => code === 9 || code === 10 || code === 13 || isTitleSpace( code ) );
	return trimmed.toLowerCase().replace( KEY_FOLD, '_' );
}

// Template calls ---------------------------------------------------------------

/** A parameter of a call, as mwn's `Template` has it. */
export interface TemplateParameter {
	/** The name, trimmed and without comments; unnamed parameters are numbered from 1. */
	name: string | number;
	/** The value, trimmed as the preprocessor trims (comments and markup kept). */
	value: string;
	/** The parameter as written, from its `|`. */
	wikitext: string;
}

/** A call of a template on a page. */
export interface TemplateCall {
	/** The name as written, without comments, trimmed (see `templateKey()`). */
	name: string;
	/** The call as written, from `{{` to `}}`. */
	wikitext: string;
	/** Offset of its `{{` in the text. */
	start: number;
	parameters: TemplateParameter[];
}

/**
 * Text from `start` to `end` without the comments and dropped tags among `nodes`,
 * or null when braces are among them (no name then: it would hold a `{`).
 */
function withoutDropped( text: string, start: number, end: number, nodes: Node[] ): string | null {
	if ( nodes.length === 0 ) {
		return text.slice( start, end );
	}
	let out = '';
	let at = start;
	const lists = [ nodes ];
	const positions = [ 0 ];
	while ( lists.length ) {
		const list = lists[ lists.length - 1 ];
		const node = list[ positions[ positions.length - 1 ]++ ];
		if ( node === undefined ) {
			lists.pop();
			positions.pop();
		} else if ( node.kind === 'group' ) {
			for ( let i = node.lists.length - 1; i >= 0; i-- ) {
				lists.push( node.lists[ i ] );
				positions.push( 0 );
			}
		} else if ( node.kind === 'template' || node.kind === 'tplarg' ) {
			if ( node.start < end ) {
				return null;
			}
		} else if ( node.kind === 'dropped' && node.start >= at && node.end <= end ) {
			out += text.slice( at, node.start );
			at = node.end;
		}
	}
	return out + text.slice( at, end );
}

/**
 * Whether a call's name (trimmed, without comments) can name a template or parser
 * function: a `#` name (a parser function) without `[ ] { } < > |`, or a title
 * (before a `#fragment`, which may hold anything a wiki stores).
 */
function isCallName( name: string ): boolean {
	if ( name.charAt( 0 ) === '#' ) {
		return !/[<>[\]{}|]/.test( name );
	}
	const decoded = decodeReferences( name );
	const title = decoded.split( '#' )[ 0 ];
	return !/[<>[\]{}|]/.test( title ) && !replacedWhenStored( decoded ) && titleProblem( titleText( title ) ) === '' &&
		templateKey( title ) !== '';
}

function toCall( text: string, braces: Braces ): TemplateCall | null {
	const title = braces.parts[ 0 ];
	const written = withoutDropped( text, title.start, title.end, title.nodes );
	const name = written === null ? '' : trimBlank( written );
	if ( !isCallName( name ) ) {
		return null;
	}
	let index = 1;
	const parameters = braces.parts.slice( 1 ).map( ( part ): TemplateParameter => {
		const wikitext = text.slice( part.start - 1, part.end );
		if ( part.eq === -1 ) {
			return { name: index++, value: trimBlank( text.slice( part.start, part.end ) ), wikitext: wikitext };
		}
		const typed = withoutDropped( text, part.start, part.eq, part.nodes );
		return {
			// A name holding a call keeps it as written.
			name: trimBlank( typed === null ? text.slice( part.start, part.eq ) : typed ),
			value: trimBlank( text.slice( part.eq + 1, part.end ) ),
			wikitext: wikitext,
		};
	} );
	return { name: name, wikitext: text.slice( braces.start, braces.end ), start: braces.start, parameters: parameters };
}

/** Whether Cite takes a `<ref>`'s contents for holding a `<ref>` or `<references>` tag. */
function holdsRef( inner: string ): boolean {
	const tag = /<ref(?:erences)?\b/i.exec( inner );
	return tag !== null && inner.includes( '>', tag.index );
}

/**
 * The template calls of a page that is viewed, in page order: those at the top
 * level (also in a `<ref>`, `<references>`, `<poem>` or `<indicator>`), not those
 * inside another call's parameters. Not calls: `{{{…}}}` (parameter references),
 * what is in comments, `<nowiki>`, `<pre>`, other tags keeping their contents
 * (`<syntaxhighlight>`, `<math>`, …) and `<includeonly>`, braces that do not close (as
 * MediaWiki pairs them: `[[` and `-{` must close first), and braces whose name is
 * no title (empty, or with `[ ] { } < > |`, a line break or a control character
 * before any `#fragment`): calls inside those are at the top level, as MediaWiki
 * expands them. A `#` name (`{{#if:…}}`) is a call unless it holds `[ ] { } < > |`.
 *
 * @param text Wikitext
 * @param name Only calls of this template (compared by `templateKey()`), or those
 *  whose `templateKey()` passes this test
 */
export function findTemplates( text: string, name?: string | ( ( key: string ) => boolean ) ): TemplateCall[] {
	const wanted = typeof name === 'string' ? templateKey( name ) : null;
	const calls: TemplateCall[] = [];
	// Depth first without recursion: invalid braces may nest deeply.
	const lists: Node[][] = [ preprocess( text ) ];
	const positions: number[] = [ 0 ];
	/** Visit these lists of nodes next, in order (the first `count` of `parts` when given). */
	const enter = ( inner: Node[][] | Part[], count = inner.length ): void => {
		for ( let i = Math.min( count, inner.length ) - 1; i >= 0; i-- ) {
			const nodes = inner[ i ];
			const list = Array.isArray( nodes ) ? nodes : nodes.nodes;
			if ( list.length ) {
				lists.push( list );
				positions.push( 0 );
			}
		}
	};
	while ( lists.length ) {
		const node = lists[ lists.length - 1 ][ positions[ positions.length - 1 ]++ ];
		if ( node === undefined ) {
			lists.pop();
			positions.pop();
		} else if ( node.kind === 'group' ) {
			enter( node.lists );
		} else if ( node.kind === 'ext' ) {
			const inner = node.inner ? text.slice( node.inner[ 0 ], node.inner[ 1 ] ) : '';
			// A <ref>'s contents are wikitext of their own: its calls are made, unless Cite
			// refuses the <ref> for holding another (it takes that for a missing </ref>).
			if ( node.inner && inner.includes( '{{' ) && WIKITEXT_TAGS.includes( node.name as string ) && !( node.name === 'ref' && holdsRef( inner ) ) ) {
				const offset = node.inner[ 0 ];
				findTemplates( inner, name ).forEach( ( call ) => {
					call.start += offset;
					calls.push( call );
				} );
			}
		} else if ( node.kind === 'template' || node.kind === 'tplarg' ) {
			const call = node.kind === 'template' ? toCall( text, node ) : null;
			if ( call ) {
				const key = templateKey( call.name );
				if ( wanted === null ? typeof name !== 'function' || name( key ) : key === wanted ) {
					calls.push( call );
				}
			} else {
				// A parameter reference shows its name and its default (or itself); other braces, everything.
				enter( node.parts, node.kind === 'tplarg' ? 2 : node.parts.length );
			}
		}
	}
	return calls;
}

/** The first non-empty value of a parameter (by `paramKey()`), else its first value, else ''. */
export function paramValue( call: TemplateCall | undefined, name: string | number ): string {
	if ( !call ) {
		return '';
	}
	const key = paramKey( name );
	const param = call.parameters.find( ( candidate ) => paramKey( candidate.name ) === key && candidate.value !== '' ) ||
		call.parameters.find( ( candidate ) => paramKey( candidate.name ) === key );
	return param ? param.value : '';
}

// Redirects ----------------------------------------------------------------------

/** `#REDIRECT`, `:` and `[[` as WikitextContent reads them (PCRE's `\s`, PHP's ltrim). */
// eslint-disable-next-line no-control-regex
const REDIRECT = /^[ \t\n\r\0\x0b]*#REDIRECT[ \t\n\v\f\r]*:?[ \t\n\v\f\r]*\[\[/i;

function percentDecoded( text: string ): string | null {
	let valid = true;
	const decoded = text.replace( /(?:%[0-9A-Fa-f]{2})+/g, ( run: string ) => {
		try {
			return decodeURIComponent( run );
		// eslint-disable-next-line @typescript-eslint/no-unused-vars
		} catch ( error ) {
			valid = false;
			return run;
		}
	} );
	return valid ? decoded : null;
}

/**
 * The page a redirect leads to, or null when the text is no redirect for MediaWiki:
 * it starts (after whitespace) with `#REDIRECT` in any case, optionally whitespace
 * and `:`, then `[[target]]` on that line, and the target is a valid title. The
 * target is decoded (`%XX`, character references), without `|label` or
 * `#fragment`, with title whitespace folded and the first letter upper-cased
 * (namespace names are left as typed).
 */
export function redirectTarget( text: string ): string | null {
	const start = REDIRECT.exec( text );
	if ( !start ) {
		return null;
	}
	const from = start[ 0 ].length;
	const lineEnd = text.indexOf( '\n', from );
	const close = text.indexOf( ']]', from );
	if ( close === -1 || ( lineEnd !== -1 && lineEnd < close ) ) {
		return null;
	}
	let target: string | null = text.slice( from, close ).split( '|' )[ 0 ];
	if ( target.includes( '%' ) ) {
		target = percentDecoded( target.replace( /^:+/, '' ) );
		if ( target === null ) {
			return null;
		}
	}
	target = titleText( decodeReferences( target ).split( '#' )[ 0 ] );
	if ( target.charAt( 0 ) === ':' ) {
		target = titleText( target.slice( 1 ) );
	}
	return titleProblem( target ) === '' ? upperFirst( target ) : null;
}

/** Whether MediaWiki treats the text as a redirect (see `redirectTarget()`). */
export function isRedirect( text: string ): boolean {
	return redirectTarget( text ) !== null;
}

// User names ------------------------------------------------------------------

/**
 * `user_name`, ` user name ` and `User:User name` are one user: MediaWiki's title
 * whitespace folded and trimmed, bidi marks dropped, a `User:` (`Benutzer:`,
 * `Användare:`) prefix dropped, the first letter upper-cased.
 */
export function normaliseUserName( name: string ): string {
	return upperFirst( titleText( titleText( name ).replace( /^(?:user|benutzer|användare) ?: ?/i, '' ) ) );
}

/** Characters UserNameUtils::isValid refuses beyond those titles refuse. */
const USER_NAME_FORBIDDEN = /[\u0080-\u009f\u00a0\u2000-\u200f\u2028-\u202f\u3000\ue000-\uf8ff]/;
const IPV4 = /^[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.(?:xxx|[0-9]{1,3})$/;

function isIPv6( text: string ): boolean {
	if ( !/^[0-9A-Fa-f:]+$/.test( text ) || !text.includes( ':' ) ) {
		return false;
	}
	const halves = text.split( '::' );
	if ( halves.length > 2 ) {
		return false;
	}
	const groups = ( half: string ): string[] => half === '' ? [] : half.split( ':' );
	const all = halves.map( groups );
	if ( all.some( ( words ) => words.some( ( word ) => !/^[0-9A-Fa-f]{1,4}$/.test( word ) ) ) ) {
		return false;
	}
	const count = all.reduce( ( sum, words ) => sum + words.length, 0 );
	return halves.length === 2 ? count <= 7 : count === 8;
}

/**
 * Why a name cannot be the name of an account on MediaWiki, in English, or '' when
 * it can. The name is read as MediaWiki reads it (title whitespace folded and
 * trimmed, first letter upper-cased); refused, after UserNameUtils::isValid and
 * ::isCreatable: empty; an IP address; over 255 bytes of UTF-8; characters titles
 * refuse (`# < > [ ] | { }`, control characters, U+FFFD, `%` and two hex digits,
 * `~~~`) or user names refuse (`@ : > =`, `/`, invisible and private-use ones).
 */
export function userNameProblem( name: string ): string {
	const text = upperFirst( titleText( name ) );
	if ( text === '' ) {
		return 'empty';
	}
	if ( IPV4.test( text ) || isIPv6( text ) ) {
		return 'an IP address';
	}
	if ( utf8Length( text ) > 255 ) {
		return 'longer than 255 bytes';
	}
	const problem = titleProblem( text );
	if ( problem !== '' ) {
		return problem;
	}
	const invalid = /[@:=/]/.exec( text ) || USER_NAME_FORBIDDEN.exec( text );
	return invalid ? 'contains ' + shownCharacter( invalid[ 0 ] ) + ', which user names may not' : '';
}

// Quoting ---------------------------------------------------------------------

/**
 * Text to quote in a message: control characters and line breaks (runs of them)
 * as one space, at most `max` code points, cut between code points with `…`.
 */
export function shortened( text: string, max = 200 ): string {
	// eslint-disable-next-line no-control-regex
	const characters = Array.from( text.replace( /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ' ) );
	const limit = Math.max( 0, Math.floor( max ) );
	if ( characters.length <= limit ) {
		return characters.join( '' );
	}
	return limit === 0 ? '' : characters.slice( 0, limit - 1 ).join( '' ) + '…';
}
