/**
 * MediaWiki's preprocessor (Preprocessor_Hash in MediaWiki 1.39) on a page that is
 * viewed, reduced to what finding template calls needs: where braces, parameters,
 * comments and tags are, by offset. Linear in the length of the text; never
 * throws. Internal to `shared/`; `wikitext.ts` has what callers use.
 */

// Tags and comments ----------------------------------------------------------

/**
 * Tags whose contents the preprocessor leaves alone: MediaWiki core's, and those
 * of the extensions Meta-Wiki has (Cite, SyntaxHighlight, Math, TemplateData, …).
 * `includeonly` is skipped too, as on a page that is viewed.
 */
const EXTENSION_TAGS = [
	'nowiki', 'pre', 'gallery', 'indicator', 'langconvert', 'ref', 'references', 'syntaxhighlight', 'source', 'math',
	'chem', 'ce', 'templatedata', 'templatestyles', 'poem', 'score', 'timeline', 'hiero', 'imagemap', 'inputbox',
	'categorytree', 'charinsert', 'graph', 'mapframe', 'maplink', 'languages', 'includeonly',
];
/**
 * Tags whose contents their extension reads as wikitext of its own (a `<ref>`'s
 * calls are made): the preprocessor skips them, and so do `|` and `=`, but the
 * calls inside count.
 */
export const WIKITEXT_TAGS = [ 'ref', 'references', 'poem', 'indicator' ];
/** Tags that are dropped, their contents kept, on a page that is viewed. */
const IGNORED_TAGS = [ 'noinclude', '/noinclude', 'onlyinclude', '/onlyinclude' ];
/** Elements that run to the end of the text when they are not closed (names as typed). */
const MAY_RUN_TO_END = [ 'includeonly', 'noinclude', 'onlyinclude' ];
/** A tag or comment right after a `<` (PCRE's `\s` without `u`). */
const ELEMENT = new RegExp( '(' + EXTENSION_TAGS.concat( IGNORED_TAGS ).join( '|' ) + ')(?:[ \\t\\n\\v\\f\\r]|/>|>)|(!--)', 'iy' );

/** The closing tag of each element, by lower-case name. */
const CLOSING: Record<string, RegExp> = {};

interface TagScan {
	/** No `>` right of here: tags cannot end (keeps the scan linear). */
	noMoreGT: boolean;
	/** Element names (as typed) known to have no closing tag right of here. */
	noClosing: Record<string, boolean>;
}

interface Angle {
	/** `text`: the `<` is text; `literal`: so is the whole opening tag, up to `end`. */
	kind: 'text' | 'literal' | 'comment' | 'ignored' | 'ext';
	end: number;
	/** An element's name, lower case. */
	name?: string;
	/** Where an element's contents start and end, when it has some. */
	inner?: [ number, number ];
}

function newScan(): TagScan {
	return { noMoreGT: false, noClosing: Object.create( null ) as Record<string, boolean> };
}

/** What starts at the `<` at `at`, as the preprocessor reads it. */
function readAngle( text: string, at: number, scan: TagScan ): Angle {
	ELEMENT.lastIndex = at + 1;
	const match = ELEMENT.exec( text );
	if ( !match ) {
		return { kind: 'text', end: at + 1 };
	}
	if ( match[ 2 ] ) {
		const close = text.indexOf( '-->', at + 4 );
		return { kind: 'comment', end: close === -1 ? text.length : close + 3 };
	}
	const name = match[ 1 ];
	const lower = name.toLowerCase();
	const tagEnd = scan.noMoreGT ? -1 : text.indexOf( '>', at + name.length + 1 );
	if ( tagEnd === -1 ) {
		scan.noMoreGT = true;
		return { kind: 'text', end: at + 1 };
	}
	if ( IGNORED_TAGS.includes( lower ) ) {
		return { kind: 'ignored', end: tagEnd + 1 };
	}
	const kind = lower === 'includeonly' ? 'ignored' : 'ext';
	if ( text.charAt( tagEnd - 1 ) === '/' ) {
		return { kind: kind, end: tagEnd + 1, name: lower };
	}
	if ( !scan.noClosing[ name ] ) {
		const closing = CLOSING[ lower ] || ( CLOSING[ lower ] = new RegExp( '</' + lower + '[ \\t\\n\\v\\f\\r]*>', 'ig' ) );
		closing.lastIndex = tagEnd + 1;
		const found = closing.exec( text );
		if ( found ) {
			return { kind: kind, end: found.index + found[ 0 ].length, name: lower, inner: [ tagEnd + 1, found.index ] };
		}
	}
	if ( MAY_RUN_TO_END.includes( name ) ) {
		return { kind: kind, end: text.length, name: lower, inner: [ tagEnd + 1, text.length ] };
	}
	scan.noClosing[ name ] = true;
	return { kind: 'literal', end: tagEnd + 1 };
}

function spacesBefore( text: string, at: number ): number {
	let start = at;
	while ( start > 0 && ( text.charAt( start - 1 ) === ' ' || text.charAt( start - 1 ) === '\t' ) ) {
		start--;
	}
	return start;
}

function spacesAfter( text: string, at: number ): number {
	let end = at;
	while ( text.charAt( end ) === ' ' || text.charAt( end ) === '\t' ) {
		end++;
	}
	return end;
}

/**
 * The text without its comments, as MediaWiki removes them: `<!-- … -->` (an
 * unclosed one runs to the end); comments alone on a line (with spaces and tabs
 * around them) go with their line break. Comments inside `<nowiki>`, `<pre>` and
 * other tags that keep their contents are text, and stay (in `<ref>` they go).
 */
export function stripComments( text: string ): string {
	if ( !text.includes( '<!--' ) ) {
		return text;
	}
	const scan = newScan();
	let out = '';
	let copied = 0;
	let at = text.indexOf( '<' );
	while ( at !== -1 ) {
		const angle = readAngle( text, at, scan );
		let next = angle.end;
		if ( angle.kind === 'comment' ) {
			let from = at;
			const closed = angle.end - 3 >= at + 4 && text.slice( angle.end - 3, angle.end ) === '-->';
			if ( closed ) {
				// The preprocessor's rule: a run of comments with a line break on both sides eats one of them.
				const wsStart = spacesBefore( text, at );
				let wsEnd = spacesAfter( text, angle.end );
				while ( text.startsWith( '<!--', wsEnd ) ) {
					const close = text.indexOf( '-->', wsEnd + 4 );
					if ( close === -1 ) {
						break;
					}
					wsEnd = spacesAfter( text, close + 3 );
				}
				if ( wsStart > 0 && text.charAt( wsStart - 1 ) === '\n' && text.charAt( wsEnd ) === '\n' ) {
					from = Math.max( wsStart, copied );
					next = wsEnd + 1;
				}
			}
			out += text.slice( copied, from );
			copied = next;
		} else if ( angle.kind === 'ext' && angle.inner && WIKITEXT_TAGS.includes( angle.name as string ) ) {
			// Comments in a <ref> are comments there too.
			out += text.slice( copied, angle.inner[ 0 ] ) + stripComments( text.slice( angle.inner[ 0 ], angle.inner[ 1 ] ) );
			copied = angle.inner[ 1 ];
		}
		at = text.indexOf( '<', next );
	}
	return out + text.slice( copied );
}

// The tree -------------------------------------------------------------------

export interface Part {
	/** First character of the part (after `{{` or `|`). */
	start: number;
	/** Past its last character. */
	end: number;
	/** Offset of the `=` that names it, or -1. */
	eq: number;
	nodes: Node[];
}

export interface Braces {
	kind: 'template' | 'tplarg';
	start: number;
	end: number;
	parts: Part[];
}

export interface Skipped {
	/** `dropped`: comments and tags a viewed page drops; `ext`: an extension's element. */
	kind: 'dropped' | 'ext';
	start: number;
	end: number;
	/** An element's name (lower case) and the offsets of its contents, if any. */
	name?: string;
	inner?: [ number, number ];
}

/**
 * What a piece that made no element held (a link, `-{ }-`, a heading line, braces
 * left open), in order: its braces are text, the nodes inside stay where they are.
 * Kept by reference, so that deep nesting costs no copying.
 */
export interface Group {
	kind: 'group';
	lists: Node[][];
}

export type Node = Braces | Skipped | Group;

interface Piece {
	/** `{`, `[`, `-{`, or a line break for a possible heading. */
	open: string;
	/** `}`, `]`, `}-` or a line break. */
	close: string;
	count: number;
	/** Offset of the first opening character (after a `-` kept as text). */
	start: number;
	/** A `-` before `{{` that could still make `-{`. */
	dash: boolean;
	parts: Part[];
}

interface Rule {
	close: string;
	min: number;
	max: number;
	/** What n matched characters make; null: text. */
	names: Record<number, 'template' | 'tplarg' | null>;
}

const RULES: Record<string, Rule> = {
	'{': { close: '}', min: 2, max: 3, names: { 2: 'template', 3: 'tplarg' } },
	'[': { close: ']', min: 2, max: 2, names: { 2: null } },
	'-{': { close: '}-', min: 2, max: 2, names: { 2: null } },
};

/**
 * The characters the preprocessor stops at (1 in a table of ASCII), by what the
 * innermost piece closes with (nothing, `}` or `}-`, `]`, a line break) and by
 * whether `|`, or `|` and `=`, count: always `{ [ < -` and line breaks.
 */
const STOPS: Uint8Array[][] = [ '', '}', ']', '\n' ].map( ( closing ) => [ '', '|', '|=' ].map( ( extra ) => {
	const table = new Uint8Array( 128 );
	( '{[<-\n' + closing + extra ).split( '' ).forEach( ( ch ) => {
		table[ ch.charCodeAt( 0 ) ] = 1;
	} );
	return table;
} ) );

/** Nodes of a part that holds none yet (parts are many; most hold nothing). */
const NO_NODES: Node[] = [];

function newPart( start: number ): Part {
	return { start: start, end: start, eq: -1, nodes: NO_NODES };
}

function run( text: string, code: number, from: number, max: number ): number {
	let count = 0;
	while ( count < max && text.charCodeAt( from + count ) === code ) {
		count++;
	}
	return count;
}

/** What a piece that made no element held, or null when it held nothing. */
function broken( piece: Piece ): Group | null {
	let lists: Node[][] | null = null;
	for ( const part of piece.parts ) {
		if ( part.nodes.length ) {
			( lists || ( lists = [] ) ).push( part.nodes );
		}
	}
	return lists ? { kind: 'group', lists: lists } : null;
}

/**
 * The preprocessor's tree of a page that is viewed (not transcluded), reduced to
 * what calls need: braces, comments and tags, with their offsets. As
 * Preprocessor_Hash::buildDomTreeArrayFromText, step for step.
 */
export function preprocess( text: string ): Node[] {
	const length = text.length;
	const root: Node[] = [];
	const stack: Piece[] = [];
	const scan = newScan();
	let top: Piece | undefined;
	let part: Part | undefined;
	let findPipe = false;
	let findEquals = false;
	let stops = STOPS[ 0 ][ 0 ];
	/** After the stack or the current part changed. */
	const refresh = (): void => {
		top = stack.length ? stack[ stack.length - 1 ] : undefined;
		if ( top ) {
			part = top.parts[ top.parts.length - 1 ];
			findPipe = top.open !== '\n' && top.open !== '[';
			findEquals = findPipe && top.parts.length > 1 && part.eq === -1;
			const closing = top.close === ']' ? 2 : top.close === '\n' ? 3 : 1;
			stops = STOPS[ closing ][ findEquals ? 2 : findPipe ? 1 : 0 ];
		} else {
			part = undefined;
			findPipe = findEquals = false;
			stops = STOPS[ 0 ][ 0 ];
		}
	};
	const add = ( node: Node ): void => {
		if ( !part ) {
			root.push( node );
		} else if ( part.nodes === NO_NODES ) {
			part.nodes = [ node ];
		} else {
			part.nodes.push( node );
		}
	};
	let i = 0;
	// The text starts as if after a line break.
	let lineStart = true;
	for ( ;; ) {
		let found: string;
		let current = '';
		const closing = top ? top.close : '';
		if ( lineStart ) {
			found = 'line-start';
		} else {
			while ( i < length ) {
				const code = text.charCodeAt( i );
				if ( code < 128 && stops[ code ] === 1 ) {
					break;
				}
				i++;
			}
			if ( i >= length ) {
				if ( closing !== '\n' ) {
					break;
				}
				found = 'line-end';
			} else {
				const ch = text.charAt( i );
				if ( ch === '|' ) {
					found = 'pipe';
				} else if ( ch === '=' ) {
					found = 'equals';
				} else if ( ch === '<' ) {
					found = 'angle';
				} else if ( ch === '\n' ) {
					found = closing === '\n' ? 'line-end' : 'line-start';
				} else if ( closing === '}-' && ch === '}' && text.charAt( i + 1 ) === '-' ) {
					found = 'close';
					current = '}-';
				} else if ( ch === closing ) {
					found = 'close';
					current = ch;
				} else if ( ch === '-' && text.charAt( i + 1 ) === '{' ) {
					found = 'open';
					current = '-{';
				} else if ( ch === '{' || ch === '[' ) {
					found = 'open';
					current = ch;
				} else {
					// A `-` or `}` that neither opens nor closes.
					i++;
					continue;
				}
			}
		}

		if ( found === 'angle' ) {
			const angle = readAngle( text, i, scan );
			if ( angle.kind !== 'text' && angle.kind !== 'literal' ) {
				add( angle.kind === 'ext' ?
					{ kind: 'ext', start: i, end: angle.end, name: angle.name, inner: angle.inner } :
					{ kind: 'dropped', start: i, end: angle.end } );
			}
			i = angle.end;
		} else if ( found === 'line-start' ) {
			if ( lineStart ) {
				lineStart = false;
			} else {
				i++;
			}
			const count = run( text, 61, i, 6 );
			// One `=` where a parameter name may end is that, not a heading.
			if ( count > 1 || ( count === 1 && !findEquals ) ) {
				stack.push( { open: '\n', close: '\n', count: count, start: i, dash: false, parts: [ newPart( i ) ] } );
				refresh();
				i += count;
			}
		} else if ( found === 'line-end' ) {
			// Heading or not, what the line holds goes to the enclosing piece.
			const held = broken( stack.pop() as Piece );
			refresh();
			if ( held ) {
				add( held );
			}
		} else if ( found === 'open' ) {
			let count = current === '-{' ? run( text, 123, i + 1, Infinity ) + 1 : run( text, current.charCodeAt( 0 ), i, Infinity );
			let dash = false;
			if ( current === '-{' && count > 2 ) {
				// `-{{`: the braces win.
				dash = true;
				i++;
				current = '{';
				count--;
			}
			const rule = RULES[ current ];
			if ( count >= rule.min ) {
				stack.push( { open: current, close: rule.close, count: count, start: i, dash: dash, parts: [ newPart( i + count ) ] } );
				refresh();
			}
			i += count;
		} else if ( found === 'close' ) {
			const piece = top as Piece;
			const rule = RULES[ piece.open ];
			// Counting past the most a rule matches would make long runs quadratic.
			const count = current.length > 1 ? current.length : run( text, current.charCodeAt( 0 ), i, Math.min( piece.count, rule.max ) );
			let matching = Math.min( count, rule.max );
			while ( matching > 0 && !Object.prototype.hasOwnProperty.call( rule.names, matching ) ) {
				matching--;
			}
			if ( matching <= 0 ) {
				i += count;
				continue;
			}
			const name = rule.names[ matching ];
			let element: Node | null;
			if ( name === null ) {
				element = broken( piece );
			} else {
				piece.parts[ piece.parts.length - 1 ].end = i;
				element = { kind: name, start: piece.start + piece.count - matching, end: i + matching, parts: piece.parts };
			}
			i += matching;
			stack.pop();
			if ( matching < piece.count ) {
				piece.count -= matching;
				if ( piece.count >= rule.min ) {
					piece.parts = [ newPart( piece.start + piece.count ) ];
					stack.push( piece );
				} else if ( piece.count === 1 && piece.open === '{' && piece.dash ) {
					piece.dash = false;
					piece.open = '-{';
					piece.close = '}-';
					piece.count = 2;
					piece.start--;
					piece.parts = [ newPart( piece.start + 2 ) ];
					stack.push( piece );
				}
			}
			refresh();
			if ( element ) {
				add( element );
			}
		} else if ( found === 'pipe' ) {
			const piece = top as Piece;
			piece.parts[ piece.parts.length - 1 ].end = i;
			piece.parts.push( newPart( i + 1 ) );
			refresh();
			i++;
		} else {
			// found === 'equals'
			( top as Piece ).parts[ ( top as Piece ).parts.length - 1 ].eq = i;
			refresh();
			i++;
		}
	}
	stack.forEach( ( piece ) => {
		const held = broken( piece );
		if ( held ) {
			root.push( held );
		}
	} );
	return root;
}
